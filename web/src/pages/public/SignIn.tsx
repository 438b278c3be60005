// Sign in, then back to the page the user was on (or the role's start page).
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import { FormError, Input } from '../../components/Field';
import { usePageTitle } from '../../components/usePageTitle';
import { t } from '../../i18n';
import { navigate, safeNext, useQuery } from '../../router';
import { homeOf, signIn, useSession } from '../../session';

export function SignIn() {
  usePageTitle(t('signin.title'));
  const [q] = useQuery();
  const s = useSession();
  const next = safeNext(q.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const user = await signIn(username.trim(), password);
      navigate(next && next !== '/sign-in' ? next : homeOf(user.role), { replace: true });
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t('signin.failed') : err instanceof ApiError ? err.summary : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="narrow">
      <h1>{t('signin.title')}</h1>
      {s.expired ? <p class="notice notice-error" role="alert">{t('signin.expired')}</p> : next && !s.user ? <p class="notice">{t('signin.needed')}</p> : null}
      {s.user && <p class="notice">{t('signin.already', { name: s.user.display_name })}</p>}
      <p>{t('signin.intro')}</p>
      <form class="form" onSubmit={submit} noValidate>
        <FormError message={error} />
        <Input id="username" label={t('signin.username')} value={username} onValue={setUsername} autoComplete="username" required autoCapitalize="none" spellcheck={false} />
        <Input id="password" type="password" label={t('signin.password')} value={password} onValue={setPassword} autoComplete="current-password" required />
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? t('common.loading') : t('signin.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
