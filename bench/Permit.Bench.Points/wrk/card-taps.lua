-- wrk script of Permit.Bench.Points: card taps. Each tap is two requests, as at a counter: POST /api/card-challenges (a
-- fresh challenge, as the page fetches one for the chip to sign) and POST PERMIT_WRK_PATH with the next prepared tap of
-- PERMIT_WRK_LINES (card files and a chip's answer to a challenge the bench issued for this load; each line is used once:
-- the API redeems a challenge only once). wrk cannot compute a chip's answer, so the fresh challenge's nonce is not the
-- one answered; its cost (one row written) is measured all the same. PERMIT_WRK_API_KEY is the verifier terminal's key.
local path = os.getenv("PERMIT_WRK_PATH")
local api_key = os.getenv("PERMIT_WRK_API_KEY")
local thread_count = tonumber(os.getenv("PERMIT_WRK_THREADS") or "1")

local lines = {}
for line in io.lines(os.getenv("PERMIT_WRK_LINES")) do
  lines[#lines + 1] = line
end

local headers = { ["Content-Type"] = "application/json" }
if api_key ~= nil and api_key ~= "" then
  headers["X-Api-Key"] = api_key
end

-- Each wrk thread has its own Lua state: thread k takes lines k, k + T, k + 2T… so no two threads redeem one challenge.
local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("id", #threads)
end

-- Globals (not locals): done() reads them from each thread with thread:get.
not_genuine = 0
reused = 0
local next_line
local challenge_next = true

function init(args)
  next_line = id or 1
end

function request()
  if challenge_next then
    challenge_next = false
    return wrk.format("POST", "/api/card-challenges", headers, "{}")
  end
  challenge_next = true
  local line = lines[next_line]
  next_line = next_line + thread_count
  if next_line > #lines then
    -- Out of prepared taps: start again (those challenges are spent, so these lookups fail and are counted as not 2xx).
    next_line = id or 1
    reused = reused + 1
  end
  return wrk.format("POST", path, headers, line)
end

-- A 200 is not enough: the lookup must have judged the card genuine (files, issuer signature and the chip's answer).
function response(status, headers, body)
  if status == 200 and string.find(body, '"reasonCode"', 1, true) and not string.find(body, '"genuine":true', 1, true) then
    not_genuine = not_genuine + 1
  end
end

function done(summary, latency, requests)
  local refused, again = 0, 0
  for _, thread in ipairs(threads) do
    refused = refused + (thread:get("not_genuine") or 0)
    again = again + (thread:get("reused") or 0)
  end
  io.write(string.format("card-taps: %d answered not genuine, prepared taps ran out %d times\n", refused, again))
end
