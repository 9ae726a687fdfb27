//! Guild moderation results: bans, bulk bans, prune counts, and role member counts.
//!
//! Discord docs: [Ban object](https://discord.com/developers/docs/resources/guild#ban-object),
//! [Begin guild prune](https://discord.com/developers/docs/resources/guild#begin-guild-prune),
//! [Bulk guild ban](https://discord.com/developers/docs/resources/guild#bulk-guild-ban).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::common::null_as_default;
use crate::user::User;
use crate::{RoleId, UserId};

/// A ban ([docs](https://discord.com/developers/docs/resources/guild#ban-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ban {
    /// The reason given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The banned user.
    pub user: User,
}

/// The result of a prune or prune count
/// ([docs](https://discord.com/developers/docs/resources/guild#get-guild-prune-count)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PruneResult {
    /// Members pruned (`None` when `compute_prune_count` was false).
    #[serde(default)]
    pub pruned: Option<u64>,
}

/// The result of a bulk ban
/// ([docs](https://discord.com/developers/docs/resources/guild#bulk-guild-ban-bulk-ban-response)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkBanResponse {
    /// Users that were banned.
    #[serde(default, deserialize_with = "null_as_default")]
    pub banned_users: Vec<UserId>,
    /// Users that could not be banned.
    #[serde(default, deserialize_with = "null_as_default")]
    pub failed_users: Vec<UserId>,
}

/// Role id to member count ([docs](https://discord.com/developers/docs/resources/guild#get-guild-role-member-counts)).
pub type RoleMemberCounts = HashMap<RoleId, u64>;
