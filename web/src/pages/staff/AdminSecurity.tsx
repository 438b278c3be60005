// Security settings (administrator): the roles whose users must use two-step sign-in
// (the staff roles; a cooperative's representatives cannot be required to).
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { SecuritySettings, StaffRole } from '../../api/types';
import { Async } from '../../components/Async';
import { CheckGroup, FormError } from '../../components/Field';
import { notify } from '../../components/Notices';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { label, t } from '../../i18n';

const STAFF_ROLES: StaffRole[] = ['alliance', 'department', 'leader', 'admin'];

export default function AdminSecurity() {
  usePageTitle(t('security.title'));
  const settings = useFetch((signal) => api<SecuritySettings>('/security-settings', { signal }), []);
  return (
    <>
      <h1>{t('security.title')}</h1>
      <p class="lead">{t('security.lead')}</p>
      <Async state={settings} isEmpty={() => false}>
        {(s) => <Form initial={s} />}
      </Async>
    </>
  );
}

function Form({ initial }: { initial: SecuritySettings }) {
  const [roles, setRoles] = useState<string[]>(initial.totp_required_roles);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => setRoles(initial.totp_required_roles), [initial]);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    try {
      const r = await api<SecuritySettings>('/security-settings', { method: 'PUT', json: { totp_required_roles: STAFF_ROLES.filter((x) => roles.includes(x)) } });
      if (r && Array.isArray(r.totp_required_roles)) setRoles(r.totp_required_roles);
      notify(t('security.saved'));
    } catch (x) {
      if (!(x instanceof ApiError)) throw x;
      setErrors(x.fieldErrors());
      setError(x.errors.length ? t('common.fixErrors') : x.summary);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate>
      <FormError message={error} />
      <CheckGroup id="totp_required_roles" legend={t('security.roles')} values={roles} onValues={setRoles} error={errors.totp_required_roles} options={STAFF_ROLES.map((r) => ({ value: r, label: label('role', r) }))} />
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
