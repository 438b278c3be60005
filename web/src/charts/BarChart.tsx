// A bar chart drawn by uPlot; loaded only by the pages that show one (its own chunk).
// Upright bars for short labels; lying bars (horizontal) for long ones, which stay readable on
// a phone. The value is written at the end of each bar; an optional reference line (100% of
// the plan) is drawn across.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

type Props = {
  labels: string[];
  values: number[];
  title: string;
  color?: string;
  /** Lying bars, the labels on the left. */
  horizontal?: boolean;
  /** A line across at this value (e.g. 100 for 100% of the plan). */
  reference?: number;
  /** How a value is written on the bar and in the description ("100,1%"). */
  format?: (v: number) => string;
};

const FONT = '12px system-ui, sans-serif';
const INK = '#1f2933';
const GRID = '#e5e7eb';

let measure: CanvasRenderingContext2D | null = null;
/** Shortens a label to fit a width in pixels, as drawn in the chart's font. */
function fit(text: string, px: number): string {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return text;
  measure.font = FONT;
  if (measure.measureText(text).width <= px) return text;
  let n = text.length;
  while (n > 3 && measure.measureText(`${text.slice(0, n).trimEnd()}…`).width > px) n--;
  return `${text.slice(0, n).trimEnd()}…`;
}

const WHOLE_STEPS = [1, 2, 5].flatMap((m) => [1, 10, 100, 1e3, 1e4, 1e5, 1e6].map((p) => m * p)).sort((a, b) => a - b);

export default function BarChart({ labels, values, title, color = '#0f5132', horizontal = false, reference, format = String }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = Math.max(280, el.clientWidth - 16);
    const xs = labels.map((_, i) => i);
    const labelSize = horizontal ? Math.min(190, Math.round(width * 0.42)) : 96;
    const height = horizontal ? Math.max(160, labels.length * 34 + 50) : 300;
    const top = Math.max(1, ...values, reference ?? 0);
    const pr = uPlot.pxRatio;

    const draw = (u: uPlot) => {
      const ctx = u.ctx;
      ctx.save();
      ctx.font = `${12 * pr}px system-ui, sans-serif`;
      ctx.fillStyle = INK;
      if (reference !== undefined) {
        ctx.strokeStyle = '#b42318';
        ctx.lineWidth = 2 * pr;
        ctx.setLineDash([6 * pr, 4 * pr]);
        ctx.beginPath();
        const p = u.valToPos(reference, 'y', true);
        if (horizontal) {
          ctx.moveTo(p, u.bbox.top);
          ctx.lineTo(p, u.bbox.top + u.bbox.height);
        } else {
          ctx.moveTo(u.bbox.left, p);
          ctx.lineTo(u.bbox.left + u.bbox.width, p);
        }
        ctx.stroke();
        ctx.setLineDash([]);
      }
      values.forEach((v, i) => {
        const text = format(v);
        const along = u.valToPos(i, 'x', true);
        const end = u.valToPos(v, 'y', true);
        if (horizontal) {
          ctx.textAlign = 'left';
          ctx.textBaseline = 'middle';
          ctx.fillText(text, end + 4 * pr, along);
        } else {
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          ctx.fillText(text, along, end - 3 * pr);
        }
      });
      ctx.restore();
    };

    // Counts are whole: their axis steps by 1, 2, 5, 10... never by 0.5 ("1,5 kiến nghị").
    const incrs = values.every((v) => Number.isInteger(v)) ? WHOLE_STEPS : undefined;
    const plot = new uPlot(
      {
        width,
        height,
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: false, range: [-0.6, labels.length - 0.4], ...(horizontal ? { ori: 1, dir: -1 } : {}) },
          y: { range: () => [0, top * (horizontal ? 1.3 : 1.18)], ...(horizontal ? { ori: 0, dir: 1 } : {}) },
        },
        axes: [
          horizontal
            ? { side: 3, values: (_u, splits) => splits.map((s) => fit(labels[s] ?? '', labelSize - 10)), splits: () => xs, gap: 6, size: labelSize, font: FONT, stroke: INK, grid: { show: false }, ticks: { show: false } }
            : ({ values: (_u, splits) => splits.map((s) => fit(labels[s] ?? '', 120)), splits: () => xs, gap: 4, size: labelSize, rotate: -40, font: FONT, stroke: INK, grid: { show: false } } as uPlot.Axis),
          horizontal ? { side: 2, font: FONT, stroke: INK, grid: { stroke: GRID }, incrs, values: (_u, splits) => splits.map((s) => format(s)) } : { font: FONT, stroke: INK, grid: { stroke: GRID }, size: 56, incrs, values: (_u, splits) => splits.map((s) => format(s)) },
        ],
        series: [{}, { fill: color, stroke: color, paths: uPlot.paths.bars!({ size: [horizontal ? 0.7 : 0.6, 60] }), points: { show: false } }],
        hooks: { draw: [draw] },
      },
      [xs, values],
      el,
    );
    return () => plot.destroy();
  }, [labels.join('|'), values.join('|'), horizontal, reference]);
  return <div ref={box} class="chart" role="img" aria-label={`${title}: ${labels.map((l, i) => `${l} ${format(values[i])}`).join(', ')}`} />;
}
