// Sign in, then back to the page the user was on (or the role's start page). An account with
// two-step sign-in is asked for its code; one whose role needs it and has none goes to set it up.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import { FormError, Input } from '../../components/Field';
import { usePageTitle } from '../../components/usePageTitle';
import { t } from '../../i18n';
import { navigate, safeNext, useQuery } from '../../router';
import { homeOf, signIn, useSession } from '../../session';

/** The server's 401 asks for the two-step code (errors[].field totp_code, or totp_required). */
function asksForCode(e: ApiError): boolean {
  return e.errors.some((x) => x.field === 'totp_code') || !!(e.body && typeof e.body === 'object' && (e.body as { totp_required?: boolean }).totp_required);
}

export function SignIn() {
  usePageTitle(t('signin.title'));
  const [q] = useQuery();
  const s = useSession();
  const next = safeNext(q.get('next'));
  const [username, setUsername] = useState(q.get('username') ?? '');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needCode, setNeedCode] = useState(false);
  const [codeError, setCodeError] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const codeRef = useRef(false);
  useEffect(() => {
    if (needCode && !codeRef.current) {
      codeRef.current = true;
      document.getElementById('totp_code')?.focus();
    }
  }, [needCode]);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    setCodeError('');
    const sentCode = needCode ? code.trim().replace(/\s/g, '') : '';
    try {
      const r = await signIn(username.trim(), password, sentCode || undefined);
      if (r.totpSetupRequired) navigate('/account#totp', { replace: true });
      else navigate(next && next !== '/sign-in' ? next : homeOf(r.user.role), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401 && asksForCode(err)) {
        setNeedCode(true);
        // The first time the code is only asked for; after a code was sent, it was wrong.
        if (sentCode) {
          setCodeError(err.fieldErrors().totp_code ?? t('signin.failed'));
          setCode('');
          document.getElementById('totp_code')?.focus();
        }
      } else setError(err instanceof ApiError && err.status === 401 ? t('signin.failed') : err instanceof ApiError ? err.summary : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="narrow">
      <h1>{t('signin.title')}</h1>
      {q.get('activated') ? (
        <p class="notice" role="status" data-testid="activated">{t('activate.done')}</p>
      ) : s.expired ? (
        <p class="notice notice-error" role="alert">{t('signin.expired')}</p>
      ) : next && !s.user ? (
        <p class="notice">{t('signin.needed')}</p>
      ) : null}
      {s.user && <p class="notice">{t('signin.already', { name: s.user.display_name })}</p>}
      <p>{t('signin.intro')}</p>
      <form class="form" onSubmit={submit} noValidate>
        <FormError message={error} />
        <Input id="username" label={t('signin.username')} value={username} onValue={setUsername} autoComplete="username" required autoCapitalize="none" spellcheck={false} />
        <Input id="password" type="password" label={t('signin.password')} value={password} onValue={setPassword} autoComplete="current-password" required />
        {needCode && (
          <>
            <p class="notice-inline" role="status">{t('signin.totp.needed')}</p>
            <Input id="totp_code" label={t('signin.totp')} hint={t('signin.totp.hint')} value={code} onValue={setCode} error={codeError} autoComplete="one-time-code" inputMode="text" autoCapitalize="none" spellcheck={false} maxLength={32} required />
          </>
        )}
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? t('common.loading') : t('signin.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
