// A search field with its button; searches on Enter or the button, and as the user pauses typing.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

type Props = { id: string; label: string; value: string; onSearch: (v: string) => void };

export function SearchBox({ id, label, value, onSearch }: Props) {
  const [v, setV] = useState(value);
  const timer = useRef<number>(0);
  useEffect(() => setV(value), [value]);
  const go = (x: string) => {
    clearTimeout(timer.current);
    if (x.trim() !== value) onSearch(x.trim());
  };
  return (
    <div class="field search">
      <label for={id}>{label}</label>
      <div class="search-row">
        <input
          id={id}
          type="search"
          value={v}
          onInput={(e) => {
            const x = (e.currentTarget as HTMLInputElement).value;
            setV(x);
            clearTimeout(timer.current);
            timer.current = window.setTimeout(() => go(x), 500);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              go(v);
            }
          }}
        />
        <button type="button" class="btn" onClick={() => go(v)}>
          {t('common.searchBtn')}
        </button>
      </div>
    </div>
  );
}
