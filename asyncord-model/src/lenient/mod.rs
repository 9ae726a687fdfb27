//! Collections that keep their good elements: one malformed member, channel, role or presence
//! leaves that one element out instead of failing the whole `GUILD_CREATE`.
//!
//! Discord adds fields and values without notice
//! ([API versioning](https://discord.com/developers/docs/reference#api-versioning)), and the
//! large collections of the large events (a guild's members, channels, threads, roles, emojis,
//! stickers, presences, voice states, stage instances, scheduled events and soundboard sounds;
//! a member chunk's members and presences; `READY`'s guilds; a thread list sync's threads and
//! members) hold thousands of objects, so one object the model cannot read must not cost the
//! others. Each element of those collections is read on its own; one that fails is left out and
//! reported:
//!
//! - a `tracing` warning (target `asyncord_model::lenient`) with the event (`-` outside an
//!   event, as in a REST response), the collection, the element's index in the received array
//!   and serde's message; after [`WARNINGS_PER_COLLECTION`] warnings for one collection the
//!   rest are counted in a single summary warning;
//! - a [`SkippedElement`] in the `skipped` field of the event that carried it
//!   (`GuildCreateEvent::skipped`, `GuildMembersChunkEvent::skipped`, ...), so a bot can see
//!   how many elements it did not get and why. REST responses only log.
//!
//! Only elements are forgiven: JSON that does not parse, or a collection that is not an array,
//! still fails the payload. Reading an element on its own goes through a borrowed intermediate
//! tree ([`content`]), which costs a little for these collections only (not for messages or
//! other hot events).

pub(crate) mod content;

use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer, SeqAccess, Visitor};

use content::Content;

/// How many skipped elements of one collection get a warning each (the rest are summed up).
pub const WARNINGS_PER_COLLECTION: usize = 10;

/// An element of an event's collection that failed to parse and was left out.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SkippedElement {
    /// The collection's field name (`members`, `channels`, `presences`...).
    pub collection: &'static str,
    /// The element's index in the array Discord sent.
    pub index: usize,
    /// Why it failed (serde's message).
    pub error: String,
}

impl fmt::Display for SkippedElement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]: {}", self.collection, self.index, self.error)
    }
}

/// The event being parsed on this thread and the elements skipped so far.
struct Scope {
    event: &'static str,
    skipped: Vec<SkippedElement>,
}

thread_local! {
    static SCOPE: RefCell<Option<Scope>> = const { RefCell::new(None) };
}

/// Runs `parse` (a deserialisation of the event named `event`) and returns its result with
/// the elements its collections skipped. Scopes nest: an inner scope's elements are its own.
pub(crate) fn collect<T, E>(
    event: &'static str,
    parse: impl FnOnce() -> Result<T, E>,
) -> Result<(T, Vec<SkippedElement>), E> {
    /// Puts the enclosing scope back, even if `parse` panics.
    struct Restore(Option<Scope>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            SCOPE.with(|s| *s.borrow_mut() = previous);
        }
    }
    let previous = SCOPE.with(|s| {
        s.borrow_mut().replace(Scope {
            event,
            skipped: Vec::new(),
        })
    });
    let restore = Restore(previous);
    let result = parse();
    let skipped = SCOPE
        .with(|s| s.borrow_mut().take())
        .map_or_else(Vec::new, |scope| scope.skipped);
    drop(restore);
    result.map(|value| (value, skipped))
}

/// Records a skipped element in the current scope; returns the scope's event name.
fn record(collection: &'static str, index: usize, error: &str) -> &'static str {
    SCOPE.with(|s| match s.borrow_mut().as_mut() {
        Some(scope) => {
            scope.skipped.push(SkippedElement {
                collection,
                index,
                error: error.to_owned(),
            });
            scope.event
        }
        None => "-",
    })
}

/// A field type a lenient collection can fill: `Vec<T>` (null or absent is empty) or
/// `Option<Vec<T>>` (null is `None`).
pub(crate) trait Collection: Sized {
    /// The element type.
    type Element: DeserializeOwned;
    /// The value for a JSON `null`.
    fn null() -> Self;
    /// The value for the elements read.
    fn elements(elements: Vec<Self::Element>) -> Self;
}

impl<T: DeserializeOwned> Collection for Vec<T> {
    type Element = T;
    fn null() -> Self {
        Vec::new()
    }
    fn elements(elements: Vec<T>) -> Self {
        elements
    }
}

impl<T: DeserializeOwned> Collection for Option<Vec<T>> {
    type Element = T;
    fn null() -> Self {
        None
    }
    fn elements(elements: Vec<T>) -> Self {
        Some(elements)
    }
}

/// Reads the collection named `collection`, leaving out (and reporting) elements that fail.
fn elements<'de, D: Deserializer<'de>, C: Collection>(
    d: D,
    collection: &'static str,
) -> Result<C, D::Error> {
    d.deserialize_option(Elements::<C> {
        collection,
        marker: PhantomData,
    })
}

struct Elements<C> {
    collection: &'static str,
    marker: PhantomData<C>,
}

impl<'de, C: Collection> Visitor<'de> for Elements<C> {
    type Value = C;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an array of {} or null", self.collection)
    }

    fn visit_none<E>(self) -> Result<C, E> {
        Ok(C::null())
    }

    fn visit_unit<E>(self) -> Result<C, E> {
        Ok(C::null())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<C, D::Error> {
        d.deserialize_seq(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<C, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        let mut index = 0;
        let mut skipped = 0;
        let mut event = "-";
        while let Some(content) = seq.next_element::<Content<'de>>()? {
            match C::Element::deserialize(content) {
                Ok(element) => out.push(element),
                Err(e) => {
                    let error = e.to_string();
                    event = record(self.collection, index, &error);
                    skipped += 1;
                    if skipped <= WARNINGS_PER_COLLECTION {
                        tracing::warn!(
                            event,
                            collection = self.collection,
                            index,
                            error = %error,
                            "left out an element that does not parse; the rest is kept"
                        );
                    }
                }
            }
            index += 1;
        }
        if skipped > WARNINGS_PER_COLLECTION {
            tracing::warn!(
                event,
                collection = self.collection,
                skipped,
                of = index,
                "left out {} more elements that do not parse",
                skipped - WARNINGS_PER_COLLECTION
            );
        }
        Ok(C::elements(out))
    }
}

/// Defines one `deserialize_with` function per collection name.
macro_rules! collections {
    ($($name:ident),* $(,)?) => {
        $(
            #[doc = concat!("`deserialize_with` for a lenient `", stringify!($name), "` collection.")]
            pub(crate) fn $name<'de, D: Deserializer<'de>, C: Collection>(
                d: D,
            ) -> Result<C, D::Error> {
                elements(d, stringify!($name))
            }
        )*
    };
}

collections!(
    members,
    channels,
    threads,
    roles,
    emojis,
    stickers,
    presences,
    voice_states,
    stage_instances,
    guild_scheduled_events,
    soundboard_sounds,
    guilds,
);

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Item {
        id: u32,
    }

    #[derive(Debug, Deserialize)]
    struct Holder {
        #[serde(default, deserialize_with = "members")]
        members: Vec<Item>,
        #[serde(default, deserialize_with = "channels")]
        channels: Option<Vec<Item>>,
    }

    fn parse(json: &str) -> (Holder, Vec<SkippedElement>) {
        collect("TEST_EVENT", || serde_json::from_str::<Holder>(json)).unwrap()
    }

    #[test]
    fn bad_elements_are_left_out_and_reported() {
        let (h, skipped) = parse(
            r#"{"members": [{"id": 1}, {"id": "x"}, {"id": 3}, {}], "channels": [{"id": 4}]}"#,
        );
        assert_eq!(h.members, [Item { id: 1 }, Item { id: 3 }]);
        assert_eq!(h.channels, Some(vec![Item { id: 4 }]));
        let at: Vec<_> = skipped.iter().map(|s| (s.collection, s.index)).collect();
        assert_eq!(at, [("members", 1), ("members", 3)]);
        assert!(
            skipped[1].error.contains("missing field `id`"),
            "{skipped:?}"
        );
        assert_eq!(skipped[1].to_string(), "members[3]: missing field `id`");
    }

    #[test]
    fn null_and_absent_collections() {
        let (h, skipped) = parse(r#"{"members": null, "channels": null}"#);
        assert!(h.members.is_empty() && h.channels.is_none() && skipped.is_empty());
        let (h, _) = parse("{}");
        assert!(h.members.is_empty() && h.channels.is_none());
    }

    #[test]
    fn broken_json_and_non_arrays_still_fail() {
        let bad = [
            r#"{"members": {"id": 1}}"#,
            r#"{"members": [{"id": 1}"#,
            r#"{"members": 3}"#,
        ];
        for json in bad {
            assert!(
                collect("T", || serde_json::from_str::<Holder>(json)).is_err(),
                "{json}"
            );
        }
    }

    #[test]
    fn simd_json_skips_the_same_elements() {
        let mut bytes = br#"{"members": [{"id": 1}, {"id": -1}, {"id": 2}]}"#.to_vec();
        let (h, skipped) =
            collect("T", || simd_json::serde::from_slice::<Holder>(&mut bytes)).unwrap();
        assert_eq!(h.members, [Item { id: 1 }, Item { id: 2 }]);
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].index, 1);
    }

    #[test]
    fn scopes_nest_and_outside_a_scope_nothing_is_kept() {
        let (outer, skipped) = collect("OUTER", || {
            let (inner, inner_skipped) = collect("INNER", || {
                serde_json::from_str::<Holder>(r#"{"members": [{}]}"#)
            })?;
            assert_eq!(inner_skipped.len(), 1);
            serde_json::from_str::<Holder>(r#"{"members": [{"id": 1}, {}, {}]}"#)
                .map(|h| (inner, h))
        })
        .unwrap();
        assert!(outer.0.members.is_empty());
        assert_eq!(skipped.len(), 2);
        // no scope: the element is still left out (and logged), nothing is collected
        let h: Holder = serde_json::from_str(r#"{"members": [{}]}"#).unwrap();
        assert!(h.members.is_empty());
        let (_, after) = collect("AFTER", || serde_json::from_str::<Holder>("{}")).unwrap();
        assert!(after.is_empty());
    }
}
