//! Reading mentions back from message text into typed ids.

use std::str::FromStr;

use super::mention::{CommandMention, EmojiMention};
use super::timestamp::{TimestampMention, TimestampStyle};
use crate::{ChannelId, CommandId, EmojiId, RoleId, UserId};

/// The longest token looked at (a command mention with three 32-character names and an id).
const MAX_TOKEN: usize = 128;

/// A `<...>` token found in message text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ParsedMention {
    /// `<@id>`, or the legacy nickname form `<@!id>`.
    User(UserId),
    /// `<@&id>`.
    Role(RoleId),
    /// `<#id>`.
    Channel(ChannelId),
    /// `<:name:id>` or `<a:name:id>`.
    Emoji(EmojiMention),
    /// `</name subcommand:id>`.
    Command(CommandMention),
    /// `<t:unix>` or `<t:unix:style>`.
    Timestamp(TimestampMention),
}

/// The error of [`ParsedMention::from_str`]: the text is not one mention token.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a mention (expected <@id>, <@&id>, <#id>, <:name:id>, </name:id> or <t:unix>)"
)]
pub struct ParseMentionError(pub String);

impl FromStr for ParsedMention {
    type Err = ParseMentionError;

    /// Parses exactly one token, such as `<@!80351110224678912>`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.strip_prefix('<')
            .and_then(|s| s.strip_suffix('>'))
            .and_then(parse_inner)
            .ok_or_else(|| ParseMentionError(s.to_owned()))
    }
}

/// Every mention token in `text`, in order; text that only looks like one (`<@abc>`, `<#>`) is
/// skipped.
pub fn parse_mentions(text: &str) -> impl Iterator<Item = ParsedMention> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        loop {
            let start = rest.find('<')?;
            let after = &rest[start + 1..];
            let window = &after[..floor_boundary(after, MAX_TOKEN)];
            let Some(end) = window.find('>') else {
                rest = after;
                continue;
            };
            match parse_inner(&after[..end]) {
                Some(found) => {
                    rest = &after[end + 1..];
                    return Some(found);
                }
                None => rest = after,
            }
        }
    })
}

fn floor_boundary(s: &str, max: usize) -> usize {
    if s.len() <= max {
        return s.len();
    }
    (0..=max)
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0)
}

fn id(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses what is between `<` and `>`.
fn parse_inner(inner: &str) -> Option<ParsedMention> {
    if let Some(rest) = inner.strip_prefix('@') {
        if let Some(role) = rest.strip_prefix('&') {
            return id(role).map(|v| ParsedMention::Role(RoleId::new(v)));
        }
        let user = rest.strip_prefix('!').unwrap_or(rest);
        return id(user).map(|v| ParsedMention::User(UserId::new(v)));
    }
    if let Some(rest) = inner.strip_prefix('#') {
        return id(rest).map(|v| ParsedMention::Channel(ChannelId::new(v)));
    }
    if let Some(rest) = inner.strip_prefix('/') {
        let (path, cmd) = rest.rsplit_once(':')?;
        let words: Vec<&str> = path.split(' ').collect();
        if words.len() > 3 || words.iter().any(|w| w.is_empty()) {
            return None;
        }
        return id(cmd).map(|v| {
            ParsedMention::Command(CommandMention {
                id: CommandId::new(v),
                path: path.to_owned(),
            })
        });
    }
    if let Some(rest) = inner.strip_prefix("t:") {
        let (unix, style) = match rest.split_once(':') {
            Some((unix, style)) => {
                let mut letters = style.chars();
                let style = TimestampStyle::from_letter(letters.next()?)?;
                if letters.next().is_some() {
                    return None;
                }
                (unix, Some(style))
            }
            None => (rest, None),
        };
        let digits = unix.strip_prefix('-').unwrap_or(unix);
        id(digits)?;
        let unix: i64 = unix.parse().ok()?;
        return Some(ParsedMention::Timestamp(TimestampMention { unix, style }));
    }
    let (animated, rest) = match inner.strip_prefix("a:") {
        Some(rest) => (true, rest),
        None => (false, inner.strip_prefix(':')?),
    };
    let (name, emoji) = rest.split_once(':')?;
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return None;
    }
    id(emoji).map(|v| {
        ParsedMention::Emoji(EmojiMention {
            id: EmojiId::new(v),
            name: name.to_owned(),
            animated,
        })
    })
}
