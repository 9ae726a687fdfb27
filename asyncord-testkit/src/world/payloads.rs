//! The payloads built from the world's state, one builder per shape, shared by the REST
//! handlers and the simulated users so that the same change looks the same whoever made it: a
//! stored message as Discord returns it (with `reactions` and a reply's `referenced_message`),
//! a reply's `message_reference`, an audit-log entry, a user object and a custom emoji as the
//! spec shapes them, and the `d` of `MESSAGE_CREATE` / `MESSAGE_UPDATE`,
//! `MESSAGE_REACTION_ADD` / `REMOVE` and `TYPING_START`
//! ([docs](https://discord.com/developers/docs/events/gateway-events)).

use asyncord_model::Snowflake;
use serde_json::{Map, Value, json};

use super::state::{State, id_of};

/// The emoji object of a reaction key (`👍`, or `name:id` for a custom emoji).
pub(crate) fn emoji_json(key: &str) -> Value {
    match key.rsplit_once(':') {
        Some((name, id)) if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) => {
            json!({"id": id, "name": name, "animated": false})
        }
        _ => json!({"id": null, "name": key}),
    }
}

/// A stored message as Discord returns it: private fields dropped, `reactions` computed (`me`
/// is the viewer), and for a reply the `referenced_message` as it is now (`null` once deleted)
/// ([docs](https://discord.com/developers/docs/resources/message#message-object)).
pub(crate) fn render(state: &State, msg: &Value, me: Snowflake) -> Value {
    let mut out = render_plain(state, msg, me);
    if let Some(referenced) = referenced_message(state, msg, me) {
        out["referenced_message"] = referenced;
    }
    out
}

/// A stored message with its reactions, without following its reference.
fn render_plain(state: &State, msg: &Value, me: Snowflake) -> Value {
    let mut out = msg.clone();
    if let Some(o) = out.as_object_mut() {
        o.retain(|k, _| !k.starts_with('_'));
        o.remove("referenced_message");
    }
    let Some(id) = id_of(msg, "id") else {
        return out;
    };
    let mut keys: Vec<(&String, &Vec<Snowflake>)> = state
        .reactions
        .iter()
        .filter(|((m, _), users)| *m == id && !users.is_empty())
        .map(|((_, k), users)| (k, users))
        .collect();
    keys.sort_by_key(|(k, _)| (*k).clone());
    if !keys.is_empty() {
        let list: Vec<Value> = keys
            .into_iter()
            .map(|(k, users)| {
                json!({
                    "count": users.len(), "count_details": {"burst": 0, "normal": users.len()},
                    "me": users.contains(&me), "me_burst": false, "emoji": emoji_json(k),
                    "burst_colors": [],
                })
            })
            .collect();
        out["reactions"] = Value::Array(list);
    }
    out
}

/// Whether a message is a reply (type 19 with a default-type `message_reference`).
fn is_reply(msg: &Value) -> bool {
    msg["type"] == json!(19)
        && msg
            .get("message_reference")
            .is_some_and(|r| r["type"].as_u64().unwrap_or(0) == 0)
}

/// A reply's `referenced_message`: the referenced message as it is now, `null` once deleted;
/// `None` for a message that is no reply.
fn referenced_message(state: &State, msg: &Value, me: Snowflake) -> Option<Value> {
    if !is_reply(msg) {
        return None;
    }
    let reference = &msg["message_reference"];
    let channel = id_of(reference, "channel_id")?;
    let id = id_of(reference, "message_id")?;
    Some(
        state
            .messages
            .get(&channel)
            .and_then(|m| m.get(&id))
            .map_or(Value::Null, |r| render_plain(state, r, me)),
    )
}

/// Why a `message_reference` of a new message is refused.
#[derive(Debug)]
pub(crate) struct UnknownReference;

/// The `message_reference` Discord stores for a new message in `channel_id` from the request's
/// `reference`: `type` (default 0), `message_id`, `channel_id` (default the message's channel)
/// and the referenced message's `guild_id`. For a reply (type 0) to a message that does not
/// exist: `Err` unless the request says `fail_if_not_exists: false`, then `Ok(None)` (the
/// message is sent as no reply)
/// ([docs](https://discord.com/developers/docs/resources/message#message-reference-structure)).
pub(crate) fn message_reference(
    state: &State,
    channel_id: Snowflake,
    reference: &Value,
) -> Result<Option<Value>, UnknownReference> {
    let kind = reference["type"].as_u64().unwrap_or(0);
    let channel = id_of(reference, "channel_id").unwrap_or(channel_id);
    let message = id_of(reference, "message_id");
    let exists = message.is_some_and(|m| {
        state
            .messages
            .get(&channel)
            .is_some_and(|ms| ms.contains_key(&m))
    });
    if kind == 0 && !exists {
        return if reference["fail_if_not_exists"] == json!(false) {
            Ok(None)
        } else {
            Err(UnknownReference)
        };
    }
    let mut out = json!({"type": kind, "channel_id": channel.to_string()});
    if let Some(m) = message {
        out["message_id"] = json!(m.to_string());
    }
    if let Some(g) = state.guild_of(channel) {
        out["guild_id"] = json!(g.to_string());
    }
    Ok(Some(out))
}

/// The member object of `user` in `guild` (with its `user`), as reaction and typing events
/// carry it.
fn member(state: &State, guild: Snowflake, user: Snowflake) -> Option<Value> {
    state.guilds.get(&guild)?.members.get(&user).cloned()
}

/// The `d` of `MESSAGE_CREATE` / `MESSAGE_UPDATE` for a message as returned (see [`render`]):
/// plus `channel_type`, and in a guild `guild_id` and the author's `member` (without `user`);
/// with the guild it belongs to.
pub(crate) fn message_event(state: &State, msg: &Value) -> (Value, Option<Snowflake>) {
    let mut event = msg.clone();
    let channel = id_of(msg, "channel_id");
    if let Some(kind) = channel
        .and_then(|c| state.channels.get(&c))
        .map(|c| &c["type"])
    {
        event["channel_type"] = kind.clone();
    }
    let guild = channel.and_then(|c| state.guild_of(c));
    if let Some(g) = guild {
        event["guild_id"] = json!(g.to_string());
        if let Some(mut m) = id_of(&msg["author"], "id").and_then(|a| member(state, g, a)) {
            if let Some(o) = m.as_object_mut() {
                o.remove("user");
            }
            event["member"] = m;
        }
    }
    (event, guild)
}

/// The `d` of `MESSAGE_REACTION_ADD` (`add`) or `MESSAGE_REACTION_REMOVE` for `user`'s
/// reaction `key` on the stored message `msg` in `channel`: the add carries the reacting
/// `member` (in a guild), `message_author_id` and `burst_colors`; with the guild.
pub(crate) fn reaction_event(
    state: &State,
    channel: Snowflake,
    msg: &Value,
    user: Snowflake,
    key: &str,
    add: bool,
) -> (Value, Option<Snowflake>) {
    let guild = state.guild_of(channel);
    let mut event = json!({
        "user_id": user.to_string(), "channel_id": channel.to_string(),
        "message_id": msg["id"], "emoji": emoji_json(key), "burst": false, "type": 0,
    });
    if let Some(g) = guild {
        event["guild_id"] = json!(g.to_string());
    }
    if add {
        event["message_author_id"] = msg["author"]["id"].clone();
        event["burst_colors"] = json!([]);
        if let Some(m) = guild.and_then(|g| member(state, g, user)) {
            event["member"] = m;
        }
    }
    (event, guild)
}

/// The `d` of `TYPING_START` for `user` in `channel`: in a guild with `guild_id` and the
/// `member` (with its `user`); with the guild. `None` for an unknown channel.
pub(crate) fn typing_event(
    state: &State,
    channel: Snowflake,
    user: Snowflake,
) -> Option<(Value, Option<Snowflake>)> {
    state.channels.get(&channel)?;
    let guild = state.guild_of(channel);
    let mut event = json!({
        "channel_id": channel.to_string(), "user_id": user.to_string(),
        "timestamp": asyncord_model::Timestamp::now().unix_secs(),
    });
    if let Some(g) = guild {
        event["guild_id"] = json!(g.to_string());
        if let Some(m) = member(state, g, user) {
            event["member"] = m;
        }
    }
    Some((event, guild))
}

/// A user of the world with the fields the spec requires filled in ([`complete_user`]); a
/// placeholder named `unknown` for an id the world has no user for.
pub(crate) fn user_object(state: &State, id: Snowflake) -> Value {
    let mut u = state.users.get(&id).cloned().unwrap_or_else(
        || json!({"id": id.to_string(), "username": "unknown", "discriminator": "0"}),
    );
    complete_user(&mut u);
    u
}

/// Adds the nullable user fields the spec requires (`primary_guild`, `global_name`...)
/// ([docs](https://discord.com/developers/docs/resources/user#user-object)).
pub(crate) fn complete_user(u: &mut Value) {
    if let Some(o) = u.as_object_mut() {
        for (k, v) in [
            ("avatar", Value::Null),
            ("global_name", Value::Null),
            ("primary_guild", Value::Null),
            ("public_flags", json!(0)),
            ("flags", json!(0)),
            ("discriminator", json!("0")),
        ] {
            o.entry(k).or_insert(v);
        }
    }
}

/// A custom emoji (of a guild or an application) with id `id`, named and restricted to roles as
/// `body` says, created by `creator`
/// ([docs](https://discord.com/developers/docs/resources/emoji#emoji-object)).
pub(crate) fn custom_emoji(creator: &Value, id: Snowflake, body: &Map<String, Value>) -> Value {
    json!({
        "id": id.to_string(),
        "name": body.get("name").and_then(Value::as_str).unwrap_or("emoji"),
        "roles": body.get("roles").filter(|r| r.is_array()).cloned().unwrap_or_else(|| json!([])),
        "user": creator,
        "require_colons": true, "managed": false, "animated": false, "available": true,
    })
}

/// A stored audit-log entry as Discord's audit log entry object: no `guild_id`, `target_id`
/// `null` when the target has no id (an invite, named by its code), no `reason` when none was
/// given ([docs](https://discord.com/developers/docs/resources/audit-log#audit-log-entry-object)).
pub(crate) fn audit_log_entry(stored: &Value) -> Value {
    let mut e = stored.clone();
    if let Some(o) = e.as_object_mut() {
        o.remove("guild_id");
        let target_is_id = o
            .get("target_id")
            .and_then(Value::as_str)
            .is_some_and(|t| t.parse::<Snowflake>().is_ok());
        if !target_is_id {
            o.insert("target_id".into(), Value::Null);
        }
        if o.get("reason").is_some_and(Value::is_null) {
            o.remove("reason");
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_keys() {
        assert_eq!(emoji_json("👍"), json!({"id": null, "name": "👍"}));
        assert_eq!(
            emoji_json("blob:123"),
            json!({"id": "123", "name": "blob", "animated": false})
        );
    }

    #[test]
    fn audit_log_entries_drop_what_the_entry_object_has_not() {
        let stored = json!({"id": "5", "guild_id": "1", "action_type": 40, "target_id": "abcd",
            "user_id": "2", "reason": null});
        assert_eq!(
            audit_log_entry(&stored),
            json!({"id": "5", "action_type": 40, "target_id": null, "user_id": "2"})
        );
    }

    #[test]
    fn a_reference_to_a_missing_message_fails_unless_told_not_to() {
        let state = State::default();
        let c = Snowflake::new(7);
        assert!(message_reference(&state, c, &json!({"message_id": "9"})).is_err());
        assert!(matches!(
            message_reference(
                &state,
                c,
                &json!({"message_id": "9", "fail_if_not_exists": false})
            ),
            Ok(None)
        ));
    }
}
