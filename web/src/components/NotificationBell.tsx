// The unread notification count in the header, refreshed on every page change.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { NotificationPage } from '../api/types';
import { t } from '../i18n';
import { useLocation } from '../router';
import { Link } from './Link';

const listeners = new Set<() => void>();
/** Asks the bell to count again (after marking notifications read). */
export const refreshUnread = () => listeners.forEach((f) => f());

export function NotificationBell() {
  const loc = useLocation();
  const [unread, setUnread] = useState<number | null>(null);
  const [n, setN] = useState(0);
  useEffect(() => {
    const f = () => setN((x) => x + 1);
    listeners.add(f);
    const timer = setInterval(f, 60000);
    return () => {
      listeners.delete(f);
      clearInterval(timer);
    };
  }, []);
  useEffect(() => {
    let live = true;
    api<NotificationPage>('/notifications', { query: { unread: 1, per_page: 1 } }).then(
      (p) => live && setUnread(p.unread),
      () => live && setUnread(null),
    );
    return () => {
      live = false;
    };
  }, [loc.path, n]);
  const count = unread ?? 0;
  return (
    <Link href="/notifications" class="bell">
      <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      <span class="bell-text">{t('app.notifications')}</span>
      <span class={`count${count ? ' count-on' : ''}`} data-testid="unread-count">
        {count}
      </span>
      <span class="sr-only">{t('app.notifications.unread', { n: count })}</span>
    </Link>
  );
}
