//! Scale-out on Redis (feature `redis`): what every process of one bot must share when its
//! shards run in several processes, on several machines — the identify queue
//! ([`RedisIdentifyQueue`]), the REST rate limits ([`RedisRateLimiter`]) and the shards'
//! sessions ([`RedisSessionStore`]) — and an event bus on Redis Streams from gateway processes
//! ([`BusPublisher`]) to worker processes ([`BusWorker`]) that run the same handlers
//! ([Discord: sharding](https://discord.com/developers/docs/events/gateway#sharding),
//! [rate limits](https://discord.com/developers/docs/topics/rate-limits)).
//!
//! Every part reaches the server through one [`RedisLink`] (a multiplexed connection that
//! reconnects by itself, bounded timeouts, an outage logged once; TLS for `rediss://` URLs, with
//! the public roots or a private authority's certificate, and a client certificate where the
//! server asks for one: [`RedisTls`]) and keeps its keys under one
//! [`Namespace`] (by default the bot's user id, so several bots can share a server).
//!
//! **Roles.** A *gateway* process runs shards: its identify queue is a [`RedisIdentifyQueue`],
//! its sink a [`BusPublisher`], and it starts each shard from the [`RedisSessionStore`]. A
//! *worker* process runs a [`Dispatcher`](crate::dispatcher::Dispatcher) fed by a
//! [`BusWorker`]; its REST client uses a [`RedisRateLimiter`]. One binary can be either, or both.
//!
//! A client group runs scaled out with [`GroupConfig::redis`](crate::GroupConfig::redis) (or
//! [`GroupConfig::scale_out`](crate::GroupConfig::scale_out) for the settings): its REST client
//! uses the shared limiter, and when the hub starts, its role decides what runs.
//!
//! **Failures.** While Redis is unreachable: REST requests are limited by each process on its
//! own (see [`RedisRateLimiter`]); shards that must identify wait (resuming ones do not);
//! dispatches wait in the publisher, whose bounded queue makes the shards stop reading; workers
//! retry their reads. Each part tries again after a pause growing to 5 s, and goes on by itself
//! when the server answers again; an outage is logged once when it starts and once when it
//! ends.

mod bus;
mod commands;
mod entry;
mod error;
mod identify;
mod keys;
mod limiter;
mod link;
mod publisher;
mod scale_out;
mod sessions;
mod tls;
mod worker;

pub use bus::BusConfig;
pub(crate) use commands::{CommandReader, RedisCommandRelay};
pub use error::RedisError;
pub use identify::{DEFAULT_IDENTIFY_MARGIN, RedisIdentifyQueue};
pub use keys::Namespace;
pub use limiter::{DEFAULT_REST_MARGIN, RedisRateLimiter, RedisRateLimiterConfig};
pub use link::{DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT, RedisLink};
pub use publisher::{BusPublisher, Interest};
pub use scale_out::{Role, ScaleOut, UnknownRole};
pub use sessions::RedisSessionStore;
pub use tls::RedisTls;
pub use worker::{BusWorker, WorkerStats};
