-- wrk script for benchmarks/storefront-load.sh: sends the request paths listed in the file named by REQUESTS_FILE
-- (written by StorefrontLoad --print-requests), each of the WRK_THREADS threads taking every Nth line. wrk bounds
-- the run by its duration (-d); done() prints one summary line with the errors of every kind added up.
local thread_count = tonumber(os.getenv("WRK_THREADS") or "2")
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("REQUESTS_FILE")) do
    if line ~= "" then table.insert(paths, line) end
  end
  next_index = id
end

function request()
  local path = paths[(next_index % #paths) + 1]
  next_index = next_index + thread_count
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("wrk: %d requests in %.1f s, %.0f req/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors))
end
