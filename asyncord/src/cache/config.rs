//! [`CacheConfig`]: which resources the cache keeps and how many of each, so its memory is
//! bounded whatever Discord sends.

/// A kind of object the cache can keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CacheResource {
    /// Guilds (their settings; needed by every other guild resource).
    Guilds,
    /// Guild channels (not threads).
    Channels,
    /// Threads.
    Threads,
    /// Roles.
    Roles,
    /// Members.
    Members,
    /// Users (of cached members, and the current user; a message's author is read from the
    /// cached message).
    Users,
    /// Custom emojis.
    Emojis,
    /// Stickers.
    Stickers,
    /// Voice states.
    VoiceStates,
    /// Presences (off by default: they are most of a large bot's traffic and need the
    /// privileged `GUILD_PRESENCES` intent).
    Presences,
    /// Recent messages per channel.
    Messages,
}

impl CacheResource {
    /// Every resource.
    pub const ALL: [Self; 11] = [
        Self::Guilds,
        Self::Channels,
        Self::Threads,
        Self::Roles,
        Self::Members,
        Self::Users,
        Self::Emojis,
        Self::Stickers,
        Self::VoiceStates,
        Self::Presences,
        Self::Messages,
    ];

    const fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// What the cache keeps, with a builder: `CacheConfig::default().enable(CacheResource::Presences)
/// .messages_per_channel(100)`.
///
/// Every count is capped. Where Discord itself limits a count (roles, channels, emojis, stickers
/// per guild), the cap is a little above Discord's limit and an object beyond it is refused
/// (logged): only a misbehaving server would send it. Where a count grows with the guilds' size
/// (members, users, presences, messages), the cap is the memory budget and the cache evicts:
/// members, users, presences and voice states in no particular order (they come back with the
/// next event about them), messages oldest first per channel and the channel written to least
/// recently first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CacheConfig {
    resources: u16,
    /// Guilds kept (default 25 000: ten full shards; beyond it new guilds are refused).
    pub max_guilds: usize,
    /// Channels and threads per guild (default 1 600: Discord allows 500 channels and 1 000
    /// active threads).
    pub max_channels_per_guild: usize,
    /// Roles per guild (default 300; Discord allows 250).
    pub max_roles_per_guild: usize,
    /// Emojis per guild (default 1 000; Discord allows 500 at the top boost level: 250 static
    /// and 250 animated).
    pub max_emojis_per_guild: usize,
    /// Stickers per guild (default 100; Discord allows 60).
    pub max_stickers_per_guild: usize,
    /// Members per guild (default 10 000: large guilds are not sent whole anyway; a member
    /// beyond it evicts another of the same guild).
    pub max_members_per_guild: usize,
    /// Members in all (default 250 000, about 100 MB).
    pub max_members: usize,
    /// Users in all (default 250 000).
    pub max_users: usize,
    /// Presences in all (default 100 000; the resource is off by default).
    pub max_presences: usize,
    /// Voice states per guild (default 10 000).
    pub max_voice_states_per_guild: usize,
    /// Messages kept per channel, newest (default 50).
    pub messages_per_channel: usize,
    /// Channels whose messages are kept, the most recently written (default 1 000: at most
    /// 50 000 messages with the default per channel). The cache splits it over 16 locks, so
    /// below 16 it counts as 16.
    pub max_message_channels: usize,
}

impl Default for CacheConfig {
    fn default() -> Self {
        let resources = CacheResource::ALL
            .iter()
            .filter(|r| **r != CacheResource::Presences)
            .fold(0, |acc, r| acc | r.bit());
        Self {
            resources,
            max_guilds: 25_000,
            max_channels_per_guild: 1_600,
            max_roles_per_guild: 300,
            max_emojis_per_guild: 1_000,
            max_stickers_per_guild: 100,
            max_members_per_guild: 10_000,
            max_members: 250_000,
            max_users: 250_000,
            max_presences: 100_000,
            max_voice_states_per_guild: 10_000,
            messages_per_channel: 50,
            max_message_channels: 1_000,
        }
    }
}

impl CacheConfig {
    /// The defaults: everything but presences.
    pub fn new() -> Self {
        Self::default()
    }

    /// Nothing enabled; enable what you need.
    pub fn none() -> Self {
        Self {
            resources: 0,
            ..Self::default()
        }
    }

    /// Keeps `resource`.
    pub fn enable(mut self, resource: CacheResource) -> Self {
        self.resources |= resource.bit();
        self
    }

    /// Does not keep `resource`.
    pub fn disable(mut self, resource: CacheResource) -> Self {
        self.resources &= !resource.bit();
        self
    }

    /// Whether `resource` is kept.
    pub fn keeps(&self, resource: CacheResource) -> bool {
        self.resources & resource.bit() != 0
    }

    /// Sets how many messages are kept per channel (0 disables messages).
    pub fn messages_per_channel(mut self, n: usize) -> Self {
        self.messages_per_channel = n;
        if n == 0 {
            self = self.disable(CacheResource::Messages);
        }
        self
    }

    /// Sets how many channels keep messages.
    pub fn max_message_channels(mut self, n: usize) -> Self {
        self.max_message_channels = n;
        self
    }

    /// Sets the member caps (per guild and in all).
    pub fn max_members(mut self, per_guild: usize, total: usize) -> Self {
        self.max_members_per_guild = per_guild;
        self.max_members = total;
        self
    }

    /// Sets the user cap.
    pub fn max_users(mut self, n: usize) -> Self {
        self.max_users = n;
        self
    }

    /// Sets the guild cap.
    pub fn max_guilds(mut self, n: usize) -> Self {
        self.max_guilds = n;
        self
    }

    /// Sets the presence cap.
    pub fn max_presences(mut self, n: usize) -> Self {
        self.max_presences = n;
        self
    }
}
