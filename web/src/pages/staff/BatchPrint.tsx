// A batch sent to the UBND as the official report reads: the Decree 30 heading, its number and
// date, the list of its petitions with their cooperatives and categories, the signature.
import { api } from '../../api/client';
import type { Batch, Page, Petition } from '../../api/types';
import { Async } from '../../components/Async';
import { Link } from '../../components/Link';
import { OfficialHeader, Signature } from '../../components/OfficialHeader';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { t } from '../../i18n';
import { categories, categoryName, useList } from '../../reference';
import type { PageProps } from '../../routes';

export default function BatchPrint({ params }: PageProps) {
  const cats = useList(categories);
  const batch = useFetch((signal) => api<Batch>(`/batches/${params.id}`, { signal }), [params.id]);
  const items = useFetch((signal) => api<Page<Petition>>('/petitions', { query: { batch: params.id, per_page: 200, sort: 'code' }, signal }), [params.id]);
  usePageTitle(batch.data ? t('print.batch.title', { number: batch.data.number }) : t('batches.title'));
  return (
    <Async state={batch} isEmpty={() => false}>
      {(b) => (
        <article class="batch-print">
          <p class="crumbs no-print">
            <Link href="/batches">{t('batches.title')}</Link>
          </p>
          <p class="no-print">
            <button type="button" class="btn btn-small" onClick={() => window.print()}>
              {t('print.button')}
            </button>
          </p>
          <OfficialHeader screen number={b.number} date={b.created_at} kind={t('print.batch.kind')} title={b.title} />
          <h1 class="sr-only">{t('print.batch.title', { number: b.number })}</h1>
          <p>{t('print.batch.lead', { n: b.petitions.length })}</p>
          <Async state={items} isEmpty={() => false}>
            {(p) => (
              <div class="table-wrap" tabIndex={0} role="region" aria-label={t('print.batch.title', { number: b.number })}>
                <table data-testid="batch-petitions">
                  <thead>
                    <tr>
                      <th scope="col">{t('print.col.no')}</th>
                      <th scope="col">{t('petition.code')}</th>
                      <th scope="col">{t('petition.title')}</th>
                      <th scope="col">{t('petition.cooperatives')}</th>
                      <th scope="col">{t('petition.category')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.items.map((x, i) => (
                      <tr key={x.id}>
                        <td class="num">{i + 1}</td>
                        <td>{x.code}</td>
                        <td>
                          <strong>{x.title}</strong>
                          <br />
                          {x.content}
                        </td>
                        <td>{x.cooperatives.map((c) => c.name).join(', ')}</td>
                        <td>{x.categories.map((c) => categoryName(cats, c)).join(', ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Async>
          <Signature role={t('print.sign.alliance')} />
        </article>
      )}
    </Async>
  );
}
