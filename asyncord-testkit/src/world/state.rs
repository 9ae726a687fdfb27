//! The world's tables (behind the [`World`](super::World)'s lock).

use std::collections::{BTreeMap, HashMap};

use asyncord_model::Snowflake;
use serde_json::Value;

use crate::account::BotAccount;

/// One guild with its roles, members and bans.
#[derive(Debug, Default)]
pub(crate) struct GuildState {
    /// The guild object without `roles`.
    pub guild: Value,
    pub roles: BTreeMap<Snowflake, Value>,
    pub members: BTreeMap<Snowflake, Value>,
    pub bans: BTreeMap<Snowflake, Value>,
}

impl GuildState {
    /// The guild object with its roles.
    pub fn object(&self) -> Value {
        let mut g = self.guild.clone();
        if let Some(obj) = g.as_object_mut() {
            obj.insert(
                "roles".into(),
                Value::Array(self.roles.values().cloned().collect()),
            );
        }
        g
    }
}

/// An interaction a bot may answer.
#[derive(Debug, Clone)]
pub(crate) struct Interaction {
    pub id: Snowflake,
    pub application_id: Snowflake,
    pub channel_id: Snowflake,
    pub user: Value,
    /// Set once the callback was sent.
    pub responded: bool,
    /// The id of the original response message, once there is one.
    pub original: Option<Snowflake>,
    /// The message a component interaction came from (what `UPDATE_MESSAGE` edits).
    pub message_id: Option<Snowflake>,
}

/// An ephemeral interaction response or follow-up: seen only by the interaction's user, so kept
/// out of the channel's messages and never dispatched; reached through the interaction token.
#[derive(Debug, Clone)]
pub(crate) struct EphemeralMessage {
    pub channel_id: Snowflake,
    /// The token of the interaction it answers.
    pub token: String,
    pub message: Value,
}

/// Every table of the world.
#[derive(Debug, Default)]
pub(crate) struct State {
    pub bots: Vec<BotAccount>,
    pub users: HashMap<Snowflake, Value>,
    pub applications: HashMap<Snowflake, Value>,
    pub guilds: BTreeMap<Snowflake, GuildState>,
    pub channels: BTreeMap<Snowflake, Value>,
    pub messages: HashMap<Snowflake, BTreeMap<Snowflake, Value>>,
    /// Ephemeral interaction messages, by message id (never in `messages`).
    pub ephemeral: HashMap<Snowflake, EphemeralMessage>,
    /// Users who reacted, per (message, emoji key), in order.
    pub reactions: HashMap<(Snowflake, String), Vec<Snowflake>>,
    pub thread_members: HashMap<Snowflake, Vec<Snowflake>>,
    pub invites: BTreeMap<String, Value>,
    pub webhooks: BTreeMap<Snowflake, Value>,
    pub commands: BTreeMap<Snowflake, Value>,
    pub interactions: HashMap<String, Interaction>,
    pub stage_instances: BTreeMap<Snowflake, Value>,
    pub stickers: BTreeMap<Snowflake, Value>,
    pub audit_log: Vec<Value>,
    /// Per-guild settings documents (`widget`, `onboarding`, `welcome-screen`,
    /// `incident-actions`), as last written.
    pub guild_settings: HashMap<(Snowflake, &'static str), serde_json::Map<String, Value>>,
}

/// Whether a channel object is a thread (types 10, 11, 12).
pub(crate) fn is_thread(c: &Value) -> bool {
    matches!(c["type"].as_u64(), Some(10..=12))
}

/// Reads a snowflake field of a JSON object.
pub(crate) fn id_of(v: &Value, field: &str) -> Option<Snowflake> {
    v.get(field)?.as_str()?.parse().ok()
}

impl State {
    /// The guild of a channel (through its `guild_id`).
    pub fn guild_of(&self, channel_id: Snowflake) -> Option<Snowflake> {
        self.channels
            .get(&channel_id)
            .and_then(|c| id_of(c, "guild_id"))
    }

    /// The bot of an application.
    pub fn bot_by_app(&self, application_id: Snowflake) -> Option<&BotAccount> {
        self.bots
            .iter()
            .find(|b| b.application_id == application_id)
    }
}
