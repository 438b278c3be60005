// A cooperative in the register: record, its representatives' accounts, yearly figures,
// products, contracts and petitions.
import { api } from '../../api/client';
import type { Contract, Cooperative, Page, Petition, Product, Year } from '../../api/types';
import { Async } from '../../components/Async';
import { ContractList, CooperativeFacts, ProductList, YearsTable } from '../../components/CooperativeParts';
import { Link } from '../../components/Link';
import { PetitionCards } from '../../components/PetitionCards';
import { Representatives } from '../../components/Representatives';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { t } from '../../i18n';
import type { PageProps } from '../../routes';

export default function CooperativeRecord({ params }: PageProps) {
  const id = params.id;
  const coop = useFetch((signal) => api<Cooperative>(`/cooperatives/${id}`, { signal }), [id]);
  const years = useFetch((signal) => api<Page<Year>>(`/cooperatives/${id}/years`, { signal }), [id]);
  const products = useFetch((signal) => api<Page<Product>>(`/cooperatives/${id}/products`, { signal }), [id]);
  const contracts = useFetch((signal) => api<Page<Contract>>(`/cooperatives/${id}/contracts`, { signal }), [id]);
  const petitions = useFetch((signal) => api<Page<Petition>>('/petitions', { query: { cooperative: id, per_page: 50 }, signal }), [id]);
  usePageTitle(coop.data?.name ?? t('register.title'));
  if (coop.error?.status === 404 || coop.error?.status === 400) return <h1>{t('coop.notFound')}</h1>;
  return (
    <Async state={coop} isEmpty={() => false}>
      {(c) => (
        <>
          <p class="crumbs">
            <Link href="/register">{t('register.title')}</Link>
          </p>
          <h1>{c.name}</h1>
          <p class="actions">
            <Link href={`/register/${c.id}/edit`} class="btn btn-primary">
              {t('common.edit')}
            </Link>
            <Link href={`/cooperatives/${c.id}`} class="btn">
              {t('nav.directory')}
            </Link>
          </p>
          <CooperativeFacts c={c} contact />
          <Representatives cooperative={{ id: c.id, name: c.name }} />
          <section aria-labelledby="years-h">
            <h2 id="years-h">{t('coop.years')}</h2>
            <Async state={years} isEmpty={() => false}>
              {(y) => <YearsTable items={y.items} />}
            </Async>
          </section>
          <section aria-labelledby="products-h">
            <h2 id="products-h">{t('coop.products')}</h2>
            <Async state={products} isEmpty={() => false}>
              {(p) => <ProductList items={p.items} />}
            </Async>
          </section>
          <section aria-labelledby="contracts-h">
            <h2 id="contracts-h">{t('coop.contracts')}</h2>
            <Async state={contracts} isEmpty={() => false}>
              {(p) => <ContractList items={p.items} />}
            </Async>
          </section>
          <section aria-labelledby="petitions-h">
            <h2 id="petitions-h">{t('coop.petitions')}</h2>
            <Async state={petitions} empty={t('petition.list.empty')}>
              {(p) => <PetitionCards items={p.items} />}
            </Async>
          </section>
        </>
      )}
    </Async>
  );
}
