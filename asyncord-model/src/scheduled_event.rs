//! Guild scheduled events: the event, its entity type/status/privacy, entity metadata,
//! recurrence rules, and event users.
//!
//! Discord docs: [Guild scheduled event resource](https://discord.com/developers/docs/resources/guild-scheduled-event).

use serde::{Deserialize, Serialize};

use crate::common::ImageHash;
use crate::member::Member;
use crate::user::User;
use crate::{
    ChannelId, GuildId, ScheduledEventExceptionId, ScheduledEventId, Snowflake, Timestamp, UserId,
    int_enum,
};

/// A scheduled event in a guild
/// ([docs](https://discord.com/developers/docs/resources/guild-scheduled-event#guild-scheduled-event-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuildScheduledEvent {
    /// The event id.
    pub id: ScheduledEventId,
    /// The guild.
    pub guild_id: GuildId,
    /// The channel it happens in (`None` for external events).
    #[serde(default)]
    pub channel_id: Option<ChannelId>,
    /// Who created it (absent for events created before October 2021).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator_id: Option<UserId>,
    /// The event name (1-100 characters).
    pub name: String,
    /// The description (1-1000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When the event starts.
    pub scheduled_start_time: Timestamp,
    /// When the event ends (required for external events).
    #[serde(default)]
    pub scheduled_end_time: Option<Timestamp>,
    /// Who can see the event.
    pub privacy_level: EventPrivacyLevel,
    /// The event's status.
    pub status: EventStatus,
    /// Where the event happens.
    pub entity_type: EventEntityType,
    /// The id of the entity (e.g. the stage instance).
    #[serde(default)]
    pub entity_id: Option<Snowflake>,
    /// Extra data (the location of external events).
    #[serde(default)]
    pub entity_metadata: Option<EventEntityMetadata>,
    /// The creator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<User>,
    /// How many users subscribed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_count: Option<u64>,
    /// The cover image hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<ImageHash>,
    /// How the event repeats.
    #[serde(default)]
    pub recurrence_rule: Option<RecurrenceRule>,
}

int_enum! {
    /// Who can see a scheduled event
    /// ([docs](https://discord.com/developers/docs/resources/guild-scheduled-event#guild-scheduled-event-object-guild-scheduled-event-privacy-level)).
    pub enum EventPrivacyLevel: i64 {
        /// Guild members only.
        GuildOnly = 2,
    }
}

int_enum! {
    /// The status of a scheduled event
    /// ([docs](https://discord.com/developers/docs/resources/guild-scheduled-event#guild-scheduled-event-object-guild-scheduled-event-status)).
    /// Transitions: scheduled -> active -> completed, or scheduled -> canceled.
    pub enum EventStatus: i64 {
        /// Not started.
        Scheduled = 1,
        /// Happening now.
        Active = 2,
        /// Over.
        Completed = 3,
        /// Cancelled.
        Canceled = 4,
    }
}

int_enum! {
    /// Where a scheduled event happens
    /// ([docs](https://discord.com/developers/docs/resources/guild-scheduled-event#guild-scheduled-event-object-guild-scheduled-event-entity-types)).
    pub enum EventEntityType: i64 {
        /// A stage channel.
        StageInstance = 1,
        /// A voice channel.
        Voice = 2,
        /// Somewhere else (with a location).
        External = 3,
    }
}

/// Extra data of a scheduled event
/// ([docs](https://discord.com/developers/docs/resources/guild-scheduled-event#guild-scheduled-event-object-guild-scheduled-event-entity-metadata)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventEntityMetadata {
    /// The location of an external event (1-100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

int_enum! {
    /// A user's answer to a scheduled event (`GuildScheduledEventUserResponses` in Discord's
    /// OpenAPI spec).
    pub enum ScheduledEventUserResponse: i64 {
        /// Not interested.
        Uninterested = 0,
        /// Interested.
        Interested = 1,
    }
}

/// A user subscribed to a scheduled event
/// ([docs](https://discord.com/developers/docs/resources/guild-scheduled-event#guild-scheduled-event-user-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuildScheduledEventUser {
    /// The event id.
    pub guild_scheduled_event_id: ScheduledEventId,
    /// The occurrence (exception) the answer is for, when the event repeats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_scheduled_event_exception_id: Option<ScheduledEventExceptionId>,
    /// The user's id (in Discord's OpenAPI spec, not in the docs' table).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    /// The user's answer (in Discord's OpenAPI spec, not in the docs' table).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<ScheduledEventUserResponse>,
    /// The user.
    pub user: User,
    /// The member (`with_member=true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<Member>,
}

/// How a scheduled event repeats (a subset of iCalendar RRULE)
/// ([docs](https://discord.com/developers/docs/resources/guild-scheduled-event#guild-scheduled-event-recurrence-rule-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecurrenceRule {
    /// When the interval starts.
    pub start: Timestamp,
    /// When the interval ends.
    #[serde(default)]
    pub end: Option<Timestamp>,
    /// How often the event occurs.
    pub frequency: RecurrenceFrequency,
    /// The spacing between occurrences (every `interval` frequency units).
    #[serde(default = "one")]
    pub interval: u32,
    /// Days of the week it recurs on.
    #[serde(default)]
    pub by_weekday: Option<Vec<Weekday>>,
    /// Specific weekdays within a specific week (e.g. the 2nd Tuesday).
    #[serde(default)]
    pub by_n_weekday: Option<Vec<NWeekday>>,
    /// Months it recurs in.
    #[serde(default)]
    pub by_month: Option<Vec<Month>>,
    /// Dates within a month.
    #[serde(default)]
    pub by_month_day: Option<Vec<i32>>,
    /// Days within a year.
    #[serde(default)]
    pub by_year_day: Option<Vec<i32>>,
    /// How many times it recurs before stopping.
    #[serde(default)]
    pub count: Option<u32>,
}

fn one() -> u32 {
    1
}

int_enum! {
    /// Recurrence frequency
    /// ([docs](https://discord.com/developers/docs/resources/guild-scheduled-event#guild-scheduled-event-recurrence-rule-object-guild-scheduled-event-recurrence-rule-frequency)).
    pub enum RecurrenceFrequency: i64 {
        /// Yearly.
        Yearly = 0,
        /// Monthly.
        Monthly = 1,
        /// Weekly.
        Weekly = 2,
        /// Daily.
        Daily = 3,
    }
}

int_enum! {
    /// A day of the week (Monday is 0).
    pub enum Weekday: i64 {
        /// Monday.
        Monday = 0,
        /// Tuesday.
        Tuesday = 1,
        /// Wednesday.
        Wednesday = 2,
        /// Thursday.
        Thursday = 3,
        /// Friday.
        Friday = 4,
        /// Saturday.
        Saturday = 5,
        /// Sunday.
        Sunday = 6,
    }
}

int_enum! {
    /// A month (January is 1).
    pub enum Month: i64 {
        /// January.
        January = 1,
        /// February.
        February = 2,
        /// March.
        March = 3,
        /// April.
        April = 4,
        /// May.
        May = 5,
        /// June.
        June = 6,
        /// July.
        July = 7,
        /// August.
        August = 8,
        /// September.
        September = 9,
        /// October.
        October = 10,
        /// November.
        November = 11,
        /// December.
        December = 12,
    }
}

/// The n-th weekday of a month
/// ([docs](https://discord.com/developers/docs/resources/guild-scheduled-event#guild-scheduled-event-recurrence-rule-object-guild-scheduled-event-recurrence-rule-nweekday-structure)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NWeekday {
    /// The week (1-5).
    pub n: u8,
    /// The day.
    pub day: Weekday,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_with_recurrence_parses_and_round_trips() {
        let text = r#"{
            "id":"1","guild_id":"2","channel_id":null,"creator_id":"3","name":"Game night",
            "description":"fun","scheduled_start_time":"2024-06-01T18:00:00+00:00",
            "scheduled_end_time":"2024-06-01T20:00:00+00:00","privacy_level":2,"status":1,
            "entity_type":3,"entity_id":null,"entity_metadata":{"location":"Park"},"user_count":4,
            "image":null,
            "recurrence_rule":{"start":"2024-06-01T18:00:00+00:00","end":null,"frequency":2,
              "interval":1,"by_weekday":[5],"by_n_weekday":null,"by_month":null,
              "by_month_day":null,"by_year_day":null,"count":null}
        }"#;
        let e: GuildScheduledEvent = serde_json::from_str(text).unwrap();
        assert_eq!(e.entity_type, EventEntityType::External);
        assert_eq!(e.status, EventStatus::Scheduled);
        assert_eq!(
            e.entity_metadata.as_ref().unwrap().location.as_deref(),
            Some("Park")
        );
        let r = e.recurrence_rule.as_ref().unwrap();
        assert_eq!(r.frequency, RecurrenceFrequency::Weekly);
        assert_eq!(r.by_weekday.as_deref(), Some(&[Weekday::Saturday][..]));
        let j = serde_json::to_string(&e).unwrap();
        assert_eq!(serde_json::from_str::<GuildScheduledEvent>(&j).unwrap(), e);
    }

    #[test]
    fn event_user_parses() {
        let u: GuildScheduledEventUser = serde_json::from_str(
            r#"{"guild_scheduled_event_id":"1","user":{"id":"2","username":"a"}}"#,
        )
        .unwrap();
        assert_eq!(u.user.username, "a");
    }
}
