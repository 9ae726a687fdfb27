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
//! still fails the payload.
//!
//! The model's parse functions ([`Event::from_slice`](crate::gateway::Event::from_slice) and
//! its siblings, [`ParseBuffers`](crate::gateway::ParseBuffers), [`from_slice`]) first read
//! these collections like any other array, element by element straight from the JSON. Only
//! when an element fails is the payload read a second time, leniently: each element is then
//! read into a borrowed intermediate tree, written back as JSON and read from that text with the
//! model's [JSON reader](crate::json), so that one that fails can be left out; its message
//! then says where in the element it failed.
//! Both readings give the same result; the second costs about three times the first, and only
//! payloads with a bad element pay it. A plain `serde_json::from_str` or
//! `json::from_slice` reads leniently from the start.

pub(crate) mod content;

use std::cell::{Cell, RefCell};
use std::fmt;
use std::marker::PhantomData;

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

/// How lenient collections are read on this thread.
#[derive(Clone, Copy, Default)]
struct Mode {
    /// Elements are read straight from the JSON; the first that fails fails the payload.
    strict: bool,
    /// An element failed while reading strictly (reading leniently may still succeed).
    element_failed: bool,
}

thread_local! {
    static MODE: Cell<Mode> = const {
        Cell::new(Mode {
            strict: false,
            element_failed: false,
        })
    };
}

/// Reads a payload with its lenient collections read strictly (no intermediate tree), and
/// again leniently only if an element of one of them failed. `read` must read the payload
/// from its start each time it is called.
#[inline(always)]
pub(crate) fn strict_first<T, E>(mut read: impl FnMut() -> Result<T, E>) -> Result<T, E> {
    /// Puts the enclosing mode back, even if `read` panics.
    struct Restore(Mode);
    impl Drop for Restore {
        fn drop(&mut self) {
            MODE.with(|m| m.set(self.0));
        }
    }
    let enter = |strict: bool| {
        MODE.with(|m| {
            m.replace(Mode {
                strict,
                element_failed: false,
            })
        })
    };
    let _restore = Restore(enter(true));
    let first = read();
    if first.is_err() && MODE.with(Cell::get).element_failed {
        // Leniently this time, even inside another strict reading.
        enter(false);
        return read();
    }
    first
}

/// Reads `json` as a `T` with serde_json, lenient collections first read strictly (see the
/// [module](self)): the same result as `serde_json::from_slice`, without an intermediate tree
/// per element unless an element fails.
///
/// # Errors
/// serde_json's error when `json` is not valid JSON or not a `T`.
pub fn from_slice<T: DeserializeOwned>(json: &[u8]) -> serde_json::Result<T> {
    strict_first(|| serde_json::from_slice(json))
}

/// An element read again from its buffered tree, written back as JSON into `text`, with the
/// model's reader; the error is the reader's message, and where in the element when that is
/// below its top.
fn read_again<T: DeserializeOwned>(content: &Content<'_>, text: &mut Vec<u8>) -> Result<T, String> {
    text.clear();
    serde_json::to_writer(&mut *text, content).map_err(|e| e.to_string())?;
    crate::json::from_slice(text).map_err(|e| match e.path_in(text) {
        Some(path) if path != "." => format!("{} at `{path}`", e.message()),
        _ => e.message().to_owned(),
    })
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
        if MODE.with(Cell::get).strict {
            loop {
                match seq.next_element::<C::Element>() {
                    Ok(Some(element)) => out.push(element),
                    Ok(None) => return Ok(C::elements(out)),
                    Err(e) => {
                        MODE.with(|m| {
                            m.set(Mode {
                                strict: true,
                                element_failed: true,
                            });
                        });
                        return Err(e);
                    }
                }
            }
        }
        let mut index = 0;
        let mut skipped = 0;
        let mut event = "-";
        let mut text = Vec::new();
        while let Some(content) = seq.next_element::<Content<'de>>()? {
            match read_again::<C::Element>(&content, &mut text) {
                Ok(element) => out.push(element),
                Err(error) => {
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
    fn json_reader_skips_the_same_elements() {
        let bytes = br#"{"members": [{"id": 1}, {"id": -1}, {"id": 2}]}"#.to_vec();
        let (h, skipped) = collect("T", || crate::json::from_slice::<Holder>(&bytes)).unwrap();
        assert_eq!(h.members, [Item { id: 1 }, Item { id: 2 }]);
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].index, 1);
    }

    thread_local! {
        /// How many times a [`Counted`] was read, and how many of those again from the
        /// element's text.
        static READS: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
    }

    /// An element that counts its reads (and whether it was read again from its own text, by
    /// the model's JSON reader: these tests read the documents with serde_json).
    #[derive(Debug, PartialEq)]
    struct Counted(u32);

    impl<'de> Deserialize<'de> for Counted {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let buffered = std::any::type_name::<D>().contains("json::reader");
            READS.with(|r| {
                let (all, through_tree) = r.get();
                r.set((all + 1, through_tree + usize::from(buffered)));
            });
            u32::deserialize(d).map(Counted)
        }
    }

    #[derive(Debug, Deserialize)]
    struct Counting {
        #[serde(default, deserialize_with = "members")]
        members: Vec<Counted>,
    }

    /// Parses with `strict_first` inside an event scope; returns the members, the skipped
    /// indexes and the reads (all, again from the element's text).
    fn counted(json: &str) -> (Vec<u32>, Vec<usize>, (usize, usize)) {
        READS.with(|r| r.set((0, 0)));
        let (h, skipped) = collect("TEST_EVENT", || {
            strict_first(|| serde_json::from_str::<Counting>(json))
        })
        .unwrap();
        let members = h.members.into_iter().map(|c| c.0).collect();
        let at = skipped.iter().map(|s| s.index).collect();
        (members, at, READS.with(Cell::get))
    }

    #[test]
    fn a_clean_payload_is_read_once_without_the_tree() {
        let (members, skipped, reads) = counted(r#"{"members": [1, 2, 3]}"#);
        assert_eq!((members, skipped), (vec![1, 2, 3], vec![]));
        assert_eq!(reads, (3, 0));
    }

    #[test]
    fn a_bad_element_makes_a_second_lenient_reading_with_the_same_result() {
        let json = r#"{"members": [1, "x", 3]}"#;
        let (members, skipped, reads) = counted(json);
        assert_eq!((members, skipped), (vec![1, 3], vec![1]));
        // strictly: 1 and "x" (which fails); leniently: all three through the tree
        assert_eq!(reads, (5, 3));
        // the same as reading leniently from the start
        let (lenient, lenient_skipped) =
            collect("TEST_EVENT", || serde_json::from_str::<Counting>(json)).unwrap();
        assert_eq!(lenient.members, [Counted(1), Counted(3)]);
        assert_eq!(lenient_skipped.len(), 1);
        // and the thread is back to lenient reading afterwards
        READS.with(|r| r.set((0, 0)));
        serde_json::from_str::<Counting>(r#"{"members": [4]}"#).unwrap();
        assert_eq!(READS.with(Cell::get), (1, 1));
    }

    #[test]
    fn an_error_outside_the_collections_is_not_read_twice() {
        READS.with(|r| r.set((0, 0)));
        let calls = Cell::new(0);
        let result = strict_first(|| {
            calls.set(calls.get() + 1);
            serde_json::from_str::<Counting>(r#"{"members": [1, 2], "#)
        });
        assert!(result.is_err());
        assert_eq!(calls.get(), 1);
        let broken = from_slice::<Counting>(br#"{"members": [1, {"#);
        assert!(broken.is_err(), "{broken:?}");
    }

    #[test]
    fn a_strict_reading_inside_another_still_falls_back_to_lenient() {
        let outer = strict_first(|| {
            Ok::<_, ()>(strict_first(|| {
                serde_json::from_str::<Counting>(r#"{"members": [1, "x", 3]}"#)
            }))
        });
        let inner = outer.unwrap().unwrap();
        assert_eq!(inner.members, [Counted(1), Counted(3)]);
        assert!(!MODE.with(Cell::get).strict);
    }

    #[test]
    fn a_panicking_read_leaves_the_thread_lenient() {
        let caught = std::panic::catch_unwind(|| {
            let _never = strict_first::<(), ()>(|| panic!("the reader panicked"));
        });
        assert!(caught.is_err());
        assert!(!MODE.with(Cell::get).strict);
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
