//! Guild templates: a snapshot of a guild that new guilds can be created from.
//!
//! Discord docs: [Guild template](https://discord.com/developers/docs/resources/guild-template).

use serde::{Deserialize, Serialize};

use crate::guild::Guild;
use crate::user::User;
use crate::{GuildId, Timestamp, UserId};

/// A guild template ([docs](https://discord.com/developers/docs/resources/guild-template#guild-template-object)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GuildTemplate {
    /// The template code (unique id).
    pub code: String,
    /// The template name.
    pub name: String,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// How many times the template was used.
    #[serde(default)]
    pub usage_count: u64,
    /// The creator's id.
    pub creator_id: UserId,
    /// The creator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<User>,
    /// When the template was created.
    pub created_at: Timestamp,
    /// When the template was last synced with its guild.
    pub updated_at: Timestamp,
    /// The guild the template is based on.
    pub source_guild_id: GuildId,
    /// The guild snapshot (ids are placeholders such as `0`, `1`, `2`).
    pub serialized_source_guild: Box<Guild>,
    /// Whether the template has unsynced changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_dirty: Option<bool>,
}
