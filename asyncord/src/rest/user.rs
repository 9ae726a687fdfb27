//! `client.users`: the current user (get, modify, guilds and their stream, guild member, leave,
//! connections), other users, DMs. <https://discord.com/developers/docs/resources/user>

use asyncord_model::channel::Channel;
use asyncord_model::request::{CreateDm, ModifyCurrentUser};
use asyncord_model::route;
use asyncord_model::user::{Connection, User};
use asyncord_model::{GuildId, Permissions, UserId};
use futures_core::Stream;
use serde::{Deserialize, Serialize};

use super::base::{Rest, resource};
use super::paginate::{Page, cursor, pages};
use crate::http::{BoxFuture, RestResult};

resource! {
    /// Users (`client.users`).
    UsersResource {}
}

/// A guild in the current user's guild list (a partial guild).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUserGuild {
    /// The guild id.
    pub id: GuildId,
    /// Its name.
    pub name: String,
    /// Its icon hash.
    #[serde(default)]
    pub icon: Option<String>,
    /// Its banner hash.
    #[serde(default)]
    pub banner: Option<String>,
    /// Whether the current user owns it.
    #[serde(default)]
    pub owner: bool,
    /// The current user's permissions there.
    #[serde(default)]
    pub permissions: Permissions,
    /// Its features.
    #[serde(default)]
    pub features: Vec<String>,
    /// Approximate member count (with `with_counts`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approximate_member_count: Option<u64>,
    /// Approximate online count (with `with_counts`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approximate_presence_count: Option<u64>,
}

impl UsersResource {
    pub(crate) fn new(rest: Rest) -> Self {
        Self { rest }
    }

    /// `GET /users/@me`: the bot's user.
    pub async fn me(&self) -> RestResult<User> {
        self.rest
            .call(self.rest.req(&route::GET_CURRENT_USER, []))
            .await
    }

    /// `GET /users/{id}`.
    pub async fn get(&self, user_id: impl Into<UserId>) -> RestResult<User> {
        let u = user_id.into();
        self.rest.call(self.rest.req(&route::GET_USER, [&u])).await
    }

    /// `PATCH /users/@me`: change the bot's username, avatar or banner.
    pub async fn edit_me(&self, body: ModifyCurrentUser) -> RestResult<User> {
        self.rest
            .send(self.rest.req(&route::MODIFY_CURRENT_USER, []), &body)
            .await
    }

    /// `GET /users/@me/guilds` (`before`/`after` a guild id, `limit` 1–200).
    pub async fn guilds(
        &self,
        before: Option<GuildId>,
        after: Option<GuildId>,
        limit: Option<u8>,
    ) -> RestResult<Vec<CurrentUserGuild>> {
        let request = self
            .rest
            .req(&route::GET_CURRENT_USER_GUILDS, [])
            .query_opt("before", before)
            .query_opt("after", after)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }

    /// `DELETE /users/@me/guilds/{guild_id}`: leave a guild.
    pub async fn leave_guild(&self, guild_id: impl Into<GuildId>) -> RestResult<()> {
        let g = guild_id.into();
        self.rest
            .call_empty(self.rest.req(&route::LEAVE_GUILD, [&g]))
            .await
    }

    /// `POST /users/@me/channels`: open (or get) the DM channel with a user.
    pub async fn create_dm(&self, user_id: impl Into<UserId>) -> RestResult<Channel> {
        let body = CreateDm {
            recipient_id: user_id.into(),
        };
        self.rest
            .send_json(self.rest.req(&route::CREATE_DM, []), &body)
            .await
    }

    /// `GET /users/@me/connections` (needs the `connections` scope with OAuth2).
    pub async fn connections(&self) -> RestResult<Vec<Connection>> {
        self.rest
            .call(self.rest.req(&route::GET_CURRENT_USER_CONNECTIONS, []))
            .await
    }

    /// Every guild of the current user, by id (pages of 200).
    pub fn guilds_stream(
        &self,
    ) -> impl Stream<Item = RestResult<CurrentUserGuild>> + Send + 'static {
        let this = self.clone();
        pages(move |after: Option<GuildId>| {
            let this = this.clone();
            Box::pin(async move {
                let items = this.guilds(None, after, Some(200)).await?;
                let next = cursor(&items, 200, |g| Some(g.id));
                Ok((items, next))
            }) as BoxFuture<'static, Page<CurrentUserGuild, GuildId>>
        })
    }
}
