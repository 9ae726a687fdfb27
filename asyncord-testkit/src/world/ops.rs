//! World operations shared by seeding, the REST handlers and the simulated users: posting
//! messages (with the `MESSAGE_CREATE` dispatch, or kept apart without one when ephemeral),
//! reacting, typing, and writing audit-log entries (with `GUILD_AUDIT_LOG_ENTRY_CREATE`); the
//! payloads come from [`payloads`](super::payloads).

use asyncord_model::{Intents, Snowflake};

use serde_json::{Map, Value, json};

use super::World;
use super::payloads::{
    audit_log_entry, message_event, message_reference, reaction_event, render, typing_event,
};
use super::seed::now;
use crate::dispatch::Dispatch;

/// The message fields a sender may set.
const MESSAGE_FIELDS: [&str; 9] = [
    "content",
    "tts",
    "embeds",
    "components",
    "nonce",
    "flags",
    "poll",
    "message_reference",
    "sticker_ids",
];

/// The intents that deliver a message event in this channel (guild or DM).
pub(crate) fn message_intents(guild: Option<Snowflake>, reactions: bool) -> Intents {
    match (guild.is_some(), reactions) {
        (true, false) => Intents::GUILD_MESSAGES,
        (true, true) => Intents::GUILD_MESSAGE_REACTIONS,
        (false, false) => Intents::DIRECT_MESSAGES,
        (false, true) => Intents::DIRECT_MESSAGE_REACTIONS,
    }
}

impl World {
    /// Creates a message in `channel_id` from `author` with the fields of `body`, stores it,
    /// and publishes `MESSAGE_CREATE`. `None` when the channel does not exist.
    pub(crate) fn insert_message(
        &self,
        channel_id: impl Into<Snowflake>,
        author: &Value,
        body: &Map<String, Value>,
        attachments: &[Value],
        webhook_id: Option<Snowflake>,
    ) -> Option<Value> {
        let channel_id: Snowflake = channel_id.into();
        let id = self.next_id();
        let mut state = self.lock();
        let channel = state.channels.get_mut(&channel_id)?;
        channel["last_message_id"] = json!(id.to_string());
        let msg = compose(
            &state,
            id,
            channel_id,
            author,
            body,
            attachments,
            webhook_id,
        );
        state
            .messages
            .entry(channel_id)
            .or_default()
            .insert(id, msg.clone());
        let viewer = super::id_of(author, "id").unwrap_or(Snowflake::new(0));
        let out = render(&state, &msg, viewer);
        let (event, guild_id) = message_event(&state, &out);
        drop(state);
        self.publish(
            "MESSAGE_CREATE",
            event,
            guild_id,
            message_intents(guild_id, false),
        );
        Some(out)
    }

    /// Creates an ephemeral interaction message (flag 64 kept) for the interaction `token`:
    /// stored apart from the channel's messages, and no dispatch (only the interaction's user
    /// sees it). `None` when the channel does not exist.
    pub(crate) fn insert_ephemeral(
        &self,
        channel_id: impl Into<Snowflake>,
        author: &Value,
        body: &Map<String, Value>,
        attachments: &[Value],
        application_id: impl Into<Snowflake>,
        token: &str,
    ) -> Option<Value> {
        let (channel_id, application_id): (Snowflake, Snowflake) =
            (channel_id.into(), application_id.into());
        let id = self.next_id();
        let mut state = self.lock();
        state.channels.get(&channel_id)?;
        let mut msg = compose(
            &state,
            id,
            channel_id,
            author,
            body,
            attachments,
            Some(application_id),
        );
        msg["flags"] = json!(msg["flags"].as_u64().unwrap_or(0) | EPHEMERAL);
        state.ephemeral.insert(
            id,
            super::EphemeralMessage {
                channel_id,
                token: token.to_owned(),
                message: msg.clone(),
            },
        );
        Some(msg)
    }

    /// Writes an audit-log entry and, for a guild, publishes it as
    /// `GUILD_AUDIT_LOG_ENTRY_CREATE` (the entry object plus `guild_id`, intent
    /// GUILD_MODERATION).
    pub(crate) fn audit(
        &self,
        guild_id: Option<Snowflake>,
        action: u32,
        target: Option<&str>,
        user_id: impl Into<Snowflake>,
        reason: Option<&str>,
    ) {
        let user_id: Snowflake = user_id.into();
        let entry = json!({
            "id": self.next_id().to_string(),
            "guild_id": guild_id.map(|g| g.to_string()),
            "action_type": action,
            "target_id": target,
            "user_id": user_id.to_string(),
            "reason": reason,
        });
        self.lock().audit_log.push(entry.clone());
        if let Some(g) = guild_id {
            let mut event = audit_log_entry(&entry);
            event["guild_id"] = json!(g.to_string());
            self.publish(
                "GUILD_AUDIT_LOG_ENTRY_CREATE",
                event,
                Some(g),
                Intents::GUILD_MODERATION,
            );
        }
    }

    /// Adds (`add`) or removes `user`'s reaction `key` (`👍` or `name:id`) on a message and
    /// publishes `MESSAGE_REACTION_ADD` / `MESSAGE_REACTION_REMOVE`. `None` when the message
    /// does not exist; `Some(false)` when nothing changed (reacting twice, as on Discord).
    pub(crate) fn set_reaction(
        &self,
        channel: impl Into<Snowflake>,
        message: impl Into<Snowflake>,
        user: impl Into<Snowflake>,
        key: &str,
        add: bool,
    ) -> Option<bool> {
        let (channel, message, user): (Snowflake, Snowflake, Snowflake) =
            (channel.into(), message.into(), user.into());
        let mut state = self.lock();
        let msg = state.messages.get(&channel)?.get(&message)?.clone();
        let users = state
            .reactions
            .entry((message, key.to_owned()))
            .or_default();
        let had = users.contains(&user);
        if add && !had {
            users.push(user);
        } else if !add {
            users.retain(|u| *u != user);
        }
        if had == add {
            return Some(false);
        }
        let (event, guild) = reaction_event(&state, channel, &msg, user, key, add);
        drop(state);
        let name = if add {
            "MESSAGE_REACTION_ADD"
        } else {
            "MESSAGE_REACTION_REMOVE"
        };
        self.publish(name, event, guild, message_intents(guild, true));
        Some(true)
    }

    /// Publishes `TYPING_START` for `user` in `channel` (only to `only_bot` when given, as for
    /// a DM); `false` for an unknown channel.
    pub(crate) fn start_typing(
        &self,
        channel: impl Into<Snowflake>,
        user: impl Into<Snowflake>,
        only_bot: Option<Snowflake>,
    ) -> bool {
        let (channel, user): (Snowflake, Snowflake) = (channel.into(), user.into());
        let Some((event, guild)) = typing_event(&self.lock(), channel, user) else {
            return false;
        };
        let intents = if guild.is_some() {
            Intents::GUILD_MESSAGE_TYPING
        } else {
            Intents::DIRECT_MESSAGE_TYPING
        };
        let _ = self.bus.send(Dispatch {
            event: "TYPING_START".to_owned(),
            data: event,
            guild_id: guild.map(Snowflake::cast),
            intents,
            only_bot: only_bot.map(Snowflake::cast),
        });
        true
    }
}

/// The flag of an ephemeral message.
pub(crate) const EPHEMERAL: u64 = 64;

/// The flag of a deferred interaction response not yet filled in ("thinking").
pub(crate) const LOADING: u64 = 128;

/// A new message object from `author` with the sender-settable fields of `body`.
fn compose(
    state: &super::State,
    id: Snowflake,
    channel_id: Snowflake,
    author: &Value,
    body: &Map<String, Value>,
    attachments: &[Value],
    webhook_id: Option<Snowflake>,
) -> Value {
    let mut msg = json!({
        "id": id.to_string(), "channel_id": channel_id.to_string(), "author": author,
        "content": "", "timestamp": now(), "edited_timestamp": null, "tts": false,
        "mention_everyone": false, "mentions": [], "mention_roles": [],
        "attachments": attachments, "embeds": [], "pinned": false, "type": 0, "flags": 0,
        "components": [],
    });
    for field in MESSAGE_FIELDS {
        if let Some(v) = body.get(field) {
            msg[field] = v.clone();
        }
    }
    if let Some(ids) = body.get("sticker_ids").and_then(Value::as_array) {
        let items: Vec<Value> = ids
            .iter()
            .filter_map(|i| i.as_str()?.parse::<Snowflake>().ok())
            .filter_map(|i| state.stickers.get(&i))
            .map(|s| json!({"id": s["id"], "name": s["name"], "format_type": s["format_type"]}))
            .collect();
        msg["sticker_items"] = Value::Array(items);
    }
    if let Some(obj) = msg.as_object_mut() {
        obj.remove("sticker_ids");
    }
    if let Some(request) = body.get("poll").filter(|p| p.is_object()) {
        msg["poll"] = poll_json(request);
    }
    if let Some(object) = msg.as_object_mut() {
        object.remove("message_reference");
    }
    // A reference to a message that is gone was refused before, or is dropped (as Discord
    // does with `fail_if_not_exists: false`).
    if let Some(Ok(Some(reference))) = body
        .get("message_reference")
        .filter(|r| r.is_object())
        .map(|r| message_reference(state, channel_id, r))
    {
        if reference["type"] == json!(0) {
            msg["type"] = json!(19);
        }
        msg["message_reference"] = reference;
    }
    if let Some(w) = webhook_id {
        msg["webhook_id"] = json!(w.to_string());
    }
    msg
}

/// A message's poll from the Create Message `poll` request: answers numbered from 1, the
/// expiry `duration` hours (default 24) from now, no votes yet.
/// <https://discord.com/developers/docs/resources/poll#poll-object>
fn poll_json(request: &Value) -> Value {
    let answers: Vec<Value> = request["answers"]
        .as_array()
        .map(|a| {
            a.iter()
                .enumerate()
                .map(|(i, answer)| json!({"answer_id": i + 1, "poll_media": answer["poll_media"]}))
                .collect()
        })
        .unwrap_or_default();
    let hours = request["duration"].as_i64().unwrap_or(24);
    let expiry = asyncord_model::Timestamp::now()
        + std::time::Duration::from_secs(u64::try_from(hours.max(1)).unwrap_or(24) * 3600);
    json!({
        "question": request["question"], "answers": answers, "expiry": expiry.to_string(),
        "allow_multiselect": request["allow_multiselect"].as_bool().unwrap_or(false),
        "layout_type": request["layout_type"].as_u64().unwrap_or(1),
        "results": {"is_finalized": false, "answer_counts": []},
    })
}
