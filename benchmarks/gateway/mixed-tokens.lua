-- wrk script: each request carries a token picked at random from TOKENS_FILE (one per line),
-- to REQUEST_PATH. done() prints one line: RESULT avg_ms p99_ms requests errors.
-- The requests are formatted once per token in init(), so the load client spends its CPU on
-- sending them, not on building them: it shares the machine with the services it measures.
local prepared = {}

init = function(args)
  local path = os.getenv("REQUEST_PATH")
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    if #line > 0 then
      prepared[#prepared + 1] = wrk.format("GET", path, { ["Authorization"] = "Bearer " .. line })
    end
  end
end

request = function()
  return prepared[math.random(#prepared)]
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.2f %.2f %d %d\n",
    latency.mean / 1000, latency:percentile(99) / 1000, summary.requests, errors))
end
