// A department's queue: petitions its agency leads or helps with, by urgency.
import { api } from '../../api/client';
import type { Page, Petition } from '../../api/types';
import { Async } from '../../components/Async';
import { Link } from '../../components/Link';
import { Pagination } from '../../components/Pagination';
import { PetitionCards } from '../../components/PetitionCards';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime, formatNumber } from '../../format';
import { t, type MsgKey } from '../../i18n';
import { useQuery } from '../../router';
import { useSession } from '../../session';

const TABS: { key: string; label: MsgKey; query: Record<string, string> }[] = [
  { key: 'assigned', label: 'queue.assigned', query: { status: 'assigned', sort: 'due_on' } },
  { key: 'due_soon', label: 'queue.dueSoon', query: { due_soon: '1', sort: 'due_on' } },
  { key: 'overdue', label: 'queue.overdue', query: { overdue: '1', sort: 'due_on' } },
  { key: 'opinions', label: 'queue.opinions', query: { opinion_waiting: '1', sort: 'due_on' } },
  { key: 'answered', label: 'queue.answered', query: { status: 'answered' } },
];

export default function Queue() {
  const { user } = useSession();
  const agency = user?.agency?.name ?? '';
  usePageTitle(t('nav.queue'));
  const [q, setQ] = useQuery();
  const tab = TABS.find((x) => x.key === q.get('tab')) ?? TABS[0];
  const page = Number(q.get('page') ?? 1);
  const list = useFetch((signal) => api<Page<Petition>>('/petitions', { query: { ...tab.query, agency: tab.key === 'opinions' ? undefined : user?.agency_id ?? undefined, page, per_page: 20 }, signal }), [tab.key, page]);
  return (
    <>
      <h1>{t('queue.title', { agency })}</h1>
      <nav class="tabs" aria-label={t('nav.queue')}>
        {TABS.map((x) => (
          <Link key={x.key} href={`/queue?tab=${x.key}`} aria-current={x.key === tab.key ? 'page' : undefined}>
            {t(x.label)}
          </Link>
        ))}
      </nav>
      <Async state={list} empty={t('queue.empty')}>
        {(p) => (
          <>
            <p class="count" role="status">{t('common.total', { n: formatNumber(p.total) })}</p>
            <PetitionCards items={p.items} extra={tab.key === 'opinions' ? (x) => <AskedOfUs petition={x} agencyId={user?.agency_id ?? null} /> : undefined} />
            <Pagination page={p.page} perPage={p.per_page} total={p.total} onPage={(n) => setQ({ page: String(n) })} />
          </>
        )}
      </Async>
    </>
  );
}

/** Who asked our opinion, when, and the question (the queue's "Xin ý kiến" tab). */
function AskedOfUs({ petition, agencyId }: { petition: Petition; agencyId: number | null }) {
  const asked = (petition.opinions ?? []).filter((o) => !o.answer && o.agency.id === agencyId);
  if (!asked.length) return null;
  return (
    <div class="asked" data-testid="opinion-asked">
      {asked.map((o) => (
        <blockquote key={o.id}>
          <p class="meta">
            {t('queue.opinion.asked', { agency: petition.lead_agency?.name ?? '—' })} · <time dateTime={o.asked_at}>{formatDateTime(o.asked_at)}</time>
          </p>
          <p class="pre">{o.question}</p>
        </blockquote>
      ))}
    </div>
  );
}
