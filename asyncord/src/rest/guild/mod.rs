//! `client.guilds`: the guild resource. This file holds the handle and the guild's own routes (get,
//! modify, preview, vanity URL, channels, active threads, invites); each other part of the resource
//! has its own file here, which adds its methods to [`GuildsResource`] or defines its sub-resource
//! (`members(guild_id)`, `roles(guild_id)`...).
//! <https://discord.com/developers/docs/resources/guild>

mod audit_log;
pub(super) mod auto_moderation;
pub(super) mod bans;
pub(super) mod emojis;
mod incident_actions;
mod integrations;
mod join_requests;
pub(super) mod members;
mod message_search;
mod onboarding;
mod prune;
pub(super) mod roles;
pub(super) mod scheduled_events;
pub(super) mod soundboard;
pub(super) mod templates;
mod voice;
mod welcome_screen;
mod widget;

use asyncord_model::channel::{Channel, ThreadList};
use asyncord_model::guild::{Guild, GuildPreview, VanityUrl};
use asyncord_model::invite::Invite;
use asyncord_model::request::{CreateGuildChannel, ModifyGuild};
use asyncord_model::route;
use asyncord_model::{ChannelId, GuildId};
use serde::Serialize;

use super::base::{Rest, resource};
use crate::http::RestResult;

resource! {
    /// Guilds (`client.guilds`).
    GuildsResource {}
}

/// One entry of [`GuildsResource::edit_channel_positions`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ChannelPosition {
    /// The channel.
    pub id: ChannelId,
    /// Its new position.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    /// Sync its permissions with the new parent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lock_permissions: Option<bool>,
    /// Its new parent category.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<ChannelId>,
}

impl GuildsResource {
    pub(crate) fn new(rest: Rest) -> Self {
        Self { rest }
    }

    /// `GET /guilds/{id}` (`with_counts` adds approximate member and presence counts).
    pub async fn get(&self, guild_id: impl Into<GuildId>, with_counts: bool) -> RestResult<Guild> {
        let g = guild_id.into();
        let request = self
            .rest
            .req(&route::GET_GUILD, [&g])
            .query_opt("with_counts", with_counts.then_some(true));
        self.rest.call(request).await
    }

    /// `PATCH /guilds/{id}`.
    pub async fn edit(&self, guild_id: impl Into<GuildId>, body: ModifyGuild) -> RestResult<Guild> {
        let g = guild_id.into();
        self.rest
            .send(self.rest.req(&route::MODIFY_GUILD, [&g]), &body)
            .await
    }

    /// `GET /guilds/{id}/preview`.
    pub async fn preview(&self, guild_id: impl Into<GuildId>) -> RestResult<GuildPreview> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(&route::GET_GUILD_PREVIEW, [&g]))
            .await
    }

    /// `GET /guilds/{id}/vanity-url`.
    pub async fn vanity_url(&self, guild_id: impl Into<GuildId>) -> RestResult<VanityUrl> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(&route::GET_GUILD_VANITY_URL, [&g]))
            .await
    }

    /// `GET /guilds/{id}/channels` (threads not included).
    pub async fn channels(&self, guild_id: impl Into<GuildId>) -> RestResult<Vec<Channel>> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(&route::GET_GUILD_CHANNELS, [&g]))
            .await
    }

    /// `POST /guilds/{id}/channels`.
    pub async fn create_channel(
        &self,
        guild_id: impl Into<GuildId>,
        body: CreateGuildChannel,
    ) -> RestResult<Channel> {
        let g = guild_id.into();
        self.rest
            .send(self.rest.req(&route::CREATE_GUILD_CHANNEL, [&g]), &body)
            .await
    }

    /// `PATCH /guilds/{id}/channels`: move channels.
    pub async fn edit_channel_positions(
        &self,
        guild_id: impl Into<GuildId>,
        positions: &[ChannelPosition],
    ) -> RestResult<()> {
        let g = guild_id.into();
        let request = self
            .rest
            .req(&route::MODIFY_GUILD_CHANNEL_POSITIONS, [&g])
            .json(positions)?;
        self.rest.call_empty(request).await
    }

    /// `GET /guilds/{id}/threads/active`.
    pub async fn active_threads(&self, guild_id: impl Into<GuildId>) -> RestResult<ThreadList> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(&route::LIST_ACTIVE_GUILD_THREADS, [&g]))
            .await
    }

    /// `GET /guilds/{id}/invites`.
    pub async fn invites(&self, guild_id: impl Into<GuildId>) -> RestResult<Vec<Invite>> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(&route::GET_GUILD_INVITES, [&g]))
            .await
    }
}
