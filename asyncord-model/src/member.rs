//! Guild members and member flags.
//!
//! Discord docs: [Guild member object](https://discord.com/developers/docs/resources/guild#guild-member-object).

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::common::{ImageHash, null_as_default};
use crate::user::{AvatarDecorationData, Collectibles, User};
use crate::{GuildId, Permissions, RoleId, Timestamp, UserId, int_flags};

/// A user's membership in a guild.
///
/// `user` is absent in `MESSAGE_CREATE`/`MESSAGE_UPDATE` members; `guild_id` is only present in
/// gateway events such as `GUILD_MEMBER_ADD`, which is this struct as is. The user is behind an
/// `Arc` so that the members of one user (in several guilds, in a cache) share one copy; it
/// reads like a `User` (`member.user.as_ref().map(|u| &u.username)`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// The user this membership belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<Arc<User>>,
    /// The guild nickname.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nick: Option<String>,
    /// The guild-specific avatar hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<ImageHash>,
    /// The guild-specific banner hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub banner: Option<ImageHash>,
    /// The member's role ids.
    #[serde(default, deserialize_with = "null_as_default")]
    pub roles: Vec<RoleId>,
    /// When the user joined the guild (`None` for guest members).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined_at: Option<Timestamp>,
    /// When the user started boosting the guild.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premium_since: Option<Timestamp>,
    /// Whether the user is deafened in voice channels.
    #[serde(default, deserialize_with = "null_as_default")]
    pub deaf: bool,
    /// Whether the user is muted in voice channels.
    #[serde(default, deserialize_with = "null_as_default")]
    pub mute: bool,
    /// Member flags.
    #[serde(default, deserialize_with = "null_as_default")]
    pub flags: MemberFlags,
    /// Whether the user has not yet passed the membership screening.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<bool>,
    /// Total permissions in the channel, including overwrites (interaction payloads only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Permissions>,
    /// When the member's timeout expires (`None` or a past time when not timed out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub communication_disabled_until: Option<Timestamp>,
    /// The guild-specific avatar decoration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar_decoration_data: Option<Box<AvatarDecorationData>>,
    /// Guild-specific collectibles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collectibles: Option<Box<Collectibles>>,
    /// The guild id (gateway events such as `GUILD_MEMBER_ADD` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
}

impl Member {
    /// The user's id, when the user is included.
    pub fn user_id(&self) -> Option<UserId> {
        self.user.as_ref().map(|u| u.id)
    }

    /// The name to show in the guild: nickname, then global name, then username.
    pub fn display_name(&self) -> Option<&str> {
        self.nick
            .as_deref()
            .or_else(|| self.user.as_deref().map(User::display_name))
    }

    /// Whether the member is timed out at `now`.
    pub fn is_timed_out(&self, now: Timestamp) -> bool {
        self.communication_disabled_until.is_some_and(|t| t > now)
    }
}

int_flags! {
    /// Flags on a guild member
    /// ([docs](https://discord.com/developers/docs/resources/guild#guild-member-object-guild-member-flags)).
    pub struct MemberFlags: u64 {
        /// The member left and rejoined the guild.
        const DID_REJOIN = 1 << 0;
        /// The member completed onboarding.
        const COMPLETED_ONBOARDING = 1 << 1;
        /// The member is exempt from guild verification requirements.
        const BYPASSES_VERIFICATION = 1 << 2;
        /// The member started onboarding.
        const STARTED_ONBOARDING = 1 << 3;
        /// The member is a guest and can only access the voice channel they were invited to.
        const IS_GUEST = 1 << 4;
        /// The member started the Server Guide new member actions.
        const STARTED_HOME_ACTIONS = 1 << 5;
        /// The member completed the Server Guide new member actions.
        const COMPLETED_HOME_ACTIONS = 1 << 6;
        /// The username, display name or nickname is blocked by AutoMod.
        const AUTOMOD_QUARANTINED_USERNAME = 1 << 7;
        /// The member dismissed the DM settings upsell.
        const DM_SETTINGS_UPSELL_ACKNOWLEDGED = 1 << 9;
        /// The member's guild tag is blocked by AutoMod.
        const AUTOMOD_QUARANTINED_GUILD_TAG = 1 << 10;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCS_MEMBER: &str = include_str!(
        "../../testdata/discord-api/payloads/docs/docs-resources-guild-example-guild-member.json"
    );
    const GET_MEMBERS: &str = include_str!(
        "../../testdata/discord-api/payloads/captured-accord-jl/accordjl-rest_get_members.json"
    );

    #[derive(Deserialize)]
    struct Page {
        items: Vec<Member>,
    }

    fn round_trip(m: &Member) {
        let s = serde_json::to_string(m).unwrap();
        assert_eq!(&serde_json::from_str::<Member>(&s).unwrap(), m);
    }

    #[test]
    fn docs_member_parses() {
        let m: Member = serde_json::from_str(DOCS_MEMBER).unwrap();
        assert_eq!(m.nick.as_deref(), Some("NOT API SUPPORT"));
        assert!(m.joined_at.is_some());
        assert!(!m.deaf);
        round_trip(&m);
    }

    #[test]
    fn captured_members_parse() {
        let pages: Vec<Page> = serde_json::from_str(GET_MEMBERS).unwrap();
        let members: Vec<&Member> = pages.iter().flat_map(|p| &p.items).collect();
        assert!(!members.is_empty());
        for m in members {
            assert!(m.user.is_some());
            round_trip(m);
        }
    }

    #[test]
    fn gateway_member_with_guild_id_and_flags() {
        let m: Member = serde_json::from_str(
            r#"{"guild_id":"1","roles":null,"flags":1025,"communication_disabled_until":null,"joined_at":null}"#,
        )
        .unwrap();
        assert_eq!(m.guild_id, Some(GuildId::new(1)));
        assert!(
            m.flags
                .contains(MemberFlags::DID_REJOIN | MemberFlags::AUTOMOD_QUARANTINED_GUILD_TAG)
        );
        assert!(m.roles.is_empty());
        assert_eq!(m.display_name(), None);
    }
}
