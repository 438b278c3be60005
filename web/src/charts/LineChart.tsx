// Lines over years drawn by uPlot (a scheme's progress): one line per series, gaps where a year
// has no figures, an optional reference line (100% of the target), and a legend in HTML.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export type Series = { label: string; values: (number | null)[] };
type Props = { years: number[]; series: Series[]; title: string; reference?: number; format?: (v: number) => string };

// Colours far enough apart, each with a contrast of 3:1 or more on white.
export const PALETTE = ['#0f5132', '#1d4ed8', '#b42318', '#8a4b00', '#6d28d9', '#0e7490', '#be185d', '#4d7c0f', '#374151'];
const FONT = '12px system-ui, sans-serif';
const INK = '#1f2933';

export default function LineChart({ years, series, title, reference, format = String }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = Math.max(280, el.clientWidth - 16);
    const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
    const top = Math.max(1, ...all, reference ?? 0);
    const pr = uPlot.pxRatio;
    const draw = (u: uPlot) => {
      if (reference === undefined) return;
      const ctx = u.ctx;
      const p = u.valToPos(reference, 'y', true);
      ctx.save();
      ctx.strokeStyle = '#6b7280';
      ctx.lineWidth = 1.5 * pr;
      ctx.setLineDash([6 * pr, 4 * pr]);
      ctx.beginPath();
      ctx.moveTo(u.bbox.left, p);
      ctx.lineTo(u.bbox.left + u.bbox.width, p);
      ctx.stroke();
      ctx.restore();
    };
    const plot = new uPlot(
      {
        width,
        height: 300,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [years[0] - 0.3, years[years.length - 1] + 0.3] }, y: { range: () => [0, top * 1.12] } },
        axes: [
          { splits: () => years, values: (_u, splits) => splits.map((s) => String(s)), font: FONT, stroke: INK, grid: { show: false } },
          { font: FONT, stroke: INK, size: 56, grid: { stroke: '#e5e7eb' }, values: (_u, splits) => splits.map((s) => format(s)) },
        ],
        series: [{}, ...series.map((s, i) => ({ label: s.label, stroke: PALETTE[i % PALETTE.length], width: 2.5, spanGaps: false, points: { show: true, size: 8, fill: PALETTE[i % PALETTE.length] } }))],
        hooks: { draw: [draw] },
      },
      [years, ...series.map((s) => s.values)] as uPlot.AlignedData,
      el,
    );
    return () => plot.destroy();
  }, [years.join('|'), JSON.stringify(series), reference]);
  return (
    <figure class="chart-figure">
      <div ref={box} class="chart" role="img" aria-label={`${title}: ${series.map((s) => `${s.label}: ${years.map((y, i) => `${y} ${s.values[i] === null ? '—' : format(s.values[i]!)}`).join(', ')}`).join('; ')}`} />
      <figcaption>
        <ul class="legend">
          {series.map((s, i) => (
            <li key={s.label}>
              <span class={`swatch swatch-${i % PALETTE.length}`} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
