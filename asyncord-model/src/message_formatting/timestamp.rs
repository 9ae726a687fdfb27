//! `<t:unix:style>`: a timestamp every reader sees in their own time zone and locale.

use std::fmt;

use crate::Timestamp;

/// How a `<t:..>` timestamp is shown
/// ([docs](https://discord.com/developers/docs/reference#message-formatting-timestamp-styles)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimestampStyle {
    /// `t`: short time, `16:20`.
    ShortTime,
    /// `T`: long time, `16:20:30`.
    LongTime,
    /// `d`: short date, `20/04/2021`.
    ShortDate,
    /// `D`: long date, `20 April 2021`.
    LongDate,
    /// `f`: short date/time, `20 April 2021 16:20` (what `<t:unix>` shows).
    ShortDateTime,
    /// `F`: long date/time, `Tuesday, 20 April 2021 16:20`.
    LongDateTime,
    /// `R`: relative time, `2 months ago`.
    Relative,
}

impl TimestampStyle {
    /// Every style.
    pub const ALL: [Self; 7] = [
        Self::ShortTime,
        Self::LongTime,
        Self::ShortDate,
        Self::LongDate,
        Self::ShortDateTime,
        Self::LongDateTime,
        Self::Relative,
    ];

    /// The style's letter.
    pub const fn letter(self) -> char {
        match self {
            Self::ShortTime => 't',
            Self::LongTime => 'T',
            Self::ShortDate => 'd',
            Self::LongDate => 'D',
            Self::ShortDateTime => 'f',
            Self::LongDateTime => 'F',
            Self::Relative => 'R',
        }
    }

    /// The style of a letter, if Discord knows it.
    pub fn from_letter(letter: char) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.letter() == letter)
    }
}

/// A `<t:unix>` or `<t:unix:style>` token; `Display` writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimestampMention {
    /// Seconds since the Unix epoch.
    pub unix: i64,
    /// The style (`None`: Discord's default, short date/time).
    pub style: Option<TimestampStyle>,
}

impl fmt::Display for TimestampMention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.style {
            Some(style) => write!(f, "<t:{}:{}>", self.unix, style.letter()),
            None => write!(f, "<t:{}>", self.unix),
        }
    }
}

impl Timestamp {
    /// This time as a `<t:unix:style>` token (seconds, rounded down).
    pub const fn mention(self, style: TimestampStyle) -> TimestampMention {
        TimestampMention {
            unix: self.unix_secs(),
            style: Some(style),
        }
    }
}
