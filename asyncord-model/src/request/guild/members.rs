//! Member bodies: modify a member or the current member, add a member with an OAuth2 token.
//! <https://discord.com/developers/docs/resources/guild#modify-guild-member>

use serde::{Deserialize, Serialize};

use crate::member::MemberFlags;
use crate::request::files::RequestBody;
use crate::request::patch::Patch;
use crate::request::validate::{Path, Validate, ValidationError, check};
use crate::{ChannelId, RoleId, Timestamp};

/// The body of [Modify Guild Member](https://discord.com/developers/docs/resources/guild#modify-guild-member).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyGuildMember {
    /// Nickname (1-32 characters; `Patch::Clear` removes it).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub nick: Patch<String>,
    /// The full list of role ids.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub roles: Patch<Vec<RoleId>>,
    /// Server mute.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub mute: Patch<bool>,
    /// Server deafen.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub deaf: Patch<bool>,
    /// Move to a voice channel (`Patch::Clear` disconnects).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub channel_id: Patch<ChannelId>,
    /// Timeout until (≤ 28 days ahead; `Patch::Clear` removes the timeout).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub communication_disabled_until: Patch<Timestamp>,
    /// Member flags.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub flags: Patch<MemberFlags>,
}

impl ModifyGuildMember {
    /// A modification that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets (`Some`) or removes (`None`) the nickname.
    pub fn nick(mut self, nick: Option<impl Into<String>>) -> Self {
        self.nick = Patch::set_or_clear(nick.map(Into::into));
        self
    }

    /// Replaces the roles.
    pub fn roles(mut self, roles: impl IntoIterator<Item = RoleId>) -> Self {
        self.roles = Patch::Set(roles.into_iter().collect());
        self
    }

    /// Times the member out until (`Some`), or removes the timeout (`None`).
    pub fn timeout_until(mut self, until: Option<Timestamp>) -> Self {
        self.communication_disabled_until = Patch::set_or_clear(until);
        self
    }
}

impl Validate for ModifyGuildMember {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("nick"), self.nick.as_deref(), 1, 32)
    }
}

impl RequestBody for ModifyGuildMember {}

/// The body of [Modify Current Member](https://discord.com/developers/docs/resources/guild#modify-current-member).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyCurrentMember {
    /// Nickname (1-32 characters; `Patch::Clear` removes it).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub nick: Patch<String>,
    /// Guild banner (data URI).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub banner: Patch<String>,
    /// Guild avatar (data URI).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub avatar: Patch<String>,
    /// Guild bio.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub bio: Patch<String>,
}

impl Validate for ModifyCurrentMember {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("nick"), self.nick.as_deref(), 1, 32)
    }
}

impl RequestBody for ModifyCurrentMember {}

/// The body of [Add Guild Member](https://discord.com/developers/docs/resources/guild#add-guild-member)
/// (needs the user's OAuth2 `guilds.join` token).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddGuildMember {
    /// The user's OAuth2 access token.
    pub access_token: String,
    /// Nickname.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nick: Option<String>,
    /// Roles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<RoleId>>,
    /// Server mute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mute: Option<bool>,
    /// Server deafen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deaf: Option<bool>,
}

impl std::fmt::Debug for AddGuildMember {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AddGuildMember")
            .field("access_token", &"<redacted>")
            .field("nick", &self.nick)
            .field("roles", &self.roles)
            .field("mute", &self.mute)
            .field("deaf", &self.deaf)
            .finish()
    }
}

impl Validate for AddGuildMember {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("nick"), self.nick.as_deref(), 1, 32)
    }
}

impl RequestBody for AddGuildMember {}
