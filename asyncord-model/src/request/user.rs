//! User bodies: modify the current user, create a DM or a group DM.
//! <https://discord.com/developers/docs/resources/user#modify-current-user>

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::files::RequestBody;
use super::patch::Patch;
use super::validate::{Path, Validate, ValidationError, check};
use crate::UserId;

/// The body of [Create DM](https://discord.com/developers/docs/resources/user#create-dm).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateDm {
    /// The recipient.
    pub recipient_id: UserId,
}

impl CreateDm {
    /// A DM with a user.
    pub fn new(recipient_id: UserId) -> Self {
        Self { recipient_id }
    }
}

impl RequestBody for CreateDm {}

impl Validate for CreateDm {
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// The body of [Create Group DM](https://discord.com/developers/docs/resources/user#create-group-dm)
/// (OAuth2 access tokens of users who granted `gdm.join`).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateGroupDm {
    /// The users' access tokens.
    pub access_tokens: Vec<String>,
    /// Nicknames by user id.
    #[serde(default)]
    pub nicks: HashMap<UserId, String>,
}

impl std::fmt::Debug for CreateGroupDm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateGroupDm")
            .field(
                "access_tokens",
                &format_args!("<{} redacted>", self.access_tokens.len()),
            )
            .field("nicks", &self.nicks)
            .finish()
    }
}

impl RequestBody for CreateGroupDm {}

impl Validate for CreateGroupDm {
    fn validate(&self) -> Result<(), ValidationError> {
        check::count(
            &Path::ROOT.field("access_tokens"),
            self.access_tokens.len(),
            1,
            usize::MAX,
        )
    }
}

/// The body of [Modify Current User](https://discord.com/developers/docs/resources/user#modify-current-user).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyCurrentUser {
    /// New username (2-32 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// New avatar (data URI; `Patch::Clear` removes it).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub avatar: Patch<String>,
    /// New banner (data URI; `Patch::Clear` removes it).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub banner: Patch<String>,
}

impl Validate for ModifyCurrentUser {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(
            &Path::ROOT.field("username"),
            self.username.as_deref(),
            2,
            32,
        )
    }
}

impl RequestBody for ModifyCurrentUser {}
