//! Seeding the world: bots, users, guilds, channels, members, messages, interactions.

use std::sync::Arc;

use asyncord_model::{
    ChannelId, GuildId, Intents, InteractionId, MessageId, Permissions, Snowflake, Timestamp,
    UserId,
};
use serde_json::{Value, json};

use super::World;
use super::state::Interaction;
use crate::account::BotAccount;

/// What [`World::seeded`] created.
#[derive(Clone, Debug)]
pub struct Seed {
    /// The bot (its token is `seed.bot.token`).
    pub bot: BotAccount,
    /// A guild the bot and the user are in.
    pub guild_id: GuildId,
    /// A text channel of the guild.
    pub channel_id: ChannelId,
    /// A human user, member of the guild.
    pub user_id: UserId,
}

/// The current time as Discord writes it.
pub(crate) fn now() -> Value {
    json!(Timestamp::now().to_string())
}

impl World {
    /// A world with one bot (token `"test-token"`), one guild, a `#general` text channel and a
    /// human user in the guild.
    pub fn seeded() -> (Arc<Self>, Seed) {
        let world = Self::new();
        let bot = world.add_bot("test-token", "TestBot");
        let user_id = world.add_user("alice");
        let guild_id = world.add_guild("Test Guild", bot.user_id);
        world.add_member(guild_id, user_id);
        let channel_id = world.add_channel(guild_id, "general", 0);
        (
            world,
            Seed {
                bot,
                guild_id,
                channel_id,
                user_id,
            },
        )
    }

    /// Adds a user and returns its id.
    pub fn add_user(&self, username: &str) -> UserId {
        let id = self.next_id();
        self.lock().users.insert(id, user_json(id, username, false));
        id.cast()
    }

    /// Adds a bot (a bot user and its application) that authenticates with `token`.
    pub fn add_bot(&self, token: &str, username: &str) -> BotAccount {
        let user_id = self.next_id();
        let application_id = self.next_id();
        let user = user_json(user_id, username, true);
        let account = BotAccount {
            token: token.to_owned(),
            user: user.clone(),
            user_id: user_id.cast(),
            application_id: application_id.cast(),
            granted_privileged: Intents::PRIVILEGED,
        };
        let mut state = self.lock();
        state.users.insert(user_id, user.clone());
        state.applications.insert(
            application_id,
            json!({
                "id": application_id.to_string(), "name": username, "icon": null,
                "description": "", "bot_public": true, "bot_require_code_grant": false,
                "verify_key": "0".repeat(64), "flags": 0, "bot": user,
                "team": null, "approximate_guild_count": 0, "type": null, "flags_new": "0",
                "redirect_uris": [], "interactions_endpoint_url": null,
                "role_connections_verification_url": null, "owner": user,
                "approximate_user_install_count": 0, "approximate_user_authorization_count": 0,
                "explicit_content_filter": 0, "eligible_oauth2_scopes": ["bot", "applications.commands"],
            }),
        );
        state.bots.push(account.clone());
        account
    }

    /// Adds a guild owned by `owner_id` (who becomes a member) with its `@everyone` role.
    pub fn add_guild(&self, name: &str, owner_id: impl Into<Snowflake>) -> GuildId {
        let owner_id: Snowflake = owner_id.into();
        let id = self.next_id();
        let guild = json!({
            "id": id.to_string(), "name": name, "icon": null, "splash": null,
            "discovery_splash": null, "owner_id": owner_id.to_string(), "afk_channel_id": null,
            "afk_timeout": 300, "verification_level": 0, "default_message_notifications": 0,
            "explicit_content_filter": 0, "emojis": [], "features": [], "mfa_level": 0,
            "application_id": null, "system_channel_id": null, "system_channel_flags": 0,
            "rules_channel_id": null, "vanity_url_code": null, "description": null,
            "banner": null, "premium_tier": 0, "preferred_locale": "en-US",
            "public_updates_channel_id": null, "nsfw_level": 0,
            "premium_progress_bar_enabled": false, "safety_alerts_channel_id": null,
            "stickers": [],
            "home_header": null, "region": "deprecated", "widget_enabled": false,
            "widget_channel_id": null, "max_presences": null, "max_members": 250_000,
            "max_stage_video_channel_users": 50, "max_video_channel_users": 25,
            "premium_subscription_count": 0, "nsfw": false, "incidents_data": null,
        });
        let everyone = role_json(
            id,
            "@everyone",
            0,
            Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES,
        );
        let mut state = self.lock();
        let entry = state.guilds.entry(id).or_default();
        entry.guild = guild;
        entry.roles.insert(id, everyone);
        drop(state);
        self.add_member(id, owner_id);
        id.cast()
    }

    /// Adds a user to a guild (publishes `GUILD_MEMBER_ADD`).
    pub fn add_member(&self, guild_id: impl Into<Snowflake>, user_id: impl Into<Snowflake>) {
        let (guild_id, user_id): (Snowflake, Snowflake) = (guild_id.into(), user_id.into());
        let mut state = self.lock();
        let Some(user) = state.users.get(&user_id).cloned() else {
            return;
        };
        let member = json!({
            "user": user, "nick": null, "avatar": null, "banner": null, "roles": [],
            "joined_at": now(), "premium_since": null, "deaf": false, "mute": false,
            "flags": 0, "pending": false, "communication_disabled_until": null,
        });
        let Some(guild) = state.guilds.get_mut(&guild_id) else {
            return;
        };
        guild.members.insert(user_id, member.clone());
        drop(state);
        let mut event = member;
        event["guild_id"] = json!(guild_id.to_string());
        self.publish(
            "GUILD_MEMBER_ADD",
            event,
            Some(guild_id),
            Intents::GUILD_MEMBERS,
        );
    }

    /// Adds a channel of `kind` (0 text, 2 voice, 4 category, 5 announcement, 13 stage, 15 forum).
    pub fn add_channel(&self, guild_id: impl Into<Snowflake>, name: &str, kind: u8) -> ChannelId {
        let guild_id: Snowflake = guild_id.into();
        let id = self.add_channel_quiet(guild_id, name, kind);
        if let Some(channel) = self.channel(id) {
            self.publish("CHANNEL_CREATE", channel, Some(guild_id), Intents::GUILDS);
        }
        id.cast()
    }

    /// Adds a channel without publishing `CHANNEL_CREATE`.
    pub(crate) fn add_channel_quiet(
        &self,
        guild_id: impl Into<Snowflake>,
        name: &str,
        kind: u8,
    ) -> Snowflake {
        let guild_id: Snowflake = guild_id.into();
        let id = self.next_id();
        let mut state = self.lock();
        let position = state
            .channels
            .values()
            .filter(|c| c["guild_id"] == json!(guild_id.to_string()))
            .count();
        let channel = json!({
            "id": id.to_string(), "type": kind, "guild_id": guild_id.to_string(), "name": name,
            "position": position, "permission_overwrites": [], "topic": null, "nsfw": false,
            "last_message_id": null, "rate_limit_per_user": 0, "parent_id": null, "flags": 0,
        });
        state.channels.insert(id, channel);
        id
    }

    /// Posts a message from `author_id` (a user or bot), publishing `MESSAGE_CREATE`.
    pub fn add_message(
        &self,
        channel_id: impl Into<Snowflake>,
        author_id: impl Into<Snowflake>,
        content: &str,
    ) -> Option<MessageId> {
        let channel_id: Snowflake = channel_id.into();
        let author = self.user(author_id)?;
        let mut body = serde_json::Map::new();
        body.insert("content".into(), json!(content));
        let msg = self.insert_message(channel_id, &author, &body, &[], None)?;
        msg["id"].as_str()?.parse().ok()
    }

    /// Starts an interaction from `user_id` for the bot's application (publishes
    /// `INTERACTION_CREATE` to that bot); returns `(interaction id, token)`.
    pub fn add_interaction(
        &self,
        bot: &BotAccount,
        channel_id: impl Into<Snowflake>,
        user_id: impl Into<Snowflake>,
        data: &Value,
    ) -> Option<(InteractionId, String)> {
        let (channel_id, user_id): (Snowflake, Snowflake) = (channel_id.into(), user_id.into());
        let user = self.user(user_id)?;
        let id = self.next_id();
        let token = format!("itoken-{}-{:016x}", id, fastrand::u64(..));
        let guild_id = self.guild_of(channel_id);
        let mut payload = json!({
            "id": id.to_string(), "application_id": bot.application_id.to_string(),
            "type": 2, "data": data, "channel_id": channel_id.to_string(),
            "channel": self.channel(channel_id), "token": token, "version": 1,
            "app_permissions": Permissions::all().bits().to_string(), "locale": "en-US",
            "entitlements": [], "authorizing_integration_owners": {}, "context": 0,
            "attachment_size_limit": 10_485_760,
        });
        if let Some(g) = guild_id {
            payload["guild_id"] = json!(g.to_string());
            payload["guild_locale"] = json!("en-US");
            let mut member = self
                .member(g, user_id)
                .unwrap_or_else(|| json!({"roles": []}));
            member["permissions"] = json!(Permissions::all().bits().to_string());
            payload["member"] = member;
        } else {
            payload["user"] = user.clone();
        }
        self.lock().interactions.insert(
            token.clone(),
            Interaction {
                id,
                application_id: bot.application_id.cast(),
                channel_id,
                user,
                responded: false,
                original: None,
                message_id: None,
            },
        );
        self.publish_to_bot("INTERACTION_CREATE", payload, guild_id, bot.user_id);
        Some((id.cast(), token))
    }

    /// Records the message a component interaction came from, so an `UPDATE_MESSAGE`
    /// callback edits it (and publishes `MESSAGE_UPDATE`).
    pub(crate) fn set_interaction_message(&self, token: &str, message_id: Snowflake) {
        if let Some(i) = self.lock().interactions.get_mut(token) {
            i.message_id = Some(message_id);
        }
    }
}

/// A user object.
pub(crate) fn user_json(id: Snowflake, username: &str, bot: bool) -> Value {
    json!({
        "id": id.to_string(), "username": username, "discriminator": "0",
        "global_name": null, "avatar": null, "bot": bot, "system": false,
        "public_flags": 0, "flags": 0, "banner": null, "accent_color": null,
        "avatar_decoration_data": null, "primary_guild": null, "collectibles": null,
    })
}

/// A role object.
pub(crate) fn role_json(
    id: Snowflake,
    name: &str,
    position: usize,
    permissions: Permissions,
) -> Value {
    json!({
        "id": id.to_string(), "name": name, "color": 0,
        "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
        "hoist": false, "icon": null, "unicode_emoji": null, "position": position,
        "permissions": permissions.bits().to_string(), "managed": false,
        "mentionable": false, "flags": 0,
    })
}
