// One published petition and its answers.
import { api } from '../../api/client';
import type { PublicPetition } from '../../api/types';
import { Async } from '../../components/Async';
import { StateBadge, Stars } from '../../components/Badges';
import { Link } from '../../components/Link';
import { AnswerList } from '../../components/AnswerList';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { t } from '../../i18n';
import { categories, categoryName, useList } from '../../reference';
import type { PageProps } from '../../routes';

export function AnswerPage({ params }: PageProps) {
  const cats = useList(categories);
  const p = useFetch((signal) => api<PublicPetition>(`/public/petitions/${encodeURIComponent(params.code)}`, { signal }), [params.code]);
  usePageTitle(p.data?.title ?? t('answers.title'));
  if (p.error && (p.error.status === 404 || p.error.status === 400)) {
    return (
      <>
        <h1>{t('answers.notFound')}</h1>
        <Link href="/answers">{t('nav.answers')}</Link>
      </>
    );
  }
  return (
    <Async state={p} isEmpty={() => false}>
      {(a) => (
        <article>
          <p class="crumbs">
            <Link href="/answers">{t('nav.answers')}</Link>
          </p>
          <h1>{a.title}</h1>
          <p class="meta">
            {a.code} · <StateBadge state={a.state} /> · {a.cooperatives.map((c) => c.name).join(', ')}
          </p>
          <p class="meta">
            {t('petition.categories')}: {a.categories.map((c) => categoryName(cats, c)).join(', ')}
          </p>
          <h2>{t('petition.content')}</h2>
          <p class="pre">{a.content}</p>
          <h2>{t('petition.answers')}</h2>
          <AnswerList answers={a.answers} />
          {a.rating !== null && (
            <p>
              {t('answers.rating')}: <Stars n={a.rating} /> ({t('rating.value', { n: a.rating })})
            </p>
          )}
        </article>
      )}
    </Async>
  );
}
