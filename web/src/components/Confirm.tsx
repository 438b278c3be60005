// An action that asks first: the button opens a short question in place, with "Xác nhận" and
// "Hủy"; the focus moves to the question so that a screen reader reads it.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { t } from '../i18n';

type Props = {
  /** The button's text. */
  label: string;
  /** Its accessible name when the text alone is ambiguous (one per row). */
  ariaLabel?: string;
  /** The question: what will happen. */
  question: string;
  confirmLabel?: string;
  danger?: boolean;
  onConfirm: () => Promise<unknown>;
  /** Extra fields inside the question (a password, a choice). */
  children?: ComponentChildren;
  disabled?: boolean;
  small?: boolean;
};

let seq = 0;

export function ConfirmButton({ label, ariaLabel, question, confirmLabel, danger, onConfirm, children, disabled, small }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const [id] = useState(() => `confirm-${++seq}`);
  useEffect(() => {
    if (open) box.current?.focus();
  }, [open]);
  const go = async () => {
    setBusy(true);
    setError('');
    try {
      await onConfirm();
      setOpen(false);
    } catch (e) {
      setError(e instanceof ApiError ? e.summary : String(e));
    } finally {
      setBusy(false);
    }
  };
  const cls = `btn${danger ? ' btn-danger' : ''}${small ? ' btn-small' : ''}`;
  if (!open)
    return (
      <button type="button" class={cls} aria-label={ariaLabel} disabled={disabled} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  return (
    <div class="confirm" role="group" aria-labelledby={`${id}-q`} tabIndex={-1} ref={box}>
      <p id={`${id}-q`} class="confirm-q">
        {question}
      </p>
      {children}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" class={`btn ${danger ? 'btn-danger-solid' : 'btn-primary'}`} disabled={busy} onClick={go}>
          {busy ? t('common.sending') : (confirmLabel ?? t('common.confirm'))}
        </button>
        <button type="button" class="btn" disabled={busy} onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
