//! `client.guilds`: get, modify, channels, invites, active threads; and the `members(guild_id)`,
//! `roles(guild_id)` and `bans(guild_id)` sub-resources.
//! <https://discord.com/developers/docs/resources/guild>

use asyncord_model::Snowflake;
use asyncord_model::channel::{Channel, ThreadList};
use asyncord_model::guild::Guild;
use asyncord_model::invite::Invite;
use serde::Serialize;

use super::bans::BansResource;
use asyncord_model::request::{CreateGuildChannel, ModifyGuild};

use super::base::{Rest, resource};
use super::members::MembersResource;
use super::roles::RolesResource;
use crate::http::{Method, RestResult};

resource! {
    /// Guilds (`client.guilds`).
    GuildsResource {}
}

/// One entry of [`GuildsResource::edit_channel_positions`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ChannelPosition {
    /// The channel.
    pub id: Snowflake,
    /// Its new position.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    /// Sync its permissions with the new parent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lock_permissions: Option<bool>,
    /// Its new parent category.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<Snowflake>,
}

impl GuildsResource {
    pub(crate) fn new(rest: Rest) -> Self {
        Self { rest }
    }

    /// The members of a guild.
    pub fn members(&self, guild_id: impl Into<Snowflake>) -> MembersResource {
        MembersResource::new(self.rest.clone(), guild_id.into())
    }

    /// The roles of a guild.
    pub fn roles(&self, guild_id: impl Into<Snowflake>) -> RolesResource {
        RolesResource::new(self.rest.clone(), guild_id.into())
    }

    /// The bans of a guild.
    pub fn bans(&self, guild_id: impl Into<Snowflake>) -> BansResource {
        BansResource::new(self.rest.clone(), guild_id.into())
    }

    /// `GET /guilds/{id}` (`with_counts` adds approximate member and presence counts).
    pub async fn get(
        &self,
        guild_id: impl Into<Snowflake>,
        with_counts: bool,
    ) -> RestResult<Guild> {
        let g = guild_id.into();
        let request = self
            .rest
            .req(Method::GET, "guilds/{}", &[&g])
            .query_opt("with_counts", with_counts.then_some(true));
        self.rest.call(request).await
    }

    /// `PATCH /guilds/{id}`.
    pub async fn edit(
        &self,
        guild_id: impl Into<Snowflake>,
        body: ModifyGuild,
    ) -> RestResult<Guild> {
        let g = guild_id.into();
        self.rest
            .send(self.rest.req(Method::PATCH, "guilds/{}", &[&g]), &body)
            .await
    }

    /// `GET /guilds/{id}/channels` (threads not included).
    pub async fn channels(&self, guild_id: impl Into<Snowflake>) -> RestResult<Vec<Channel>> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(Method::GET, "guilds/{}/channels", &[&g]))
            .await
    }

    /// `POST /guilds/{id}/channels`.
    pub async fn create_channel(
        &self,
        guild_id: impl Into<Snowflake>,
        body: CreateGuildChannel,
    ) -> RestResult<Channel> {
        let g = guild_id.into();
        self.rest
            .send(
                self.rest.req(Method::POST, "guilds/{}/channels", &[&g]),
                &body,
            )
            .await
    }

    /// `PATCH /guilds/{id}/channels`: move channels.
    pub async fn edit_channel_positions(
        &self,
        guild_id: impl Into<Snowflake>,
        positions: &[ChannelPosition],
    ) -> RestResult<()> {
        let g = guild_id.into();
        let request = self
            .rest
            .req(Method::PATCH, "guilds/{}/channels", &[&g])
            .json(positions)?;
        self.rest.call_empty(request).await
    }

    /// `GET /guilds/{id}/threads/active`.
    pub async fn active_threads(&self, guild_id: impl Into<Snowflake>) -> RestResult<ThreadList> {
        let g = guild_id.into();
        self.rest
            .call(
                self.rest
                    .req(Method::GET, "guilds/{}/threads/active", &[&g]),
            )
            .await
    }

    /// `GET /guilds/{id}/invites`.
    pub async fn invites(&self, guild_id: impl Into<Snowflake>) -> RestResult<Vec<Invite>> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(Method::GET, "guilds/{}/invites", &[&g]))
            .await
    }
}
