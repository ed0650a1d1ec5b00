-- wrk script of Permit.Bench.Points: every request takes one line, at random, from the file named by PERMIT_WRK_LINES.
-- GET: the line is the path (a permit number in it). POST: the line is the JSON body sent to PERMIT_WRK_PATH.
-- PERMIT_WRK_API_KEY, when set, is sent as X-Api-Key (a verifier terminal's key).
local method = os.getenv("PERMIT_WRK_METHOD") or "GET"
local post_path = os.getenv("PERMIT_WRK_PATH")
local api_key = os.getenv("PERMIT_WRK_API_KEY")

local lines = {}
for line in io.lines(os.getenv("PERMIT_WRK_LINES")) do
  lines[#lines + 1] = line
end

local headers = {}
if api_key ~= nil and api_key ~= "" then
  headers["X-Api-Key"] = api_key
end
if method == "POST" then
  headers["Content-Type"] = "application/json"
end

-- Each wrk thread has its own Lua state: seed each apart so threads do not walk the same sequence.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  math.randomseed(os.time() * 100 + (id or 0))
end

function request()
  local line = lines[math.random(#lines)]
  if method == "GET" then
    return wrk.format("GET", line, headers)
  end
  return wrk.format("POST", post_path, headers, line)
end
