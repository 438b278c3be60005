// Previous / next page links for a paged list.
import { t } from '../i18n';

type Props = { page: number; perPage: number; total: number; onPage: (p: number) => void };

export function Pagination({ page, perPage, total, onPage }: Props) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={t('common.pagination')}>
      <button type="button" class="btn" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ‹ {t('common.prev')}
      </button>
      <span aria-current="page">{t('common.page', { page, pages })}</span>
      <button type="button" class="btn" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')} ›
      </button>
    </nav>
  );
}
