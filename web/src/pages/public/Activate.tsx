// A one-time link from the administrator or the Alliance: whose account it is, and the new
// password (the rules stated, the server's refusal next to the field). Phone first.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { LinkInfo } from '../../api/types';
import { Async } from '../../components/Async';
import { FormError, Input } from '../../components/Field';
import { Link } from '../../components/Link';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../format';
import { t } from '../../i18n';
import { navigate } from '../../router';
import type { PageProps } from '../../routes';

export function Activate({ params }: PageProps) {
  const token = params.token;
  const info = useFetch((signal) => api<LinkInfo>(`/account-links/${encodeURIComponent(token)}`, { signal, quiet401: true }), [token]);
  usePageTitle(info.data?.purpose === 'reset' ? t('activate.resetTitle') : t('activate.title'));
  if (info.error && (info.error.status === 410 || info.error.status === 404))
    return (
      <section class="narrow">
        <h1>{t('activate.title')}</h1>
        <p class="notice notice-error" role="alert" data-testid="link-problem">
          {info.error.status === 410 ? t('activate.expired') : t('activate.used')}
        </p>
        <p>
          <Link href="/sign-in" class="btn">
            {t('app.signin')}
          </Link>
        </p>
      </section>
    );
  return (
    <section class="narrow">
      <Async state={info} isEmpty={() => false}>
        {(l) => <SetPassword token={token} info={l} />}
      </Async>
    </section>
  );
}

function SetPassword({ token, info }: { token: string; info: LinkInfo }) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    const local: Record<string, string> = {};
    if (password.length < 10) local.password = t('activate.tooShort');
    if (again !== password) local.again = t('activate.mismatch');
    setErrors(local);
    if (Object.keys(local).length) {
      document.getElementById(local.password ? 'password' : 'again')?.focus();
      return;
    }
    setBusy(true);
    try {
      await api(`/account-links/${encodeURIComponent(token)}`, { method: 'POST', json: { password }, quiet401: true });
      navigate(`/sign-in?activated=1&username=${encodeURIComponent(info.username)}`, { replace: true });
    } catch (x) {
      if (!(x instanceof ApiError)) throw x;
      if (x.status === 410) setError(t('activate.expired'));
      else if (x.status === 404) setError(t('activate.used'));
      else {
        const fe = x.fieldErrors();
        setErrors(fe);
        setError(x.errors.length ? '' : x.summary);
        if (fe.password) document.getElementById('password')?.focus();
      }
    } finally {
      setBusy(false);
    }
  };
  const reset = info.purpose === 'reset';
  return (
    <>
      <h1>{reset ? t('activate.resetTitle') : t('activate.title')}</h1>
      <p data-testid="link-account">
        <strong>{t('activate.for', { name: info.display_name, username: info.username })}</strong>
      </p>
      <p class="meta">{t('activate.expires', { date: formatDateTime(info.expires_at) })}</p>
      <form class="form" onSubmit={submit} noValidate>
        <FormError message={error} />
        {/* The username, for the browser's password manager. */}
        <input type="text" name="username" autoComplete="username" value={info.username} readOnly hidden />
        <Input id="password" type="password" label={reset ? t('account.password.new') : t('activate.password')} hint={t('activate.rules')} value={password} onValue={setPassword} error={errors.password} autoComplete="new-password" required minLength={10} />
        <Input id="again" type="password" label={t('activate.confirm')} value={again} onValue={setAgain} error={errors.again} autoComplete="new-password" required />
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? t('common.saving') : t('activate.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
