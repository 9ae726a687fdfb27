//! `client.guilds.roles(guild_id)`: list, get, create, modify, reorder, delete; and the member
//! count of each role.
//! <https://discord.com/developers/docs/resources/guild#get-guild-roles>

use asyncord_model::request::{CreateRole, ModifyRole};
use asyncord_model::role::Role;
use asyncord_model::route;
use asyncord_model::{GuildId, RoleId};
use serde::Serialize;

use super::GuildsResource;
use crate::http::RestResult;
use crate::rest::base::{Rest, resource};

impl GuildsResource {
    /// The roles of a guild.
    pub fn roles(&self, guild_id: impl Into<GuildId>) -> RolesResource {
        RolesResource::new(self.rest.clone(), guild_id.into())
    }

    /// `GET /guilds/{id}/roles/member-counts`: members per role id.
    pub async fn role_member_counts(
        &self,
        guild_id: impl Into<GuildId>,
    ) -> RestResult<std::collections::BTreeMap<RoleId, u64>> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(&route::GET_GUILD_ROLE_MEMBER_COUNTS, [&g]))
            .await
    }
}

resource! {
    /// The roles of one guild (`client.guilds.roles(guild_id)`).
    RolesResource { guild_id: GuildId }
}

/// One entry of [`RolesResource::edit_positions`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RolePosition {
    /// The role.
    pub id: RoleId,
    /// Its new position.
    pub position: i64,
}

impl RolesResource {
    pub(crate) fn new(rest: Rest, guild_id: GuildId) -> Self {
        Self { rest, guild_id }
    }

    /// `GET /guilds/{id}/roles`.
    pub async fn list(&self) -> RestResult<Vec<Role>> {
        self.rest
            .call(self.rest.req(&route::GET_GUILD_ROLES, [&self.guild_id]))
            .await
    }

    /// `GET /guilds/{id}/roles/{role_id}`.
    pub async fn get(&self, role_id: impl Into<RoleId>) -> RestResult<Role> {
        let r = role_id.into();
        self.rest
            .call(self.rest.req(&route::GET_GUILD_ROLE, [&self.guild_id, &r]))
            .await
    }

    /// `POST /guilds/{id}/roles`.
    pub async fn create(&self, body: CreateRole) -> RestResult<Role> {
        self.rest
            .send(
                self.rest.req(&route::CREATE_GUILD_ROLE, [&self.guild_id]),
                &body,
            )
            .await
    }

    /// `PATCH /guilds/{id}/roles/{role_id}`.
    pub async fn edit(&self, role_id: impl Into<RoleId>, body: ModifyRole) -> RestResult<Role> {
        let r = role_id.into();
        self.rest
            .send(
                self.rest
                    .req(&route::MODIFY_GUILD_ROLE, [&self.guild_id, &r]),
                &body,
            )
            .await
    }

    /// `PATCH /guilds/{id}/roles`: reorder; returns every role.
    pub async fn edit_positions(&self, positions: &[RolePosition]) -> RestResult<Vec<Role>> {
        let request = self
            .rest
            .req(&route::MODIFY_GUILD_ROLE_POSITIONS, [&self.guild_id])
            .json(positions)?;
        self.rest.call(request).await
    }

    /// `DELETE /guilds/{id}/roles/{role_id}`.
    pub async fn delete(&self, role_id: impl Into<RoleId>) -> RestResult<()> {
        let r = role_id.into();
        self.rest
            .call_empty(
                self.rest
                    .req(&route::DELETE_GUILD_ROLE, [&self.guild_id, &r]),
            )
            .await
    }
}
