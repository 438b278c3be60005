// What a user sees on a page their role may not see, and on an unknown address.
import { label, t } from '../i18n';
import { homeOf, useSession } from '../session';
import { Link } from './Link';
import { usePageTitle } from './usePageTitle';

export function Refused() {
  const { user } = useSession();
  usePageTitle(t('refused.title'));
  return (
    <section class="refused" data-testid="refused">
      <h1>{t('refused.title')}</h1>
      <p>{t('refused.text', { role: label('role', user?.role) })}</p>
      <p>
        <Link href={homeOf(user?.role)} class="btn btn-primary">
          {t('refused.home')}
        </Link>
      </p>
    </section>
  );
}

export function NotFound() {
  usePageTitle(t('notfound.title'));
  return (
    <section>
      <h1>{t('notfound.title')}</h1>
      <p>{t('notfound.text')}</p>
      <p>
        <Link href="/">{t('nav.home')}</Link>
      </p>
    </section>
  );
}
