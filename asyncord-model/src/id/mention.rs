//! Mentions of an id alone: a user (`<@id>`), a channel (`<#id>`), a role (`<@&id>`).
//! <https://discord.com/developers/docs/reference#message-formatting>

use std::fmt;

use super::{ChannelId, RoleId, UserId};

/// How a user, channel or role is mentioned in a message's content; `Display` writes the
/// mention (`<@80351110224678912>`), `to_string()` gives it as a `String`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mention {
    prefix: &'static str,
    id: u64,
}

impl fmt::Display for Mention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{}{}>", self.prefix, self.id)
    }
}

impl fmt::Debug for Mention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Mention({self})")
    }
}

impl UserId {
    /// The user's mention, `<@id>`.
    pub const fn mention(self) -> Mention {
        Mention {
            prefix: "@",
            id: self.get(),
        }
    }
}

impl ChannelId {
    /// The channel's mention, `<#id>`.
    pub const fn mention(self) -> Mention {
        Mention {
            prefix: "#",
            id: self.get(),
        }
    }
}

impl RoleId {
    /// The role's mention, `<@&id>`.
    pub const fn mention(self) -> Mention {
        Mention {
            prefix: "@&",
            id: self.get(),
        }
    }
}
