// The Lua scripts that make limits exact across any number of gateways: the
// script checks every limit of a call and, only if all pass, counts the call in
// each of them, for each call of a batch in turn. Redis runs a script atomically
// and the script reads Redis TIME, so no two gateways can both take the last slot
// and no gateway's clock matters. Key layout: contract/limit-counters.ts.

/** UTC calendar period bounds in ms, as calendarPeriod() in contract/limit-counters.ts. */
export const PERIOD_BOUNDS_LUA = `
local DAY = 86400000
local function days_from_civil(y, m, d)
  if m <= 2 then y = y - 1 end
  local era = math.floor(y / 400)
  local yoe = y - era * 400
  local mp = (m > 2) and (m - 3) or (m + 9)
  local doy = math.floor((153 * mp + 2) / 5) + d - 1
  local doe = yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
end
local function civil_from_days(z)
  z = z + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local m = (mp < 10) and (mp + 3) or (mp - 9)
  local y = yoe + era * 400
  if m <= 2 then y = y + 1 end
  return y, m
end
local ROLLING = { hour = 3600000, day = DAY, week = 7 * DAY, month = 30 * DAY }
local function period_bounds(period, rolling, now_ms)
  if rolling == 1 then return now_ms, now_ms + ROLLING[period] end
  if period == 'hour' then
    local start = now_ms - (now_ms % 3600000)
    return start, start + 3600000
  end
  local days = math.floor(now_ms / DAY)
  if period == 'day' then return days * DAY, (days + 1) * DAY end
  if period == 'week' then
    -- 1970-01-01 was a Thursday: (days + 3) % 7 is 0 on Mondays.
    local start = days - ((days + 3) % 7)
    return start * DAY, (start + 7) * DAY
  end
  local y, m = civil_from_days(days)
  local ny, nm = y, m + 1
  if nm == 13 then ny, nm = y + 1, 1 end
  return days_from_civil(y, m, 1) * DAY, days_from_civil(ny, nm, 1) * DAY
end
`;

/**
 * Admits a batch of calls, in order, as if each had its own script call: the limiter
 * sends the calls of one event-loop turn together (limiter.ts), one EVALSHA for all.
 * Redis runs the whole batch atomically and reads TIME once for it.
 * KEYS: one counter per limit, the calls' limits one after another.
 * ARGV[1]: the number of calls; then per call: its number of limits n, a unique
 * call id, then 5 values per limit:
 *   "rate",  calls, windowMs, 0, 0
 *   "quota", calls (0 = none), bytes (0 = none), period, rolling (0|1)
 * Returns, per call: { admitted (1|0), then per limit: exceeded (1|0), remaining
 *   calls, ms until reset (rate: until the oldest counted call leaves the window,
 *   or until the next call may pass when exceeded; quota: until the period ends),
 *   remaining bytes (-1 if none), period start ms (quota; 0 for rate) }, flattened.
 * Remaining values are after this call, when it is admitted.
 */
export const ADMIT_LUA = `${PERIOD_BOUNDS_LUA}
local t = redis.call('TIME')
local now_us = tonumber(t[1]) * 1000000 + tonumber(t[2])
local now_ms = math.floor(now_us / 1000)

-- A batch often holds many calls of one caller (a busy subscription). Each counter is
-- therefore read from Redis once per batch, at its first use, kept up to date here as
-- calls are admitted, and written back once at the end: the calls of a batch share one
-- TIME, so nothing a later call would read from Redis differs from this state. A key
-- names one limit (contract/limit-counters.ts), so one key has one window or period.
local counters = {}
local used = {}

local function rate_counter(key, window_us)
  local c = counters[key]
  if c then return c end
  -- Forgetting calls that left the window consumes nothing.
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now_us - window_us)
  local stored = redis.call('ZCARD', key)
  c = { kind = 'rate', window_us = window_us, stored = stored, count = stored, added = {} }
  if stored > 0 then c.oldest_us = tonumber(redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')[2]) end
  counters[key] = c
  used[#used + 1] = key
  return c
end

local function quota_counter(key, period, rolling)
  local c = counters[key]
  if c then return c end
  local h = redis.call('HMGET', key, 'start', 'end', 'calls', 'bytes')
  c = { kind = 'quota', added = 0 }
  local stored_end = tonumber(h[2])
  if stored_end and now_ms < stored_end then
    c.start, c.finish, c.calls, c.bytes, c.fresh = tonumber(h[1]), stored_end, tonumber(h[3]) or 0, tonumber(h[4]) or 0, false
  else
    c.start, c.finish = period_bounds(period, rolling, now_ms)
    c.calls, c.bytes, c.fresh = 0, 0, true
  end
  counters[key] = c
  used[#used + 1] = key
  return c
end

local out = {}
local o = 0
local k = 0
local a = 2

for call = 1, tonumber(ARGV[1]) do
  local n = tonumber(ARGV[a])
  local call_id = ARGV[a + 1]
  a = a + 2
  local admitted = 1
  local state = {}

  for i = 1, n do
    local base = a + (i - 1) * 5
    local key = KEYS[k + i]
    if ARGV[base] == 'rate' then
      local limit = tonumber(ARGV[base + 1])
      local c = rate_counter(key, tonumber(ARGV[base + 2]) * 1000)
      local s = { c = c, limit = limit, exceeded = 0 }
      if c.count >= limit then
        s.exceeded = 1
        admitted = 0
        -- The call may pass once enough of the counted calls have left the window. Those
        -- this batch admitted are not in Redis yet; they were counted at now_us, last.
        local index = c.count - limit
        local at_us = now_us
        if index < c.stored then at_us = tonumber(redis.call('ZRANGE', key, index, index, 'WITHSCORES')[2]) end
        s.reset_ms = math.ceil((at_us + c.window_us - now_us) / 1000)
      end
      state[i] = s
    else
      local calls_limit = tonumber(ARGV[base + 1])
      local bytes_limit = tonumber(ARGV[base + 2])
      local c = quota_counter(key, ARGV[base + 3], tonumber(ARGV[base + 4]))
      local s = { c = c, calls_limit = calls_limit, bytes_limit = bytes_limit, exceeded = 0 }
      -- Bytes are counted after each response, so a bytes quota refuses once it is used up.
      if (calls_limit > 0 and c.calls >= calls_limit) or (bytes_limit > 0 and c.bytes >= bytes_limit) then
        s.exceeded = 1
        admitted = 0
      end
      state[i] = s
    end
  end

  -- Only a call every limit admits is counted, in every limit: rejected calls consume nothing.
  if admitted == 1 then
    for i = 1, n do
      local c = state[i].c
      if c.kind == 'rate' then
        c.count = c.count + 1
        c.added[#c.added + 1] = call_id
        if not c.oldest_us then c.oldest_us = now_us end
      else
        c.calls = c.calls + 1
        c.added = c.added + 1
      end
    end
  end

  -- Remaining values are those after this call, whatever later calls of the batch take.
  o = o + 1
  out[o] = admitted
  for i = 1, n do
    local s = state[i]
    local c = s.c
    if c.kind == 'rate' then
      local reset_ms = s.reset_ms
      if s.exceeded == 0 then
        -- Until the oldest counted call leaves the window (a whole window when none is counted).
        reset_ms = math.ceil(((c.oldest_us or now_us) + c.window_us - now_us) / 1000)
      end
      out[o + 1] = s.exceeded
      out[o + 2] = math.max(s.limit - c.count, 0)
      out[o + 3] = math.max(reset_ms, 0)
      out[o + 4] = -1
      out[o + 5] = 0
    else
      local remaining = -1
      if s.calls_limit > 0 then remaining = math.max(s.calls_limit - c.calls, 0) end
      local bytes_remaining = -1
      if s.bytes_limit > 0 then bytes_remaining = math.max(s.bytes_limit - c.bytes, 0) end
      out[o + 1] = s.exceeded
      out[o + 2] = remaining
      out[o + 3] = math.max(c.finish - now_ms, 0)
      out[o + 4] = bytes_remaining
      out[o + 5] = c.start
    end
    o = o + 5
  end

  k = k + n
  a = a + n * 5
end

-- Write back what the batch admitted, one command per counter and kind of change.
for _, key in ipairs(used) do
  local c = counters[key]
  if c.kind == 'rate' then
    if #c.added > 0 then
      local members = {}
      for i, id in ipairs(c.added) do
        members[2 * i - 1] = now_us
        members[2 * i] = id
      end
      redis.call('ZADD', key, unpack(members))
      redis.call('PEXPIRE', key, math.ceil(c.window_us / 1000) + 1000)
    end
  elseif c.added > 0 then
    if c.fresh then
      redis.call('DEL', key)
      redis.call('HSET', key, 'start', c.start, 'end', c.finish, 'calls', c.calls, 'bytes', 0)
    else
      redis.call('HINCRBY', key, 'calls', c.added)
    end
    -- Kept a minute past its end so a late bytes update still finds its period.
    redis.call('PEXPIREAT', key, c.finish + 60000)
  end
end
return out
`;

/**
 * Adds a response's bytes to the quotas it was admitted under. KEYS: quota counters;
 * ARGV[1]: bytes; ARGV[1 + i]: the period start the call was admitted in (a response
 * finishing after its period ended does not count against the next one).
 */
export const ADD_BYTES_LUA = `
for i = 1, #KEYS do
  if redis.call('HGET', KEYS[i], 'start') == ARGV[1 + i] then
    redis.call('HINCRBY', KEYS[i], 'bytes', ARGV[1])
  end
end
return 1
`;
