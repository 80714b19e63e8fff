// The Lua scripts that keep a sale's seats in Redis. Each runs atomically, so between reading the seats and
// taking one no other admission can interleave. Lua notes: 0 is TRUE in Lua, so every count is compared with
// `> 0` explicitly after tonumber(); a missing hash field is `false`, never nil.
//
// Invariant kept by every script: left + |buyers| = seats (each buyer holds exactly one seat: admitted and
// queued, held unpaid, or paid).

/**
 * Admission. KEYS: sale, buyers, stream, funnel, user rate, ip rate, the caller's session (lib/auth/session-registry:
 * it exists while the session is live, so signing out anywhere takes effect here too).
 * ARGV: sale id, user id, order number, pay window ms, user limit, ip limit, rate window s, funnel ttl s.
 * → {"OK", payBeforeMs, seatsLeft} | {"SOLD_OUT"} | {"ALREADY_PURCHASED"} | {"NOT_STARTED", startMs} | {"ENDED"}
 *   | {"RATE_LIMITED", retryAfterS} | {"NOT_LOADED"} | {"SIGNED_OUT"}
 */
export const ADMIT = `
if redis.call("EXISTS", KEYS[7]) == 0 then return {"SIGNED_OUT"} end
redis.call("HINCRBY", KEYS[4], ARGV[1], 1)
redis.call("EXPIRE", KEYS[4], ARGV[8], "NX")
local window = tonumber(ARGV[7])
local u = redis.call("INCR", KEYS[5])
if u == 1 then redis.call("EXPIRE", KEYS[5], window) end
if u > tonumber(ARGV[5]) then return {"RATE_LIMITED", tostring(redis.call("TTL", KEYS[5]))} end
local ip = redis.call("INCR", KEYS[6])
if ip == 1 then redis.call("EXPIRE", KEYS[6], window) end
if ip > tonumber(ARGV[6]) then return {"RATE_LIMITED", tostring(redis.call("TTL", KEYS[6]))} end
local sale = redis.call("HMGET", KEYS[1], "left", "start", "end", "status")
local left = tonumber(sale[1])
if left == nil then return {"NOT_LOADED"} end
local t = redis.call("TIME")
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if sale[4] ~= "active" then return {"ENDED"} end
if now < tonumber(sale[2]) then return {"NOT_STARTED", sale[2]} end
if now >= tonumber(sale[3]) then return {"ENDED"} end
if redis.call("SISMEMBER", KEYS[2], ARGV[2]) == 1 then return {"ALREADY_PURCHASED"} end
if not (left > 0) then return {"SOLD_OUT"} end
redis.call("HINCRBY", KEYS[1], "left", -1)
redis.call("SADD", KEYS[2], ARGV[2])
local payBefore = now + tonumber(ARGV[4])
redis.call("XADD", KEYS[3], "*", "sale", ARGV[1], "user", ARGV[2], "orderNo", ARGV[3], "payBefore", tostring(payBefore))
return {"OK", tostring(payBefore), tostring(left - 1)}
`;

/**
 * Gives a learner's seat back (released unpaid): the learner leaves the buyers and the seat is free again.
 * KEYS: sale, buyers. ARGV: user id. → 1 when the learner held a seat here (now back), 0 when already done.
 */
export const RELEASE = `
if redis.call("SREM", KEYS[2], ARGV[1]) == 1 then
  if redis.call("EXISTS", KEYS[1]) == 1 then redis.call("HINCRBY", KEYS[1], "left", 1) end
  return 1
end
return 0
`;

/**
 * Loads a sale, or updates its window and status. KEYS: sale, buyers.
 * ARGV: seats, left (from MySQL; used only on first load), start ms, end ms, status, then the ids of the
 * learners holding a seat in MySQL (first load only). → {"LOADED"|"UPDATED", left}
 */
export const LOAD = `
if redis.call("EXISTS", KEYS[1]) == 0 then
  redis.call("DEL", KEYS[2])
  for i = 6, #ARGV do redis.call("SADD", KEYS[2], ARGV[i]) end
  redis.call("HSET", KEYS[1], "seats", ARGV[1], "left", ARGV[2], "start", ARGV[3], "end", ARGV[4], "status", ARGV[5])
  return {"LOADED", ARGV[2]}
end
redis.call("HSET", KEYS[1], "start", ARGV[3], "end", ARGV[4], "status", ARGV[5])
return {"UPDATED", tostring(redis.call("HGET", KEYS[1], "left"))}
`;

/**
 * Changes the seats offered by a delta, refusing to take away a seat someone holds.
 * KEYS: sale. ARGV: delta. → {"OK", left} | {"TOO_FEW", left} | {"NOT_LOADED"}
 */
export const RESIZE = `
local left = tonumber(redis.call("HGET", KEYS[1], "left"))
if left == nil then return {"NOT_LOADED"} end
local delta = tonumber(ARGV[1])
if left + delta < 0 then return {"TOO_FEW", tostring(left)} end
redis.call("HINCRBY", KEYS[1], "seats", delta)
redis.call("HINCRBY", KEYS[1], "left", delta)
return {"OK", tostring(left + delta)}
`;

/**
 * Consistency snapshot of one sale: seats, left, buyers, and the learners of admissions still in the stream
 * for it (queued or being written). KEYS: sale, buyers, stream. ARGV: sale id.
 * → {seats|false, left|false, {buyers...}, {in-flight learners...}}
 */
export const SNAPSHOT = `
local sale = redis.call("HMGET", KEYS[1], "seats", "left")
local inflight = {}
local entries = redis.call("XRANGE", KEYS[3], "-", "+")
for _, e in ipairs(entries) do
  local f = e[2]
  local s, u = nil, nil
  for i = 1, #f, 2 do
    if f[i] == "sale" then s = f[i + 1] elseif f[i] == "user" then u = f[i + 1] end
  end
  if s == ARGV[1] and u then table.insert(inflight, u) end
end
return {sale[1], sale[2], redis.call("SMEMBERS", KEYS[2]), inflight}
`;

/**
 * Repair: drops the given learners from the buyers unless an admission of theirs is in the stream again,
 * adds the others, then sets left = seats - |buyers| (never below 0).
 * KEYS: sale, buyers, stream. ARGV: sale id, count of learners to drop, the learners to drop..., to add...
 * → {dropped, added, left}
 */
export const REPAIR = `
local n = tonumber(ARGV[2])
local queued = {}
for _, e in ipairs(redis.call("XRANGE", KEYS[3], "-", "+")) do
  local f = e[2]
  local s, u = nil, nil
  for i = 1, #f, 2 do
    if f[i] == "sale" then s = f[i + 1] elseif f[i] == "user" then u = f[i + 1] end
  end
  if s == ARGV[1] and u then queued[u] = true end
end
local dropped, added = 0, 0
for i = 3, 2 + n do
  if not queued[ARGV[i]] then dropped = dropped + redis.call("SREM", KEYS[2], ARGV[i]) end
end
for i = 3 + n, #ARGV do added = added + redis.call("SADD", KEYS[2], ARGV[i]) end
local seats = tonumber(redis.call("HGET", KEYS[1], "seats"))
if seats == nil then return {dropped, added, -1} end
local left = seats - redis.call("SCARD", KEYS[2])
if left < 0 then left = 0 end
redis.call("HSET", KEYS[1], "left", left)
return {dropped, added, left}
`;
