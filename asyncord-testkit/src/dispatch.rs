//! [`Dispatch`]: a gateway event the emulated Discord produces, and the [`DispatchBus`] it
//! travels on from the world (and the expectations' recorder) to the connected gateway
//! sessions ([docs](https://discord.com/developers/docs/events/gateway-events#receive-events)).

use asyncord_model::{GuildId, Intents, UserId};

/// One gateway dispatch produced by the emulated Discord (for example by a REST call).
///
/// Its `Debug` shows `data` with every `token` value redacted (an interaction's `d` carries its
/// token).
#[derive(Clone)]
pub struct Dispatch {
    /// The event name (`t`), e.g. `"MESSAGE_CREATE"`.
    pub event: String,
    /// The event data (`d`).
    pub data: serde_json::Value,
    /// The guild the event belongs to, if any (sessions only get events of their guilds/shard).
    pub guild_id: Option<GuildId>,
    /// The intents that deliver it (any of them); empty for events every session gets.
    pub intents: Intents,
    /// Only deliver to the bot with this user id (for example an interaction for its application).
    pub only_bot: Option<UserId>,
}

impl std::fmt::Debug for Dispatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dispatch")
            .field("event", &self.event)
            .field("data", &redacted(&self.data))
            .field("guild_id", &self.guild_id)
            .field("intents", &self.intents)
            .field("only_bot", &self.only_bot)
            .finish()
    }
}

/// A copy of `value` with the value of every `token` key replaced by `"<redacted>"`.
fn redacted(value: &serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => map
            .iter()
            .map(|(k, v)| {
                let v = if k == "token" {
                    serde_json::Value::from("<redacted>")
                } else {
                    redacted(v)
                };
                (k.clone(), v)
            })
            .collect(),
        serde_json::Value::Array(items) => items.iter().map(redacted).collect(),
        other => other.clone(),
    }
}

/// The channel dispatches travel on, from the world to connected gateway sessions.
pub type DispatchBus = tokio::sync::broadcast::Sender<Dispatch>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_interaction_tokens() {
        let dispatch = Dispatch {
            event: "INTERACTION_CREATE".to_owned(),
            data: serde_json::json!({"id": "1", "token": "secret-token", "message": {"interaction": {"token": "inner-secret"}}}),
            guild_id: None,
            intents: Intents::empty(),
            only_bot: None,
        };
        let shown = format!("{dispatch:?}");
        assert!(
            !shown.contains("secret-token") && !shown.contains("inner-secret"),
            "{shown}"
        );
        assert!(shown.contains("INTERACTION_CREATE"));
    }
}
