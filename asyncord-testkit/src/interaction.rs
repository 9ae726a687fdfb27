//! Interactions started by simulated users — slash commands, button clicks, select menus,
//! modal submits — and awaiting the bot's answer.
//!
//! Each produces `INTERACTION_CREATE` for the application that owns the command or the message,
//! shaped like Discord's (member with permissions, channel, guild, `app_permissions`, context,
//! entitlements...), with an id and a token the bot answers through
//! `POST /interactions/{id}/{token}/callback` and the follow-up webhook routes, which the REST
//! side validates (unknown interaction, already acknowledged).
//! <https://discord.com/developers/docs/interactions/receiving-and-responding>

use asyncord_model::interaction::InteractionResponse;
use asyncord_model::message::Message;
use asyncord_model::{
    ApplicationId, ChannelId, InteractionId, MessageId, Permissions, Snowflake, UserId,
};
use serde_json::{Map, Value, json};

use super::account::BotAccount;
use super::emulator::Emulator;
use super::expect::{ExpectError, parse, poll};
use super::users::SimUser;

/// The bot user id the world's interaction table is filled under: nobody has it, so the
/// placeholder `INTERACTION_CREATE` the world publishes reaches no session.
pub(crate) const PLACEHOLDER_BOT: u64 = 1;

/// What an invocation sets instead of the defaults (every permission, `en-US`).
#[derive(Clone, Debug, Default)]
pub(crate) struct Overrides {
    pub(crate) permissions: Option<Permissions>,
    pub(crate) app_permissions: Option<Permissions>,
    pub(crate) locale: Option<String>,
}

/// An interaction a simulated user started, to await the bot's answer.
#[derive(Clone, Debug)]
pub struct SimInteraction<'a> {
    emu: &'a Emulator,
    id: Snowflake,
    token: String,
    application_id: Snowflake,
    channel_id: Snowflake,
    user_id: Snowflake,
    kind: u8,
    message: Option<Value>,
}

/// What a bot answered to an interaction (the callback body).
#[derive(Clone, Debug, PartialEq)]
pub struct InteractionReply {
    /// The callback type (4 message, 5 deferred, 6 deferred update, 7 update, 9 modal...).
    pub kind: u8,
    /// The callback's `data` (`Null` when absent).
    pub data: Value,
    /// The body as the model's type.
    pub response: InteractionResponse,
}

impl InteractionReply {
    /// `data.content`, if any.
    pub fn content(&self) -> Option<&str> {
        self.data.get("content")?.as_str()
    }

    /// Whether the reply is ephemeral (flag 64).
    pub fn is_ephemeral(&self) -> bool {
        self.data
            .get("flags")
            .and_then(Value::as_u64)
            .is_some_and(|f| f & 64 != 0)
    }

    /// `data.custom_id` (a modal's id).
    pub fn custom_id(&self) -> Option<&str> {
        self.data.get("custom_id")?.as_str()
    }
}

impl SimInteraction<'_> {
    /// The interaction id.
    pub fn id(&self) -> InteractionId {
        self.id.cast()
    }

    /// The interaction token.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// The application it was sent to.
    pub fn application_id(&self) -> ApplicationId {
        self.application_id.cast()
    }

    /// The channel it happened in.
    pub fn channel_id(&self) -> ChannelId {
        self.channel_id.cast()
    }

    /// The user who started it.
    pub fn user_id(&self) -> UserId {
        self.user_id.cast()
    }

    /// The interaction type (2 command, 3 component, 5 modal submit).
    pub fn kind(&self) -> u8 {
        self.kind
    }

    /// Waits for the bot's callback (`POST /interactions/{id}/{token}/callback`) and returns
    /// its body.
    ///
    /// # Errors
    /// [`ExpectError::Timeout`] when the bot does not answer in time (Discord gives it 3 s);
    /// [`ExpectError::Parse`] when the body is not a valid interaction response.
    pub async fn response(&self) -> Result<InteractionReply, ExpectError> {
        let path = format!("/interactions/{}/{}/callback", self.id, self.token);
        let what = format!("the callback of interaction {}", self.id);
        let body = poll(&what, self.emu.timeout, || {
            self.emu
                .rest
                .requests()
                .into_iter()
                .find(|r| r.method == "POST" && r.path == path && (200..300).contains(&r.status))
                .and_then(|r| r.json())
        })
        .await?;
        let kind = body
            .get("type")
            .and_then(Value::as_u64)
            .and_then(|k| u8::try_from(k).ok())
            .unwrap_or(0);
        let data = body.get("data").cloned().unwrap_or(Value::Null);
        let response = parse(&what, body)?;
        Ok(InteractionReply {
            kind,
            data,
            response,
        })
    }

    /// Waits for the interaction's original response message (posted by a type 4 callback, or
    /// by editing `@original` after a deferral), ephemeral or not.
    ///
    /// # Errors
    /// [`ExpectError::Timeout`] when there is none in time.
    pub async fn message(&self) -> Result<Message, ExpectError> {
        let what = format!("the response message of interaction {}", self.id);
        let world = &self.emu.world;
        let msg = poll(&what, self.emu.timeout, || {
            let original = world.lock().interactions.get(&self.token)?.original?;
            let m = world
                .message(self.channel_id, original)
                .or_else(|| world.ephemeral_message(original))?;
            let deferred = m["flags"].as_u64().is_some_and(|f| f & 128 != 0);
            (!deferred || m["edited_timestamp"].is_string()).then_some(m)
        })
        .await?;
        parse(&what, msg)
    }

    /// The modal the bot opened (a type 9 callback), for [`SimUser::submit_modal`].
    async fn modal(&self) -> Result<Value, ExpectError> {
        let reply = self.response().await?;
        if reply.kind != 9 {
            return Err(ExpectError::Refused(format!(
                "interaction {} was answered with type {}, not a modal",
                self.id, reply.kind
            )));
        }
        Ok(reply.data)
    }
}

/// Finds a component by `custom_id` in a component tree; returns its type.
fn find_component(components: &Value, custom_id: &str) -> Option<u64> {
    let list = components.as_array()?;
    list.iter().find_map(|c| {
        if c["custom_id"].as_str() == Some(custom_id) {
            return c["type"].as_u64();
        }
        let single = ["component", "accessory"]
            .iter()
            .filter(|k| c[**k].is_object())
            .find_map(|k| find_component(&Value::Array(vec![c[*k].clone()]), custom_id));
        single.or_else(|| find_component(&c["components"], custom_id))
    })
}

/// The modal's submitted components: the modal's structure with `value`s filled in.
fn modal_values(components: &Value, values: &mut Map<String, Value>) -> Vec<Value> {
    let mut out = Vec::new();
    for c in components.as_array().into_iter().flatten() {
        match c["type"].as_u64() {
            Some(1) => {
                out.push(json!({"type": 1, "components": modal_values(&c["components"], values)}));
            }
            Some(18) => {
                let inner = modal_values(&json!([c["component"].clone()]), values);
                let mut label = json!({"type": 18, "component": inner.into_iter().next()});
                if let Some(id) = c.get("id") {
                    label["id"] = id.clone();
                }
                out.push(label);
            }
            Some(4) => {
                let id = c["custom_id"].as_str().unwrap_or_default();
                let value = values.remove(id).unwrap_or_else(|| json!(""));
                out.push(json!({"type": 4, "custom_id": id, "value": value}));
            }
            Some(kind @ (3 | 5..=8)) => {
                let id = c["custom_id"].as_str().unwrap_or_default();
                let value = values.remove(id).unwrap_or_else(|| json!([]));
                let value = if value.is_array() {
                    value
                } else {
                    json!([value])
                };
                out.push(json!({"type": kind, "custom_id": id, "values": value}));
            }
            _ => {}
        }
    }
    out
}

impl<'a> SimUser<'a> {
    /// The `INTERACTION_CREATE` payload for this user, and its registration in the world.
    pub(crate) fn start_interaction(
        &self,
        bot: &BotAccount,
        channel: Snowflake,
        kind: u8,
        data: &Value,
        message: Option<Value>,
        overrides: &Overrides,
    ) -> Result<SimInteraction<'a>, ExpectError> {
        let guild = self.check_channel(channel)?;
        let user = self.user_json()?;
        let world = &self.emu.world;
        // Register the id and token in the world's interaction table (answered through the
        // REST side); the world's own payload goes to a bot id nobody has.
        let placeholder = BotAccount {
            token: String::new(),
            user: Value::Null,
            user_id: UserId::new(PLACEHOLDER_BOT),
            application_id: bot.application_id,
            granted_privileged: asyncord_model::Intents::empty(),
        };
        let (id, token) = world
            .add_interaction(&placeholder, channel, self.id, data)
            .ok_or_else(|| ExpectError::NotFound(format!("channel {channel}")))?;
        if let Some(mid) = message
            .as_ref()
            .and_then(|m| m["id"].as_str()?.parse::<Snowflake>().ok())
        {
            world.set_interaction_message(&token, mid);
        }
        let everything = Permissions::all().bits().to_string();
        let app_permissions = overrides
            .app_permissions
            .map_or_else(|| everything.clone(), |p| p.bits().to_string());
        let member_permissions = overrides
            .permissions
            .map_or_else(|| everything.clone(), |p| p.bits().to_string());
        let locale = overrides
            .locale
            .clone()
            .unwrap_or_else(|| "en-US".to_owned());
        let mut channel_obj = world.channel(channel).unwrap_or(Value::Null);
        channel_obj["permissions"] = json!(everything);
        if channel_obj.get("last_pin_timestamp").is_none() {
            channel_obj["last_pin_timestamp"] = Value::Null;
        }
        let mut payload = json!({
            "id": id.to_string(), "application_id": bot.application_id.to_string(),
            "type": kind, "data": data, "channel_id": channel.to_string(),
            "channel": channel_obj, "token": token, "version": 1,
            "app_permissions": app_permissions, "locale": locale, "entitlements": [],
            "entitlement_sku_ids": [], "attachment_size_limit": 10_485_760,
        });
        if let Some(g) = guild {
            payload["guild_id"] = json!(g.to_string());
            payload["guild_locale"] = json!("en-US");
            payload["guild"] = json!({"id": g.to_string(), "locale": "en-US", "features": []});
            payload["context"] = json!(0);
            payload["authorizing_integration_owners"] = json!({"0": g.to_string()});
            let mut member = world
                .member(g, self.id)
                .unwrap_or_else(|| json!({"roles": []}));
            member["user"] = user;
            member["permissions"] = json!(member_permissions);
            payload["member"] = member;
        } else {
            payload["context"] = json!(1);
            payload["authorizing_integration_owners"] = json!({"1": self.id.to_string()});
            payload["user"] = user;
        }
        if let Some(m) = &message {
            payload["message"] = m.clone();
        }
        match self.emu.endpoints.target(bot.application_id.into()) {
            // The application has an interactions endpoint URL: POSTed there, signed.
            Some(target) => {
                let Ok(runtime) = tokio::runtime::Handle::try_current() else {
                    return Err(ExpectError::Refused(
                        "delivering an interaction over HTTP needs a tokio runtime".to_owned(),
                    ));
                };
                runtime.spawn(crate::interactions_endpoint::deliver(
                    std::sync::Arc::clone(&self.emu.endpoints),
                    self.emu.rest.core(),
                    target,
                    payload,
                ));
            }
            None => world.publish_to_bot("INTERACTION_CREATE", payload, guild, bot.user_id),
        }
        Ok(SimInteraction {
            emu: self.emu,
            id: id.cast(),
            token,
            application_id: bot.application_id.cast(),
            channel_id: channel,
            user_id: self.id,
            kind,
            message,
        })
    }

    /// Invokes the slash command `name` in `channel`, waiting (up to the timeout) until a bot
    /// registered it (globally or in the channel's guild). `options` is a JSON object of
    /// option name to value (types are taken from the command's definition) or an array of
    /// options as Discord sends them; `Value::Null` for none. Subcommands: pass the array form.
    ///
    /// # Errors
    /// [`ExpectError::Timeout`] when no bot registered the command; [`ExpectError::NotFound`]
    /// or [`ExpectError::Refused`] for a bad channel.
    pub async fn invoke_slash_command(
        &self,
        channel: ChannelId,
        name: &str,
        options: Value,
    ) -> Result<SimInteraction<'a>, ExpectError> {
        let channel: Snowflake = channel.into();
        let guild = self.check_channel(channel)?;
        let world = &self.emu.world;
        let (command, bot) = poll(
            &format!("a bot registering /{name}"),
            self.emu.timeout,
            || {
                let state = world.lock();
                let command = state.commands.values().find(|c| {
                    c["name"].as_str() == Some(name)
                        && c["type"].as_u64().unwrap_or(1) == 1
                        && (c["guild_id"].is_null()
                            || guild
                                .is_some_and(|g| c["guild_id"].as_str() == Some(&g.to_string())))
                })?;
                let app = command["application_id"].as_str()?.parse().ok()?;
                Some((command.clone(), state.bot_by_app(app)?.clone()))
            },
        )
        .await?;
        let options = match options {
            Value::Object(map) => Value::Array(
                map.into_iter()
                    .map(|(k, v)| {
                        let kind = command["options"]
                            .as_array()
                            .and_then(|o| o.iter().find(|o| o["name"].as_str() == Some(&k)))
                            .and_then(|o| o["type"].as_u64())
                            .unwrap_or(3);
                        json!({"name": k, "type": kind, "value": v})
                    })
                    .collect(),
            ),
            other => other,
        };
        let mut data = json!({"id": command["id"], "name": name, "type": 1});
        if let Some(g) = guild {
            data["guild_id"] = json!(g.to_string());
        }
        if options.as_array().is_some_and(|o| !o.is_empty()) {
            data["options"] = options;
        }
        self.start_interaction(&bot, channel, 2, &data, None, &Overrides::default())
    }

    /// Clicks the button `custom_id` on a bot's message.
    ///
    /// # Errors
    /// [`ExpectError::NotFound`] when the message or the component does not exist, or the
    /// message is not a bot's.
    pub fn click_button(
        &self,
        channel: ChannelId,
        message: MessageId,
        custom_id: &str,
    ) -> Result<SimInteraction<'a>, ExpectError> {
        let (channel, message): (Snowflake, Snowflake) =
            (Snowflake::from(channel), Snowflake::from(message));
        self.component(channel, message, custom_id, None)
    }

    /// Picks `values` in the select menu `custom_id` on a bot's message.
    ///
    /// # Errors
    /// As [`SimUser::click_button`].
    pub fn select(
        &self,
        channel: ChannelId,
        message: MessageId,
        custom_id: &str,
        values: &[&str],
    ) -> Result<SimInteraction<'a>, ExpectError> {
        let (channel, message): (Snowflake, Snowflake) =
            (Snowflake::from(channel), Snowflake::from(message));
        self.component(channel, message, custom_id, Some(values))
    }

    fn component(
        &self,
        channel: Snowflake,
        message: Snowflake,
        custom_id: &str,
        values: Option<&[&str]>,
    ) -> Result<SimInteraction<'a>, ExpectError> {
        let world = &self.emu.world;
        // A component on an ephemeral message works too (only its user can click it).
        let mut msg = world
            .message(channel, message)
            .or_else(|| {
                world
                    .ephemeral_message(message)
                    .filter(|m| m["channel_id"].as_str() == Some(channel.to_string().as_str()))
            })
            .ok_or_else(|| ExpectError::NotFound(format!("message {message} in {channel}")))?;
        if let Some(o) = msg.as_object_mut() {
            // The world's private bookkeeping fields are never sent.
            o.retain(|k, _| !k.starts_with('_'));
        }
        let kind = find_component(&msg["components"], custom_id).ok_or_else(|| {
            ExpectError::NotFound(format!("component {custom_id:?} on message {message}"))
        })?;
        let bot = {
            let state = world.lock();
            let author: Option<Snowflake> =
                msg["author"]["id"].as_str().and_then(|s| s.parse().ok());
            let app: Option<Snowflake> = msg["webhook_id"].as_str().and_then(|s| s.parse().ok());
            state
                .bots
                .iter()
                .find(|b| author == Some(b.user_id.cast()) || app == Some(b.application_id.cast()))
                .cloned()
        }
        .ok_or_else(|| ExpectError::NotFound(format!("the bot that sent message {message}")))?;
        let mut data = json!({"custom_id": custom_id, "component_type": kind});
        if let Some(values) = values {
            data["values"] = json!(values);
        }
        self.start_interaction(&bot, channel, 3, &data, Some(msg), &Overrides::default())
    }

    /// Submits the modal the bot opened in answer to `opened` (a type 9 callback), with
    /// `values` for its text inputs by `custom_id` (missing ones are sent empty).
    ///
    /// # Errors
    /// [`ExpectError::Refused`] when the bot did not answer `opened` with a modal, or a value
    /// names no input of the modal; [`ExpectError::Timeout`] when it did not answer at all.
    pub async fn submit_modal(
        &self,
        opened: &SimInteraction<'_>,
        values: &[(&str, &str)],
    ) -> Result<SimInteraction<'a>, ExpectError> {
        let modal = opened.modal().await?;
        let mut remaining: Map<String, Value> = values
            .iter()
            .map(|(k, v)| ((*k).to_owned(), json!(v)))
            .collect();
        let components = modal_values(&modal["components"], &mut remaining);
        if let Some(k) = remaining.keys().next() {
            return Err(ExpectError::Refused(format!(
                "the modal has no input {k:?}"
            )));
        }
        let bot = world_bot(self.emu, opened.application_id)?;
        let data = json!({"custom_id": modal["custom_id"], "components": components});
        let message = if opened.kind == 3 {
            opened.message.clone()
        } else {
            None
        };
        self.start_interaction(
            &bot,
            opened.channel_id,
            5,
            &data,
            message,
            &Overrides::default(),
        )
    }
}

fn world_bot(emu: &Emulator, application_id: Snowflake) -> Result<BotAccount, ExpectError> {
    emu.world
        .lock()
        .bot_by_app(application_id)
        .cloned()
        .ok_or_else(|| ExpectError::NotFound(format!("the bot of application {application_id}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_components_and_fills_modals() {
        let comps =
            json!([{"type": 1, "components": [{"type": 2, "custom_id": "ok", "style": 1}]}]);
        assert_eq!(find_component(&comps, "ok"), Some(2));
        assert_eq!(find_component(&comps, "no"), None);
        let modal = json!([
            {"type": 1, "components": [{"type": 4, "custom_id": "a", "style": 1, "label": "A"}]},
            {"type": 18, "label": "B", "component": {"type": 4, "custom_id": "b", "style": 2}},
        ]);
        let mut values: Map<String, Value> = [("a".to_owned(), json!("x"))].into_iter().collect();
        let out = modal_values(&modal, &mut values);
        assert_eq!(out[0]["components"][0]["value"], "x");
        assert_eq!(out[1]["component"]["custom_id"], "b");
        assert_eq!(out[1]["component"]["value"], "");
        assert!(values.is_empty());
    }
}
