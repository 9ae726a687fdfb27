//! An object's entries, an array's elements and an enum's variant, handed to serde one by one.

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

use super::Error;
use super::reader::{Reader, Text};

/// The entries of an object or the elements of an array whose `{` or `[` has been read (the
/// closing bracket is left for the caller).
pub(crate) struct Items<'r, 'de> {
    reader: &'r mut Reader<'de>,
    first: bool,
}

impl<'r, 'de> Items<'r, 'de> {
    pub(crate) fn new(reader: &'r mut Reader<'de>) -> Self {
        Self {
            reader,
            first: true,
        }
    }
}

impl<'de> MapAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if !self.reader.next_entry(&mut self.first)? {
            return Ok(None);
        }
        seed.deserialize(Key(&mut *self.reader)).map(Some)
    }

    #[inline]
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        self.reader.expect(b':', "`:`")?;
        seed.deserialize(&mut *self.reader)
    }
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if !self.reader.next_element(&mut self.first)? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

/// An object's key: a string, which a map keyed by numbers reads as one.
struct Key<'r, 'de>(&'r mut Reader<'de>);

impl Key<'_, '_> {
    /// The key's text, for a number to be read from.
    fn number<T: std::str::FromStr>(self) -> Result<T, Error> {
        let reader = self.0;
        let parsed = match reader.string()? {
            Text::Borrowed(s) | Text::Copied(s) => s.parse(),
        };
        parsed.map_err(|_| reader.fail("a key that is not the number its map is keyed by"))
    }
}

macro_rules! numeric_keys {
    ($($method:ident $visit:ident $t:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            visitor.$visit(self.number::<$t>()?)
        }
    )*};
}

impl<'de> Deserializer<'de> for Key<'_, 'de> {
    type Error = Error;

    #[inline]
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let reader = self.0;
        let result: Result<V::Value, Error> = match reader.string()? {
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Copied(s) => visitor.visit_str(s),
        };
        result.map_err(|e| e.at(reader.pos))
    }

    numeric_keys! {
        deserialize_i8 visit_i8 i8, deserialize_i16 visit_i16 i16, deserialize_i32 visit_i32 i32,
        deserialize_i64 visit_i64 i64, deserialize_u8 visit_u8 u8, deserialize_u16 visit_u16 u16,
        deserialize_u32 visit_u32 u32, deserialize_u64 visit_u64 u64
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
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
        visitor.visit_enum(Variant::unit(self.0))
    }

    serde::forward_to_deserialize_any! {
        bool i128 u128 f32 f64 char str string bytes byte_buf unit unit_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

/// An enum's variant: a string (a unit variant), or an object of one entry whose key names the
/// variant and whose value is the variant's content (its `{` read; the `}` left for the caller).
pub(crate) struct Variant<'r, 'de> {
    reader: &'r mut Reader<'de>,
    with_value: bool,
}

impl<'r, 'de> Variant<'r, 'de> {
    pub(crate) fn unit(reader: &'r mut Reader<'de>) -> Self {
        Self {
            reader,
            with_value: false,
        }
    }

    pub(crate) fn with_value(reader: &'r mut Reader<'de>) -> Self {
        Self {
            reader,
            with_value: true,
        }
    }
}

impl<'de> EnumAccess<'de> for Variant<'_, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        if self.reader.peek() != Some(b'"') {
            return Err(self.reader.unexpected("a variant name (a string)"));
        }
        let variant = seed.deserialize(Key(&mut *self.reader))?;
        if self.with_value {
            self.reader.expect(b':', "`:`")?;
        }
        Ok((variant, self))
    }
}

impl<'de> VariantAccess<'de> for Variant<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        if self.with_value {
            de::Deserialize::deserialize(&mut *self.reader)
        } else {
            Ok(())
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        if self.with_value {
            seed.deserialize(&mut *self.reader)
        } else {
            Err(de::Error::invalid_type(
                de::Unexpected::UnitVariant,
                &"a variant with a value",
            ))
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        if self.with_value {
            self.reader.deserialize_seq(visitor)
        } else {
            Err(de::Error::invalid_type(
                de::Unexpected::UnitVariant,
                &"a tuple variant",
            ))
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if self.with_value {
            self.reader.deserialize_map(visitor)
        } else {
            Err(de::Error::invalid_type(
                de::Unexpected::UnitVariant,
                &"a struct variant",
            ))
        }
    }
}
