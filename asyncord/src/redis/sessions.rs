//! [`RedisSessionStore`]: each shard's gateway session (id, sequence, resume URL) kept in Redis,
//! so that a process started in place of a dead one resumes its shards instead of identifying
//! ([docs](https://discord.com/developers/docs/events/gateway#resuming)).
//!
//! A session is a hash `{ns}:session:{shard}` with `id`, `seq`, `url` and `shards` (the shard
//! count it was identified with: a session of another sharding is never resumed). It is written
//! by the event bus's publisher ([`BusPublisher`](super::BusPublisher)): at READY, and then with
//! every batch of dispatches published to the stream, in the same script — so the stored
//! sequence is exactly the last dispatch the stream holds. A process that dies loses nothing:
//! the next one resumes after that dispatch, and Discord replays the rest (those it reads but
//! nobody wants, which are not published, are replayed too and dropped again; the sequence only
//! moves with published dispatches, which is what makes it exact without a write per frame).
//! The cost is one `HSET` inside each batch's script, not a round trip per event; what a crash
//! can lose is bounded by the publisher's queue, and RESUME replays it. A session lost with
//! Redis (restarted empty) is written again, whole, with the next batch of its shard.

use std::collections::HashMap;
use std::ops::Range;

use super::RedisError;
use super::keys::Namespace;
use super::link::RedisLink;
use crate::gateway::Session;

/// One stored session as read: id, sequence, resume URL, shard count.
type Row = (Option<String>, Option<u64>, Option<String>, Option<u32>);

/// The sessions of one bot's shards in Redis (see the module docs).
#[derive(Clone, Debug)]
pub struct RedisSessionStore {
    link: RedisLink,
    namespace: Namespace,
}

impl RedisSessionStore {
    /// The store of the bot whose keys live under `namespace`.
    pub fn new(link: RedisLink, namespace: Namespace) -> Self {
        Self { link, namespace }
    }

    /// The stored sessions of `shards`, identified with `shard_count` shards (sessions of
    /// another count are left out).
    ///
    /// # Errors
    /// When Redis cannot be read.
    pub async fn load(
        &self,
        shard_count: u32,
        shards: Range<u32>,
    ) -> Result<HashMap<u32, Session>, RedisError> {
        let mut pipe = redis::pipe();
        for shard in shards.clone() {
            pipe.cmd("HMGET")
                .arg(self.namespace.session(shard))
                .arg(&["id", "seq", "url", "shards"]);
        }
        let mut conn = self.link.connection().await?;
        let rows: Vec<Row> = pipe
            .query_async(&mut conn)
            .await
            .map_err(|e| self.link.error("loading the sessions", e))?;
        self.link.succeeded();
        let mut out = HashMap::new();
        for (shard, row) in shards.zip(rows) {
            match row {
                (Some(session_id), Some(sequence), Some(resume_url), Some(count))
                    if count == shard_count && !session_id.is_empty() =>
                {
                    out.insert(
                        shard,
                        Session {
                            session_id,
                            sequence,
                            resume_url,
                        },
                    );
                }
                (Some(_), _, _, Some(count)) if count != shard_count => {
                    tracing::info!(
                        shard,
                        stored = count,
                        now = shard_count,
                        "a stored session of another shard count is not resumed"
                    );
                }
                _ => {}
            }
        }
        Ok(out)
    }

    /// Stores a shard's session (identified with `shard_count` shards), replacing what is stored.
    ///
    /// # Errors
    /// When Redis cannot be written.
    pub async fn save(
        &self,
        shard: u32,
        shard_count: u32,
        session: &Session,
    ) -> Result<(), RedisError> {
        self.link
            .run::<i64>(
                "saving a session",
                redis::cmd("HSET")
                    .arg(self.namespace.session(shard))
                    .arg("id")
                    .arg(&session.session_id)
                    .arg("seq")
                    .arg(session.sequence)
                    .arg("url")
                    .arg(&session.resume_url)
                    .arg("shards")
                    .arg(shard_count),
            )
            .await
            .map(drop)
    }

    /// Forgets the sessions of `shards` (their next connection identifies).
    ///
    /// # Errors
    /// When Redis cannot be written.
    pub async fn remove(&self, shards: Range<u32>) -> Result<(), RedisError> {
        let mut del = redis::cmd("DEL");
        for shard in shards {
            del.arg(self.namespace.session(shard));
        }
        self.link
            .run::<i64>("removing sessions", &del)
            .await
            .map(drop)
    }
}
