// One conference: its details, recording petitions and on-the-spot answers during the meeting,
// and turning the conclusions into directives.
import { useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { Conference, Directive, Page, Petition } from '../../api/types';
import { LeadAgency } from '../../components/AgencyPicker';
import { Async } from '../../components/Async';
import { Badge } from '../../components/Badges';
import { CoopPicker } from '../../components/CoopPicker';
import { DirectiveCards } from '../../components/DirectiveCards';
import { DirectiveForm } from '../../components/DirectiveForm';
import { FormError, Input, Select, TextArea } from '../../components/Field';
import { Link } from '../../components/Link';
import { notify } from '../../components/Notices';
import { OfficialHeader, Signature } from '../../components/OfficialHeader';
import { PetitionCards } from '../../components/PetitionCards';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate } from '../../format';
import { label, t } from '../../i18n';
import { agencies, categories, categoryName, useList } from '../../reference';
import type { PageProps } from '../../routes';
import { useSession } from '../../session';

export default function ConferencePage({ params }: PageProps) {
  const { user } = useSession();
  const conf = useFetch((signal) => api<Conference>(`/conferences/${params.id}`, { signal }), [params.id]);
  const petitions = useFetch((signal) => api<Page<Petition>>('/petitions', { query: { conference: params.id, per_page: 200, sort: 'created_at' }, signal }), [params.id]);
  const directives = useFetch((signal) => api<Page<Directive>>('/directives', { query: { conference: params.id, per_page: 100 }, signal }), [params.id]);
  usePageTitle(conf.data?.title ?? t('conf.title'));
  const [busy, setBusy] = useState(false);
  const writer = user?.role === 'alliance' || user?.role === 'leader';

  if (conf.error?.status === 404 || conf.error?.status === 400) return <h1>{t('conf.notFound')}</h1>;

  const setStatus = async (c: Conference, status: 'held' | 'closed') => {
    setBusy(true);
    try {
      await api(`/conferences/${c.id}`, { method: 'PATCH', json: { status }, ifMatch: c.version });
      notify(`${t('common.saved')} ${label('cfstatus', status)}`);
      conf.reload();
    } catch (e) {
      notify(e instanceof ApiError ? e.summary : String(e), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Async state={conf} isEmpty={() => false}>
      {(c) => (
        <>
          <OfficialHeader date={c.held_on} kind={t('print.minutes.kind')} />
          <p class="crumbs no-print">
            <Link href="/conferences">{t('conf.title')}</Link>
          </p>
          <p class="no-print">
            <button type="button" class="btn btn-small" onClick={() => window.print()}>
              {t('print.button')}
            </button>
          </p>
          <h1>{c.title}</h1>
          <p class="card-head">
            <Badge kind={`c-${c.status}`} text={label('cfstatus', c.status)} />
            <span class="meta">
              {formatDate(c.held_on)} · {c.venue}
            </span>
          </p>
          <dl class="facts">
            <div>
              <dt>{t('conf.chair_name')}</dt>
              <dd>
                {c.chair_name}
                {c.chair_title && `, ${c.chair_title}`}
              </dd>
            </div>
            {c.host_agency && (
              <div>
                <dt>{t('conf.host')}</dt>
                <dd>{c.host_agency.name}</dd>
              </div>
            )}
            <div>
              <dt>{t('conf.agencies')}</dt>
              <dd>{c.agencies.map((a) => a.name).join(', ') || '—'}</dd>
            </div>
            <div>
              <dt>{t('conf.cooperatives')}</dt>
              <dd>{c.cooperatives.map((a) => a.name).join(', ') || '—'}</dd>
            </div>
          </dl>
          {writer && c.status !== 'closed' && (
            <p class="actions">
              {c.status === 'planned' && (
                <button type="button" class="btn btn-primary" disabled={busy} onClick={() => setStatus(c, 'held')}>
                  {t('conf.markHeld')}
                </button>
              )}
              {c.status === 'held' && (
                <button type="button" class="btn" disabled={busy} onClick={() => setStatus(c, 'closed')}>
                  {t('conf.markClosed')}
                </button>
              )}
            </p>
          )}

          {user?.role === 'alliance' && c.status !== 'closed' && (
            <section aria-labelledby="record-h" class="panel">
              <h2 id="record-h">{t('conf.record')}</h2>
              <RecordForm conf={c} onDone={petitions.reload} />
            </section>
          )}

          <section aria-labelledby="cp-h">
            <h2 id="cp-h">{t('conf.petitions', { n: petitions.data?.total ?? c.petition_count })}</h2>
            <Async state={petitions} empty={t('conf.petitions.empty')}>
              {(p) => <PetitionCards items={p.items} />}
            </Async>
          </section>

          <section aria-labelledby="cd-h">
            <h2 id="cd-h">{t('dir.title')}</h2>
            {writer && (
              <details class="panel">
                <summary>{t('dir.new')}</summary>
                <DirectiveForm conferenceId={c.id} onDone={directives.reload} />
              </details>
            )}
            <Async state={directives} empty={t('dir.empty')}>
              {(p) => <DirectiveCards items={p.items} onChange={directives.reload} />}
            </Async>
          </section>

          {c.minutes && (
            <section aria-labelledby="min-h">
              <h2 id="min-h">{t('conf.minutes')}</h2>
              <p class="pre">{c.minutes}</p>
            </section>
          )}
          <Signature role={t('print.sign.secretary')} />
        </>
      )}
    </Async>
  );
}

/** Quick entry during the meeting: the petition, the agency that answered and its answer. */
function RecordForm({ conf, onDone }: { conf: Conference; onDone: () => void }) {
  const cats = useList(categories);
  const ags = useList(agencies);
  const empty = { cooperative: '', category: '', title: '', content: '', agency: '', text: '', legal_basis: '' };
  const [v, setV] = useState(empty);
  const [draft, setDraft] = useState<Petition | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [unanswered, setUnanswered] = useState(false);  // no answer on the spot: received, the normal way
  const top = useRef<HTMLDivElement>(null);
  const set = (k: keyof typeof empty) => (x: string) => {
    const next = { ...v, [k]: x };
    if (k === 'category' && !v.agency) {
      const c = cats.find((y) => y.code === x);
      if (c?.default_agency) next.agency = String(c.default_agency.id);
    }
    setV(next);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    try {
      let p = draft;
      if (!p) {
        p = await api<Petition>('/petitions', {
          json: { cooperative_id: Number(v.cooperative) || 0, title: v.title.trim(), content: v.content.trim(), categories: v.category ? [v.category] : [], channel: 'conference', conference_id: conf.id },
        });
        setDraft(p);
      }
      const done = await api<Petition>(`/petitions/${p.id}/transitions`, {
        json: unanswered
          ? { action: 'record_at_conference', conference_id: conf.id, no_answer: true }
          : { action: 'record_at_conference', conference_id: conf.id, lead_agency_id: Number(v.agency) || undefined, text: v.text.trim(), legal_basis: v.legal_basis.trim() || undefined },
      });
      notify(t('conf.record.done', { code: done.code }));
      setDraft(null);
      setV(empty);
      onDone();
      top.current?.querySelector('input')?.focus();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const fe = err.fieldErrors();
      if (fe.categories) fe.category = fe.categories;
      if (fe.cooperative_id) fe.cooperative = fe.cooperative_id;
      if (fe.lead_agency_id) fe.agency = fe.lead_agency_id;
      setErrors(fe);
      setError(err.errors.length ? t('common.fixErrors') : err.summary);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form record-form" onSubmit={submit} noValidate>
      <FormError message={error} />
      <div ref={top} class="row">
        <CoopPicker id="rec-coop" label={t('petition.cooperative')} value={v.cooperative} onValue={set('cooperative')} error={errors.cooperative} required initial={conf.cooperatives} />
        <Select id="rec-category" label={t('petition.category')} value={v.category} onValue={set('category')} error={errors.category} required options={cats.map((c) => ({ value: c.code, label: categoryName(cats, c.code) }))} />
      </div>
      <Input id="rec-title" label={t('petition.title')} value={v.title} onValue={set('title')} error={errors.title} required />
      <TextArea id="rec-content" label={t('petition.content')} value={v.content} onValue={set('content')} error={errors.content} required rows={3} />
      <label class="check">
        <input type="checkbox" checked={unanswered} onChange={(e) => setUnanswered((e.currentTarget as HTMLInputElement).checked)} />
        <span>{t('conf.record.noAnswer')}</span>
      </label>
      {!unanswered && (
        <>
          <LeadAgency id="rec-agency" label={t('conf.record.agency')} agencies={ags} value={v.agency} onValue={set('agency')} error={errors.agency} required />
          <TextArea id="rec-text" label={t('conf.record.answer')} value={v.text} onValue={set('text')} error={errors.text} required rows={4} />
          <Input id="rec-legal" label={t('field.legal_basis')} value={v.legal_basis} onValue={set('legal_basis')} error={errors.legal_basis} />
        </>
      )}
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('common.sending') : t('conf.record.submit')}
        </button>
      </div>
    </form>
  );
}
