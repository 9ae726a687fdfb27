//! Bodies of the guild scheduled event routes: create, modify, and the exceptions (changed or
//! cancelled occurrences) of recurring events.
//! <https://discord.com/developers/docs/resources/guild-scheduled-event#create-guild-scheduled-event>,
//! <https://discord.com/developers/docs/resources/guild-scheduled-event#modify-guild-scheduled-event>.

use serde::{Deserialize, Serialize};

use super::files::RequestBody;
use super::image::ImageData;
use super::patch::Patch;
use super::validate::{Path, Validate, ValidationError, check};
use crate::ChannelId;
use crate::scheduled_event::{
    EventEntityMetadata, EventEntityType, EventPrivacyLevel, EventStatus, RecurrenceRule,
};
use crate::timestamp::Timestamp;

/// The body of [Create Guild Scheduled Event](https://discord.com/developers/docs/resources/guild-scheduled-event#create-guild-scheduled-event).
///
/// Build it with [`external`](Self::external), [`stage`](Self::stage) or
/// [`voice`](Self::voice), which set the fields each entity type requires.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateScheduledEvent {
    /// Name (1-100 characters).
    pub name: String,
    /// Privacy level (guild only, the one value).
    pub privacy_level: EventPrivacyLevel,
    /// Start time.
    pub scheduled_start_time: Timestamp,
    /// End time (required for external events).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_end_time: Option<Timestamp>,
    /// Stage instance, voice or external.
    pub entity_type: EventEntityType,
    /// The channel (stage and voice events).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<ChannelId>,
    /// The location (external events).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_metadata: Option<EventEntityMetadata>,
    /// Description (1-1000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Cover image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<ImageData>,
    /// How the event repeats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrence_rule: Option<RecurrenceRule>,
}

impl CreateScheduledEvent {
    fn base(name: impl Into<String>, kind: EventEntityType, start: Timestamp) -> Self {
        Self {
            name: name.into(),
            privacy_level: EventPrivacyLevel::GuildOnly,
            scheduled_start_time: start,
            scheduled_end_time: None,
            entity_type: kind,
            channel_id: None,
            entity_metadata: None,
            description: None,
            image: None,
            recurrence_rule: None,
        }
    }

    /// An external event at `location` (1-100 characters) between `start` and `end`.
    pub fn external(
        name: impl Into<String>,
        location: impl Into<String>,
        start: Timestamp,
        end: Timestamp,
    ) -> Self {
        let mut event = Self::base(name, EventEntityType::External, start);
        event.scheduled_end_time = Some(end);
        event.entity_metadata = Some(EventEntityMetadata {
            location: Some(location.into()),
        });
        event
    }

    /// An event in a stage channel.
    pub fn stage(name: impl Into<String>, channel_id: ChannelId, start: Timestamp) -> Self {
        let mut event = Self::base(name, EventEntityType::StageInstance, start);
        event.channel_id = Some(channel_id);
        event
    }

    /// An event in a voice channel.
    pub fn voice(name: impl Into<String>, channel_id: ChannelId, start: Timestamp) -> Self {
        let mut event = Self::base(name, EventEntityType::Voice, start);
        event.channel_id = Some(channel_id);
        event
    }

    /// Sets the description (1-1000 characters).
    #[must_use]
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets the end time.
    #[must_use]
    pub fn end(mut self, end: Timestamp) -> Self {
        self.scheduled_end_time = Some(end);
        self
    }

    /// Sets the cover image.
    #[must_use]
    pub fn image(mut self, image: ImageData) -> Self {
        self.image = Some(image);
        self
    }

    /// Makes the event recurring.
    #[must_use]
    pub fn recurrence_rule(mut self, rule: RecurrenceRule) -> Self {
        self.recurrence_rule = Some(rule);
        self
    }
}

impl Validate for CreateScheduledEvent {
    fn validate(&self) -> Result<(), ValidationError> {
        check::chars(&Path::ROOT.field("name"), &self.name, 1, 100)?;
        check::opt_chars(
            &Path::ROOT.field("description"),
            self.description.as_deref(),
            1,
            1000,
        )?;
        let metadata = self.entity_metadata.as_ref();
        check_location(metadata.and_then(|m| m.location.as_deref()))?;
        if self.entity_type == EventEntityType::External {
            if metadata.and_then(|m| m.location.as_ref()).is_none() {
                return Err(Path::ROOT
                    .field("entity_metadata")
                    .field("location")
                    .invalid("external events need a location"));
            }
            if self.scheduled_end_time.is_none() {
                return Err(Path::ROOT
                    .field("scheduled_end_time")
                    .invalid("external events need an end time"));
            }
        } else if self.channel_id.is_none() {
            return Err(Path::ROOT
                .field("channel_id")
                .invalid("stage and voice events need a channel"));
        }
        Ok(())
    }
}

impl RequestBody for CreateScheduledEvent {}

fn check_location(location: Option<&str>) -> Result<(), ValidationError> {
    check::opt_chars(
        &Path::ROOT.field("entity_metadata").field("location"),
        location,
        1,
        100,
    )
}

/// The body of [Modify Guild Scheduled Event](https://discord.com/developers/docs/resources/guild-scheduled-event#modify-guild-scheduled-event).
///
/// Absent fields stay as they are; a [`Patch`] field can also be cleared ([`Patch::Clear`] sends
/// `null`). To turn an event external, set `entity_type`, `entity_metadata` (location),
/// `scheduled_end_time` and `channel_id: Patch::Clear`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyScheduledEvent {
    /// The channel (`Patch::Clear` when changing to an external event).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub channel_id: Patch<ChannelId>,
    /// The location (external events).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub entity_metadata: Patch<EventEntityMetadata>,
    /// New name (1-100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New privacy level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_level: Option<EventPrivacyLevel>,
    /// New start time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_start_time: Option<Timestamp>,
    /// New end time.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub scheduled_end_time: Patch<Timestamp>,
    /// New description (1-1000 characters; `Patch::Clear` clears it).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub description: Patch<String>,
    /// New entity type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_type: Option<EventEntityType>,
    /// New status (scheduled → active → completed, or scheduled → canceled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<EventStatus>,
    /// New cover image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<ImageData>,
    /// New recurrence rule (`Patch::Clear` makes the event one-off).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub recurrence_rule: Patch<RecurrenceRule>,
}

impl ModifyScheduledEvent {
    /// An empty patch (changes nothing until a setter is called).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the name (1-100 characters).
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets (`Some`) or clears (`None`) the description (1-1000 characters).
    #[must_use]
    pub fn description(mut self, description: Option<String>) -> Self {
        self.description = Patch::set_or_clear(description);
        self
    }

    /// Sets the status.
    #[must_use]
    pub fn status(mut self, status: EventStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// Sets the start time.
    #[must_use]
    pub fn start(mut self, start: Timestamp) -> Self {
        self.scheduled_start_time = Some(start);
        self
    }

    /// Sets (`Some`) or clears (`None`) the end time.
    #[must_use]
    pub fn end(mut self, end: Option<Timestamp>) -> Self {
        self.scheduled_end_time = Patch::set_or_clear(end);
        self
    }
}

impl Validate for ModifyScheduledEvent {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("name"), self.name.as_deref(), 1, 100)?;
        check::opt_chars(
            &Path::ROOT.field("description"),
            self.description.as_deref(),
            1,
            1000,
        )?;
        check_location(
            self.entity_metadata
                .get()
                .and_then(|m| m.location.as_deref()),
        )
    }
}

impl RequestBody for ModifyScheduledEvent {}

/// The body of Create Guild Scheduled Event Exception: changes or cancels the occurrence of a
/// recurring event that originally starts at `original_scheduled_start_time`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateScheduledEventException {
    /// The original start time of the occurrence.
    pub original_scheduled_start_time: Timestamp,
    /// The occurrence's new start time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_start_time: Option<Timestamp>,
    /// The occurrence's new end time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_end_time: Option<Timestamp>,
    /// Whether the occurrence is cancelled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_canceled: Option<bool>,
}

impl CreateScheduledEventException {
    /// An exception for the occurrence originally starting at `original_start`.
    pub fn new(original_start: Timestamp) -> Self {
        Self {
            original_scheduled_start_time: original_start,
            scheduled_start_time: None,
            scheduled_end_time: None,
            is_canceled: None,
        }
    }

    /// Cancels the occurrence.
    #[must_use]
    pub fn canceled(mut self) -> Self {
        self.is_canceled = Some(true);
        self
    }

    /// Moves the occurrence to `start`..`end`.
    #[must_use]
    pub fn reschedule(mut self, start: Timestamp, end: Option<Timestamp>) -> Self {
        self.scheduled_start_time = Some(start);
        self.scheduled_end_time = end;
        self
    }
}

impl Validate for CreateScheduledEventException {
    fn validate(&self) -> Result<(), ValidationError> {
        check_order(self.scheduled_start_time, self.scheduled_end_time)
    }
}

impl RequestBody for CreateScheduledEventException {}

/// The body of Modify Guild Scheduled Event Exception.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyScheduledEventException {
    /// New start time of the occurrence (`Patch::Clear` restores the original).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub scheduled_start_time: Patch<Timestamp>,
    /// New end time of the occurrence (`Patch::Clear` restores the original).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub scheduled_end_time: Patch<Timestamp>,
    /// Whether the occurrence is cancelled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_canceled: Option<bool>,
}

impl ModifyScheduledEventException {
    /// An empty patch.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets whether the occurrence is cancelled.
    #[must_use]
    pub fn canceled(mut self, canceled: bool) -> Self {
        self.is_canceled = Some(canceled);
        self
    }
}

impl Validate for ModifyScheduledEventException {
    fn validate(&self) -> Result<(), ValidationError> {
        check_order(
            self.scheduled_start_time.get().copied(),
            self.scheduled_end_time.get().copied(),
        )
    }
}

impl RequestBody for ModifyScheduledEventException {}

/// An occurrence must not end before it starts.
fn check_order(start: Option<Timestamp>, end: Option<Timestamp>) -> Result<(), ValidationError> {
    match (start, end) {
        (Some(s), Some(e)) if e < s => Err(Path::ROOT
            .field("scheduled_end_time")
            .invalid("ends before scheduled_start_time")),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::validate::ValidationErrorKind;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn event() -> CreateScheduledEvent {
        CreateScheduledEvent::external(
            "Party",
            "Online",
            at("2030-01-01T00:00:00+00:00"),
            at("2030-01-01T02:00:00+00:00"),
        )
    }

    #[test]
    fn create_external_serialises_the_spec_shape() {
        let v = serde_json::to_value(event()).unwrap();
        assert_eq!(v["entity_type"], 3);
        assert_eq!(v["privacy_level"], 2);
        assert_eq!(v["entity_metadata"]["location"], "Online");
        assert!(v.get("channel_id").is_none());
    }

    #[test]
    fn create_name_and_description_limits() {
        assert!(event().name_at(100).validate().is_ok());
        let err = event().name_at(101).validate().unwrap_err();
        assert_eq!(err.path, "name");
        assert!(matches!(
            err.kind,
            ValidationErrorKind::TooLong {
                max: 100,
                actual: 101
            }
        ));
        assert!(event().description("d".repeat(1000)).validate().is_ok());
        let err = event()
            .description("d".repeat(1001))
            .validate()
            .unwrap_err();
        assert_eq!(err.path, "description");
    }

    #[test]
    fn create_location_limit_and_required_fields() {
        let ok = CreateScheduledEvent::external(
            "e",
            "l".repeat(100),
            at("2030-01-01T00:00:00+00:00"),
            at("2030-01-01T02:00:00+00:00"),
        );
        assert!(ok.validate().is_ok());
        let mut long = ok.clone();
        long.entity_metadata = Some(EventEntityMetadata {
            location: Some("l".repeat(101)),
        });
        assert_eq!(
            long.validate().unwrap_err().path,
            "entity_metadata.location"
        );
        let mut no_end = ok;
        no_end.scheduled_end_time = None;
        assert_eq!(no_end.validate().unwrap_err().path, "scheduled_end_time");
        let mut stage =
            CreateScheduledEvent::stage("s", ChannelId::new(5), at("2030-01-01T00:00:00+00:00"));
        assert!(stage.validate().is_ok());
        stage.channel_id = None;
        assert_eq!(stage.validate().unwrap_err().path, "channel_id");
    }

    #[test]
    fn modify_limits_and_nulls() {
        assert!(
            ModifyScheduledEvent::new()
                .name("n".repeat(100))
                .validate()
                .is_ok()
        );
        let err = ModifyScheduledEvent::new()
            .name("n".repeat(101))
            .validate()
            .unwrap_err();
        assert_eq!(err.path, "name");
        let err = ModifyScheduledEvent::new()
            .description(Some("d".repeat(1001)))
            .validate()
            .unwrap_err();
        assert_eq!(err.path, "description");
        let cleared = ModifyScheduledEvent::new().description(None);
        assert!(cleared.validate().is_ok());
        assert_eq!(
            serde_json::to_string(&cleared).unwrap(),
            r#"{"description":null}"#
        );
        assert_eq!(
            serde_json::to_string(&ModifyScheduledEvent::new()).unwrap(),
            "{}"
        );
    }

    #[test]
    fn exception_end_must_not_precede_start() {
        let start = at("2030-01-08T00:00:00+00:00");
        let ok = CreateScheduledEventException::new(start)
            .reschedule(start, Some(at("2030-01-08T01:00:00+00:00")));
        assert!(ok.validate().is_ok());
        let bad = CreateScheduledEventException::new(start)
            .reschedule(start, Some(at("2030-01-07T23:00:00+00:00")));
        assert_eq!(bad.validate().unwrap_err().path, "scheduled_end_time");
        let patch = ModifyScheduledEventException {
            scheduled_start_time: Patch::Set(start),
            scheduled_end_time: Patch::Set(at("2030-01-07T00:00:00+00:00")),
            is_canceled: None,
        };
        assert!(patch.validate().is_err());
        assert_eq!(
            serde_json::to_string(&ModifyScheduledEventException::new().canceled(false)).unwrap(),
            r#"{"is_canceled":false}"#
        );
    }

    impl CreateScheduledEvent {
        fn name_at(mut self, n: usize) -> Self {
            self.name = "n".repeat(n);
            self
        }
    }
}
