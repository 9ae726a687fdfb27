//! Invites: the invite object with its metadata, target types, flags, the deprecated stage
//! instance preview, and target-users job status.
//!
//! Discord docs: [Invite resource](https://discord.com/developers/docs/resources/invite).

use serde::{Deserialize, Serialize};

use crate::application::Application;
use crate::channel::Channel;
use crate::common::null_as_default;
use crate::guild::Guild;
use crate::member::Member;
use crate::role::Role;
use crate::scheduled_event::GuildScheduledEvent;
use crate::user::User;
use crate::{GuildId, Timestamp, int_enum, int_flags};

/// An invite ([docs](https://discord.com/developers/docs/resources/invite#invite-object)).
///
/// The metadata fields (`uses`, `max_uses`, `max_age`, `temporary`, `created_at`) are present
/// when the invite was fetched through a guild or channel invite list, or just created.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Invite {
    /// The kind of invite.
    #[serde(rename = "type", default)]
    pub kind: InviteType,
    /// The invite code (unique id).
    pub code: String,
    /// The guild it is for (partial).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild: Option<Box<Guild>>,
    /// The guild's id (guild invites; in Discord's OpenAPI spec, not in the docs' table).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The channel it is for (partial).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Box<Channel>>,
    /// Who created the invite.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inviter: Option<User>,
    /// What the voice channel invite targets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_type: Option<InviteTargetType>,
    /// The user whose stream is shown (stream invites).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_user: Option<User>,
    /// The embedded application (activity invites).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_application: Option<Box<Application>>,
    /// Approximate online members (`with_counts=true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approximate_presence_count: Option<u64>,
    /// Approximate members (`with_counts=true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approximate_member_count: Option<u64>,
    /// When the invite expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<Timestamp>,
    /// Stage instance data (deprecated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage_instance: Option<InviteStageInstance>,
    /// The scheduled event (`guild_scheduled_event_id` query parameter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_scheduled_event: Option<GuildScheduledEvent>,
    /// Invite flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<InviteFlags>,
    /// Roles granted on joining through this invite (partial roles).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<Role>>,
    /// Metadata: times used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uses: Option<u64>,
    /// Metadata: maximum uses (0 = unlimited).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_uses: Option<u64>,
    /// Metadata: lifetime in seconds (0 = never expires).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age: Option<u64>,
    /// Metadata: whether membership is temporary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temporary: Option<bool>,
    /// Metadata: when the invite was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
}

impl Invite {
    /// The invite URL (`https://discord.gg/{code}`).
    pub fn url(&self) -> String {
        format!("https://discord.gg/{}", self.code)
    }
}

/// Extra information about an invite
/// ([docs](https://discord.com/developers/docs/resources/invite#invite-metadata-object)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteMetadata {
    /// Times used.
    #[serde(default)]
    pub uses: u64,
    /// Maximum uses (0 = unlimited).
    #[serde(default)]
    pub max_uses: u64,
    /// Lifetime in seconds (0 = never expires).
    #[serde(default)]
    pub max_age: u64,
    /// Whether membership is temporary.
    #[serde(default, deserialize_with = "null_as_default")]
    pub temporary: bool,
    /// When the invite was created.
    pub created_at: Timestamp,
}

int_enum! {
    /// The kind of an invite
    /// ([docs](https://discord.com/developers/docs/resources/invite#invite-object-invite-types)).
    pub enum InviteType: i64 {
        /// To a guild.
        Guild = 0,
        /// To a group DM.
        GroupDm = 1,
        /// A friend invite.
        Friend = 2,
    }
}

#[allow(clippy::derivable_impls)]
impl Default for InviteType {
    fn default() -> Self {
        Self::Guild
    }
}

int_enum! {
    /// What a voice channel invite targets
    /// ([docs](https://discord.com/developers/docs/resources/invite#invite-object-invite-target-types)).
    pub enum InviteTargetType: i64 {
        /// A user's stream.
        Stream = 1,
        /// An embedded application (activity).
        EmbeddedApplication = 2,
    }
}

int_flags! {
    /// Invite flags ([docs](https://discord.com/developers/docs/resources/invite#invite-object-guild-invite-flags)).
    pub struct InviteFlags: u64 {
        /// A guest invite for a voice channel.
        const IS_GUEST_INVITE = 1 << 0;
    }
}

/// The stage shown on a stage invite (deprecated)
/// ([docs](https://discord.com/developers/docs/resources/invite#invite-stage-instance-object)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteStageInstance {
    /// Members speaking in the stage (partial).
    #[serde(default, deserialize_with = "null_as_default")]
    pub members: Vec<Member>,
    /// Number of users in the stage.
    #[serde(default)]
    pub participant_count: u64,
    /// Number of speakers.
    #[serde(default)]
    pub speaker_count: u64,
    /// The stage topic.
    #[serde(default)]
    pub topic: String,
}

/// The progress of processing an invite's target users file
/// ([docs](https://discord.com/developers/docs/resources/invite#get-target-users-job-status)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetUsersJobStatus {
    /// The job status.
    pub status: TargetUsersJobStatusCode,
    /// Users in the file.
    #[serde(default)]
    pub total_users: u64,
    /// Users processed so far.
    #[serde(default)]
    pub processed_users: u64,
    /// When the job was created.
    pub created_at: Timestamp,
    /// When the job completed.
    #[serde(default)]
    pub completed_at: Option<Timestamp>,
    /// The error, when the job failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
}

int_enum! {
    /// The state of a target users job.
    pub enum TargetUsersJobStatusCode: i64 {
        /// Not known.
        Unspecified = 0,
        /// Processing.
        Processing = 1,
        /// Completed.
        Completed = 2,
        /// Failed.
        Failed = 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! docs {
        ($name:literal) => {
            include_str!(concat!("../../testdata/discord-api/payloads/docs/", $name))
        };
    }

    fn parse<T: serde::de::DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(
        t: &str,
    ) -> T {
        let v: T = serde_json::from_str(t).unwrap();
        assert_eq!(
            serde_json::from_str::<T>(&serde_json::to_string(&v).unwrap()).unwrap(),
            v
        );
        v
    }

    #[test]
    fn docs_invite_parses() {
        let i: Invite = parse(docs!("docs-resources-invite-example-invite-object.json"));
        assert_eq!(i.kind, InviteType::Guild);
        assert_eq!(i.target_type, Some(InviteTargetType::Stream));
        assert_eq!(
            i.guild.as_ref().unwrap().premium_subscription_count,
            Some(5)
        );
        assert!(i.channel.is_some());
        assert_eq!(i.url(), "https://discord.gg/0vCdhLbwjZZTWZLD");
    }

    #[test]
    fn docs_invite_satellites_parse() {
        let m: InviteMetadata = parse(docs!("docs-resources-invite-example-invite-metadata.json"));
        assert_eq!(m.max_age, 0);
        let s: InviteStageInstance = parse(docs!(
            "docs-resources-invite-example-invite-stage-instance.json"
        ));
        assert_eq!(s.participant_count, 200);
        let p: Invite = parse(docs!(
            "docs-resources-guild-example-partial-invite-object.json"
        ));
        assert_eq!(p.uses, Some(12));
        let j: TargetUsersJobStatus = parse(docs!(
            "docs-resources-invite-get-target-users-job-status-example-response.json"
        ));
        assert_eq!(j.status, TargetUsersJobStatusCode::Failed);
    }
}
