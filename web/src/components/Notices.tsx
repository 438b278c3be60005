// Feedback after every action: a message in a live region at the top of the page.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';

type Notice = { id: number; text: string; kind: 'ok' | 'error' };
let notices: Notice[] = [];
let next = 1;
const listeners = new Set<() => void>();

function emit() {
  listeners.forEach((f) => f());
}

export function notify(text: string, kind: 'ok' | 'error' = 'ok') {
  const n = { id: next++, text, kind };
  notices = [...notices.slice(-2), n];
  emit();
  if (kind === 'ok') setTimeout(() => dismiss(n.id), 8000);
}

function dismiss(id: number) {
  notices = notices.filter((n) => n.id !== id);
  emit();
}

export function Notices() {
  const [, set] = useState(0);
  useEffect(() => {
    const f = () => set((x) => x + 1);
    listeners.add(f);
    return () => listeners.delete(f);
  }, []);
  return (
    <div class="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} class={`notice notice-${n.kind}`}>
          <span>{n.text}</span>
          <button type="button" class="btn-icon" aria-label={t('common.dismiss')} onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
