//! Guild scheduled event events
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#guild-scheduled-event-create)).

use serde::{Deserialize, Serialize};

use crate::scheduled_event::GuildScheduledEvent;
use crate::{GuildId, ScheduledEventId, UserId};

newtype_event! {
    /// `GUILD_SCHEDULED_EVENT_CREATE`: a scheduled event was created.
    GuildScheduledEventCreateEvent(GuildScheduledEvent)
}

newtype_event! {
    /// `GUILD_SCHEDULED_EVENT_UPDATE`: a scheduled event was updated.
    GuildScheduledEventUpdateEvent(GuildScheduledEvent)
}

newtype_event! {
    /// `GUILD_SCHEDULED_EVENT_DELETE`: a scheduled event was deleted.
    GuildScheduledEventDeleteEvent(GuildScheduledEvent)
}

/// `GUILD_SCHEDULED_EVENT_USER_ADD`: a user subscribed to a scheduled event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuildScheduledEventUserAddEvent {
    /// The scheduled event.
    pub guild_scheduled_event_id: ScheduledEventId,
    /// The user.
    pub user_id: UserId,
    /// The guild.
    pub guild_id: GuildId,
}

/// `GUILD_SCHEDULED_EVENT_USER_REMOVE`: a user unsubscribed from a scheduled event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuildScheduledEventUserRemoveEvent {
    /// The scheduled event.
    pub guild_scheduled_event_id: ScheduledEventId,
    /// The user.
    pub user_id: UserId,
    /// The guild.
    pub guild_id: GuildId,
}
