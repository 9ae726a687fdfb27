//! `client.guilds.bans(guild_id)`: list (and stream), get, ban, unban, bulk ban.
//! <https://discord.com/developers/docs/resources/guild#get-guild-bans>

use asyncord_model::guild::{Ban, BulkBanResponse};
use asyncord_model::request::{BulkBan, CreateGuildBan};
use asyncord_model::route;
use asyncord_model::{GuildId, UserId};
use futures_core::Stream;

use super::GuildsResource;
use crate::http::{BoxFuture, RestResult};
use crate::rest::base::{Rest, resource};
use crate::rest::paginate::{Page, cursor, pages};

impl GuildsResource {
    /// The bans of a guild.
    pub fn bans(&self, guild_id: impl Into<GuildId>) -> BansResource {
        BansResource::new(self.rest.clone(), guild_id.into())
    }
}

resource! {
    /// The bans of one guild (`client.guilds.bans(guild_id)`).
    BansResource { guild_id: GuildId }
}

impl BansResource {
    pub(crate) fn new(rest: Rest, guild_id: GuildId) -> Self {
        Self { rest, guild_id }
    }

    /// `GET /guilds/{id}/bans` (`before`/`after` a user id, `limit` 1–1000).
    pub async fn list(
        &self,
        before: Option<UserId>,
        after: Option<UserId>,
        limit: Option<u16>,
    ) -> RestResult<Vec<Ban>> {
        let request = self
            .rest
            .req(&route::GET_GUILD_BANS, [&self.guild_id])
            .query_opt("before", before)
            .query_opt("after", after)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }

    /// `GET /guilds/{id}/bans/{user_id}`.
    pub async fn get(&self, user_id: impl Into<UserId>) -> RestResult<Ban> {
        let u = user_id.into();
        self.rest
            .call(self.rest.req(&route::GET_GUILD_BAN, [&self.guild_id, &u]))
            .await
    }

    /// `PUT /guilds/{id}/bans/{user_id}` (optionally deleting up to 7 days of their messages).
    pub async fn ban(&self, user_id: impl Into<UserId>, body: CreateGuildBan) -> RestResult<()> {
        let u = user_id.into();
        self.rest
            .send_empty(
                self.rest
                    .req(&route::CREATE_GUILD_BAN, [&self.guild_id, &u]),
                &body,
            )
            .await
    }

    /// `DELETE /guilds/{id}/bans/{user_id}`.
    pub async fn unban(&self, user_id: impl Into<UserId>) -> RestResult<()> {
        let u = user_id.into();
        self.rest
            .call_empty(
                self.rest
                    .req(&route::REMOVE_GUILD_BAN, [&self.guild_id, &u]),
            )
            .await
    }

    /// `POST /guilds/{id}/bulk-ban`: ban up to 200 users at once.
    pub async fn bulk_ban(&self, body: BulkBan) -> RestResult<BulkBanResponse> {
        self.rest
            .send(
                self.rest.req(&route::BULK_GUILD_BAN, [&self.guild_id]),
                &body,
            )
            .await
    }

    /// Every ban of the guild, by user id (pages of 1000).
    pub fn stream(&self) -> impl Stream<Item = RestResult<Ban>> + Send + 'static {
        let this = self.clone();
        pages(move |after: Option<UserId>| {
            let this = this.clone();
            Box::pin(async move {
                let items = this.list(None, after, Some(1000)).await?;
                let next = cursor(&items, 1000, |b| Some(b.user.id));
                Ok((items, next))
            }) as BoxFuture<'static, Page<Ban, UserId>>
        })
    }
}
