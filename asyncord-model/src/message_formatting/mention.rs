//! Mentions that carry more than an id: slash commands and custom emojis.

use std::fmt;

use crate::{CommandId, EmojiId};

/// A clickable slash command, `</name:id>`, `</name subcommand:id>` or
/// `</name group subcommand:id>`; `Display` writes it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CommandMention {
    /// The command's id.
    pub id: CommandId,
    /// The command's name followed by its subcommand group and subcommand, space-separated.
    pub path: String,
}

impl CommandMention {
    /// The mention of a top-level command.
    pub fn new(id: CommandId, name: impl Into<String>) -> Self {
        Self {
            id,
            path: name.into(),
        }
    }

    /// Appends a subcommand group or subcommand.
    pub fn subcommand(mut self, name: &str) -> Self {
        self.path.push(' ');
        self.path.push_str(name);
        self
    }
}

impl fmt::Display for CommandMention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "</{}:{}>", self.path, self.id)
    }
}

/// A custom emoji in text, `<:name:id>` or `<a:name:id>` when animated; `Display` writes it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EmojiMention {
    /// The emoji's id.
    pub id: EmojiId,
    /// The emoji's name.
    pub name: String,
    /// Whether the emoji is animated.
    pub animated: bool,
}

impl fmt::Display for EmojiMention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = if self.animated { "a" } else { "" };
        write!(f, "<{a}:{}:{}>", self.name, self.id)
    }
}
