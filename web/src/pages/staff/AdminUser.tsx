// One account, for the administrator: its details to edit, its state (disable / enable, asking
// first), a new one-time link, and turning off two-step sign-in (a lost phone).
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { Account, AccountPatch, OneTimeLink, Role } from '../../api/types';
import { ROLES } from '../../api/types';
import { AgencySelect, LeadAgency } from '../../components/AgencyPicker';
import { Async } from '../../components/Async';
import { Badge } from '../../components/Badges';
import { ConfirmButton } from '../../components/Confirm';
import { CoopPicker } from '../../components/CoopPicker';
import { FormError, Input, Select } from '../../components/Field';
import { Link } from '../../components/Link';
import { LinkResult } from '../../components/LinkResult';
import { notify } from '../../components/Notices';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../format';
import { label, t } from '../../i18n';
import { agencies, useList } from '../../reference';
import type { PageProps } from '../../routes';

export default function AdminUser({ params }: PageProps) {
  const id = params.id;
  const user = useFetch((signal) => api<Account>(`/users/${id}`, { signal }), [id]);
  const [u, setU] = useState<Account | null>(null);
  const [link, setLink] = useState<OneTimeLink | null>(null);
  useEffect(() => setU(user.data ?? null), [user.data]);
  usePageTitle(u?.display_name ?? t('users.title'));
  if (user.error?.status === 404 || user.error?.status === 400) return <h1>{t('users.notFound')}</h1>;
  const act = async (path: string, done: string) => {
    const r = await api<{ user: Account }>(`/users/${id}/${path}`, { method: 'POST' });
    setU(r.user);
    notify(done);
  };
  const newLink = async () => {
    try {
      setLink(await api<OneTimeLink>(`/users/${id}/link`, { method: 'POST' }));
    } catch (x) {
      notify(x instanceof ApiError ? x.summary : String(x), 'error');
    }
  };
  return (
    <Async state={user} isEmpty={() => false}>
      {() =>
        u && (
          <>
            <p class="crumbs">
              <Link href="/admin/users">{t('users.title')}</Link>
            </p>
            <h1>{u.display_name}</h1>
            <section class="panel" aria-labelledby="state-h">
              <h2 id="state-h">{t('users.state')}</h2>
              <dl class="facts">
                <div>
                  <dt>{t('user.username')}</dt>
                  <dd>{u.username}</dd>
                </div>
                <div>
                  <dt>{t('user.status')}</dt>
                  <dd data-testid="user-status">
                    <Badge kind={`u-${u.status}`} text={label('astat', u.status)} />
                  </dd>
                </div>
                <div>
                  <dt>{t('user.created_at')}</dt>
                  <dd>{formatDateTime(u.created_at)}</dd>
                </div>
                <div>
                  <dt>{t('user.activated_at')}</dt>
                  <dd>{formatDateTime(u.activated_at)}</dd>
                </div>
                {u.disabled_at && (
                  <div>
                    <dt>{t('user.disabled_at')}</dt>
                    <dd>{formatDateTime(u.disabled_at)}</dd>
                  </div>
                )}
                <div>
                  <dt>{t('user.totp')}</dt>
                  <dd>{u.totp_enabled ? t('user.totp.on') : t('user.totp.off')}</dd>
                </div>
              </dl>
              <div class="actions">
                {u.status === 'disabled' ? (
                  <ConfirmButton label={t('users.enable')} question={`${t('users.enable')}: ${u.display_name}?`} onConfirm={() => act('enable', t('users.enabled', { name: u.display_name }))} />
                ) : (
                  <ConfirmButton danger label={t('users.disable')} question={t('users.disable.confirm', { name: u.display_name })} onConfirm={() => act('disable', t('users.disabled', { name: u.display_name }))} />
                )}
                {u.status !== 'disabled' && (
                  <button type="button" class="btn" onClick={newLink}>
                    {t('users.link')}
                  </button>
                )}
                {u.totp_enabled && <ConfirmButton danger label={t('users.totpReset')} question={t('users.totpReset.confirm', { name: u.display_name })} onConfirm={() => act('totp-reset', t('users.totpReset.done', { name: u.display_name }))} />}
              </div>
              {u.status !== 'disabled' && <p class="hint">{u.status === 'invited' ? t('users.link.hint.invited') : t('users.link.hint.active')}</p>}
              {link && <LinkResult id="user-link" link={link} />}
            </section>
            <EditForm key={u.id} u={u} onSaved={setU} />
          </>
        )
      }
    </Async>
  );
}

function EditForm({ u, onSaved }: { u: Account; onSaved: (u: Account) => void }) {
  const ags = useList(agencies);
  const [v, setV] = useState({
    display_name: u.display_name, email: u.email ?? '', phone: u.phone ?? '', role: u.role as string,
    agency: u.agency_id ? String(u.agency_id) : '', cooperative: u.cooperative_id ? String(u.cooperative_id) : '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (x: string) => setV({ ...v, [k]: x });
  const role = v.role as Role;
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    const patch: AccountPatch = {};
    if (v.display_name.trim() !== u.display_name) patch.display_name = v.display_name.trim();
    if (v.email.trim() !== (u.email ?? '')) patch.email = v.email.trim() || null;
    if (v.phone.trim() !== (u.phone ?? '')) patch.phone = v.phone.trim() || null;
    if (role !== u.role) patch.role = role;
    if (['department', 'alliance', 'leader'].includes(role) && v.agency && Number(v.agency) !== u.agency_id) patch.agency_id = Number(v.agency);
    if (role === 'coop' && v.cooperative && Number(v.cooperative) !== u.cooperative_id) patch.cooperative_id = Number(v.cooperative);
    try {
      const r = await api<Account | { user: Account }>(`/users/${u.id}`, { method: 'PATCH', json: patch });
      onSaved('user' in r ? r.user : r);
      notify(t('users.saved'));
    } catch (x) {
      if (!(x instanceof ApiError)) throw x;
      setErrors(x.fieldErrors());
      setError(x.errors.length ? t('common.fixErrors') : x.summary);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-labelledby="edit-h">
      <h2 id="edit-h">{t('users.edit')}</h2>
      <form class="form" onSubmit={submit} noValidate>
        <FormError message={error} />
        <Input id="u-display_name" label={t('user.display_name')} value={v.display_name} onValue={set('display_name')} error={errors.display_name} required />
        <div class="row">
          <Input id="u-email" type="email" label={t('user.email')} value={v.email} onValue={set('email')} error={errors.email} />
          <Input id="u-phone" type="tel" label={t('user.phone')} value={v.phone} onValue={set('phone')} error={errors.phone} />
        </div>
        <Select id="u-role" label={t('user.role')} value={v.role} onValue={set('role')} error={errors.role} required placeholder={false} options={ROLES.map((r) => ({ value: r, label: label('role', r) }))} />
        {role === 'department' && <LeadAgency id="u-agency" label={t('user.agency')} agencies={ags} value={v.agency} onValue={set('agency')} error={errors.agency_id} required />}
        {(role === 'alliance' || role === 'leader') && <AgencySelect id="u-agency" label={t('user.agency')} agencies={ags} value={v.agency} onValue={set('agency')} error={errors.agency_id} />}
        {role === 'coop' && <CoopPicker id="u-cooperative" label={t('user.cooperative')} value={v.cooperative} onValue={set('cooperative')} error={errors.cooperative_id} required initial={u.cooperative ? [u.cooperative] : []} />}
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
