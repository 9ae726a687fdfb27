//! serde's view of the reader: each value read straight into the type that asks for it.

use serde::de::{Deserializer, Visitor};

use super::Error;
use super::access::{Items, Variant};
use super::reader::{Number, Reader, Text};

impl<'de> Deserializer<'de> for &mut Reader<'de> {
    type Error = Error;

    #[inline]
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result: Result<V::Value, Error> = match self.peek() {
            Some(b'"') => match self.string()? {
                Text::Borrowed(s) => visitor.visit_borrowed_str(s),
                Text::Copied(s) => visitor.visit_str(s),
            },
            Some(b'{') => {
                let start = self.pos;
                self.enter()?;
                let value = visitor
                    .visit_map(Items::new(self))
                    .map_err(|e| self.refused_at(e, start))?;
                self.leave(b'}')?;
                Ok(value)
            }
            Some(b'[') => {
                let start = self.pos;
                self.enter()?;
                let value = visitor
                    .visit_seq(Items::new(self))
                    .map_err(|e| self.refused_at(e, start))?;
                self.leave(b']')?;
                Ok(value)
            }
            Some(b't') => {
                self.literal(b"true")?;
                visitor.visit_bool(true)
            }
            Some(b'f') => {
                self.literal(b"false")?;
                visitor.visit_bool(false)
            }
            Some(b'n') => {
                self.literal(b"null")?;
                visitor.visit_unit()
            }
            Some(b'-' | b'0'..=b'9') => match self.number()? {
                Number::Unsigned(n) => visitor.visit_u64(n),
                Number::Signed(n) => visitor.visit_i64(n),
                Number::Float(n) => visitor.visit_f64(n),
            },
            _ => return Err(self.unexpected("a value")),
        };
        result.map_err(|e| e.at(self.pos))
    }

    #[inline]
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.peek() == Some(b'n') {
            self.literal(b"null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    #[inline]
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
        match self.peek() {
            Some(b'"') => visitor
                .visit_enum(Variant::unit(self))
                .map_err(|e| e.at(self.pos)),
            Some(b'{') => {
                self.enter()?;
                let value = visitor
                    .visit_enum(Variant::with_value(self))
                    .map_err(|e| e.at(self.pos))?;
                self.leave(b'}')?;
                Ok(value)
            }
            _ => Err(self.unexpected("a string or an object (an enum)")),
        }
    }

    #[inline]
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.skip_value()?;
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier
    }
}
