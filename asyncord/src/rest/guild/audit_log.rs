//! A guild's audit log: one page, or every entry as a stream.
//! <https://discord.com/developers/docs/resources/audit-log>

use asyncord_model::audit_log::{AuditLog, AuditLogEntry};
use asyncord_model::route;
use asyncord_model::{AuditLogEntryId, GuildId, UserId};
use futures_core::Stream;

use super::GuildsResource;
use crate::http::{BoxFuture, RestResult};
use crate::rest::checks;
use crate::rest::paginate::{Page, cursor, pages};

impl GuildsResource {
    /// `GET /guilds/{id}/audit-logs`: one page of the audit log.
    pub async fn audit_log(
        &self,
        guild_id: impl Into<GuildId>,
        user_id: Option<UserId>,
        action_type: Option<u32>,
        before: Option<AuditLogEntryId>,
        after: Option<AuditLogEntryId>,
        limit: Option<u16>,
    ) -> RestResult<AuditLog> {
        checks::limit(limit, 100)?;
        let g = guild_id.into();
        let request = self
            .rest
            .req(&route::GET_GUILD_AUDIT_LOG, [&g])
            .query_opt("user_id", user_id)
            .query_opt("action_type", action_type)
            .query_opt("before", before)
            .query_opt("after", after)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }

    /// Every audit log entry of the guild, newest first, optionally of one user and one
    /// action type (pages of 100).
    pub fn audit_log_stream(
        &self,
        guild_id: impl Into<GuildId>,
        user_id: Option<UserId>,
        action_type: Option<u32>,
    ) -> impl Stream<Item = RestResult<AuditLogEntry>> + Send + 'static {
        let (this, g) = (self.clone(), guild_id.into());
        pages(move |before: Option<AuditLogEntryId>| {
            let this = this.clone();
            Box::pin(async move {
                let log = this
                    .audit_log(g, user_id, action_type, before, None, Some(100))
                    .await?;
                let items = log.audit_log_entries;
                let next = cursor(&items, 100, |e| Some(e.id));
                Ok((items, next))
            }) as BoxFuture<'static, Page<AuditLogEntry, AuditLogEntryId>>
        })
    }
}
