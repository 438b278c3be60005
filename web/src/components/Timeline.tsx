// A petition's history, oldest first: who did what, when and why.
import type { HistoryEntry } from '../api/types';
import { formatDateTime } from '../format';
import { label, t } from '../i18n';

export function Timeline({ items }: { items: HistoryEntry[] }) {
  return (
    <ol class="timeline" data-testid="timeline">
      {items.map((h, i) => (
        <li key={i}>
          <p>
            <strong>{label('action', h.action)}</strong>
            {h.from_state && h.from_state !== h.to_state && (
              <span class="meta">
                {' '}
                ({label('state', h.from_state)} → {label('state', h.to_state)})
              </span>
            )}
          </p>
          <p class="meta">
            <time dateTime={h.at}>{formatDateTime(h.at)}</time>
            {h.user.display_name && (
              <>
                {' · '}
                {h.user.display_name}
                {h.user.role && ` (${label('role', h.user.role)})`}
              </>
            )}
          </p>
          {h.reason && <p class="reason">{h.reason}</p>}
        </li>
      ))}
      {items.length === 0 && <li>{t('common.empty')}</li>}
    </ol>
  );
}
