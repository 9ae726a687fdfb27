//! `client.guilds.scheduled_events(guild_id)`: a guild's scheduled events, their interested users
//! and the exceptions (changed or cancelled occurrences) of recurring events.
//! <https://discord.com/developers/docs/resources/guild-scheduled-event>

use asyncord_model::request::{
    CreateScheduledEvent, CreateScheduledEventException, ModifyScheduledEvent,
    ModifyScheduledEventException,
};
use asyncord_model::route;
use asyncord_model::scheduled_event::{GuildScheduledEvent, GuildScheduledEventUser};
use asyncord_model::{GuildId, ScheduledEventExceptionId, ScheduledEventId, UserId};
use serde::{Deserialize, Serialize};

use super::GuildsResource;
use crate::http::RestResult;
use crate::rest::base::resource;
use crate::rest::checks;

impl GuildsResource {
    /// The guild's scheduled events.
    pub fn scheduled_events(&self, guild_id: impl Into<GuildId>) -> ScheduledEventsResource {
        ScheduledEventsResource {
            rest: self.rest.clone(),
            guild_id: guild_id.into(),
        }
    }
}

resource! {
    /// The scheduled events of one guild (`client.guilds.scheduled_events(guild_id)`).
    ScheduledEventsResource { guild_id: GuildId }
}

/// The page of an event's interested users: `(before, after, limit 1–100, with_member)`;
/// `before`/`after` are user ids.
pub type EventUsersPage = (Option<UserId>, Option<UserId>, Option<u16>, bool);

/// The interested users of an event with their count (`users/counts`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct ScheduledEventUserCounts {
    /// Users interested in the event.
    #[serde(default)]
    pub guild_scheduled_event_count: u64,
    /// Users interested per exception id.
    #[serde(default)]
    pub guild_scheduled_event_exception_counts: std::collections::BTreeMap<String, u64>,
}

impl ScheduledEventsResource {
    /// `GET /guilds/{id}/scheduled-events` (`with_user_count` adds `user_count`).
    pub async fn list(&self, with_user_count: bool) -> RestResult<Vec<GuildScheduledEvent>> {
        let request = self
            .rest
            .req(&route::LIST_SCHEDULED_EVENTS_FOR_GUILD, [&self.guild_id])
            .query_opt("with_user_count", with_user_count.then_some(true));
        self.rest.call(request).await
    }

    /// `GET /guilds/{id}/scheduled-events/{event_id}`.
    pub async fn get(
        &self,
        event_id: impl Into<ScheduledEventId>,
        with_user_count: bool,
    ) -> RestResult<GuildScheduledEvent> {
        let e = event_id.into();
        let request = self
            .rest
            .req(&route::GET_GUILD_SCHEDULED_EVENT, [&self.guild_id, &e])
            .query_opt("with_user_count", with_user_count.then_some(true));
        self.rest.call(request).await
    }

    /// `POST /guilds/{id}/scheduled-events`.
    pub async fn create(&self, body: CreateScheduledEvent) -> RestResult<GuildScheduledEvent> {
        let request = self
            .rest
            .req(&route::CREATE_GUILD_SCHEDULED_EVENT, [&self.guild_id]);
        self.rest.send(request, &body).await
    }

    /// `PATCH /guilds/{id}/scheduled-events/{event_id}`.
    pub async fn edit(
        &self,
        event_id: impl Into<ScheduledEventId>,
        body: ModifyScheduledEvent,
    ) -> RestResult<GuildScheduledEvent> {
        let e = event_id.into();
        let request = self
            .rest
            .req(&route::MODIFY_GUILD_SCHEDULED_EVENT, [&self.guild_id, &e]);
        self.rest.send(request, &body).await
    }

    /// `DELETE /guilds/{id}/scheduled-events/{event_id}`.
    pub async fn delete(&self, event_id: impl Into<ScheduledEventId>) -> RestResult<()> {
        let e = event_id.into();
        let request = self
            .rest
            .req(&route::DELETE_GUILD_SCHEDULED_EVENT, [&self.guild_id, &e]);
        self.rest.call_empty(request).await
    }

    /// `GET /guilds/{id}/scheduled-events/{event_id}/users`, one [`EventUsersPage`].
    pub async fn users(
        &self,
        event_id: impl Into<ScheduledEventId>,
        page: EventUsersPage,
    ) -> RestResult<Vec<GuildScheduledEventUser>> {
        checks::limit(page.2, 100)?;
        let e = event_id.into();
        let request = self
            .rest
            .req(
                &route::GET_GUILD_SCHEDULED_EVENT_USERS,
                [&self.guild_id, &e],
            )
            .query_opt("limit", page.2)
            .query_opt("with_member", page.3.then_some(true))
            .query_opt("before", page.0)
            .query_opt("after", page.1);
        self.rest.call(request).await
    }

    /// `GET /guilds/{id}/scheduled-events/{event_id}/users/counts`.
    pub async fn user_counts(
        &self,
        event_id: impl Into<ScheduledEventId>,
    ) -> RestResult<ScheduledEventUserCounts> {
        let e = event_id.into();
        let request = self.rest.req(
            &route::GET_GUILD_SCHEDULED_EVENT_USER_COUNTS,
            [&self.guild_id, &e],
        );
        self.rest.call(request).await
    }

    /// `GET /guilds/{id}/scheduled-events/{event_id}/{exception_id}/users`: users interested
    /// in one occurrence of a recurring event.
    pub async fn exception_users(
        &self,
        event_id: impl Into<ScheduledEventId>,
        exception_id: impl Into<ScheduledEventExceptionId>,
        page: EventUsersPage,
    ) -> RestResult<Vec<GuildScheduledEventUser>> {
        checks::limit(page.2, 100)?;
        let (e, x) = (event_id.into(), exception_id.into());
        let request = self
            .rest
            .req(
                &route::GET_GUILD_SCHEDULED_EVENT_EXCEPTION_USERS,
                [&self.guild_id, &e, &x],
            )
            .query_opt("limit", page.2)
            .query_opt("with_member", page.3.then_some(true))
            .query_opt("before", page.0)
            .query_opt("after", page.1);
        self.rest.call(request).await
    }

    /// `POST /guilds/{id}/scheduled-events/{event_id}/exceptions`: changes or cancels one
    /// occurrence of a recurring event.
    pub async fn create_exception(
        &self,
        event_id: impl Into<ScheduledEventId>,
        body: CreateScheduledEventException,
    ) -> RestResult<serde_json::Value> {
        let e = event_id.into();
        let request = self.rest.req(
            &route::CREATE_GUILD_SCHEDULED_EVENT_EXCEPTION,
            [&self.guild_id, &e],
        );
        self.rest.send(request, &body).await
    }

    /// `PATCH /guilds/{id}/scheduled-events/{event_id}/exceptions/{exception_id}`.
    pub async fn edit_exception(
        &self,
        event_id: impl Into<ScheduledEventId>,
        exception_id: impl Into<ScheduledEventExceptionId>,
        body: ModifyScheduledEventException,
    ) -> RestResult<serde_json::Value> {
        let (e, x) = (event_id.into(), exception_id.into());
        let request = self.rest.req(
            &route::MODIFY_GUILD_SCHEDULED_EVENT_EXCEPTION,
            [&self.guild_id, &e, &x],
        );
        self.rest.send(request, &body).await
    }

    /// `DELETE /guilds/{id}/scheduled-events/{event_id}/exceptions/{exception_id}`.
    pub async fn delete_exception(
        &self,
        event_id: impl Into<ScheduledEventId>,
        exception_id: impl Into<ScheduledEventExceptionId>,
    ) -> RestResult<()> {
        let (e, x) = (event_id.into(), exception_id.into());
        let request = self.rest.req(
            &route::DELETE_GUILD_SCHEDULED_EVENT_EXCEPTION,
            [&self.guild_id, &e, &x],
        );
        self.rest.call_empty(request).await
    }
}
