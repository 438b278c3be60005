// The top of every page: name, menus, who is signed in, notifications and the language switch.
import { useEffect, useState } from 'preact/hooks';
import { label, lang, setLang, t } from '../i18n';
import { publicNav, roleNav, type NavItem } from '../nav';
import { navigate, useLocation } from '../router';
import { signOut, useSession } from '../session';
import { Link } from './Link';
import { NotificationBell } from './NotificationBell';
import { notify } from './Notices';
import { useProvinceName } from '../province';

function NavList({ items, path, label: aria }: { items: NavItem[]; path: string; label: string }) {
  const active = (href: string) => (href === '/' ? path === '/' : path === href || (path.startsWith(`${href}/`) && !items.some((i) => i.href !== href && path.startsWith(i.href) && i.href.length > href.length)));
  return (
    <ul class="nav-list" aria-label={aria}>
      {items.map((i) => (
        <li key={i.href}>
          <Link href={i.href} aria-current={active(i.href) ? 'page' : undefined}>
            {t(i.label)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function Header() {
  const { user } = useSession();
  const loc = useLocation();
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [loc.path]);
  const where = user?.agency?.name ?? user?.cooperative?.name;
  const province = useProvinceName();
  const out = async () => {
    await signOut().catch(() => {});
    notify(t('app.signedout'));
    navigate('/');
  };
  return (
    <header class={`site-header${open ? ' nav-open' : ''}`}>
      <div class="bar">
        <Link href="/" class="brand">
          <span class="brand-mark" aria-hidden="true" />
          <span>
            <strong>hoptac</strong>
            <span class="brand-sub">{province ? t('app.tagline', { province }) : t('app.taglineNoName')}</span>
          </span>
        </Link>
        <div class="bar-tools">
          {user && <NotificationBell />}
          <button type="button" class="btn-link lang" lang={lang() === 'vi' ? 'en' : 'vi'} title={t('app.lang.label')} onClick={() => setLang(lang() === 'vi' ? 'en' : 'vi')}>
            {t('app.lang.switch')}
          </button>
          <button type="button" class="btn menu-toggle" aria-expanded={open ? 'true' : 'false'} aria-controls="site-nav" onClick={() => setOpen(!open)}>
            {t('app.menu')}
          </button>
        </div>
      </div>
      {user && (
        <div class="who" data-testid="who">
          <span class="who-name">{user.display_name}</span>
          <span class="who-role">{label('role', user.role)}</span>
          {where && <span class="who-where">{where}</span>}
          <Link href="/account" class="who-account" aria-current={loc.path === '/account' ? 'page' : undefined}>
            {t('app.account')}
          </Link>
          <button type="button" class="btn btn-small" onClick={out}>
            {t('app.signout')}
          </button>
        </div>
      )}
      <nav id="site-nav" class="site-nav" aria-label={t('app.nav.main')}>
        {user && <NavList items={roleNav[user.role]} path={loc.path} label={t('app.nav.work')} />}
        <NavList items={publicNav} path={loc.path} label={t('app.nav.public')} />
        {!user && (
          <div class="nav-account">
            <Link href={loc.path === '/sign-in' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(loc.path + loc.search)}`} class="btn btn-primary">
              {t('app.signin')}
            </Link>
          </div>
        )}
      </nav>
    </header>
  );
}
