//! The emulator's shared state: users, bots, guilds, channels, messages... as Discord JSON.
//!
//! The REST side reads and changes it; every change is published as the gateway dispatch
//! Discord would send (`MESSAGE_CREATE`, `CHANNEL_UPDATE`...) on the
//! [`DispatchBus`], and the world implements
//! [`GatewayWorld`] so the gateway side can serve the same guilds.
//! Ephemeral interaction messages are kept apart from the channels and published to nobody.
//! Objects are kept as `serde_json::Value` in Discord's wire shape, so what the emulator returns
//! is what a client must parse. Tests seed it with [`World::seeded`] or the `add_*` methods.
//!
//! The state is keyed by untyped [`Snowflake`]s, as the JSON holds them, so the methods take an
//! id of any kind (`impl Into<Snowflake>`: a test's [`GuildId`] or [`UserId`], or a snowflake
//! read from a request); the seeding methods return typed ids.

mod ops;
mod payloads;
mod seed;
mod state;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use asyncord_model::{GuildId, Intents, Snowflake, UserId};
use serde_json::{Value, json};
use tokio::sync::broadcast;

use crate::account::BotAccount;
use crate::dispatch::{Dispatch, DispatchBus};
use crate::gateway::GatewayWorld;

pub(crate) use ops::{EPHEMERAL, LOADING, message_intents};
pub(crate) use payloads::{
    UnknownReference, audit_log_entry, complete_user, custom_emoji, emoji_json, message_event,
    message_reference, render, user_object,
};
pub use seed::Seed;
pub(crate) use seed::{now, role_json};
pub(crate) use state::{EphemeralMessage, GuildState, Interaction, State, id_of, is_thread};

/// The emulated Discord's state (share it with `Arc`).
#[derive(Debug)]
pub struct World {
    state: Mutex<State>,
    bus: DispatchBus,
    next_id: AtomicU64,
}

impl World {
    /// An empty world.
    pub fn new() -> Arc<Self> {
        let (bus, _) = broadcast::channel(4096);
        // Ids start at 2026-01-01 so their timestamps look real.
        let base = Snowflake::from_timestamp_ms(1_767_225_600_000).get();
        Arc::new(Self {
            state: Mutex::new(State::default()),
            bus,
            next_id: AtomicU64::new(base),
        })
    }

    /// A fresh, unique id.
    pub fn next_id(&self) -> Snowflake {
        Snowflake::new(self.next_id.fetch_add(1, Ordering::Relaxed))
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Subscribes to the dispatches the world publishes.
    pub fn subscribe(&self) -> broadcast::Receiver<Dispatch> {
        self.bus.subscribe()
    }

    /// Publishes a dispatch (nobody listening is fine).
    pub fn publish(&self, event: &str, data: Value, guild_id: Option<Snowflake>, intents: Intents) {
        tracing::trace!(event, "world dispatch");
        let _ = self.bus.send(Dispatch {
            event: event.to_owned(),
            data,
            guild_id: guild_id.map(Snowflake::cast),
            intents,
            only_bot: None,
        });
    }

    /// Publishes a dispatch for one bot only (e.g. `INTERACTION_CREATE`).
    pub fn publish_to_bot(
        &self,
        event: &str,
        data: Value,
        guild_id: Option<Snowflake>,
        bot_user_id: impl Into<Snowflake>,
    ) {
        let _ = self.bus.send(Dispatch {
            event: event.to_owned(),
            data,
            guild_id: guild_id.map(Snowflake::cast),
            intents: Intents::empty(),
            only_bot: Some(Into::<Snowflake>::into(bot_user_id).cast()),
        });
    }

    /// The bot owning `token` (without the `Bot ` prefix).
    pub fn bot_by_token(&self, token: &str) -> Option<BotAccount> {
        self.lock().bots.iter().find(|b| b.token == token).cloned()
    }

    /// A user object.
    pub fn user(&self, id: impl Into<Snowflake>) -> Option<Value> {
        self.lock().users.get(&Into::<Snowflake>::into(id)).cloned()
    }

    /// A guild object (without channels or members).
    pub fn guild(&self, id: impl Into<Snowflake>) -> Option<Value> {
        self.lock()
            .guilds
            .get(&Into::<Snowflake>::into(id))
            .map(GuildState::object)
    }

    /// A channel or thread.
    pub fn channel(&self, id: impl Into<Snowflake>) -> Option<Value> {
        self.lock()
            .channels
            .get(&Into::<Snowflake>::into(id))
            .cloned()
    }

    /// A message.
    pub fn message(
        &self,
        channel_id: impl Into<Snowflake>,
        id: impl Into<Snowflake>,
    ) -> Option<Value> {
        self.lock()
            .messages
            .get(&Into::<Snowflake>::into(channel_id))
            .and_then(|m| m.get(&Into::<Snowflake>::into(id)))
            .cloned()
    }

    /// An ephemeral interaction response or follow-up (flag 64), by id. These are seen only by
    /// the interaction's user: they are not among the channel's [`World::messages`].
    pub fn ephemeral_message(&self, id: impl Into<Snowflake>) -> Option<Value> {
        self.lock()
            .ephemeral
            .get(&Into::<Snowflake>::into(id))
            .map(|e| e.message.clone())
    }

    /// Every message of a channel, oldest first (ephemeral interaction messages excluded).
    pub fn messages(&self, channel_id: impl Into<Snowflake>) -> Vec<Value> {
        self.lock()
            .messages
            .get(&Into::<Snowflake>::into(channel_id))
            .map(|m| m.values().cloned().collect())
            .unwrap_or_default()
    }

    /// A guild member.
    pub fn member(
        &self,
        guild_id: impl Into<Snowflake>,
        user_id: impl Into<Snowflake>,
    ) -> Option<Value> {
        self.lock()
            .guilds
            .get(&Into::<Snowflake>::into(guild_id))
            .and_then(|g| g.members.get(&Into::<Snowflake>::into(user_id)))
            .cloned()
    }

    /// The audit-log entries written so far (`id`, `guild_id`, `action_type`, `target_id`,
    /// `user_id`, `reason`).
    pub fn audit_log(&self) -> Vec<Value> {
        self.lock().audit_log.clone()
    }

    /// Whether `id` is an application of a bot of this world.
    pub fn is_application(&self, id: Snowflake) -> bool {
        self.lock().applications.contains_key(&id)
    }

    /// The guild a channel belongs to.
    pub fn guild_of(&self, channel_id: impl Into<Snowflake>) -> Option<Snowflake> {
        self.lock().guild_of(channel_id.into())
    }
}

impl GatewayWorld for World {
    fn authenticate(&self, token: &str) -> Option<BotAccount> {
        self.bot_by_token(token)
    }

    fn guild_creates(&self, bot_user_id: UserId) -> Vec<(GuildId, Value)> {
        let state = self.lock();
        state
            .guilds
            .iter()
            .filter(|(_, g)| g.members.contains_key(&bot_user_id.cast()))
            .map(|(id, g)| {
                let mut d = g.object();
                let channels: Vec<Value> = state
                    .channels
                    .values()
                    .filter(|c| c["guild_id"] == json!(id.to_string()))
                    .cloned()
                    .collect();
                let (threads, channels): (Vec<Value>, Vec<Value>) =
                    channels.into_iter().partition(state::is_thread);
                if let Some(obj) = d.as_object_mut() {
                    obj.insert(
                        "joined_at".into(),
                        json!("2026-01-01T00:00:00.000000+00:00"),
                    );
                    obj.insert("large".into(), json!(false));
                    obj.insert("unavailable".into(), json!(false));
                    obj.insert("member_count".into(), json!(g.members.len()));
                    obj.insert(
                        "members".into(),
                        Value::Array(g.members.values().cloned().collect()),
                    );
                    obj.insert("channels".into(), Value::Array(channels));
                    obj.insert("threads".into(), Value::Array(threads));
                    obj.insert("voice_states".into(), json!([]));
                    obj.insert("presences".into(), json!([]));
                    obj.insert(
                        "stage_instances".into(),
                        Value::Array(
                            state
                                .stage_instances
                                .values()
                                .filter(|s| s["guild_id"] == json!(id.to_string()))
                                .cloned()
                                .collect(),
                        ),
                    );
                    obj.insert("guild_scheduled_events".into(), json!([]));
                    obj.insert("soundboard_sounds".into(), json!([]));
                }
                (id.cast(), d)
            })
            .collect()
    }

    fn dispatch_bus(&self) -> &DispatchBus {
        &self.bus
    }
}
