//! `client.guilds.members(guild_id)`: get, list (and stream), search, add with an OAuth2 token,
//! modify (and the bot's own member), add/remove roles, kick.
//! <https://discord.com/developers/docs/resources/guild#get-guild-member>

use asyncord_model::member::Member;
use asyncord_model::request::{AddGuildMember, ModifyCurrentMember, ModifyGuildMember, Validate};
use asyncord_model::route;
use asyncord_model::{GuildId, RoleId, UserId};
use futures_core::Stream;

use super::GuildsResource;
use crate::http::{BoxFuture, RestError, RestResult};
use crate::rest::base::{Rest, resource};
use crate::rest::checks;
use crate::rest::paginate::{Page, cursor, pages};

impl GuildsResource {
    /// The members of a guild.
    pub fn members(&self, guild_id: impl Into<GuildId>) -> MembersResource {
        MembersResource::new(self.rest.clone(), guild_id.into())
    }
}

resource! {
    /// The members of one guild (`client.guilds.members(guild_id)`).
    MembersResource { guild_id: GuildId }
}

/// Pagination of [`MembersResource::list`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListMembers {
    /// Members with a user id above this one.
    pub after: Option<UserId>,
    /// How many (1–1000, default 1).
    pub limit: Option<u16>,
}

impl ListMembers {
    /// The first page.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the page size (1–1000).
    pub fn limit(mut self, limit: u16) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Members after this user id.
    pub fn after(mut self, user_id: impl Into<UserId>) -> Self {
        self.after = Some(user_id.into());
        self
    }
}

impl MembersResource {
    pub(crate) fn new(rest: Rest, guild_id: GuildId) -> Self {
        Self { rest, guild_id }
    }

    /// `GET /guilds/{id}/members/{user_id}`.
    pub async fn get(&self, user_id: impl Into<UserId>) -> RestResult<Member> {
        let u = user_id.into();
        self.rest
            .call(
                self.rest
                    .req(&route::GET_GUILD_MEMBER, [&self.guild_id, &u]),
            )
            .await
    }

    /// `GET /guilds/{id}/members` (needs the GUILD_MEMBERS intent enabled for the bot).
    pub async fn list(&self, page: ListMembers) -> RestResult<Vec<Member>> {
        checks::limit(page.limit, 1000)?;
        let request = self
            .rest
            .req(&route::LIST_GUILD_MEMBERS, [&self.guild_id])
            .query_opt("limit", page.limit)
            .query_opt("after", page.after);
        self.rest.call(request).await
    }

    /// `GET /guilds/{id}/members/search`: members whose name or nickname starts with `query`.
    pub async fn search(&self, query: &str, limit: Option<u16>) -> RestResult<Vec<Member>> {
        checks::limit(limit, 1000)?;
        let request = self
            .rest
            .req(&route::SEARCH_GUILD_MEMBERS, [&self.guild_id])
            .query("query", query)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }

    /// `PATCH /guilds/{id}/members/{user_id}`.
    pub async fn edit(
        &self,
        user_id: impl Into<UserId>,
        body: ModifyGuildMember,
    ) -> RestResult<Member> {
        let u = user_id.into();
        self.rest
            .send(
                self.rest
                    .req(&route::MODIFY_GUILD_MEMBER, [&self.guild_id, &u]),
                &body,
            )
            .await
    }

    /// `PATCH /guilds/{id}/members/@me`: the bot's own nickname, avatar, banner, bio.
    pub async fn edit_current(&self, body: ModifyCurrentMember) -> RestResult<Member> {
        self.rest
            .send(
                self.rest
                    .req(&route::MODIFY_CURRENT_MEMBER, [&self.guild_id]),
                &body,
            )
            .await
    }

    /// `PUT /guilds/{id}/members/{user_id}/roles/{role_id}`.
    pub async fn add_role(
        &self,
        user_id: impl Into<UserId>,
        role_id: impl Into<RoleId>,
    ) -> RestResult<()> {
        let (u, r) = (user_id.into(), role_id.into());
        self.rest
            .call_empty(
                self.rest
                    .req(&route::ADD_GUILD_MEMBER_ROLE, [&self.guild_id, &u, &r]),
            )
            .await
    }

    /// `DELETE /guilds/{id}/members/{user_id}/roles/{role_id}`.
    pub async fn remove_role(
        &self,
        user_id: impl Into<UserId>,
        role_id: impl Into<RoleId>,
    ) -> RestResult<()> {
        let (u, r) = (user_id.into(), role_id.into());
        self.rest
            .call_empty(
                self.rest
                    .req(&route::REMOVE_GUILD_MEMBER_ROLE, [&self.guild_id, &u, &r]),
            )
            .await
    }

    /// `DELETE /guilds/{id}/members/{user_id}`: kick.
    pub async fn kick(&self, user_id: impl Into<UserId>) -> RestResult<()> {
        let u = user_id.into();
        self.rest
            .call_empty(
                self.rest
                    .req(&route::REMOVE_GUILD_MEMBER, [&self.guild_id, &u]),
            )
            .await
    }

    /// `PUT /guilds/{id}/members/{user_id}`: adds a user with an OAuth2 access token
    /// (`guilds.join` scope). `None` when the user already was a member (204).
    pub async fn add(
        &self,
        user_id: impl Into<UserId>,
        body: AddGuildMember,
    ) -> RestResult<Option<Member>> {
        let u = user_id.into();
        body.validate()?;
        let request = self
            .rest
            .req(&route::ADD_GUILD_MEMBER, [&self.guild_id, &u])
            .json(&body)?;
        let path = request.route.log_path().to_owned();
        let bytes = self.rest.http.execute(request).await?;
        if bytes.is_empty() {
            return Ok(None);
        }
        asyncord_model::lenient::from_slice(&bytes)
            .map(Some)
            .map_err(|source| RestError::Decode {
                method: "PUT".to_owned(),
                path,
                source,
                snippet: String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).into_owned(),
            })
    }

    /// Every member of the guild, by user id (pages of 1000; needs the members intent).
    pub fn stream(&self) -> impl Stream<Item = RestResult<Member>> + Send + 'static {
        let this = self.clone();
        pages(move |after: Option<UserId>| {
            let this = this.clone();
            Box::pin(async move {
                let mut page = ListMembers::new().limit(1000);
                if let Some(a) = after {
                    page = page.after(a);
                }
                let items = this.list(page).await?;
                let next = cursor(&items, 1000, |m| m.user.as_ref().map(|u| u.id));
                Ok((items, next))
            }) as BoxFuture<'static, Page<Member, UserId>>
        })
    }
}
