-- wrk: a cooperative creates a petition, then submits it (two requests per petition).
-- Each connection alternates: POST /api/v1/petitions, then POST .../{id}/transitions with the
-- id from the answer. TOKEN comes from the environment (a coop representative's API token).
local token = os.getenv("TOKEN")
local coop = os.getenv("COOP_ID")
local pending = {}   -- ids created and not yet submitted, by this thread
local failed = 0
dofile("bench/lua/stats.lua")

local n = 0
request = function()
  local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
  local id = table.remove(pending)
  if id then
    return wrk.format("POST", "/api/v1/petitions/" .. id .. "/transitions", headers,
                      '{"action":"submit"}')
  end
  n = n + 1
  local body = '{"title":"Đề nghị hỗ trợ vốn vay ưu đãi cho sản xuất miến dong số ' .. n ..
               '","content":"Hợp tác xã đề nghị ngân hàng chính sách xem xét cho vay vốn ưu đãi để mở rộng vùng trồng dong riềng.","categories":["credit"],"cooperative_id":' .. coop .. '}'
  return wrk.format("POST", "/api/v1/petitions", headers, body)
end

response = function(status, headers, body)
  if status == 201 then
    local id = body:match('"id":(%d+)')
    if id then table.insert(pending, id) end
  elseif status ~= 200 then
    failed = failed + 1
    if failed <= 3 then io.stderr:write("status " .. status .. ": " .. body:sub(1, 200) .. "\n") end
  end
end
