// Dialogue conferences: the list, and planning a new one.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { Conference, ConferenceInput, Page } from '../../api/types';
import { LeadAgency } from '../../components/AgencyPicker';
import { Async } from '../../components/Async';
import { Badge } from '../../components/Badges';
import { FormError, Input } from '../../components/Field';
import { Link } from '../../components/Link';
import { notify } from '../../components/Notices';
import { Pagination } from '../../components/Pagination';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, todayIso } from '../../format';
import { label, t } from '../../i18n';
import { agencies, useList } from '../../reference';
import { navigate, useQuery } from '../../router';
import { useSession } from '../../session';

export default function Conferences() {
  usePageTitle(t('conf.title'));
  const { user } = useSession();
  const [q, setQ] = useQuery();
  const page = Number(q.get('page') ?? 1);
  const list = useFetch((signal) => api<Page<Conference>>('/conferences', { query: { page, per_page: 20 }, signal }), [page]);
  const canPlan = user?.role === 'alliance' || user?.role === 'leader';
  return (
    <>
      <h1>{t('conf.title')}</h1>
      {canPlan && (
        <details class="panel">
          <summary>{t('conf.new')}</summary>
          <PlanForm />
        </details>
      )}
      <Async state={list} empty={t('conf.empty')}>
        {(p) => (
          <>
            <ul class="cards" data-testid="conferences">
              {p.items.map((c) => (
                <li key={c.id} class="card">
                  <div class="card-head">
                    <Badge kind={`c-${c.status}`} text={label('cfstatus', c.status)} />
                  </div>
                  <h2 class="h3">
                    <Link href={`/conferences/${c.id}`}>{c.title}</Link>
                  </h2>
                  <p class="meta">
                    {formatDate(c.held_on)} · {c.venue} · {t('conf.petitions', { n: c.petition_count })}
                  </p>
                </li>
              ))}
            </ul>
            <Pagination page={p.page} perPage={p.per_page} total={p.total} onPage={(n) => setQ({ page: String(n) })} />
          </>
        )}
      </Async>
    </>
  );
}

function PlanForm() {
  const ags = useList(agencies);
  const [v, setV] = useState<Record<string, string>>({ held_on: todayIso() });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (k: string) => (x: string) => setV({ ...v, [k]: x });
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    const input: ConferenceInput = { title: (v.title ?? '').trim(), held_on: v.held_on ?? '', venue: v.venue ?? '', chair_name: v.chair_name ?? '', chair_title: v.chair_title ?? '' };
    if (v.host) input.host_agency_id = Number(v.host);
    try {
      const c = await api<Conference>('/conferences', { json: input });
      notify(t('conf.created'));
      navigate(`/conferences/${c.id}`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setErrors(err.fieldErrors());
      setError(err.errors.length ? t('common.fixErrors') : err.summary);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate>
      <FormError message={error} />
      <Input id="conf-title" label={t('conf.name')} value={v.title ?? ''} onValue={set('title')} error={errors.title} required />
      <div class="row">
        <Input id="conf-held_on" type="date" label={t('conf.held_on')} value={v.held_on ?? ''} onValue={set('held_on')} error={errors.held_on} required />
        <Input id="conf-venue" label={t('conf.venue')} value={v.venue ?? ''} onValue={set('venue')} error={errors.venue} />
      </div>
      <div class="row">
        <Input id="conf-chair" label={t('conf.chair_name')} value={v.chair_name ?? ''} onValue={set('chair_name')} error={errors.chair_name} />
        <Input id="conf-chair-title" label={t('conf.chair_title')} value={v.chair_title ?? ''} onValue={set('chair_title')} error={errors.chair_title} />
      </div>
      <LeadAgency id="conf-host" label={t('conf.host')} agencies={ags} value={v.host ?? ''} onValue={set('host')} error={errors.host_agency_id} />
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('common.saving') : t('conf.new')}
        </button>
      </div>
    </form>
  );
}
