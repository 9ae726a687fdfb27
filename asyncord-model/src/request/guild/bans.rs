//! Ban bodies: ban one user, ban many at once.
//! <https://discord.com/developers/docs/resources/guild#create-guild-ban>

use serde::{Deserialize, Serialize};

use crate::UserId;
use crate::request::files::RequestBody;
use crate::request::validate::{Path, Validate, ValidationError, check};

/// The body of [Create Guild Ban](https://discord.com/developers/docs/resources/guild#create-guild-ban).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateGuildBan {
    /// Deprecated: days of messages to delete (0-7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_message_days: Option<u32>,
    /// Seconds of messages to delete (0-604800).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_message_seconds: Option<u32>,
}

impl Validate for CreateGuildBan {
    fn validate(&self) -> Result<(), ValidationError> {
        if let Some(d) = self.delete_message_days {
            check::range(&Path::ROOT.field("delete_message_days"), i64::from(d), 0, 7)?;
        }
        if let Some(s) = self.delete_message_seconds {
            check::range(
                &Path::ROOT.field("delete_message_seconds"),
                i64::from(s),
                0,
                604_800,
            )?;
        }
        Ok(())
    }
}

impl RequestBody for CreateGuildBan {}

/// The body of [Bulk Guild Ban](https://discord.com/developers/docs/resources/guild#bulk-guild-ban).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkBan {
    /// The users to ban (≤ 200).
    pub user_ids: Vec<UserId>,
    /// Seconds of messages to delete (0-604800).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_message_seconds: Option<u32>,
}

impl Validate for BulkBan {
    fn validate(&self) -> Result<(), ValidationError> {
        check::count(&Path::ROOT.field("user_ids"), self.user_ids.len(), 1, 200)?;
        if let Some(s) = self.delete_message_seconds {
            check::range(
                &Path::ROOT.field("delete_message_seconds"),
                i64::from(s),
                0,
                604_800,
            )?;
        }
        Ok(())
    }
}

impl RequestBody for BulkBan {}
