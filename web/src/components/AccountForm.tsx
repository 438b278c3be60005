// Creating an account (the administrator, any role) or inviting a cooperative's representative
// (the Alliance): the fields, the server's errors next to them, then the link to copy.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { AccountCreated, AccountInput, Role } from '../api/types';
import { ROLES } from '../api/types';
import { label, t } from '../i18n';
import { agencies, useList } from '../reference';
import { AgencySelect, LeadAgency } from './AgencyPicker';
import { CoopPicker } from './CoopPicker';
import { FormError, Input, Select } from './Field';
import { LinkResult } from './LinkResult';
import { Link } from './Link';

type Props = {
  /** The id prefix of the fields. */
  id: string;
  /** Inviting a representative of this cooperative: the role is coop and the cooperative fixed. */
  cooperative?: { id: number; name: string };
  submitLabel: string;
  onCreated?: (c: AccountCreated) => void;
  /** Link to the new account's page (the administrator). */
  showOpen?: boolean;
};

const blank = { username: '', display_name: '', email: '', phone: '', role: '', agency: '', cooperative: '' };

export function AccountForm({ id, cooperative, submitLabel, onCreated, showOpen }: Props) {
  const ags = useList(agencies);
  const [v, setV] = useState({ ...blank, role: cooperative ? 'coop' : '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<AccountCreated | null>(null);
  const set = (k: keyof typeof blank) => (x: string) => setV({ ...v, [k]: x });
  const role = v.role as Role | '';
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    const input: AccountInput = { username: v.username.trim(), display_name: v.display_name.trim(), role: role as Role };
    if (v.email.trim()) input.email = v.email.trim();
    if (v.phone.trim()) input.phone = v.phone.trim();
    if (cooperative) input.cooperative_id = cooperative.id;
    else if (role === 'coop' && v.cooperative) input.cooperative_id = Number(v.cooperative);
    if (!cooperative && (role === 'department' || role === 'alliance' || role === 'leader') && v.agency) input.agency_id = Number(v.agency);
    try {
      const c = await api<AccountCreated>('/users', { json: input });
      setMade(c);
      setV({ ...blank, role: cooperative ? 'coop' : v.role });
      onCreated?.(c);
    } catch (x) {
      if (!(x instanceof ApiError)) throw x;
      setErrors(x.fieldErrors());
      setError(x.errors.length ? t('common.fixErrors') : x.summary);
      setTimeout(() => (document.querySelector(`#${id}-form [aria-invalid="true"]`) as HTMLElement | null)?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {made && (
        <div class="panel panel-ok" role="status">
          <p>
            <strong>{t('users.created', { username: made.user.username })}</strong>
          </p>
          <LinkResult id={`${id}-link`} link={made.link} lead={t('users.created.lead', { name: made.user.display_name })} />
          {showOpen && (
            <p>
              <Link href={`/admin/users/${made.user.id}`}>{t('users.open')}</Link>
            </p>
          )}
        </div>
      )}
      <form class="form" id={`${id}-form`} onSubmit={submit} noValidate>
        <FormError message={error} />
        <div class="row">
          <Input id={`${id}-display_name`} label={t('user.display_name')} value={v.display_name} onValue={set('display_name')} error={errors.display_name} required autoComplete="off" />
          <Input id={`${id}-username`} label={t('user.username')} hint={t('user.username.hint')} value={v.username} onValue={set('username')} error={errors.username} required autoCapitalize="none" spellcheck={false} autoComplete="off" />
        </div>
        <div class="row">
          <Input id={`${id}-email`} type="email" label={t('user.email')} value={v.email} onValue={set('email')} error={errors.email} autoComplete="off" />
          <Input id={`${id}-phone`} type="tel" label={t('user.phone')} value={v.phone} onValue={set('phone')} error={errors.phone} autoComplete="off" />
        </div>
        {!cooperative && (
          <>
            <Select id={`${id}-role`} label={t('user.role')} value={v.role} onValue={(x) => setV({ ...v, role: x, agency: '', cooperative: '' })} error={errors.role} required options={ROLES.map((r) => ({ value: r, label: label('role', r) }))} />
            {role === 'department' && <LeadAgency id={`${id}-agency`} label={t('user.agency')} agencies={ags} value={v.agency} onValue={set('agency')} error={errors.agency_id} required />}
            {(role === 'alliance' || role === 'leader') && <AgencySelect id={`${id}-agency`} label={t('user.agency')} agencies={ags} value={v.agency} onValue={set('agency')} error={errors.agency_id} />}
            {role === 'coop' && <CoopPicker id={`${id}-cooperative`} label={t('user.cooperative')} value={v.cooperative} onValue={set('cooperative')} error={errors.cooperative_id} required />}
          </>
        )}
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? t('common.sending') : submitLabel}
          </button>
        </div>
      </form>
    </>
  );
}
