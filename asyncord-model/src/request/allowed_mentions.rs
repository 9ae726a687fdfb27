//! The allowed mentions of a message body: which mentions in the content may notify.
//! <https://discord.com/developers/docs/resources/message#allowed-mentions-object>

use serde::{Deserialize, Serialize};

use crate::{RoleId, UserId, str_enum};

str_enum! {
    /// A mention type Discord may parse from the content ([docs](https://discord.com/developers/docs/resources/message#allowed-mentions-object-allowed-mention-types)).
    pub enum AllowedMentionType {
        /// Role mentions.
        Roles = "roles",
        /// User mentions.
        Users = "users",
        /// `@everyone` and `@here`.
        Everyone = "everyone",
    }
}

/// Which mentions in a message may notify ([docs](https://discord.com/developers/docs/resources/message#allowed-mentions-object)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllowedMentions {
    /// Mention types parsed from the content.
    #[serde(default)]
    pub parse: Vec<AllowedMentionType>,
    /// Roles that may be mentioned (≤ 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<RoleId>>,
    /// Users that may be mentioned (≤ 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub users: Option<Vec<UserId>>,
    /// Whether the author of a replied-to message is mentioned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replied_user: Option<bool>,
}

impl AllowedMentions {
    /// No mention notifies anyone.
    pub fn none() -> Self {
        Self::default()
    }

    /// Users, roles and everyone are parsed from the content.
    pub fn all() -> Self {
        Self {
            parse: vec![
                AllowedMentionType::Users,
                AllowedMentionType::Roles,
                AllowedMentionType::Everyone,
            ],
            ..Self::default()
        }
    }

    /// Only these users may be mentioned.
    pub fn users(mut self, users: impl IntoIterator<Item = UserId>) -> Self {
        self.users = Some(users.into_iter().collect());
        self
    }

    /// Only these roles may be mentioned.
    pub fn roles(mut self, roles: impl IntoIterator<Item = RoleId>) -> Self {
        self.roles = Some(roles.into_iter().collect());
        self
    }

    /// Whether a reply pings its target's author.
    pub fn replied_user(mut self, ping: bool) -> Self {
        self.replied_user = Some(ping);
        self
    }
}
