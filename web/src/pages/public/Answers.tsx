// Published answers to petitions, with search and a category filter.
import { api } from '../../api/client';
import type { Page, PublicPetition } from '../../api/types';
import { Async } from '../../components/Async';
import { Select } from '../../components/Field';
import { Link } from '../../components/Link';
import { Pagination } from '../../components/Pagination';
import { SearchBox } from '../../components/SearchBox';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatNumber } from '../../format';
import { t } from '../../i18n';
import { categories, categoryName, useList } from '../../reference';
import { useQuery } from '../../router';

export function Answers() {
  usePageTitle(t('answers.title'));
  const [q, setQ] = useQuery();
  const cats = useList(categories);
  const filters = { q: q.get('q') ?? '', category: q.get('category') ?? '' };
  const page = Number(q.get('page') ?? 1);
  const list = useFetch((signal) => api<Page<PublicPetition>>('/public/petitions', { query: { ...filters, page, per_page: 10 }, signal }), [filters.q, filters.category, page]);
  return (
    <>
      <h1>{t('answers.title')}</h1>
      <p class="lead">{t('answers.lead')}</p>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <SearchBox id="ans-q" label={t('answers.q')} value={filters.q} onSearch={(v) => setQ({ q: v })} />
        <Select id="ans-cat" label={t('petition.category')} value={filters.category} onValue={(v) => setQ({ category: v })} placeholder={t('common.all')} options={cats.map((c) => ({ value: c.code, label: categoryName(cats, c.code) }))} />
      </form>
      <Async state={list} empty={t('answers.empty')}>
        {(p) => (
          <>
            <p class="count" role="status">{t('common.results', { n: formatNumber(p.total) + (p.total_capped ? '+' : '') })}</p>
            <ul class="cards" data-testid="answers">
              {p.items.map((a) => (
                <li key={a.code} class="card">
                  <h2 class="h3">
                    <Link href={`/answers/${a.code}`}>{a.title}</Link>
                  </h2>
                  <p class="meta">
                    {a.code} · {a.cooperatives.map((c) => c.name).join(', ')} · {a.categories.map((c) => categoryName(cats, c)).join(', ')}
                  </p>
                  {a.answers.slice(-1).map((ans) => (
                    <div class="answer-snippet" key={ans.answered_on}>
                      <p class="meta">{t('answers.answeredBy', { agency: ans.agency.name, date: formatDate(ans.answered_on) })}</p>
                      <p class="clamp">{ans.text}</p>
                    </div>
                  ))}
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
