// Every signed-in user's own account: profile, e-mail notifications, password, sessions,
// two-step sign-in, API tokens.
// When the role requires two-step sign-in and the user has none, only that part is shown (the
// server refuses everything else until it is on).
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { Account as AccountT, ApiToken, ApiTokenCreated, Me, SessionInfo, TotpStart } from '../../api/types';
import { itemsOf } from '../../api/types';
import { Async, Empty } from '../../components/Async';
import { ConfirmButton } from '../../components/Confirm';
import { TokenTable } from '../../components/TokenTable';
import { CopyField } from '../../components/CopyField';
import { FormError, Input } from '../../components/Field';
import { MailSettings } from '../../components/MailSettings';
import { notify } from '../../components/Notices';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { daysFromToday, formatDateTime, todayIso } from '../../format';
import { label, t } from '../../i18n';
import { navigate } from '../../router';
import { forgetSession, setSessionUser, useSession } from '../../session';

/** The field errors of a refusal, and the sentence above the form. */
function refusal(x: unknown): { errors: Record<string, string>; error: string } {
  if (!(x instanceof ApiError)) throw x;
  return { errors: x.fieldErrors(), error: x.errors.length ? t('common.fixErrors') : x.summary };
}

/** The address as the profile form last saved it: each save updates the session's user. */
function savedEmail(current: unknown, loaded: AccountT): string | null {
  const u = current as Partial<AccountT> | null;
  return (u && u.id === loaded.id && 'email' in u ? u.email : loaded.email) || null;
}

export default function Account() {
  usePageTitle(t('account.title'));
  const me = useFetch((signal) => api<Me>('/me', { signal }), []);
  const [codes, setCodes] = useState<string[] | null>(null);
  const session = useSession();
  useEffect(() => {
    if (me.data) setSessionUser(me.data.user);
  }, [me.data]);
  const mustEnrol = !!me.data && me.data.totp_required && !me.data.user.totp_enabled;
  useEffect(() => {
    if (me.data && window.location.hash === '#totp') document.getElementById('totp')?.scrollIntoView();
  }, [!!me.data]);
  return (
    <>
      <h1>{t('account.title')}</h1>
      <Async state={me} isEmpty={() => false}>
        {(m) => (
          <>
            {mustEnrol && (
              <p class="notice notice-error" role="alert" data-testid="totp-required">
                {t('account.totp.required', { role: label('role', m.user.role) })}
              </p>
            )}
            {!mustEnrol && <Profile user={m.user} />}
            {!mustEnrol && <MailSettings email={savedEmail(session.user, m.user)} />}
            {!mustEnrol && <Password />}
            {!mustEnrol && <Sessions />}
            <Totp me={m} codes={codes} setCodes={setCodes} reload={me.reload} />
            {!mustEnrol && <Tokens />}
          </>
        )}
      </Async>
    </>
  );
}

function Profile({ user }: { user: AccountT }) {
  const [v, setV] = useState({ display_name: user.display_name, email: user.email ?? '', phone: user.phone ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (x: string) => setV({ ...v, [k]: x });
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    try {
      const r = await api<{ user: AccountT }>('/me', { method: 'PATCH', json: { display_name: v.display_name.trim(), email: v.email.trim() || null, phone: v.phone.trim() || null } });
      setSessionUser(r.user);
      notify(t('account.profile.saved'));
    } catch (x) {
      const r = refusal(x);
      setErrors(r.errors);
      setError(r.error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-labelledby="profile-h" id="profile">
      <h2 id="profile-h">{t('account.profile')}</h2>
      <p class="meta">
        {t('user.username')}: <strong>{user.username}</strong> · {label('role', user.role)}
        {user.agency && ` · ${user.agency.name}`}
        {user.cooperative && ` · ${user.cooperative.name}`}
      </p>
      <form class="form" onSubmit={submit} noValidate>
        <FormError message={error} />
        <Input id="me-display_name" label={t('user.display_name')} value={v.display_name} onValue={set('display_name')} error={errors.display_name} required autoComplete="name" />
        <div class="row">
          <Input id="me-email" type="email" label={t('user.email')} value={v.email} onValue={set('email')} error={errors.email} autoComplete="email" />
          <Input id="me-phone" type="tel" label={t('user.phone')} value={v.phone} onValue={set('phone')} error={errors.phone} autoComplete="tel" />
        </div>
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Password() {
  const [v, setV] = useState({ current: '', next: '', again: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (x: string) => setV({ ...v, [k]: x });
  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    if (v.next !== v.again) {
      setErrors({ again: t('activate.mismatch') });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await api('/me/password', { json: { current_password: v.current, new_password: v.next } });
      setV({ current: '', next: '', again: '' });
      notify(t('account.password.done'));
    } catch (x) {
      const r = refusal(x);
      if (r.errors.password && !r.errors.new_password) r.errors.new_password = r.errors.password;
      setErrors(r.errors);
      setError(r.error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-labelledby="password-h" id="password">
      <h2 id="password-h">{t('account.password')}</h2>
      <form class="form" onSubmit={submit} noValidate>
        <FormError message={error} />
        <Input id="pw-current" type="password" label={t('account.password.current')} value={v.current} onValue={set('current')} error={errors.current_password} autoComplete="current-password" required />
        <Input id="pw-new" type="password" label={t('account.password.new')} hint={t('activate.rules')} value={v.next} onValue={set('next')} error={errors.new_password} autoComplete="new-password" required minLength={10} />
        <Input id="pw-again" type="password" label={t('account.password.confirm')} value={v.again} onValue={set('again')} error={errors.again} autoComplete="new-password" required />
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? t('common.saving') : t('account.password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Sessions() {
  const list = useFetch((signal) => api<SessionInfo[] | { items: SessionInfo[] }>('/me/sessions', { signal }).then(itemsOf), []);
  const end = async (s: SessionInfo) => {
    await api(`/me/sessions/${s.id}`, { method: 'DELETE' });
    if (s.current) {
      forgetSession();
      navigate('/sign-in', { replace: true });
      return;
    }
    notify(t('account.sessions.ended'));
    list.reload();
  };
  return (
    <section class="panel" aria-labelledby="sessions-h" id="sessions">
      <h2 id="sessions-h">{t('account.sessions')}</h2>
      <p class="meta">{t('account.sessions.lead')}</p>
      <Async state={list} isEmpty={() => false}>
        {(items) => (
          <ul class="cards" data-testid="sessions">
            {items.map((s) => (
              <li key={s.id} class={`card${s.current ? ' card-selected' : ''}`}>
                <div class="card-head">
                  {s.current && <span class="badge badge-answered">{t('account.sessions.current')}</span>}
                  <strong>{s.address || '—'}</strong>
                </div>
                <p class="meta ua">{s.user_agent || '—'}</p>
                <p class="meta">
                  {t('account.sessions.started')}: {formatDateTime(s.created_at)} · {t('account.sessions.expires')}: {formatDateTime(s.expires_at)}
                </p>
                <ConfirmButton small label={t('account.sessions.end')} ariaLabel={t('account.sessions.endFor', { where: `${s.address} ${formatDateTime(s.created_at)}` })} question={s.current ? `${t('account.sessions.current')}: ${t('app.signout')}?` : `${t('account.sessions.endFor', { where: s.address || '—' })}?`} onConfirm={() => end(s)} />
              </li>
            ))}
          </ul>
        )}
      </Async>
    </section>
  );
}

/** base64 of a UTF-8 string (the QR code's SVG markup, for a data: address). */
function base64(s: string): string {
  let bin = '';
  new TextEncoder().encode(s).forEach((b) => (bin += String.fromCharCode(b)));
  return btoa(bin);
}

function Totp({ me, codes, setCodes, reload }: { me: Me; codes: string[] | null; setCodes: (c: string[] | null) => void; reload: () => void }) {
  const [start, setStart] = useState<TotpStart | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const on = me.user.totp_enabled;
  const begin = async () => {
    setBusy(true);
    setError('');
    try {
      setStart(await api<TotpStart>('/me/totp', { method: 'POST' }));
      setTimeout(() => document.getElementById('totp-code')?.focus(), 0);
    } catch (x) {
      setError(refusal(x).error);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    try {
      const r = await api<{ recovery_codes: string[] }>('/me/totp/confirm', { json: { code: code.trim().replace(/\s/g, '') } });
      setCodes(r.recovery_codes);
      setStart(null);
      setCode('');
      notify(t('account.totp.enabled'));
      reload();
    } catch (x) {
      const r = refusal(x);
      setErrors(r.errors);
      setError(r.error);
    } finally {
      setBusy(false);
    }
  };
  const disable = async () => {
    setErrors({});
    try {
      await api('/me/totp', { method: 'DELETE', json: { password } });
    } catch (x) {
      if (x instanceof ApiError && x.errors.length) {
        setErrors(x.fieldErrors());
        throw new ApiError(x.status, t('common.fixErrors'));
      }
      throw x;
    }
    setPassword('');
    notify(t('account.totp.disabled'));
    reload();
  };
  return (
    <section class="panel" aria-labelledby="totp-h" id="totp">
      <h2 id="totp-h" tabIndex={-1}>
        {t('account.totp')}
      </h2>
      <p class="meta">{t('account.totp.lead')}</p>
      <p data-testid="totp-state">
        <strong>{on ? t('account.totp.isOn') : t('account.totp.isOff')}</strong>
      </p>
      <FormError message={error} />
      {codes && (
        <div class="recovery" data-testid="recovery-codes">
          <h3>{t('account.totp.codes')}</h3>
          <p>{t('account.totp.codes.lead')}</p>
          <ol class="codes mono">
            {codes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ol>
          <CopyField id="recovery-text" label={t('account.totp.codes')} value={codes.join('\n')} multiline copyLabel={t('account.totp.codes.copy')} />
          <div class="actions">
            <button type="button" class="btn" onClick={() => window.print()}>
              {t('common.print')}
            </button>
            <button type="button" class="btn btn-primary" onClick={() => setCodes(null)}>
              {t('account.totp.codes.done')}
            </button>
          </div>
        </div>
      )}
      {!on && !start && (
        <div class="actions">
          <button type="button" class="btn btn-primary" disabled={busy} onClick={begin}>
            {t('account.totp.start')}
          </button>
        </div>
      )}
      {!on && start && (
        <form class="form" onSubmit={confirm} noValidate>
          <p>{t('account.totp.scan')}</p>
          <img class="qr" src={`data:image/svg+xml;base64,${base64(start.qr_svg)}`} alt={t('account.totp.qr')} width={220} height={220} data-testid="totp-qr" />
          <CopyField id="totp-secret" label={t('account.totp.secret')} value={start.secret} testId="totp-secret" />
          <Input id="totp-code" label={t('account.totp.code')} value={code} onValue={setCode} error={errors.code} inputMode="numeric" autoComplete="one-time-code" maxLength={8} required />
          <div class="actions">
            <button type="submit" class="btn btn-primary" disabled={busy}>
              {busy ? t('common.sending') : t('account.totp.confirm')}
            </button>
          </div>
        </form>
      )}
      {on && !me.totp_required && (
        <ConfirmButton label={t('account.totp.disable')} question={`${t('account.totp.disable')}?`} danger onConfirm={disable}>
          <Input id="totp-password" type="password" label={t('account.totp.disable.password')} value={password} onValue={setPassword} error={errors.password} autoComplete="current-password" required />
        </ConfirmButton>
      )}
    </section>
  );
}

function Tokens() {
  const list = useFetch((signal) => api<ApiToken[] | { items: ApiToken[] }>('/me/tokens', { signal }).then(itemsOf), []);
  const [name, setName] = useState('');
  const [expires, setExpires] = useState(daysFromToday(90));
  const [made, setMade] = useState<ApiTokenCreated | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const create = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    try {
      const json: Record<string, string> = { name: name.trim() };
      if (expires) json.expires_on = expires;
      setMade(await api<ApiTokenCreated>('/me/tokens', { json }));
      setName('');
      list.reload();
    } catch (x) {
      const r = refusal(x);
      setErrors(r.errors);
      setError(r.error);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (tk: ApiToken) => {
    await api(`/me/tokens/${tk.id}`, { method: 'DELETE' });
    notify(t('account.tokens.revoked', { name: tk.name }));
    if (made?.id === tk.id) setMade(null);
    list.reload();
  };
  return (
    <section class="panel" aria-labelledby="tokens-h" id="tokens">
      <h2 id="tokens-h">{t('account.tokens')}</h2>
      <p class="meta">{t('account.tokens.lead')}</p>
      <Async state={list} isEmpty={() => false}>
        {(items) =>
          items.length === 0 ? (
            <Empty message={t('account.tokens.empty')} />
          ) : (
            <TokenTable items={items} onRevoke={revoke} />
          )
        }
      </Async>
      {made && (
        <div class="link-result" data-testid="token-created">
          <p>
            <strong>{t('account.tokens.created', { name: made.name })}</strong>
          </p>
          <CopyField id="token-value" label={t('account.tokens.value')} value={made.token} testId="token-value" />
        </div>
      )}
      <form class="form" onSubmit={create} noValidate>
        <h3>{t('account.tokens.create')}</h3>
        <FormError message={error} />
        <div class="row">
          <Input id="token-name" label={t('account.tokens.name')} value={name} onValue={setName} error={errors.name} required maxLength={100} />
          <Input id="token-expires" type="date" label={t('account.tokens.expires_on')} hint={t('account.tokens.expires_on.hint')} value={expires} onValue={setExpires} error={errors.expires_on} min={todayIso()} max={daysFromToday(365)} />
        </div>
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? t('common.sending') : t('account.tokens.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
