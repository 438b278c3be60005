// The actions this user may take on a petition now (allowed_actions), each with its form.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { Action, Page, Petition, TransitionInput } from '../api/types';
import { daysFromToday, formatDate, todayIso } from '../format';
import { label, t } from '../i18n';
import { agencies, categoryName, categories, useList } from '../reference';
import { useSession } from '../session';
import { AgencySelect, CoordinatingAgencies, LeadAgency } from './AgencyPicker';
import { ACCEPT, uploadFile } from './Attachments';
import { ConfirmButton } from './Confirm';
import { FormError, Input, TextArea } from './Field';
import { notify } from './Notices';

/** Actions whose form needs nothing: one click. */
const DIRECT: Action[] = ['submit', 'resubmit', 'receive', 'publish'];
/** Actions that need a reason. */
const REASONED: string[] = ['return', 'reject', 'reopen', 'request_extension', 'refuse_extension', 'send_back'];
/** What cannot be taken back: the form's button asks first, naming the consequences. */
const ASKS_FIRST: Action[] = ['answer', 'merge', 'assign'];
/** The usual next step first; record_at_conference is taken on the conference page. */
const ORDER: Action[] = ['submit', 'resubmit', 'receive', 'assign', 'answer', 'give_opinion', 'grant_extension', 'refuse_extension', 'publish', 'close', 'return', 'reject', 'merge', 'reopen', 'request_extension', 'ask_opinion', 'send_back'];

export function ActionPanel({ petition, onDone }: { petition: Petition; onDone: (p: Petition) => void }) {
  const actions = ORDER.filter((a) => (petition.allowed_actions ?? []).includes(a));
  const [open, setOpen] = useState<Action | null>(null);
  const [busy, setBusy] = useState<Action | null>(null);
  const [error, setError] = useState('');

  const run = async (action: Action, fields: Partial<TransitionInput> = {}) => {
    setBusy(action);
    setError('');
    try {
      const p = await api<Petition>(`/petitions/${petition.id}/transitions`, { json: { action, ...fields }, ifMatch: petition.version });
      notify(t('action.done', { action: label('action', action) }));
      setOpen(null);
      onDone(p);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.errors.length === 0 || e.status !== 422) setError(e.summary);
      throw e;
    } finally {
      setBusy(null);
    }
  };

  if (!actions.length) return <p class="hint">{t('petition.noActions')}</p>;
  return (
    <div class="action-panel">
      <FormError message={open ? '' : error} />
      <div class="action-buttons">
        {actions.map((a, i) =>
          DIRECT.includes(a) ? (
            <button key={a} type="button" class={`btn${i === 0 ? ' btn-primary' : ''}`} disabled={busy !== null} onClick={() => run(a).catch(() => {})} data-action={a}>
              {busy === a ? t('common.sending') : label('action', a)}
            </button>
          ) : (
            <button key={a} type="button" class={`btn${i === 0 ? ' btn-primary' : ''}`} aria-expanded={open === a ? 'true' : 'false'} onClick={() => setOpen(open === a ? null : a)} data-action={a}>
              {label('action', a)}
            </button>
          ),
        )}
      </div>
      {open && <ActionForm key={open} action={open} petition={petition} busy={busy === open} run={run} onCancel={() => setOpen(null)} />}
    </div>
  );
}

type FormProps = { action: Action; petition: Petition; busy: boolean; run: (a: Action, f: Partial<TransitionInput>) => Promise<void>; onCancel: () => void };

function ActionForm({ action, petition, busy, run, onCancel }: FormProps) {
  const { user } = useSession();
  const ags = useList(agencies);
  const open = petition.extensions?.find((x) => x.status === 'open');
  const [v, setV] = useState<Record<string, string>>({ lead_agency_id: petition.lead_agency ? String(petition.lead_agency.id) : '', due_on: action === 'grant_extension' ? open?.proposed_due_on ?? '' : '' });
  const [letter, setLetter] = useState<File | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [coord, setCoord] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const set = (k: string) => (x: string) => setV({ ...v, [k]: x });
  const id = (k: string) => `act-${action}-${k}`;

  const [target, setTarget] = useState<Petition | null>(null);
  const send = async () => {
    setErrors({});
    setError('');
    const f: Partial<TransitionInput> = {};
    if (REASONED.includes(action)) f.reason = v.reason ?? '';
    if (action === 'grant_extension') {
      if (v.reason) f.reason = v.reason;
      if (v.due_on) f.due_on = v.due_on;
    }
    if (action === 'request_extension' && v.proposed_due_on) f.proposed_due_on = v.proposed_due_on;
    if (action === 'ask_opinion') {
      if (v.agency_id) f.agency_id = Number(v.agency_id);
      f.question = v.question ?? '';
    }
    if (action === 'give_opinion') {
      f.text = v.text ?? '';
      if (file) {
        const up = await uploadFile(petition.id, file);
        if (up.error) {
          setErrors({ attachment_id: up.error });
          return;
        }
        f.attachment_id = up.id;
      }
    }
    if (action === 'answer') {
      f.text = v.text ?? '';
      if (v.legal_basis) f.legal_basis = v.legal_basis;
      const problem = await takeLetter(f);
      if (problem) return;
    }
    if (action === 'assign') {
      if (v.lead_agency_id) f.lead_agency_id = Number(v.lead_agency_id);
      if (coord.length) f.coordinating_agency_ids = coord.map(Number);
      if (v.due_on) f.due_on = v.due_on;
    }
    if (action === 'close') {
      if (v.rating) f.rating = Number(v.rating);
      if (v.comment) f.comment = v.comment;
    }
    if (action === 'merge') {
      if (!target) {
        setErrors({ into: t('merge.pickOne') });
        throw new Error(t('merge.pickOne'));
      }
      f.into = target.id;
    }
    try {
      await run(action, f);
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors());
        if (!err.errors.length) setError(err.summary);
      }
      throw err;
    }
  };
  const submit = (e: Event) => {
    e.preventDefault();
    if (!ASKS_FIRST.includes(action)) send().catch(() => {});
  };
  const agencyName = ags.find((a) => String(a.id) === v.lead_agency_id)?.name ?? '';
  const coops = petition.cooperatives.map((c) => c.name).join(', ');
  const question =
    action === 'answer'
      ? [t('answer.confirm', { code: petition.code, coops }), petition.due_on && petition.due_on < todayIso() ? t('answer.confirm.late', { due: formatDate(petition.due_on) }) : ''].filter(Boolean).join(' ')
      : action === 'merge'
        ? t('merge.confirm', { code: petition.code, into: target?.code ?? '—', title: target?.title ?? '', coops })
        : t('assign.confirm.one', { code: petition.code, agency: agencyName || '—', due: v.due_on ? formatDate(v.due_on) : t('assign.due.default') });

  // The reply letter: its fields, and the signed file uploaded first as an attachment.
  const takeLetter = async (f: Partial<TransitionInput>): Promise<boolean> => {
    Object.assign(f, { letter_number: v.letter_number ?? '', letter_date: v.letter_date ?? '', signer_name: v.signer_name ?? '', signer_title: v.signer_title ?? '' });
    if (!letter) return false;  // the server names the missing file with the other fields
    const up = await uploadFile(petition.id, letter);
    if (up.error) {
      setErrors({ letter_attachment_id: up.error });
      return true;
    }
    f.letter_attachment_id = up.id;
    return false;
  };

  const needsRating = action === 'close' && user?.role === 'coop';
  return (
    <form class="form action-form" onSubmit={submit} noValidate aria-label={label('action', action)}>
      <h3>{label('action', action)}</h3>
      <FormError message={error || (Object.keys(errors).length ? t('common.fixErrors') : '')} />
      {action === 'request_extension' && <Input id={id('proposed_due_on')} type="date" label={t('field.proposed_due_on')} hint={t('field.proposed_due_on.hint')} min={petition.due_on ?? undefined} value={v.proposed_due_on ?? ''} onValue={set('proposed_due_on')} error={errors.proposed_due_on} required />}
      {action === 'grant_extension' && <Input id={id('due_on')} type="date" label={t('field.granted_due_on')} hint={t('field.granted_due_on.hint')} value={v.due_on ?? ''} onValue={set('due_on')} error={errors.due_on} />}
      {action === 'ask_opinion' && <AgencySelect id={id('agency_id')} label={t('field.agency_id')} agencies={ags.filter((a) => a.id !== petition.lead_agency?.id)} value={v.agency_id ?? ''} onValue={set('agency_id')} error={errors.agency_id} required />}
      {action === 'ask_opinion' && <TextArea id={id('question')} label={t('field.question')} value={v.question ?? ''} onValue={set('question')} error={errors.question} required />}
      {action === 'give_opinion' && <TextArea id={id('text')} label={t('field.opinion')} value={v.text ?? ''} onValue={set('text')} error={errors.text} required rows={5} />}
      {action === 'give_opinion' && (
        <div class={`field${errors.attachment_id ? ' field-invalid' : ''}`}>
          <label for={id('file')}>{t('field.opinion_file')}</label>
          <input id={id('file')} type="file" accept={ACCEPT} aria-describedby={errors.attachment_id ? id('file-error') : undefined} onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
          {errors.attachment_id && (
            <p class="field-error" id={id('file-error')}>
              {errors.attachment_id}
            </p>
          )}
        </div>
      )}
      {REASONED.includes(action) && <TextArea id={id('reason')} label={t('field.reason')} value={v.reason ?? ''} onValue={set('reason')} error={errors.reason} required />}
      {action === 'grant_extension' && <TextArea id={id('reason')} label={t('field.reason.optional')} value={v.reason ?? ''} onValue={set('reason')} error={errors.reason} rows={2} />}
      {action === 'answer' && (
        <>
          <TextArea id={id('text')} label={t('field.text')} value={v.text ?? ''} onValue={set('text')} error={errors.text} required rows={6} />
          <Input id={id('legal_basis')} label={t('field.legal_basis')} value={v.legal_basis ?? ''} onValue={set('legal_basis')} error={errors.legal_basis} />
          <Input id={id('letter_number')} label={t('field.letter_number')} hint={t('field.letter_number.hint')} value={v.letter_number ?? ''} onValue={set('letter_number')} error={errors.letter_number} required />
          <Input id={id('letter_date')} type="date" label={t('field.letter_date')} max={daysFromToday(0)} value={v.letter_date ?? ''} onValue={set('letter_date')} error={errors.letter_date} required />
          <Input id={id('signer_name')} label={t('field.signer_name')} value={v.signer_name ?? ''} onValue={set('signer_name')} error={errors.signer_name} required />
          <Input id={id('signer_title')} label={t('field.signer_title')} value={v.signer_title ?? ''} onValue={set('signer_title')} error={errors.signer_title} required />
          <div class={`field${errors.letter_attachment_id ? ' field-invalid' : ''}`}>
            <label for={id('letter_file')}>
              {t('field.letter_file')}
              <span class="req" aria-hidden="true"> *</span>
            </label>
            <input id={id('letter_file')} type="file" accept=".pdf,application/pdf" required aria-describedby={errors.letter_attachment_id ? id('letter_file-error') : undefined} onChange={(e) => setLetter((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
            {errors.letter_attachment_id && (
              <p class="field-error" id={id('letter_file-error')}>
                {errors.letter_attachment_id}
              </p>
            )}
          </div>
        </>
      )}
      {action === 'assign' && (
        <>
          <LeadAgency id={id('lead_agency_id')} label={t('field.lead_agency_id')} agencies={ags} value={v.lead_agency_id ?? ''} onValue={set('lead_agency_id')} error={errors.lead_agency_id} required />
          <CoordinatingAgencies id={id('coordinating_agency_ids')} label={t('field.coordinating_agency_ids')} agencies={ags} exclude={v.lead_agency_id ?? ''} values={coord} onValues={setCoord} error={errors.coordinating_agency_ids} />
          <Input id={id('due_on')} type="date" label={t('field.due_on')} hint={t('field.due_on.hint')} min={daysFromToday(1)} value={v.due_on ?? ''} onValue={set('due_on')} error={errors.due_on} />
        </>
      )}
      {action === 'close' && (
        <>
          <fieldset class={`field rating${errors.rating ? ' field-invalid' : ''}`} aria-describedby={errors.rating ? id('rating-error') : undefined}>
            <legend>
              {t('field.rating')}
              {needsRating && <span class="req" aria-hidden="true"> *</span>}
            </legend>
            {[5, 4, 3, 2, 1].map((n) => (
              <label class="check" key={n}>
                <input type="radio" name={id('rating')} value={String(n)} checked={v.rating === String(n)} onChange={() => set('rating')(String(n))} required={needsRating} />
                <span>{t(`rating.${n}` as 'rating.1')}</span>
              </label>
            ))}
            {errors.rating && (
              <p class="field-error" id={id('rating-error')}>
                {errors.rating}
              </p>
            )}
          </fieldset>
          <TextArea id={id('comment')} label={t('field.comment')} value={v.comment ?? ''} onValue={set('comment')} error={errors.comment} rows={3} />
        </>
      )}
      {action === 'merge' && <MergeTarget petition={petition} chosen={target} onChoose={setTarget} error={errors.into} />}
      <div class="actions">
        {ASKS_FIRST.includes(action) ? (
          <ConfirmButton label={label('action', action)} question={question} onConfirm={send} disabled={busy || (action === 'merge' && !target)} />
        ) : (
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? t('common.sending') : label('action', action)}
          </button>
        )}
        <button type="button" class="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The petition to keep, picked from a search of those one may merge into. */
function MergeTarget({ petition, chosen, onChoose, error }: { petition: Petition; chosen: Petition | null; onChoose: (p: Petition) => void; error?: string }) {
  const cats = useList(categories);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Petition[] | null>(null);
  const latest = useRef(0);
  // The newest search wins: an older answer arriving late is dropped.
  const search = async (text: string) => {
    setQ(text);
    const mine = ++latest.current;
    const query = { q: text.trim() || undefined, per_page: 20, sort: '-created_at' };
    const page = await api<Page<Petition>>('/petitions', { query }).catch(() => null);
    if (mine === latest.current) setFound((page?.items ?? []).filter((p) => p.id !== petition.id && !NOT_INTO.includes(p.state)));
  };
  useEffect(() => {
    search('');
  }, []);
  const name = `merge-into-${petition.id}`;
  return (
    <fieldset class={`field merge-target${error ? ' field-invalid' : ''}`} aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{t('merge.pick')}</legend>
      <Input id={`${name}-q`} type="search" label={t('merge.search')} hint={t('merge.search.hint')} value={q} onValue={(x) => search(x)} />
      {error && (
        <p class="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
      {found && found.length === 0 && <p class="hint">{t('merge.none')}</p>}
      <ul class="merge-list" data-testid="merge-list">
        {(found ?? []).map((p) => (
          <li key={p.id}>
            <label class="check">
              <input type="radio" name={name} value={String(p.id)} checked={chosen?.id === p.id} onChange={() => onChoose(p)} />
              <span>
                <strong>{p.code}</strong> {p.title}
                <span class="meta"> · {p.cooperatives.map((c) => c.name).join(', ')} · {p.categories.map((c) => categoryName(cats, c)).join(', ')} · {label('state', p.state)}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

const NOT_INTO = ['merged', 'rejected', 'closed', 'draft'];
