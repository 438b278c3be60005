-- wrk: prints one JSON line with the figures bench/run.mjs reads (wrk's own --latency output
-- has no 95th percentile). Included by the other scripts; used alone for plain GETs.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"seconds":%.3f,"p50_us":%d,"p95_us":%d,"p99_us":%d,' ..
    '"non2xx":%d,"errors":%d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
