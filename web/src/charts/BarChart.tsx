// A bar chart drawn by uPlot; loaded only by the pages that show one (its own chunk).
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

type Props = { labels: string[]; values: number[]; title: string; color?: string };

export default function BarChart({ labels, values, title, color = '#0f5132' }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = Math.max(280, el.clientWidth);
    const xs = labels.map((_, i) => i);
    const plot = new uPlot(
      {
        width,
        height: 300,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [-0.6, labels.length - 0.4] }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.15)] } },
        axes: [
          { values: (_u, splits) => splits.map((s) => labels[s] ?? ''), splits: () => xs, gap: 4, size: 90, rotate: -40, font: '11px system-ui' } as uPlot.Axis,
          { font: '11px system-ui' },
        ],
        series: [{}, { fill: color, stroke: color, paths: uPlot.paths.bars!({ size: [0.6, 60] }), points: { show: false } }],
      },
      [xs, values],
      el,
    );
    return () => plot.destroy();
  }, [labels.join('|'), values.join('|')]);
  return <div ref={box} class="chart" role="img" aria-label={`${title}: ${labels.map((l, i) => `${l} ${values[i]}`).join(', ')}`} />;
}
