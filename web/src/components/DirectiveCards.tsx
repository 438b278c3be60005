// Directives (nhiệm vụ) as cards, with their progress reports and a form to report progress.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { Directive } from '../api/types';
import { formatDate } from '../format';
import { label, t } from '../i18n';
import { useSession } from '../session';
import { Badge } from './Badges';
import { FormError, Select, TextArea } from './Field';
import { notify } from './Notices';

export function DirectiveCards({ items, onChange }: { items: Directive[]; onChange?: () => void }) {
  return (
    <ul class="cards" data-testid="directives">
      {items.map((d) => (
        <DirectiveCard key={d.id} d={d} onChange={onChange} />
      ))}
    </ul>
  );
}

function DirectiveCard({ d, onChange }: { d: Directive; onChange?: () => void }) {
  const { user } = useSession();
  const canReport = !!onChange && !!user && (user.role === 'alliance' || user.role === 'leader' || (user.role === 'department' && user.agency_id === d.assignee_agency.id));
  return (
    <li class="card">
      <div class="card-head">
        <Badge kind={`d-${d.status}`} text={label('dstatus', d.status)} />
        {d.overdue && <Badge kind="overdue" text={t('dir.overdue')} />}
      </div>
      <p class="directive-text">{d.content}</p>
      <p class="meta">
        {t('dir.assignee')}: {d.assignee_agency.name} · {t('dir.due_on')}: {formatDate(d.due_on)}
      </p>
      {d.reports.length > 0 && (
        <details>
          <summary>
            {t('dir.reports')} ({d.reports.length})
          </summary>
          <ol class="timeline">
            {d.reports.map((r, i) => (
              <li key={i}>
                <p>{r.text}</p>
                <p class="meta">
                  {t('dir.report.by', { by: r.by, date: formatDate(r.reported_on) })} · {label('dstatus', r.status)}
                </p>
              </li>
            ))}
          </ol>
        </details>
      )}
      {canReport && <ReportForm d={d} onDone={onChange!} />}
    </li>
  );
}

function ReportForm({ d, onDone }: { d: Directive; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const id = `rep-${d.id}`;
  if (!open)
    return (
      <button type="button" class="btn" onClick={() => setOpen(true)}>
        {t('dir.report')}
      </button>
    );
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    try {
      await api(`/directives/${d.id}/reports`, { json: { text: text.trim(), status: status || undefined } });
      notify(t('dir.report.done'));
      setOpen(false);
      onDone();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setErrors(err.fieldErrors());
      setError(err.summary);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate>
      <FormError message={error} />
      <TextArea id={`${id}-text`} label={t('dir.report.text')} value={text} onValue={setText} error={errors.text} required rows={3} />
      <Select id={`${id}-status`} label={t('dir.report.status')} value={status} onValue={setStatus} error={errors.status} placeholder={label('dstatus', d.status)} options={(['open', 'in_progress', 'done'] as const).map((s) => ({ value: s, label: label('dstatus', s) }))} />
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('common.sending') : t('common.send')}
        </button>
        <button type="button" class="btn" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
