// A cooperative's public page: its record and its OCOP products with their stars.
import { api } from '../../api/client';
import type { Cooperative, Page, Product } from '../../api/types';
import { Async } from '../../components/Async';
import { CoopAwards, loadAwards } from '../../components/Awards';
import { CooperativeFacts, ProductList } from '../../components/CooperativeParts';
import { Link } from '../../components/Link';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { t } from '../../i18n';
import type { PageProps } from '../../routes';
import { useSession } from '../../session';

export function CooperativePublic({ params }: PageProps) {
  const { user } = useSession();
  const coop = useFetch((signal) => api<Cooperative>(`/cooperatives/${params.id}`, { signal }), [params.id]);
  const products = useFetch((signal) => api<Page<Product>>(`/cooperatives/${params.id}/products`, { signal }), [params.id]);
  const awards = useFetch((signal) => loadAwards({ cooperative: params.id }, signal), [params.id]);
  usePageTitle(coop.data?.name);
  if (coop.error?.status === 404 || coop.error?.status === 400) {
    return (
      <>
        <h1>{t('coop.notFound')}</h1>
        <Link href="/cooperatives">{t('nav.directory')}</Link>
      </>
    );
  }
  return (
    <Async state={coop} isEmpty={() => false}>
      {(c) => (
        <>
          <p class="crumbs">
            <Link href="/cooperatives">{t('nav.directory')}</Link>
          </p>
          <h1>{c.name}</h1>
          {user && (user.role === 'alliance' || user.role === 'admin') && (
            <p>
              <Link href={`/register/${c.id}`}>{t('nav.register')} →</Link>
            </p>
          )}
          <CooperativeFacts c={c} />
          <h2>{t('coop.products')}</h2>
          <Async state={products} isEmpty={() => false}>
            {(p) => <ProductList items={p.items} />}
          </Async>
          <h2>{t('coop.awards')}</h2>
          <Async state={awards} isEmpty={() => false}>
            {(items) => <CoopAwards items={items} />}
          </Async>
        </>
      )}
    </Async>
  );
}
