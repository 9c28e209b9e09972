-- wrk script: each request carries a token picked at random from TOKENS_FILE (one per line),
-- to REQUEST_PATH. done() prints one line: RESULT avg_ms p99_ms requests errors.
local tokens = {}
for line in io.lines(os.getenv("TOKENS_FILE")) do
  if #line > 0 then tokens[#tokens + 1] = line end
end
local path = os.getenv("REQUEST_PATH")

request = function()
  local token = tokens[math.random(#tokens)]
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.2f %.2f %d %d\n",
    latency.mean / 1000, latency:percentile(99) / 1000, summary.requests, errors))
end
