//! [`Content`]: a JSON value read from the input as a tree that borrows its strings (no copy
//! where the JSON has no escapes), to be read again as some type.
//!
//! - One element of a lenient collection, when the strict reading failed: written back as
//!   compact JSON (its `Serialize`, with serde_json) and read again, as the element's type, by
//!   the model's [JSON reader](crate::json). If that fails, the input is past the element
//!   already and the next one is read normally; that is what lets a collection leave one
//!   element out. Read again from its text, not from the tree, so that a program carries one
//!   copy of the model's deserialisers (the reader's) rather than a second one for the tree
//!   (about a megabyte).
//! - A component whose `type` is not its first key: read again from the tree itself (which is
//!   a serde deserializer for that), with `type` moved first; only the component types are read
//!   this way, and it is the faster path for them.
//!
//! `serde_json::Value` would do as the tree but costs an owned `String` per key and value and a
//! `BTreeMap` per object, and sorts the keys; this tree keeps keys and values borrowed, in order.

use std::fmt;

use serde::de::value::Error;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use serde::forward_to_deserialize_any;
use serde::{Serialize, Serializer};

/// A JSON value that borrows from the input where it can.
#[derive(Debug)]
pub(crate) enum Content<'de> {
    Null,
    Bool(bool),
    U64(u64),
    I64(i64),
    F64(f64),
    Borrowed(&'de str),
    Owned(String),
    Seq(Vec<Content<'de>>),
    Map(Vec<(Content<'de>, Content<'de>)>),
}

impl Content<'_> {
    /// The value of `key` in an object (`None` for a missing key or a non-object).
    pub(crate) fn get(&self, key: &str) -> Option<&Self> {
        let Self::Map(entries) = self else {
            return None;
        };
        entries
            .iter()
            .find_map(|(k, v)| (k.as_str() == Some(key)).then_some(v))
    }

    /// Moves the entry `key` to the front of this object and of every object nested in it.
    pub(crate) fn hoist_key(&mut self, key: &str) {
        match self {
            Self::Map(entries) => {
                if let Some(at) = entries.iter().position(|(k, _)| k.as_str() == Some(key)) {
                    entries[..=at].rotate_right(1);
                }
                for (_, value) in entries {
                    value.hoist_key(key);
                }
            }
            Self::Seq(items) => {
                for item in items {
                    item.hoist_key(key);
                }
            }
            _ => {}
        }
    }

    /// A string's text (`None` for anything else).
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Self::Borrowed(s) => Some(s),
            Self::Owned(s) => Some(s),
            _ => None,
        }
    }

    /// An integer as `i64` (`None` for anything else, or one out of range).
    pub(crate) fn as_i64(&self) -> Option<i64> {
        match self {
            Self::I64(n) => Some(*n),
            Self::U64(n) => i64::try_from(*n).ok(),
            _ => None,
        }
    }

    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            Self::Null => Unexpected::Unit,
            Self::Bool(b) => Unexpected::Bool(*b),
            Self::U64(n) => Unexpected::Unsigned(*n),
            Self::I64(n) => Unexpected::Signed(*n),
            Self::F64(n) => Unexpected::Float(*n),
            Self::Borrowed(s) => Unexpected::Str(s),
            Self::Owned(s) => Unexpected::Str(s),
            Self::Seq(_) => Unexpected::Seq,
            Self::Map(_) => Unexpected::Map,
        }
    }
}

/// Written back as JSON (with serde_json: `serde_json::to_writer`) it is what it was read from,
/// up to whitespace, escapes and the spelling of numbers; a float keeps a fraction or an
/// exponent, so that it reads back as a float.
impl Serialize for Content<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Null => s.serialize_unit(),
            Self::Bool(b) => s.serialize_bool(*b),
            Self::U64(n) => s.serialize_u64(*n),
            Self::I64(n) => s.serialize_i64(*n),
            Self::F64(n) => s.serialize_f64(*n),
            Self::Borrowed(v) => s.serialize_str(v),
            Self::Owned(v) => s.serialize_str(v),
            Self::Seq(items) => s.collect_seq(items),
            Self::Map(entries) => s.collect_map(entries.iter().map(|(k, v)| (k, v))),
        }
    }
}

impl<'de> de::Deserialize<'de> for Content<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ContentVisitor)
    }
}

struct ContentVisitor;

impl<'de> Visitor<'de> for ContentVisitor {
    type Value = Content<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Content<'de>, E> {
        Ok(Content::Null)
    }

    fn visit_none<E>(self) -> Result<Content<'de>, E> {
        Ok(Content::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Content<'de>, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Content<'de>, E> {
        Ok(Content::Bool(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Content<'de>, E> {
        Ok(Content::U64(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Content<'de>, E> {
        Ok(Content::I64(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Content<'de>, E> {
        Ok(Content::F64(v))
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Content<'de>, E> {
        Ok(Content::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Content<'de>, E> {
        Ok(Content::Owned(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Content<'de>, E> {
        Ok(Content::Owned(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Content<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Content::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Content<'de>, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(1024));
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Content::Map(entries))
    }
}

impl<'de> Deserializer<'de> for Content<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Self::Null => visitor.visit_unit(),
            Self::Bool(v) => visitor.visit_bool(v),
            Self::U64(v) => visitor.visit_u64(v),
            Self::I64(v) => visitor.visit_i64(v),
            Self::F64(v) => visitor.visit_f64(v),
            Self::Borrowed(v) => visitor.visit_borrowed_str(v),
            Self::Owned(v) => visitor.visit_string(v),
            Self::Seq(items) => {
                let mut access = Items(items.into_iter());
                let value = visitor.visit_seq(&mut access)?;
                match access.0.len() {
                    0 => Ok(value),
                    left => Err(de::Error::custom(format_args!(
                        "{left} array elements left over"
                    ))),
                }
            }
            Self::Map(entries) => visitor.visit_map(Entries {
                entries: entries.into_iter(),
                value: None,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Self::Null => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self {
            Self::Borrowed(_) | Self::Owned(_) => visitor.visit_enum(Variant {
                name: self,
                value: None,
            }),
            Self::Map(entries) if entries.len() == 1 => {
                let Some((name, value)) = entries.into_iter().next() else {
                    return Err(de::Error::custom("an enum as a map of one entry"));
                };
                visitor.visit_enum(Variant {
                    name,
                    value: Some(value),
                })
            }
            other => Err(de::Error::invalid_type(
                other.unexpected(),
                &"an enum as a string or a map of one entry",
            )),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

impl<'de> IntoDeserializer<'de, Error> for Content<'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

struct Items<'de>(std::vec::IntoIter<Content<'de>>);

impl<'de> SeqAccess<'de> for Items<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0.next().map(|item| seed.deserialize(item)).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Entries<'de> {
    entries: std::vec::IntoIter<(Content<'de>, Content<'de>)>,
    value: Option<Content<'de>>,
}

impl<'de> MapAccess<'de> for Entries<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.entries.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(key).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(value),
            None => Err(de::Error::custom("a map value asked for before its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

struct Variant<'de> {
    name: Content<'de>,
    value: Option<Content<'de>>,
}

impl<'de> EnumAccess<'de> for Variant<'de> {
    type Error = Error;
    type Variant = VariantValue<'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, VariantValue<'de>), Error> {
        let name = seed.deserialize(self.name)?;
        Ok((name, VariantValue(self.value)))
    }
}

struct VariantValue<'de>(Option<Content<'de>>);

impl<'de> VariantAccess<'de> for VariantValue<'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.0 {
            None | Some(Content::Null) => Ok(()),
            Some(other) => Err(de::Error::invalid_type(
                other.unexpected(),
                &"a unit variant",
            )),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        match self.0 {
            Some(value) => seed.deserialize(value),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"a newtype variant",
            )),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Some(value @ Content::Seq(_)) => value.deserialize_any(visitor),
            Some(other) => Err(de::Error::invalid_type(
                other.unexpected(),
                &"a tuple variant",
            )),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"a tuple variant",
            )),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Some(value @ Content::Map(_)) => value.deserialize_any(visitor),
            Some(other) => Err(de::Error::invalid_type(
                other.unexpected(),
                &"a struct variant",
            )),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"a struct variant",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Sample {
        name: String,
        n: Option<u32>,
        list: Vec<i64>,
        nested: Option<Box<Sample>>,
        value: serde_json::Value,
        kind: Kind,
        f: f64,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        A,
        B(u8),
    }

    const JSON: &str = r#"{"name": "a\"b\\c\u0001\n\u00e9", "n": null, "list": [-1, 2], "kind": "a", "f": 0.9843569397926331,
        "nested": {"name": "x", "n": 3, "list": [], "nested": null, "value": [1], "kind": {"b": 4}, "f": 1e3},
        "value": {"k": [true, null, 1.5, "s", -0.0, 1e300, 5e-324, 18446744073709551615, -9223372036854775808]}}"#;

    fn text_of(content: &Content<'_>) -> String {
        serde_json::to_string(content).unwrap()
    }

    #[test]
    fn the_text_reads_back_as_the_value_it_was_read_from() {
        let direct: Sample = serde_json::from_str(JSON).unwrap();
        let want: serde_json::Value = serde_json::from_str(JSON).unwrap();
        let content: Content<'_> = serde_json::from_str(JSON).unwrap();
        let text = text_of(&content);
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            want
        );
        assert_eq!(crate::json::from_str::<Sample>(&text).unwrap(), direct);
        // read with the model's reader; and from an owned value (nothing can be borrowed, and
        // `serde_json::Value` sorts the keys)
        let content: Content<'_> = crate::json::from_str(JSON).unwrap();
        assert_eq!(text_of(&content), text);
        let content = Content::deserialize(want.clone()).unwrap();
        let again: serde_json::Value = serde_json::from_str(&text_of(&content)).unwrap();
        assert_eq!(again, want);
        // a float stays a float, keys stay in order
        let content: Content<'_> = serde_json::from_str(r#"{"z": 1.0, "a": 2}"#).unwrap();
        assert_eq!(text_of(&content), r#"{"z":1.0,"a":2}"#);
    }

    #[test]
    fn every_string_is_written_back_exactly() {
        for c in (0..0x80).chain([0xe9, 0x2028, 0xfeff, 0x1f600]) {
            let s: String = ['a', char::from_u32(c).unwrap(), 'b'].into_iter().collect();
            let json = serde_json::to_string(&s).unwrap();
            let content: Content<'_> = serde_json::from_str(&json).unwrap();
            let back: String = serde_json::from_str(&text_of(&content)).unwrap();
            assert_eq!(back, s, "{c:#x}");
        }
    }

    fn through_content(content: Content<'_>) -> Sample {
        Sample::deserialize(content).unwrap()
    }

    #[test]
    fn reading_through_content_equals_reading_directly() {
        let direct: Sample = serde_json::from_str(JSON).unwrap();
        let content: Content<'_> = serde_json::from_str(JSON).unwrap();
        assert_eq!(through_content(content), direct);
        let bytes = JSON.as_bytes().to_vec();
        let content: Content<'_> = crate::json::from_slice(&bytes).unwrap();
        assert_eq!(through_content(content), direct);
        // from an owned value: nothing can be borrowed
        let value: serde_json::Value = serde_json::from_str(JSON).unwrap();
        let content = Content::deserialize(value).unwrap();
        assert_eq!(through_content(content), direct);
    }

    #[test]
    fn strings_without_escapes_are_borrowed() {
        let content: Content<'_> =
            serde_json::from_str(r#"{"key": "plain", "e": "a\nb"}"#).unwrap();
        let Content::Map(entries) = content else {
            panic!("not a map")
        };
        assert!(matches!(
            entries[0],
            (Content::Borrowed("key"), Content::Borrowed("plain"))
        ));
        assert!(matches!(&entries[1].1, Content::Owned(s) if s == "a\nb"));
    }

    #[test]
    fn type_errors_read_like_serde_json_ones() {
        let content: Content<'_> = serde_json::from_str(r#"{"name": 5}"#).unwrap();
        let e = Sample::deserialize(content).unwrap_err().to_string();
        assert!(
            e.contains("invalid type: integer `5`, expected a string"),
            "{e}"
        );
        let content: Content<'_> = serde_json::from_str(r#"{"name": "x"}"#).unwrap();
        let e = Sample::deserialize(content).unwrap_err().to_string();
        assert!(e.contains("missing field"), "{e}");
    }
}
