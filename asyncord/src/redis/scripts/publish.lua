-- Publishes a batch of dispatches to the event stream and moves each shard's stored session to
-- the last one published, in one step: the stored sequence is never ahead of the stream (a
-- process started in place of this one resumes after exactly what the stream holds) nor behind
-- it. A dispatch whose session is stored at its sequence or later was published already (a
-- retried batch whose first attempt went through) and is skipped.
-- KEYS[1]: the stream; KEYS[2..]: the session of each shard in the batch.
-- ARGV[1]: the stream's approximate maximum length (0: unbounded); ARGV[2]: the shard count;
-- ARGV[3]: how many items follow, each of 7 arguments: 'r' (a session starts: READY) or 'd' (a
-- dispatch), the index of its session key in KEYS, shard id, session id ('' : unknown), sequence,
-- the event name (for 'r': the resume URL), the JSON of d (for 'r': ''); then one argument per
-- session key, in the order of KEYS: the session's resume URL ('': unknown).
-- A session key that is missing (Redis restarted empty) is written again, whole, by the next
-- dispatch of its session.
-- Returns how many dispatches were added to the stream.
local maxlen = tonumber(ARGV[1])
local shards = ARGV[2]
local n = tonumber(ARGV[3])
local added = 0
local urls = 4 + n * 7
for i = 0, n - 1 do
  local a = 4 + i * 7
  local key = KEYS[tonumber(ARGV[a + 1])]
  local session = ARGV[a + 3]
  local seq = tonumber(ARGV[a + 4])
  if ARGV[a] == 'r' then
    redis.call('HSET', key, 'id', session, 'seq', seq, 'url', ARGV[a + 5], 'shards', shards)
  else
    local stored = redis.call('HMGET', key, 'id', 'seq')
    if session == '' or stored[1] ~= session or (tonumber(stored[2]) or 0) < seq then
      if maxlen > 0 then
        redis.call('XADD', KEYS[1], 'MAXLEN', '~', maxlen, '*', 's', ARGV[a + 2], 'q', seq,
          't', ARGV[a + 5], 'd', ARGV[a + 6])
      else
        redis.call('XADD', KEYS[1], '*', 's', ARGV[a + 2], 'q', seq, 't', ARGV[a + 5],
          'd', ARGV[a + 6])
      end
      added = added + 1
      if session ~= '' and stored[1] == session then
        redis.call('HSET', key, 'seq', seq)
      elseif session ~= '' and not stored[1] then
        local url = ARGV[urls + tonumber(ARGV[a + 1]) - 2]
        if url ~= '' then
          redis.call('HSET', key, 'id', session, 'seq', seq, 'url', url, 'shards', shards)
        end
      end
    end
  end
end
return added
