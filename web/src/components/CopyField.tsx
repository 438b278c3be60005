// A read-only value to copy (a link, a token, recovery codes) with its copy button; the result
// is said in a live region next to it.
import { useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

async function copyText(text: string, el: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Without the clipboard API (plain http, an old browser): select and ask the browser.
    if (!el) return false;
    el.focus();
    el.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

type Props = { id: string; label: string; value: string; hint?: string; multiline?: boolean; copyLabel?: string; testId?: string };

export function CopyField({ id, label, value, hint, multiline, copyLabel, testId }: Props) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [said, setSaid] = useState('');
  const copy = async () => setSaid((await copyText(value, ref.current)) ? t('common.copied') : t('common.copyFailed'));
  const select = (e: Event) => (e.currentTarget as HTMLInputElement).select();
  return (
    <div class="field copy-field">
      <label for={id}>{label}</label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      <div class="copy-row">
        {multiline ? (
          <textarea id={id} ref={ref} readOnly rows={Math.min(12, value.split('\n').length + 1)} value={value} onFocus={select} aria-describedby={hint ? `${id}-hint` : undefined} data-testid={testId} class="mono" />
        ) : (
          <input id={id} ref={ref} readOnly value={value} onFocus={select} aria-describedby={hint ? `${id}-hint` : undefined} data-testid={testId} class="mono" spellcheck={false} />
        )}
        <button type="button" class="btn" onClick={copy}>
          {copyLabel ?? t('common.copy')}
        </button>
      </div>
      <p class="hint" role="status" aria-live="polite">{said}</p>
    </div>
  );
}
