// Every petition this user may see, with search and filters (the coop sees its own).
import { api } from '../../api/client';
import type { Page, Petition } from '../../api/types';
import { PETITION_STATES } from '../../api/types';
import { Async } from '../../components/Async';
import { Select } from '../../components/Field';
import { Link } from '../../components/Link';
import { Pagination } from '../../components/Pagination';
import { PetitionCards } from '../../components/PetitionCards';
import { PlaceFilter } from '../../components/PlaceFilter';
import { SearchBox } from '../../components/SearchBox';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatNumber } from '../../format';
import { label, type MsgKey, t } from '../../i18n';
import { agencies, categories, categoryName, useList } from '../../reference';
import { useQuery } from '../../router';
import { useSession } from '../../session';

export default function Petitions() {
  const { user } = useSession();
  const coop = user?.role === 'coop';
  const title = coop ? t('nav.myPetitions') : t('nav.petitions');
  usePageTitle(title);
  const [q, setQ] = useQuery();
  const cats = useList(categories);
  const f = { q: q.get('q') ?? '', status: q.get('status') ?? '', category: q.get('category') ?? '', overdue: q.get('overdue') ?? '', due_soon: q.get('due_soon') ?? '', late: q.get('late') ?? '', escalated: q.get('escalated') ?? '', district: q.get('district') ?? '', commune: q.get('commune') ?? '' };
  // From the dashboard's agency table: the list behind one of its numbers.
  const behind = { lead_agency: q.get('lead_agency') ?? '', year: q.get('year') ?? '', answered: q.get('answered') ?? '', sort: q.get('sort') ?? '' };
  const page = Number(q.get('page') ?? 1);
  const query = { ...f, ...behind, cooperative: coop ? user?.cooperative_id : undefined, page, per_page: 20 };
  const list = useFetch((signal) => api<Page<Petition>>('/petitions', { query, signal }), [JSON.stringify(query)]);
  // A cooperative's petitions returned for more information come first, apart from drafts.
  const needsInfo = useFetch((signal) => (coop ? api<Page<Petition>>('/petitions', { query: { status: 'needs_info', cooperative: user?.cooperative_id, per_page: 50 }, signal }) : Promise.resolve(null)), [coop]);
  return (
    <>
      <h1>{title}</h1>
      {(coop || user?.role === 'alliance') && (
        <p>
          <Link href="/petitions/new" class="btn btn-primary">
            {t('nav.newPetition')}
          </Link>
        </p>
      )}
      {coop && needsInfo.data && needsInfo.data.items.length > 0 && !f.status && (
        <section class="panel" aria-labelledby="needs-info-list-h" data-testid="needs-info-list">
          <h2 id="needs-info-list-h">{t('petition.needsInfo.list')}</h2>
          <PetitionCards items={needsInfo.data.items} />
        </section>
      )}
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <SearchBox id="pet-q" label={t('petition.q')} value={f.q} onSearch={(v) => setQ({ q: v })} />
        <Select id="pet-status" label={t('petition.state')} value={f.status} onValue={(v) => setQ({ status: v })} placeholder={t('common.all')} options={PETITION_STATES.map((s) => ({ value: s, label: label('state', s) }))} />
        <Select id="pet-cat" label={t('petition.category')} value={f.category} onValue={(v) => setQ({ category: v })} placeholder={t('common.all')} options={cats.map((c) => ({ value: c.code, label: categoryName(cats, c.code) }))} />
        {!coop && (
          <Select
            id="pet-due"
            label={t('petition.due_on')}
            value={f.overdue ? 'overdue' : f.due_soon ? 'due_soon' : f.late ? 'late' : f.escalated ? 'escalated' : ''}
            onValue={(v) => setQ({ overdue: v === 'overdue' ? '1' : null, due_soon: v === 'due_soon' ? '1' : null, late: v === 'late' ? '1' : null, escalated: v === 'escalated' ? '1' : null })}
            placeholder={t('common.all')}
            options={[
              { value: 'overdue', label: t('petition.overdue') },
              { value: 'due_soon', label: t('petition.due_soon') },
              { value: 'late', label: t('petition.late') },
              { value: 'escalated', label: t('petition.escalated') },
            ]}
          />
        )}
        {!coop && <PlaceFilter idPrefix="pet" district={f.district} commune={f.commune} onPlace={(v) => setQ(v)} />}
      </form>
      {behind.lead_agency && <AgencyFilter lead={behind.lead_agency} year={behind.year} answered={behind.answered} onClear={() => setQ({ lead_agency: null, year: null, answered: null, sort: null })} />}
      <Async state={list} empty={t('petition.list.empty')}>
        {(p) => (
          <>
            <p class="count" role="status">{t('common.results', { n: formatNumber(p.total) + (p.total_capped ? '+' : '') })}</p>
            <PetitionCards items={p.items} />
            <Pagination page={p.page} perPage={p.per_page} total={p.total} onPage={(n) => setQ({ page: String(n) })} />
          </>
        )}
      </Async>
    </>
  );
}

function AgencyFilter({ lead, year, answered, onClear }: { lead: string; year: string; answered: string; onClear: () => void }) {
  const list = useList(agencies);
  const name = list.find((a) => String(a.id) === lead)?.name ?? `#${lead}`;
  const parts = [t('petition.filter.lead', { name }), year && t('petition.filter.year', { year }), answered && t(`petition.filter.answered.${answered}` as MsgKey)].filter(Boolean);
  return (
    <p class="notice-inline" data-testid="agency-filter">
      {parts.join(' · ')}{' '}
      <button type="button" class="btn btn-small" onClick={onClear}>
        {t('petition.filter.clear')}
      </button>
    </p>
  );
}
