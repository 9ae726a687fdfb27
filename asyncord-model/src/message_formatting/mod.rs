//! Message formatting: the `<...>` tokens Discord renders in message content (mentions,
//! custom emojis, slash commands, timestamps), read back from text, and markdown escaping.
//!
//! Discord docs: [Message Formatting](https://discord.com/developers/docs/reference#message-formatting)
//! and [Markdown](https://support.discord.com/hc/en-us/articles/210298617).
//!
//! - Writing: [`UserId::mention`](crate::UserId::mention), [`RoleId::mention`](crate::RoleId::mention),
//!   [`ChannelId::mention`](crate::ChannelId::mention) (`<@id>`, `<@&id>`, `<#id>`);
//!   [`CommandMention`] (`</name subcommand:id>`); [`EmojiMention`] (`<:name:id>`,
//!   `<a:name:id>`); [`TimestampMention`] (`<t:unix:style>`, from
//!   [`Timestamp::mention`](crate::Timestamp::mention)).
//! - Reading: [`parse_mentions`] finds every such token in a message's text, typed
//!   ([`ParsedMention`]), tolerant of the legacy nickname form `<@!id>`.
//! - Escaping: [`escape_markdown`] makes user text render literally; [`escape_mentions`] keeps it
//!   from pinging anyone.
//!
//! ```
//! use asyncord_model::message_formatting::{ParsedMention, TimestampStyle, parse_mentions};
//! use asyncord_model::{Timestamp, UserId};
//!
//! let when = Timestamp::from_unix_secs(1_618_953_630);
//! let text = format!("{} see you {}", UserId::new(80351110224678912).mention(), when.mention(TimestampStyle::Relative));
//! assert_eq!(text, "<@80351110224678912> see you <t:1618953630:R>");
//! let found: Vec<_> = parse_mentions(&text).collect();
//! assert_eq!(found[0], ParsedMention::User(UserId::new(80351110224678912)));
//! ```

mod markdown;
mod mention;
mod parse;
mod timestamp;

pub use crate::id::Mention;
pub use markdown::{escape_markdown, escape_mentions};
pub use mention::{CommandMention, EmojiMention};
pub use parse::{ParsedMention, parse_mentions};
pub use timestamp::{TimestampMention, TimestampStyle};
