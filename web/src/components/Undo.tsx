// A short undo (the server decides: who did it, within minutes, while no one concerned has
// seen it). Shown only while `until` is in the future; the server's answer is the last word.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { formatDateTime } from '../format';
import { t } from '../i18n';
import { notify } from './Notices';

export function UndoNotice({ until, text, onUndo, testId }: { until: string | null | undefined; text: string; onUndo: () => Promise<void>; testId?: string }) {
  const [left, setLeft] = useState(() => (until ? Date.parse(until) - Date.now() : 0));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!until) return;
    const ms = Date.parse(until) - Date.now();
    setLeft(ms);
    if (ms <= 0) return;
    const timer = setTimeout(() => setLeft(0), ms);
    return () => clearTimeout(timer);
  }, [until]);
  if (!until || left <= 0) return error ? <p class="form-error" role="alert">{error}</p> : null;
  const undo = async () => {
    setBusy(true);
    setError('');
    try {
      await onUndo();
      notify(t('undo.done'));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e.summary);
      setLeft(0);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="notice-inline undo" role="status" data-testid={testId ?? 'undo'}>
      <span>
        {text} {t('undo.until', { time: formatDateTime(until).slice(-5) })}
      </span>{' '}
      <button type="button" class="btn btn-small" disabled={busy} onClick={() => undo()}>
        {busy ? t('common.sending') : t('undo.button')}
      </button>
    </div>
  );
}
