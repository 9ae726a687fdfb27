//! Message reactions, their count details and super-reaction colours
//! ([docs](https://discord.com/developers/docs/resources/message#reaction-object)).

use serde::{Deserialize, Serialize};

use crate::emoji::Emoji;
use crate::int_enum;

int_enum! {
    /// Normal or super (burst) reaction ([docs](https://discord.com/developers/docs/resources/message#get-reactions-reaction-types)).
    pub enum ReactionType: i64 {
        /// A normal reaction.
        Normal = 0,
        /// A super reaction.
        Burst = 1,
    }
}

/// A reaction on a message ([docs](https://discord.com/developers/docs/resources/message#reaction-object)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reaction {
    /// Total times this emoji was used (normal and super).
    #[serde(default)]
    pub count: u32,
    /// Normal and super counts.
    #[serde(default)]
    pub count_details: ReactionCountDetails,
    /// Whether the current user reacted with this emoji.
    #[serde(default)]
    pub me: bool,
    /// Whether the current user super-reacted with this emoji.
    #[serde(default)]
    pub me_burst: bool,
    /// The partial emoji.
    pub emoji: Emoji,
    /// Hex colours (`#rrggbb`) used for the super reaction.
    #[serde(default)]
    pub burst_colors: Vec<String>,
}

/// Reaction counts by kind ([docs](https://discord.com/developers/docs/resources/message#reaction-count-details-object)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReactionCountDetails {
    /// Super reactions.
    #[serde(default)]
    pub burst: u32,
    /// Normal reactions.
    #[serde(default)]
    pub normal: u32,
}
