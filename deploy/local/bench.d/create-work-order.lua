-- wrk script: POST /api/v1/work-orders, each request a new order with its own Idempotency-Key,
-- round-robin over the villages in BENCH_VILLAGES (comma-separated 12-digit codes).
-- BENCH_TOKEN is a township staff token of those villages' township; BENCH_RUN makes keys unique per run.
local villages = {}
for v in string.gmatch(os.getenv("BENCH_VILLAGES") or "", "[^,]+") do villages[#villages + 1] = v end
local run = os.getenv("BENCH_RUN") or "run"
local token = os.getenv("BENCH_TOKEN") or ""
local threads = 0

local n = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  thread_id = thread_id or 0
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  n = n + 1
  local v = villages[(n + thread_id) % #villages + 1]
  wrk.headers["Idempotency-Key"] = run .. "-" .. thread_id .. "-" .. n
  local body = '{"villageCode":"' .. v .. '","categoryCode":"street-lamp-repair","plannedQuantity":3,'
      .. '"title":"基准测试路灯维修","dueDate":"2027-06-30"}'
  return wrk.format("POST", "/api/v1/work-orders", nil, body)
end

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("BENCH requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
