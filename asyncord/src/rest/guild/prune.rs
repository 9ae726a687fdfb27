//! Pruning a guild's inactive members: the count a prune would remove, and the prune.
//! <https://discord.com/developers/docs/resources/guild#get-guild-prune-count>

use asyncord_model::guild::PruneResult;
use asyncord_model::request::BeginGuildPrune;
use asyncord_model::route;
use asyncord_model::{GuildId, RoleId};

use super::GuildsResource;
use crate::http::RestResult;
use crate::rest::base::join_ids;
use crate::rest::checks;

impl GuildsResource {
    /// `GET /guilds/{id}/prune`: how many members a prune of `days` (1–30) inactive days would
    /// remove, optionally counting members with `include_roles` (comma-separated role ids).
    pub async fn prune_count(
        &self,
        guild_id: impl Into<GuildId>,
        days: Option<u8>,
        include_roles: &[RoleId],
    ) -> RestResult<PruneResult> {
        check_days(days)?;
        let g = guild_id.into();
        let request = self
            .rest
            .req(&route::GET_GUILD_PRUNE_COUNT, [&g])
            .query_opt("days", days)
            .query_opt("include_roles", join_ids(include_roles));
        self.rest.call(request).await
    }

    /// `POST /guilds/{id}/prune` (`days`, `compute_prune_count`, `include_roles`).
    pub async fn prune(
        &self,
        guild_id: impl Into<GuildId>,
        body: BeginGuildPrune,
    ) -> RestResult<PruneResult> {
        let g = guild_id.into();
        let request = self.rest.req(&route::BEGIN_GUILD_PRUNE, [&g]);
        self.rest.send(request, &body).await
    }
}

/// Days of inactivity: absent, or `1..=30`.
fn check_days(days: Option<u8>) -> RestResult<()> {
    match days {
        Some(d) if !(1..=30).contains(&d) => {
            Err(checks::out_of_range("days", 1, 30, i64::from(d)).into())
        }
        _ => Ok(()),
    }
}
