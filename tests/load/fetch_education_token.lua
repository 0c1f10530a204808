-- wrk script for server_load.sh: POST /fetch_education_token on a keep-alive connection,
-- a different userUuid on every request (so every token is freshly built and distinct), and
-- a count of answers that are not "200 with a token". The summary lines start with "LOAD "
-- so server_load.sh can read them.

local threads = {}

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

function init(args)
  seq = 0
  good = 0  -- 200 with {"token":"007...", ...}
  bad = 0   -- anything else
  first_bad = ""
  room = os.getenv("LOAD_ROOM") or "load-room"
  role = tonumber(os.getenv("LOAD_ROLE") or "2")
  headers = { ["Content-Type"] = "application/json" }
  local bearer = os.getenv("LOAD_BEARER")
  if bearer and bearer ~= "" then headers["Authorization"] = "Bearer " .. bearer end
end

function request()
  seq = seq + 1
  local body = string.format('{"roomUuid":"%s","userUuid":"load-%d-%d","role":%d}', room, thread_id, seq, role)
  return wrk.format("POST", "/fetch_education_token", headers, body)
end

function response(status, headers, body)
  -- nlohmann::json dumps keys sorted: {"code":"200","token":"007..."}
  if status == 200 and string.find(body, '"token":"007', 1, true) then
    good = good + 1
  else
    bad = bad + 1
    if first_bad == "" then first_bad = status .. " " .. string.sub(body, 1, 200) end
  end
end

function done(summary, latency, requests)
  local good_total, bad_total, first = 0, 0, ""
  for _, t in ipairs(threads) do
    good_total = good_total + t:get("good")
    bad_total = bad_total + t:get("bad")
    if first == "" then first = t:get("first_bad") end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("LOAD requests=%d seconds=%.2f rps=%.0f\n", summary.requests, seconds,
                         summary.requests / seconds))
  io.write(string.format("LOAD p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f\n", latency:percentile(50) / 1000,
                         latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("LOAD ok=%d bad=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
                         good_total, bad_total, e.connect, e.read, e.write, e.timeout))
  if first ~= "" then io.write("LOAD first_bad=" .. first .. "\n") end
end
