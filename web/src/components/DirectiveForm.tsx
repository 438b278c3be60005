// Issuing a directive to an agency (from a conference's conclusions, or on its own).
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { Directive, DirectiveInput } from '../api/types';
import { daysFromToday, todayIso } from '../format';
import { t } from '../i18n';
import { agencies, useList } from '../reference';
import { LeadAgency } from './AgencyPicker';
import { FormError, Input, TextArea } from './Field';
import { notify } from './Notices';

export function DirectiveForm({ conferenceId, onDone }: { conferenceId?: number; onDone: (d: Directive) => void }) {
  const ags = useList(agencies);
  const [content, setContent] = useState('');
  const [agency, setAgency] = useState('');
  const [due, setDue] = useState(daysFromToday(30));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    const input: DirectiveInput = { content: content.trim(), assignee_agency_id: Number(agency) || 0, due_on: due };
    if (conferenceId) input.conference_id = conferenceId;
    try {
      const d = await api<Directive>('/directives', { json: input });
      notify(t('dir.created'));
      setContent('');
      onDone(d);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setErrors(err.fieldErrors());
      setError(err.errors.length ? t('common.fixErrors') : err.summary);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate aria-label={t('dir.new')}>
      <FormError message={error} />
      <TextArea id="dir-content" label={t('dir.content')} value={content} onValue={setContent} error={errors.content} required rows={3} />
      <div class="row">
        <LeadAgency id="dir-agency" label={t('dir.assignee')} agencies={ags} value={agency} onValue={setAgency} error={errors.assignee_agency_id} required />
        <Input id="dir-due" type="date" label={t('dir.due_on')} min={todayIso()} value={due} onValue={setDue} error={errors.due_on} required />
      </div>
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('common.sending') : t('dir.new')}
        </button>
      </div>
    </form>
  );
}
