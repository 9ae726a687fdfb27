-- Takes the right to send one REST request, for every process of a bot: a place in the route's
-- bucket window, and a place in the global limit's last second (unless the route is exempt).
-- Nothing is taken unless both have room.
-- KEYS[1]: route key -> bucket hash; KEYS[2]: the global limit's sorted set of send times;
-- KEYS[3]: set after a global 429, until when every request waits.
-- ARGV[1]: bucket key prefix; ARGV[2]: route key; ARGV[3]: major parameter; ARGV[4]: '1' when
-- exempt from the global limit; ARGV[5]: global limit per second (0: none); ARGV[6]: margin in
-- ms; ARGV[7]: how long an unknown bucket's first request is waited for, in ms; ARGV[8]: how
-- long an idle bucket is kept past its reset, in ms.
-- Returns {1, bucket id, window generation, 1 if this request probes an unknown bucket} or
-- {0, ms to wait}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local margin = tonumber(ARGV[6])
local hash = redis.call('HGET', KEYS[1], ARGV[2])
local id = (hash or ARGV[2]) .. ':' .. ARGV[3]
local key = ARGV[1] .. id
local exempt = ARGV[4] == '1'
local global = tonumber(ARGV[5])
if not exempt then
  local blocked = tonumber(redis.call('GET', KEYS[3]) or '0')
  if blocked > now then
    return {0, blocked - now}
  end
  if global > 0 then
    -- A window of one second plus the margin: the requests reach Discord a little later than
    -- they are counted here, and not all equally late.
    redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - 1000 - margin)
    if redis.call('ZCARD', KEYS[2]) >= global then
      local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
      return {0, math.max(1, tonumber(oldest[2]) + 1000 + margin - now)}
    end
  end
end
local b = redis.call('HMGET', key, 'limit', 'taken', 'reset', 'per', 'gen', 'probe')
local limit = tonumber(b[1])
local gen = tonumber(b[5]) or 0
local probing = 0
if limit == nil then
  -- Discord has not said this bucket's limit yet: one request at a time until it does.
  local probe = tonumber(b[6]) or 0
  if probe > now then
    return {0, math.min(probe - now, 25)}
  end
  redis.call('HSET', key, 'probe', now + tonumber(ARGV[7]), 'gen', gen)
  redis.call('PEXPIRE', key, tonumber(ARGV[7]) + tonumber(ARGV[8]))
  probing = 1
elseif limit > 0 then
  local taken = tonumber(b[2]) or 0
  local reset = tonumber(b[3]) or 0
  if now >= reset + margin then
    -- The window ended: a new one starts with this request. Discord's answer tells when it
    -- ends; until then it is taken to last a whole window from now.
    gen = gen + 1
    taken = 0
    reset = now + (tonumber(b[4]) or 0)
    redis.call('HSET', key, 'gen', gen, 'reset', reset)
  end
  if taken >= limit then
    return {0, math.max(1, reset + margin - now)}
  end
  redis.call('HSET', key, 'taken', taken + 1)
  redis.call('PEXPIRE', key, math.max(reset - now, 0) + tonumber(ARGV[8]))
end
if not exempt and global > 0 then
  local n = redis.call('INCR', KEYS[2] .. ':n')
  redis.call('ZADD', KEYS[2], now, now .. ':' .. n)
  redis.call('PEXPIRE', KEYS[2], 2000 + margin)
end
return {1, id, gen, probing}
