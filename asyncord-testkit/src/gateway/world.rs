//! What the gateway side reads from a world: the [`GatewayWorld`] trait (which the shared
//! [`World`](crate::world::World) implements) and [`MemoryWorld`], a small in-memory
//! implementation (bots, their guilds, a dispatch bus) for gateway tests and benches that do not
//! need the REST side's world.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use asyncord_model::{GuildId, Intents, UserId};
use serde_json::json;

use crate::account::BotAccount;
use crate::dispatch::{Dispatch, DispatchBus};

/// What the emulator's gateway side reads from the shared world.
///
/// The REST side's world implements it; the gateway side also ships a small in-memory
/// implementation for its own tests.
pub trait GatewayWorld: Send + Sync + 'static {
    /// The bot that owns `token`, if any.
    fn authenticate(&self, token: &str) -> Option<BotAccount>;

    /// The `GUILD_CREATE` payloads (`d`) of every guild the bot is in.
    fn guild_creates(&self, bot_user_id: UserId) -> Vec<(GuildId, serde_json::Value)>;

    /// The bus on which the world publishes dispatches.
    fn dispatch_bus(&self) -> &DispatchBus;
}

/// An in-memory world: bots by token and the guilds each bot is in.
#[derive(Debug)]
pub struct MemoryWorld {
    bots: Mutex<Vec<BotAccount>>,
    guilds: Mutex<HashMap<UserId, Vec<(GuildId, serde_json::Value)>>>,
    bus: DispatchBus,
}

impl Default for MemoryWorld {
    fn default() -> Self {
        Self::new()
    }
}

impl MemoryWorld {
    /// An empty world.
    pub fn new() -> Self {
        Self {
            bots: Mutex::new(Vec::new()),
            guilds: Mutex::new(HashMap::new()),
            bus: tokio::sync::broadcast::channel(4096).0,
        }
    }

    /// Adds a bot with this token, user id and granted privileged intents; returns its account.
    pub fn add_bot(&self, token: &str, user_id: u64, granted_privileged: Intents) -> BotAccount {
        let user_id = UserId::new(user_id);
        let account = BotAccount {
            token: token.to_owned(),
            user: json!({
                "id": user_id.to_string(),
                "username": format!("bot{user_id}"),
                "discriminator": "0",
                "global_name": null,
                "avatar": null,
                "bot": true,
            }),
            user_id,
            application_id: user_id.cast(),
            granted_privileged,
        };
        self.bots
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(account.clone());
        account
    }

    /// Puts a bot in a guild; `extra` fields are merged into the GUILD_CREATE payload (for
    /// example `members` or a large `channels` list).
    pub fn add_guild(&self, bot_user_id: UserId, guild_id: u64, extra: serde_json::Value) {
        let guild_id = GuildId::new(guild_id);
        let mut guild = json!({
            "id": guild_id.to_string(),
            "name": format!("guild {guild_id}"),
            "icon": null,
            "owner_id": bot_user_id.to_string(),
            "roles": [],
            "emojis": [],
            "features": [],
            "unavailable": false,
            "member_count": 1,
            "members": [],
            "channels": [],
            "threads": [],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "large": false,
            "joined_at": "2024-01-01T00:00:00.000000+00:00",
        });
        if let (Some(g), serde_json::Value::Object(extra)) = (guild.as_object_mut(), extra) {
            g.extend(extra);
        }
        self.guilds
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(bot_user_id)
            .or_default()
            .push((guild_id, guild));
    }

    /// Publishes a dispatch on the bus (as the REST side would).
    pub fn publish(&self, dispatch: Dispatch) {
        let _ = self.bus.send(dispatch);
    }
}

impl GatewayWorld for MemoryWorld {
    fn authenticate(&self, token: &str) -> Option<BotAccount> {
        self.bots
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .find(|b| b.token == token)
            .cloned()
    }

    fn guild_creates(&self, bot_user_id: UserId) -> Vec<(GuildId, serde_json::Value)> {
        self.guilds
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&bot_user_id)
            .cloned()
            .unwrap_or_default()
    }

    fn dispatch_bus(&self) -> &DispatchBus {
        &self.bus
    }
}
