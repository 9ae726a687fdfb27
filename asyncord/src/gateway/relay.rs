//! Commands of a [`GatewayHandle`](super::GatewayHandle) whose shards run in another process: a
//! worker of a bot scaled out hands them to a [`CommandRelay`], which carries them to the
//! processes that run the shards, and those send each on the shard it is for
//! ([docs](https://discord.com/developers/docs/events/gateway-events#send-events)).

use std::future::Future;
use std::pin::Pin;

use asyncord_model::GuildId;

use super::error::GatewayError;

/// Which shard a relayed command is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum CommandTarget {
    /// Every shard (a presence update).
    AllShards,
    /// The shard that receives this guild's events.
    Guild(GuildId),
    /// This shard.
    Shard(u32),
}

/// A relayed command: a future that resolves once it was handed over.
pub(crate) type Relayed<'a> = Pin<Box<dyn Future<Output = Result<(), GatewayError>> + Send + 'a>>;

/// Carries the commands of a handle without shards of its own to the processes that run them.
pub(crate) trait CommandRelay: Send + Sync + 'static {
    /// Hands over `frame` (the command's JSON text) for `target`. `Ok` once handed over, not
    /// once Discord received it: the shard sends it when its rate limit allows.
    fn relay(&self, target: CommandTarget, frame: String) -> Relayed<'_>;
}
