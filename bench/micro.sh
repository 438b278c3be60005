#!/usr/bin/env bash
# Micro-benchmarks (bench/micro, Google Benchmark): folding, JSON list pages, routing.
#   bench/micro.sh [BUILD_DIR] [micro_bench options...]     (BUILD_DIR defaults to build)
# e.g. bench/micro.sh build-micro --benchmark_filter=Fold
# Builds the micro_bench target in an already configured tree, runs it (console output), then
# prints the figures as a markdown table. The raw figures stay in BUILD_DIR/micro_bench.json.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
[ $# -gt 0 ] && shift

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  echo "bench/micro.sh: $BUILD is not a configured build tree; configure it first, e.g." >&2
  echo "  cmake -S . -B $BUILD -G Ninja -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_BUILD_TYPE=Release" >&2
  exit 1
fi
cmake --build "$BUILD" --target micro_bench -j2
[ -x "$BUILD/micro_bench" ] || {
  echo "bench/micro.sh: no $BUILD/micro_bench (is libbenchmark-dev installed? scripts/install-deps)" >&2
  exit 1
}

OUT="$BUILD/micro_bench.json"
"$BUILD/micro_bench" --benchmark_format=console --benchmark_min_time=0.3 \
  --benchmark_out="$OUT" --benchmark_out_format=json "$@"

echo
node - "$OUT" <<'JS'
const fs = require('fs');
const r = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const scale = { ns: 1, us: 1e3, ms: 1e6, s: 1e9 };
const time = (t, unit) => {
  const ns = t * scale[unit];
  if (ns < 1e3) return `${ns.toFixed(0)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(2)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toFixed(2)} ms`;
  return `${(ns / 1e9).toFixed(2)} s`;
};
const rate = (x, units, base) => {
  if (x === undefined) return '';
  let i = 0;
  while (x >= base && i < units.length - 1) { x /= base; ++i; }
  return `${x.toFixed(x < 10 ? 2 : x < 100 ? 1 : 0)} ${units[i]}`;
};
// With --benchmark_repetitions, show the medians; otherwise every run.
let rows = r.benchmarks.filter((b) => !b.error_occurred);
if (rows.some((b) => b.run_type === 'aggregate'))
  rows = rows.filter((b) => b.aggregate_name === 'median');
const c = r.context;
console.log(`Micro-benchmarks, ${c.date}, ${c.host_name}, ${c.num_cpus} CPUs at ${c.mhz_per_cpu} MHz, ` +
            `load ${(c.load_avg || []).map((x) => x.toFixed(2)).join(' ')}\n`);
console.log('| benchmark | CPU time/op | items/s | bytes/s | note |');
console.log('|---|---:|---:|---:|---|');
for (const b of rows)
  console.log(`| ${b.name} | ${time(b.cpu_time, b.time_unit)} | ` +
              `${rate(b.items_per_second, ['/s', 'k/s', 'M/s', 'G/s'], 1000)} | ` +
              `${rate(b.bytes_per_second, ['B/s', 'KiB/s', 'MiB/s', 'GiB/s'], 1024)} | ` +
              `${b.label || ''} |`);
JS
