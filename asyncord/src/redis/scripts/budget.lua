-- Stores the session-start budget GET /gateway/bot reported, unless a lower one is stored.
-- KEYS[1]: the budget; ARGV[1]: starts left; ARGV[2]: ms until the reset.
local stored = redis.call('GET', KEYS[1])
if not stored then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
elseif tonumber(ARGV[1]) < tonumber(stored) then
  redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL')
end
return redis.call('GET', KEYS[1])
