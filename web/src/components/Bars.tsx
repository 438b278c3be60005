// A small horizontal bar list (no chart library): label, bar, value.
import { formatNumber } from '../format';

type Row = { label: string; value: number };

export function Bars({ title, rows }: { title: string; rows: Row[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <figure class="bars">
      <figcaption>{title}</figcaption>
      <dl>
        {rows.map((r) => (
          <div class="bar-row" key={r.label}>
            <dt>{r.label}</dt>
            <dd>
              <span class="bar-fill" style={{ width: `${Math.round((r.value / max) * 100)}%` }} aria-hidden="true" />
              <span class="bar-value">{formatNumber(r.value)}</span>
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}
