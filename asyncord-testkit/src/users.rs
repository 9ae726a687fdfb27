//! Simulated users: humans acting in the emulated Discord as the Discord client would, producing
//! the dispatches Discord sends bots (`MESSAGE_CREATE`, `MESSAGE_UPDATE`, `MESSAGE_DELETE`,
//! `MESSAGE_REACTION_ADD`/`REMOVE`, `TYPING_START`, `GUILD_MEMBER_ADD`/`REMOVE`) and
//! interactions (see [`interaction`](super::interaction)). Their payloads come from the same
//! builders as those of the bots' REST calls.
//!
//! Discord's event docs: <https://discord.com/developers/docs/events/gateway-events>.

use asyncord_model::{ChannelId, GuildId, Intents, MessageId, Snowflake, UserId};

use serde_json::{Value, json};

use super::account::BotAccount;
use super::dispatch::Dispatch;
use super::emulator::Emulator;
use super::expect::ExpectError;
use super::gateway::GatewayWorld;
use super::world::{
    id_of, is_thread, message_event, message_intents, message_reference, now, render,
};

/// A human user of the emulated Discord (borrowed from its [`Emulator`]).
#[derive(Clone, Copy, Debug)]
pub struct SimUser<'a> {
    pub(crate) emu: &'a Emulator,
    pub(crate) id: Snowflake,
}

/// Ids mentioned in `text` with `prefix` (`<@`, `<@!`, `<@&`).
fn mentioned(text: &str, prefix: &str) -> Vec<Snowflake> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(prefix) {
        rest = &rest[i + prefix.len()..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if rest[digits.len()..].starts_with('>')
            && let Ok(id) = digits.parse::<Snowflake>()
            && !out.contains(&id)
        {
            out.push(id);
        }
    }
    out
}

impl<'a> SimUser<'a> {
    pub(crate) fn new(emu: &'a Emulator, id: UserId) -> Self {
        Self { emu, id: id.cast() }
    }

    /// The user's id.
    pub fn id(&self) -> UserId {
        self.id.cast()
    }

    /// The user object (as Discord sends it).
    pub fn object(&self) -> Option<Value> {
        self.emu.world.user(self.id)
    }

    /// The user object, or `NotFound`.
    pub(crate) fn user_json(&self) -> Result<Value, ExpectError> {
        self.object()
            .ok_or_else(|| ExpectError::NotFound(format!("user {}", self.id)))
    }

    /// The guild of `channel` (checking the channel exists and the user may see it).
    pub(crate) fn check_channel(
        &self,
        channel: Snowflake,
    ) -> Result<Option<Snowflake>, ExpectError> {
        let world = &self.emu.world;
        if world.channel(channel).is_none() {
            return Err(ExpectError::NotFound(format!("channel {channel}")));
        }
        let guild = world.guild_of(channel);
        if let Some(g) = guild
            && world.member(g, self.id).is_none()
        {
            return Err(ExpectError::Refused(format!(
                "user {} is not a member of guild {g} (call join_guild first)",
                self.id
            )));
        }
        Ok(guild)
    }

    /// Fills `mentions`, `mention_roles` and `mention_everyone` of a message from its content.
    fn set_mentions(&self, msg: &mut Value, text: &str) {
        let world = &self.emu.world;
        let mut users = mentioned(text, "<@");
        for id in mentioned(text, "<@!") {
            if !users.contains(&id) {
                users.push(id);
            }
        }
        msg["mentions"] = Value::Array(users.into_iter().filter_map(|id| world.user(id)).collect());
        msg["mention_roles"] = Value::Array(
            mentioned(text, "<@&")
                .into_iter()
                .map(|id| json!(id.to_string()))
                .collect(),
        );
        msg["mention_everyone"] = json!(text.contains("@everyone") || text.contains("@here"));
    }

    /// Posts `text` in `channel` (a guild channel, thread or DM): stored, then `MESSAGE_CREATE`
    /// with `guild_id` and `member`. Mentions (`<@id>`, `<@&id>`, `@everyone`) are resolved, so
    /// a bot without MESSAGE_CONTENT still reads messages that mention it. Returns the id.
    ///
    /// # Errors
    /// [`ExpectError::NotFound`] for an unknown channel; [`ExpectError::Refused`] when the user
    /// is not in the channel's guild.
    pub fn send_message(&self, channel: ChannelId, text: &str) -> Result<MessageId, ExpectError> {
        let channel: Snowflake = channel.into();
        self.post(channel, text, None)
    }

    /// Replies to `message` (a message of type 19 with a `message_reference`).
    ///
    /// # Errors
    /// As [`SimUser::send_message`].
    pub fn reply(
        &self,
        channel: ChannelId,
        message: MessageId,
        text: &str,
    ) -> Result<MessageId, ExpectError> {
        let (channel, message): (Snowflake, Snowflake) =
            (Snowflake::from(channel), Snowflake::from(message));
        self.post(channel, text, Some(message))
    }

    fn post(
        &self,
        channel: Snowflake,
        text: &str,
        reply_to: Option<Snowflake>,
    ) -> Result<MessageId, ExpectError> {
        let guild = self.check_channel(channel)?;
        let author = self.user_json()?;
        let world = &self.emu.world;
        let reference = match reply_to {
            Some(m) => Some(
                message_reference(
                    &world.lock(),
                    channel,
                    &json!({"message_id": m.to_string()}),
                )
                .ok()
                .flatten()
                .ok_or_else(|| {
                    ExpectError::NotFound(format!("message to reply to in {channel}"))
                })?,
            ),
            None => None,
        };
        let id = world.next_id();
        let mut msg = json!({
            "id": id.to_string(), "channel_id": channel.to_string(), "author": author,
            "content": text, "timestamp": now(), "edited_timestamp": null, "tts": false,
            "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [],
            "embeds": [], "pinned": false, "type": 0, "flags": 0, "components": [],
        });
        self.set_mentions(&mut msg, text);
        if let Some(r) = reference {
            msg["type"] = json!(19);
            msg["message_reference"] = r;
        }
        let event = {
            let mut state = world.lock();
            if let Some(c) = state.channels.get_mut(&channel) {
                c["last_message_id"] = json!(id.to_string());
                if is_thread(c) {
                    for key in ["message_count", "total_message_sent"] {
                        c[key] = json!(c[key].as_u64().unwrap_or(0) + 1);
                    }
                }
            }
            state
                .messages
                .entry(channel)
                .or_default()
                .insert(id, msg.clone());
            message_event(&state, &render(&state, &msg, self.id)).0
        };
        // A DM reaches only the bot it was sent to.
        let only_bot = if guild.is_none() {
            self.emu.dm_bot(channel)
        } else {
            None
        };
        let _ = world.dispatch_bus().send(Dispatch {
            event: "MESSAGE_CREATE".to_owned(),
            data: event,
            guild_id: guild.map(Snowflake::cast),
            intents: message_intents(guild, false),
            only_bot: only_bot.map(Snowflake::cast),
        });
        Ok(id.cast())
    }

    /// Sends a direct message to `bot` (opening the DM channel if needed): `MESSAGE_CREATE`
    /// without `guild_id`, delivered to that bot under DIRECT_MESSAGES (content included: DMs
    /// are a MESSAGE_CONTENT exception). Returns `(channel id, message id)`.
    ///
    /// # Errors
    /// [`ExpectError::NotFound`] when the user does not exist.
    pub fn send_dm(
        &self,
        bot: &BotAccount,
        text: &str,
    ) -> Result<(ChannelId, MessageId), ExpectError> {
        let user = self.user_json()?;
        let world = &self.emu.world;
        let existing = world
            .lock()
            .channels
            .values()
            .find(|c| c["type"] == json!(1) && id_of(&c["recipients"][0], "id") == Some(self.id))
            .and_then(|c| id_of(c, "id"));
        let channel = if let Some(c) = existing {
            c
        } else {
            let id = world.next_id();
            let channel = json!({
                "id": id.to_string(), "type": 1, "last_message_id": null, "flags": 0,
                "recipients": [user],
            });
            world.lock().channels.insert(id, channel);
            id
        };
        self.emu.set_dm_bot(channel, bot.user_id.cast());
        let message = self.post(channel, text, None)?;
        Ok((channel.cast(), message))
    }

    /// Edits one of the user's messages: `MESSAGE_UPDATE` with the whole message.
    ///
    /// # Errors
    /// [`ExpectError::NotFound`] for an unknown message; [`ExpectError::Refused`] for someone
    /// else's message.
    pub fn edit_message(
        &self,
        channel: ChannelId,
        message: MessageId,
        text: &str,
    ) -> Result<(), ExpectError> {
        let (channel, message): (Snowflake, Snowflake) =
            (Snowflake::from(channel), Snowflake::from(message));
        let guild = self.check_channel(channel)?;
        let world = &self.emu.world;
        let updated = {
            let mut state = world.lock();
            let msg = state
                .messages
                .get_mut(&channel)
                .and_then(|m| m.get_mut(&message))
                .ok_or_else(|| ExpectError::NotFound(format!("message {message}")))?;
            if id_of(&msg["author"], "id") != Some(self.id) {
                return Err(ExpectError::Refused(format!(
                    "message {message} was written by someone else"
                )));
            }
            msg["content"] = json!(text);
            msg["edited_timestamp"] = now();
            msg.clone()
        };
        let mut mentions = updated;
        self.set_mentions(&mut mentions, text);
        let event = {
            let mut state = world.lock();
            let Some(stored) = state
                .messages
                .get_mut(&channel)
                .and_then(|m| m.get_mut(&message))
            else {
                return Err(ExpectError::NotFound(format!("message {message}")));
            };
            for key in ["mentions", "mention_roles", "mention_everyone"] {
                stored[key] = mentions[key].clone();
            }
            let stored = stored.clone();
            message_event(&state, &render(&state, &stored, self.id)).0
        };
        world.publish(
            "MESSAGE_UPDATE",
            event,
            guild,
            message_intents(guild, false),
        );
        Ok(())
    }

    /// Deletes one of the user's messages: `MESSAGE_DELETE`.
    ///
    /// # Errors
    /// [`ExpectError::NotFound`] for an unknown message; [`ExpectError::Refused`] for someone
    /// else's message.
    pub fn delete_message(
        &self,
        channel: ChannelId,
        message: MessageId,
    ) -> Result<(), ExpectError> {
        let (channel, message): (Snowflake, Snowflake) =
            (Snowflake::from(channel), Snowflake::from(message));
        let guild = self.check_channel(channel)?;
        let world = &self.emu.world;
        {
            let mut state = world.lock();
            let msg = state
                .messages
                .get(&channel)
                .and_then(|m| m.get(&message))
                .ok_or_else(|| ExpectError::NotFound(format!("message {message}")))?;
            if id_of(&msg["author"], "id") != Some(self.id) {
                return Err(ExpectError::Refused(format!(
                    "message {message} was written by someone else"
                )));
            }
            if let Some(m) = state.messages.get_mut(&channel) {
                m.remove(&message);
            }
            state.reactions.retain(|(m, _), _| *m != message);
        }
        let mut event = json!({"id": message.to_string(), "channel_id": channel.to_string()});
        if let Some(g) = guild {
            event["guild_id"] = json!(g.to_string());
        }
        world.publish(
            "MESSAGE_DELETE",
            event,
            guild,
            message_intents(guild, false),
        );
        Ok(())
    }

    /// Reacts to a message with `emoji` (`"👍"` or `"name:id"`): `MESSAGE_REACTION_ADD` with
    /// the member and the message author's id. Reacting twice changes nothing, as on Discord.
    ///
    /// # Errors
    /// [`ExpectError::NotFound`] for an unknown message.
    pub fn react(
        &self,
        channel: ChannelId,
        message: MessageId,
        emoji: &str,
    ) -> Result<(), ExpectError> {
        let (channel, message): (Snowflake, Snowflake) =
            (Snowflake::from(channel), Snowflake::from(message));
        self.reaction(channel, message, emoji, true)
    }

    /// Removes the user's reaction: `MESSAGE_REACTION_REMOVE`.
    ///
    /// # Errors
    /// [`ExpectError::NotFound`] for an unknown message.
    pub fn unreact(
        &self,
        channel: ChannelId,
        message: MessageId,
        emoji: &str,
    ) -> Result<(), ExpectError> {
        let (channel, message): (Snowflake, Snowflake) =
            (Snowflake::from(channel), Snowflake::from(message));
        self.reaction(channel, message, emoji, false)
    }

    fn reaction(
        &self,
        channel: Snowflake,
        message: Snowflake,
        emoji: &str,
        add: bool,
    ) -> Result<(), ExpectError> {
        self.check_channel(channel)?;
        if emoji.is_empty() {
            return Err(ExpectError::Refused("an empty emoji".to_owned()));
        }
        self.emu
            .world
            .set_reaction(channel, message, self.id, emoji, add)
            .map(|_| ())
            .ok_or_else(|| ExpectError::NotFound(format!("message {message}")))
    }

    /// Starts typing in `channel`: `TYPING_START` (in a guild with the member; a DM's reaches
    /// only the bot it is with).
    ///
    /// # Errors
    /// [`ExpectError::NotFound`] for an unknown channel; [`ExpectError::Refused`] when the user
    /// is not in the channel's guild.
    pub fn start_typing(&self, channel: ChannelId) -> Result<(), ExpectError> {
        let channel: Snowflake = channel.into();
        let guild = self.check_channel(channel)?;
        let only_bot = if guild.is_none() {
            self.emu.dm_bot(channel)
        } else {
            None
        };
        self.emu.world.start_typing(channel, self.id, only_bot);
        Ok(())
    }

    /// Joins a guild: `GUILD_MEMBER_ADD` (needs the GUILD_MEMBERS intent to be seen).
    ///
    /// # Errors
    /// [`ExpectError::NotFound`] for an unknown guild; [`ExpectError::Refused`] when already a
    /// member.
    pub fn join_guild(&self, guild: GuildId) -> Result<(), ExpectError> {
        let guild: Snowflake = guild.into();
        let world = &self.emu.world;
        if world.guild(guild).is_none() {
            return Err(ExpectError::NotFound(format!("guild {guild}")));
        }
        if world.member(guild, self.id).is_some() {
            return Err(ExpectError::Refused(format!(
                "user {} is already a member of {guild}",
                self.id
            )));
        }
        self.user_json()?;
        world.add_member(guild, self.id);
        Ok(())
    }

    /// Leaves a guild: `GUILD_MEMBER_REMOVE` (needs the GUILD_MEMBERS intent to be seen).
    ///
    /// # Errors
    /// [`ExpectError::Refused`] when not a member, or the owner (who must transfer the guild
    /// first, as on Discord).
    pub fn leave_guild(&self, guild: GuildId) -> Result<(), ExpectError> {
        let guild: Snowflake = guild.into();
        let world = &self.emu.world;
        let user = self.user_json()?;
        {
            let mut state = world.lock();
            let g = state
                .guilds
                .get_mut(&guild)
                .ok_or_else(|| ExpectError::NotFound(format!("guild {guild}")))?;
            if id_of(&g.guild, "owner_id") == Some(self.id) {
                return Err(ExpectError::Refused(
                    "the owner cannot leave the guild".to_owned(),
                ));
            }
            if g.members.remove(&self.id).is_none() {
                return Err(ExpectError::Refused(format!(
                    "user {} is not a member of {guild}",
                    self.id
                )));
            }
        }
        world.publish(
            "GUILD_MEMBER_REMOVE",
            json!({"guild_id": guild.to_string(), "user": user}),
            Some(guild),
            Intents::GUILD_MEMBERS,
        );
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_mentions() {
        assert_eq!(
            mentioned("hi <@12> and <@!34> <@&56> <@x>", "<@"),
            vec![Snowflake::new(12)]
        );
        assert_eq!(mentioned("<@!34>", "<@!"), vec![Snowflake::new(34)]);
        assert_eq!(mentioned("<@&56>", "<@&"), vec![Snowflake::new(56)]);
    }
}
