//! Declarative macros that generate the model's forward-compatible enums and bit flags.
//!
//! - [`int_enum!`](crate::int_enum): an integer-valued enum with an `Unknown(n)` variant that
//!   keeps values Discord adds later.
//! - [`str_enum!`](crate::str_enum): a string-valued enum with an `Unknown(String)` variant.
//! - [`int_flags!`](crate::int_flags): a `bitflags` type serialised as a number, unknown bits kept.
//! - [`string_flags!`](crate::string_flags): the same, serialised as a decimal string
//!   (permissions), accepting a string or a number on input.

/// Defines an integer-valued enum whose unknown values survive as `Unknown(n)`.
///
/// The integer type must hold any value the field can carry, known or not: Discord adds values
/// without notice and declares its enum fields as `int32`, so every enum of a JSON field uses
/// `i64` (any integer Discord sends fits). A narrower type would fail the whole object on the
/// first value above its range. Only values fixed by another protocol may be narrower
/// (WebSocket close codes are 16-bit).
///
/// ```
/// asyncord_model::int_enum! {
///     /// Doc.
///     pub enum Example: i64 {
///         /// One.
///         One = 1,
///         /// Two.
///         Two = 2,
///     }
/// }
/// assert_eq!(Example::from(3), Example::Unknown(3));
/// assert_eq!(Example::from(70_000), Example::Unknown(70_000));
/// ```
#[macro_export]
macro_rules! int_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident : $repr:ty {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this version of asyncord does not know yet; the number is kept.
            Unknown($repr),
        }

        impl $name {
            /// The numeric value Discord uses.
            pub const fn value(self) -> $repr {
                match self {
                    $( Self::$variant => $value, )*
                    Self::Unknown(v) => v,
                }
            }

            /// The variant for a numeric value (`Unknown` when not known).
            pub const fn from_value(v: $repr) -> Self {
                match v {
                    $( $value => Self::$variant, )*
                    other => Self::Unknown(other),
                }
            }
        }

        impl ::core::convert::From<$repr> for $name {
            fn from(v: $repr) -> Self {
                Self::from_value(v)
            }
        }

        impl ::core::convert::From<$name> for $repr {
            fn from(v: $name) -> Self {
                v.value()
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
                ::serde::Serialize::serialize(&self.value(), s)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::core::result::Result<Self, D::Error> {
                <$repr as ::serde::Deserialize>::deserialize(d).map(Self::from_value)
            }
        }
    };
}

/// Defines a string-valued enum whose unknown values survive as `Unknown(String)`.
#[macro_export]
macro_rules! str_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this version of asyncord does not know yet; the string is kept.
            Unknown(::std::string::String),
        }

        impl $name {
            /// The string Discord uses.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $value, )*
                    Self::Unknown(v) => v.as_str(),
                }
            }

            /// The variant for a string (`Unknown` when not known).
            pub fn from_str_value(v: &str) -> Self {
                match v {
                    $( $value => Self::$variant, )*
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::convert::From<&str> for $name {
            fn from(v: &str) -> Self {
                Self::from_str_value(v)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::core::result::Result<Self, D::Error> {
                struct V;
                impl ::serde::de::Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " string"))
                    }
                    fn visit_str<E: ::serde::de::Error>(self, v: &str) -> ::core::result::Result<$name, E> {
                        Ok($name::from_str_value(v))
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
}

/// Defines a bit-flags type (via `bitflags`) serialised as a JSON number; unknown bits are kept.
#[macro_export]
macro_rules! int_flags {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident : $repr:ty {
            $( $(#[$fmeta:ident $($fargs:tt)*])* const $flag:ident = $value:expr; )*
        }
    ) => {
        $crate::bitflags::bitflags! {
            $(#[$meta])*
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
            $vis struct $name: $repr {
                $( $(#[$fmeta $($fargs)*])* const $flag = $value; )*
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
                ::serde::Serialize::serialize(&self.bits(), s)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::core::result::Result<Self, D::Error> {
                <$repr as ::serde::Deserialize>::deserialize(d).map(Self::from_bits_retain)
            }
        }
    };
}

/// Defines a bit-flags type serialised as a decimal string (as Discord does for permissions);
/// a string or a number is accepted on input and unknown bits are kept.
#[macro_export]
macro_rules! string_flags {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident : u64 {
            $( $(#[$fmeta:ident $($fargs:tt)*])* const $flag:ident = $value:expr; )*
        }
    ) => {
        $crate::bitflags::bitflags! {
            $(#[$meta])*
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
            $vis struct $name: u64 {
                $( $(#[$fmeta $($fargs)*])* const $flag = $value; )*
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::core::result::Result<S::Ok, S::Error> {
                s.collect_str(&self.bits())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::core::result::Result<Self, D::Error> {
                struct V;
                impl ::serde::de::Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str("a bit set as a decimal string or an integer")
                    }
                    fn visit_str<E: ::serde::de::Error>(self, v: &str) -> ::core::result::Result<$name, E> {
                        v.parse::<u64>()
                            .map($name::from_bits_retain)
                            .map_err(|_| E::invalid_value(::serde::de::Unexpected::Str(v), &self))
                    }
                    fn visit_u64<E: ::serde::de::Error>(self, v: u64) -> ::core::result::Result<$name, E> {
                        Ok($name::from_bits_retain(v))
                    }
                    fn visit_i64<E: ::serde::de::Error>(self, v: i64) -> ::core::result::Result<$name, E> {
                        u64::try_from(v)
                            .map($name::from_bits_retain)
                            .map_err(|_| E::invalid_value(::serde::de::Unexpected::Signed(v), &self))
                    }
                }
                d.deserialize_any(V)
            }
        }
    };
}
