// Reminders and escalation (administrator): how many working days before a due date the lead
// agency is reminded, and after how many working days overdue a petition is reported to the
// UBND leaders and the Liên minh. The sweep reads them each time it runs.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { ReminderSettings } from '../../api/types';
import { Async } from '../../components/Async';
import { FormError, Input } from '../../components/Field';
import { notify } from '../../components/Notices';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { t } from '../../i18n';

export default function AdminReminders() {
  usePageTitle(t('reminders.title'));
  const settings = useFetch((signal) => api<ReminderSettings>('/notification-settings', { signal }), []);
  return (
    <>
      <h1>{t('reminders.title')}</h1>
      <p class="lead">{t('reminders.lead')}</p>
      <Async state={settings} isEmpty={() => false}>
        {(s) => <Form initial={s} />}
      </Async>
    </>
  );
}

// A whole number is sent as one; anything else as typed, for the server to name the field.
const asNumber = (v: string): number | string => (/^\s*\d+\s*$/.test(v) ? Number(v) : v);

function Form({ initial }: { initial: ReminderSettings }) {
  const [before, setBefore] = useState(String(initial.reminder_working_days));
  const [overdue, setOverdue] = useState(String(initial.escalation_working_days));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    try {
      const r = await api<ReminderSettings>('/notification-settings', { method: 'PUT', json: { reminder_working_days: asNumber(before), escalation_working_days: asNumber(overdue) } });
      setBefore(String(r.reminder_working_days));
      setOverdue(String(r.escalation_working_days));
      notify(t('reminders.saved'));
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
      <Input id="reminder_working_days" label={t('reminders.reminder_working_days')} hint={t('reminders.reminder_working_days.hint')} value={before} onValue={setBefore} error={errors.reminder_working_days} inputMode="numeric" required />
      <Input id="escalation_working_days" label={t('reminders.escalation_working_days')} hint={t('reminders.escalation_working_days.hint')} value={overdue} onValue={setOverdue} error={errors.escalation_working_days} inputMode="numeric" required />
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
