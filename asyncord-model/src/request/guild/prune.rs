//! The body of Begin Guild Prune.
//! <https://discord.com/developers/docs/resources/guild#begin-guild-prune>

use serde::{Deserialize, Serialize};

use crate::RoleId;
use crate::request::files::RequestBody;
use crate::request::validate::{Path, Validate, ValidationError, check};

/// The body of [Begin Guild Prune](https://discord.com/developers/docs/resources/guild#begin-guild-prune).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BeginGuildPrune {
    /// Days of inactivity, 1-30 (default 7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u8>,
    /// Return the count (`false` for large guilds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compute_prune_count: Option<bool>,
    /// Roles whose members are pruned too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include_roles: Vec<RoleId>,
}

impl Validate for BeginGuildPrune {
    fn validate(&self) -> Result<(), ValidationError> {
        match self.days {
            Some(d) => check::range(&Path::ROOT.field("days"), i64::from(d), 1, 30),
            None => Ok(()),
        }
    }
}

impl RequestBody for BeginGuildPrune {}
