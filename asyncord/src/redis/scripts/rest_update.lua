-- Records what one REST response said about its bucket, for every process of a bot.
-- KEYS[1]: route key -> bucket hash; KEYS[2]: set after a global 429.
-- ARGV[1]: bucket key prefix; ARGV[2]: the bucket id the request was counted in; ARGV[3]: the
-- window generation it was counted in; ARGV[4]: HTTP status; ARGV[5]: X-RateLimit-Limit (-1:
-- absent); ARGV[6]: X-RateLimit-Remaining (-1: absent); ARGV[7]: X-RateLimit-Reset-After in ms
-- (-1: absent); ARGV[8]: X-RateLimit-Bucket ('' : absent); ARGV[9]: route key; ARGV[10]: major
-- parameter; ARGV[11]: a 429's retry_after in ms (-1: absent); ARGV[12]: '1' for a global 429;
-- ARGV[13]: how long an idle bucket is kept past its reset, in ms.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local status = tonumber(ARGV[4])
local limit = tonumber(ARGV[5])
local remaining = tonumber(ARGV[6])
local after = tonumber(ARGV[7])
local retry = tonumber(ARGV[11])
local idle = tonumber(ARGV[13])
if status == 429 and ARGV[12] == '1' then
  if retry < 0 then
    retry = 1000
  end
  local blocked = tonumber(redis.call('GET', KEYS[2]) or '0')
  if now + retry > blocked then
    redis.call('SET', KEYS[2], now + retry, 'PX', retry)
  end
  return 1
end

-- `seed`: the bucket is new to this key (a route mapped to a shared bucket for the first time).
local function apply(key, seed)
  local b = redis.call('HMGET', key, 'limit', 'taken', 'reset', 'per', 'gen')
  local known = tonumber(b[1])
  local taken = tonumber(b[2]) or 0
  local reset = tonumber(b[3]) or 0
  local per = tonumber(b[4]) or 0
  local same = seed or tonumber(ARGV[3]) == (tonumber(b[5]) or 0)
  -- How many requests Discord counted in the window (all of them: other clients of the bot too).
  local counted = taken
  if remaining >= 0 and limit >= 0 then
    counted = math.max(taken, limit - remaining)
  end
  if limit >= 0 and after >= 0 then
    per = math.max(per, after)
    if known == nil or seed then
      -- The first answer of the bucket (its probe's).
      redis.call('HSET', key, 'limit', limit, 'taken', counted, 'reset', now + after,
        'per', per, 'gen', tonumber(b[5]) or 0)
      redis.call('HDEL', key, 'probe')
      reset = now + after
    elseif same then
      -- An answer of the current window: its end is at least this late.
      reset = math.max(reset, now + after)
      redis.call('HSET', key, 'limit', limit, 'taken', counted, 'reset', reset, 'per', per)
    else
      -- A late answer of an older window.
      redis.call('HSET', key, 'limit', limit, 'per', per)
    end
  elseif known == nil and status < 300 then
    -- No rate-limit headers: the route has no limit of its own.
    redis.call('HSET', key, 'limit', 0)
    redis.call('HDEL', key, 'probe')
  end
  if status == 429 then
    if retry < 0 then
      retry = 1000
    end
    reset = math.max(reset, now + retry)
    local l = tonumber(redis.call('HGET', key, 'limit') or '1')
    if l == 0 then
      l = 1
      redis.call('HSET', key, 'limit', 1)
    end
    redis.call('HSET', key, 'taken', l, 'reset', reset)
    redis.call('HDEL', key, 'probe')
  end
  redis.call('PEXPIRE', key, math.max(reset - now, 0) + idle)
end

apply(ARGV[1] .. ARGV[2], false)
local hash = ARGV[8]
if hash ~= '' and redis.call('HGET', KEYS[1], ARGV[9]) ~= hash then
  redis.call('HSET', KEYS[1], ARGV[9], hash)
  local shared = ARGV[1] .. hash .. ':' .. ARGV[10]
  if redis.call('EXISTS', shared) == 0 then
    apply(shared, true)
  end
end
return 1
