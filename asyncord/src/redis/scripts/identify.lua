-- One IDENTIFY of a max_concurrency bucket, shared by every process of a bot.
-- KEYS[1]: the bucket's lease; KEYS[2]: the session-start budget (starts left today).
-- ARGV[1]: who takes the lease (for inspection); ARGV[2]: the lease, in ms (5 s + margin);
-- ARGV[3]: the daily budget (0: none known); ARGV[4]: the budget's period, in ms (a day).
-- Returns 0 when the IDENTIFY may go (the lease and one start are taken), a positive number of
-- ms to wait for the bucket, or a negative number of ms to wait for the budget's reset.
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then
  return ttl
end
if ttl == -1 then
  -- A lease without expiry (written by hand?) would block the bucket for good.
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return tonumber(ARGV[2])
end
local total = tonumber(ARGV[3])
if total > 0 then
  local remaining = redis.call('GET', KEYS[2])
  if not remaining then
    -- No budget stored: a new period starts with the whole budget.
    redis.call('SET', KEYS[2], total, 'PX', ARGV[4])
    remaining = total
  end
  if tonumber(remaining) <= 0 then
    local left = redis.call('PTTL', KEYS[2])
    if left <= 0 then
      left = 1000
    end
    return -left
  end
  redis.call('DECR', KEYS[2])
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 0
