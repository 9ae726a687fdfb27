//! `client.guilds.members(guild_id)`: get, list, search, modify (and the bot's own member),
//! add/remove roles, kick.
//! <https://discord.com/developers/docs/resources/guild#get-guild-member>

use asyncord_model::Snowflake;
use asyncord_model::member::Member;

use asyncord_model::request::{ModifyCurrentMember, ModifyGuildMember};

use super::base::{Rest, resource};
use super::messages::out_of_range;
use crate::http::{Method, RestResult};

resource! {
    /// The members of one guild (`client.guilds.members(guild_id)`).
    MembersResource { guild_id: Snowflake }
}

/// Pagination of [`MembersResource::list`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListMembers {
    /// Members with a user id above this one.
    pub after: Option<Snowflake>,
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
    pub fn after(mut self, user_id: impl Into<Snowflake>) -> Self {
        self.after = Some(user_id.into());
        self
    }
}

fn check_limit(limit: Option<u16>) -> RestResult<()> {
    match limit {
        Some(l) if !(1..=1000).contains(&l) => {
            Err(out_of_range("limit", 1, 1000, i64::from(l)).into())
        }
        _ => Ok(()),
    }
}

impl MembersResource {
    pub(crate) fn new(rest: Rest, guild_id: Snowflake) -> Self {
        Self { rest, guild_id }
    }

    /// `GET /guilds/{id}/members/{user_id}`.
    pub async fn get(&self, user_id: impl Into<Snowflake>) -> RestResult<Member> {
        let u = user_id.into();
        self.rest
            .call(
                self.rest
                    .req(Method::GET, "guilds/{}/members/{}", &[&self.guild_id, &u]),
            )
            .await
    }

    /// `GET /guilds/{id}/members` (needs the GUILD_MEMBERS intent enabled for the bot).
    pub async fn list(&self, page: ListMembers) -> RestResult<Vec<Member>> {
        check_limit(page.limit)?;
        let request = self
            .rest
            .req(Method::GET, "guilds/{}/members", &[&self.guild_id])
            .query_opt("limit", page.limit)
            .query_opt("after", page.after);
        self.rest.call(request).await
    }

    /// `GET /guilds/{id}/members/search`: members whose name or nickname starts with `query`.
    pub async fn search(&self, query: &str, limit: Option<u16>) -> RestResult<Vec<Member>> {
        check_limit(limit)?;
        let request = self
            .rest
            .req(Method::GET, "guilds/{}/members/search", &[&self.guild_id])
            .query("query", query)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }

    /// `PATCH /guilds/{id}/members/{user_id}`.
    pub async fn edit(
        &self,
        user_id: impl Into<Snowflake>,
        body: ModifyGuildMember,
    ) -> RestResult<Member> {
        let u = user_id.into();
        self.rest
            .send(
                self.rest
                    .req(Method::PATCH, "guilds/{}/members/{}", &[&self.guild_id, &u]),
                &body,
            )
            .await
    }

    /// `PATCH /guilds/{id}/members/@me`: the bot's own nickname, avatar, banner, bio.
    pub async fn edit_current(&self, body: ModifyCurrentMember) -> RestResult<Member> {
        self.rest
            .send(
                self.rest
                    .req(Method::PATCH, "guilds/{}/members/@me", &[&self.guild_id]),
                &body,
            )
            .await
    }

    /// `PUT /guilds/{id}/members/{user_id}/roles/{role_id}`.
    pub async fn add_role(
        &self,
        user_id: impl Into<Snowflake>,
        role_id: impl Into<Snowflake>,
    ) -> RestResult<()> {
        let (u, r) = (user_id.into(), role_id.into());
        self.rest
            .call_empty(self.rest.req(
                Method::PUT,
                "guilds/{}/members/{}/roles/{}",
                &[&self.guild_id, &u, &r],
            ))
            .await
    }

    /// `DELETE /guilds/{id}/members/{user_id}/roles/{role_id}`.
    pub async fn remove_role(
        &self,
        user_id: impl Into<Snowflake>,
        role_id: impl Into<Snowflake>,
    ) -> RestResult<()> {
        let (u, r) = (user_id.into(), role_id.into());
        self.rest
            .call_empty(self.rest.req(
                Method::DELETE,
                "guilds/{}/members/{}/roles/{}",
                &[&self.guild_id, &u, &r],
            ))
            .await
    }

    /// `DELETE /guilds/{id}/members/{user_id}`: kick.
    pub async fn kick(&self, user_id: impl Into<Snowflake>) -> RestResult<()> {
        let u = user_id.into();
        self.rest
            .call_empty(self.rest.req(
                Method::DELETE,
                "guilds/{}/members/{}",
                &[&self.guild_id, &u],
            ))
            .await
    }
}
