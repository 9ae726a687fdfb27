//! Discord identifiers ([snowflakes](https://discord.com/developers/docs/reference#snowflakes)),
//! typed by what they identify.
//!
//! Every id is an [`Id<M>`]: a 64-bit snowflake whose marker `M` says what kind of object it
//! names, so a [`ChannelId`] cannot be passed where a [`GuildId`] is expected. The aliases
//! ([`ChannelId`], [`GuildId`], [`UserId`]...) are the names to use; [`Snowflake`] is the id whose
//! kind is not fixed (a permission overwrite's target, an audit-log entry's target, a mentionable
//! option's value); every typed id converts into it (`Snowflake::from(role_id)`), so a parameter
//! taking `impl Into<Snowflake>` takes any id. The other way, and between two kinds, is explicit:
//! [`Id::cast`] reinterprets an id as another kind, for the rare places Discord itself does so (a
//! guild's `@everyone` role has the guild's id).
//!
//! Discord sends an id as a string (sometimes as a number); asyncord accepts both and always
//! writes a string, as Discord expects. Ids work as map keys, which JSON writes as strings.

mod marker;
mod mention;
mod parse;
mod serde;
#[cfg(test)]
mod tests;

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

use crate::timestamp::Timestamp;

pub use marker::*;
pub use mention::Mention;
pub use parse::{ParseIdError, ParseIdErrorKind};

/// Milliseconds between the Unix epoch and the Discord epoch (2015-01-01T00:00:00Z).
pub const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;

/// A Discord id of the kind `M` (one of the markers of this module, such as [`ChannelMarker`]).
///
/// Use the aliases: [`ChannelId`], [`GuildId`], [`UserId`], [`MessageId`]... The value is a plain
/// `u64` (`#[repr(transparent)]`); the marker costs nothing at run time, and an `Id` is `Copy`,
/// `Send` and `Sync` whatever its marker.
///
/// ```
/// use asyncord_model::id::{ChannelId, GuildId};
///
/// let channel = ChannelId::new(41_771_983_423_143_937);
/// assert_eq!(channel.to_string(), "41771983423143937");
/// assert_eq!(format!("{channel:?}"), "ChannelId(41771983423143937)");
/// assert_eq!(channel.mention().to_string(), "<#41771983423143937>");
///
/// let parsed: GuildId = "41771983423143937".parse()?;
/// assert_eq!(parsed.get(), channel.get());
/// # Ok::<(), asyncord_model::id::ParseIdError>(())
/// ```
#[repr(transparent)]
pub struct Id<M> {
    value: u64,
    kind: PhantomData<fn() -> M>,
}

impl<M> Id<M> {
    /// The id `value`.
    pub const fn new(value: u64) -> Self {
        Self {
            value,
            kind: PhantomData,
        }
    }

    /// The raw 64-bit value.
    pub const fn get(self) -> u64 {
        self.value
    }

    /// The same value as an id of another kind, for the places Discord reuses one id for another
    /// kind of object (a guild's `@everyone` role has the guild's id) or where a [`Snowflake`] is
    /// known to be of one kind.
    pub const fn cast<N>(self) -> Id<N> {
        Id::new(self.value)
    }

    /// Milliseconds since the Unix epoch at which this id was created.
    pub const fn timestamp_ms(self) -> u64 {
        (self.value >> 22) + DISCORD_EPOCH_MS
    }

    /// When this id was created.
    pub fn created_at(self) -> Timestamp {
        Timestamp::from_unix_micros((self.timestamp_ms() as i64) * 1000)
    }

    /// The smallest id created at `unix_ms` (for `before`/`after` pagination by time).
    pub const fn from_timestamp_ms(unix_ms: u64) -> Self {
        Self::new(unix_ms.saturating_sub(DISCORD_EPOCH_MS) << 22)
    }

    /// The internal worker id bits.
    pub const fn worker_id(self) -> u8 {
        ((self.value & 0x3E_0000) >> 17) as u8
    }

    /// The internal process id bits.
    pub const fn process_id(self) -> u8 {
        ((self.value & 0x1_F000) >> 12) as u8
    }

    /// The per-process increment.
    pub const fn increment(self) -> u16 {
        (self.value & 0xFFF) as u16
    }
}

// The impls below are written by hand: derived ones would require `M` to implement each trait,
// and markers are uninhabited types that implement none.

impl<M> Clone for Id<M> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<M> Copy for Id<M> {}

impl<M> PartialEq for Id<M> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<M> Eq for Id<M> {}

impl<M> PartialOrd for Id<M> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<M> Ord for Id<M> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.value.cmp(&other.value)
    }
}

impl<M> Hash for Id<M> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

/// The id `0`: what a partial object holds when Discord leaves its id out (template snapshots,
/// some audit log users), and the "no guild" value of a few fields.
impl<M> Default for Id<M> {
    fn default() -> Self {
        Self::new(0)
    }
}

impl<M> PartialEq<u64> for Id<M> {
    fn eq(&self, other: &u64) -> bool {
        self.value == *other
    }
}

impl<M> PartialEq<Id<M>> for u64 {
    fn eq(&self, other: &Id<M>) -> bool {
        *self == other.value
    }
}

impl<M> From<u64> for Id<M> {
    fn from(value: u64) -> Self {
        Self::new(value)
    }
}

impl<M> From<&Id<M>> for Id<M> {
    fn from(id: &Id<M>) -> Self {
        *id
    }
}

impl<M> From<Id<M>> for u64 {
    fn from(id: Id<M>) -> Self {
        id.value
    }
}

impl<M> fmt::Display for Id<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.value, f)
    }
}

impl<M: Marker> fmt::Debug for Id<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}({})", M::NAME, self.value)
    }
}
