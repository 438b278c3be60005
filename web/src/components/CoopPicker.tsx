// Finding a cooperative by name (diacritics optional) and choosing it.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Cooperative, Page } from '../api/types';
import { t } from '../i18n';
import { Select } from './Field';

type Props = { id: string; label: string; value: string; onValue: (id: string) => void; error?: string; required?: boolean; initial?: { id: number; name: string }[] };

export function CoopPicker({ id, label, value, onValue, error, required, initial = [] }: Props) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<{ id: number; name: string }[]>(initial);
  useEffect(() => {
    if (!q.trim()) return setFound(initial);
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      api<Page<Cooperative>>('/cooperatives', { query: { q: q.trim(), per_page: 30 }, signal: ctl.signal }).then(
        (p) => {
          setFound(p.items);
          if (p.items.length === 1) onValue(String(p.items[0].id));
        },
        () => {},
      );
    }, 300);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [q]);
  return (
    <div class="coop-picker">
      <div class="field">
        <label for={`${id}-q`}>{t('petition.new.coopSearch')}</label>
        <input id={`${id}-q`} type="search" value={q} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} />
      </div>
      <Select id={id} label={label} value={value} onValue={onValue} error={error} required={required} options={found.map((c) => ({ value: String(c.id), label: c.name }))} />
    </div>
  );
}
