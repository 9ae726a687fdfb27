//! [`Patch`]: one field of a PATCH body that Discord lets a bot leave unchanged, clear, or set
//! (<https://discord.com/developers/docs/reference#nullable-and-optional-resource-fields>).

use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A field of a PATCH body: leave it unchanged (absent), clear it (`null`), or set it.
///
/// A PATCH body changes only the fields it carries
/// ([docs](https://discord.com/developers/docs/reference#nullable-and-optional-resource-fields)).
/// For a field that can be empty on Discord's side (a nickname, a channel topic, a role icon),
/// the body can say three things, and JSON has three ways to say them:
///
/// | [`Patch`]              | JSON              | Discord                                    |
/// |------------------------|-------------------|--------------------------------------------|
/// | [`Patch::Unchanged`]   | the field absent  | keeps the current value                    |
/// | [`Patch::Clear`]       | `"field": null`   | removes the value (or resets the default)  |
/// | [`Patch::Set`]`(v)`    | `"field": v`      | sets the value                             |
///
/// A field of this type carries `#[serde(default, skip_serializing_if = "Patch::is_absent")]`:
/// `default` reads an absent field as [`Patch::Unchanged`], and `skip_serializing_if` leaves it
/// out when writing. Fields that cannot be cleared stay plain `Option<T>` (absent or set).
///
/// ```
/// use asyncord_model::request::{ModifyGuildMember, Patch};
///
/// let body = ModifyGuildMember {
///     nick: Patch::Clear,
///     mute: true.into(),
///     ..ModifyGuildMember::default()
/// };
/// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"nick":null,"mute":true}"#);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Patch<T> {
    /// Leave the value as it is: the field is not sent.
    Unchanged,
    /// Remove the value (or reset it to Discord's default): the field is sent as `null`.
    Clear,
    /// Set the value.
    Set(T),
}

impl<T> Patch<T> {
    /// [`Patch::Set`] for `Some`, [`Patch::Clear`] for `None`: for a value that may be absent,
    /// where absent means "remove it" (the builders of the PATCH bodies take these).
    pub fn set_or_clear(value: Option<T>) -> Self {
        value.map_or(Self::Clear, Self::Set)
    }

    /// Whether the field is left out of the body ([`Patch::Unchanged`]); the
    /// `skip_serializing_if` of every `Patch` field.
    pub const fn is_absent(&self) -> bool {
        matches!(self, Self::Unchanged)
    }

    /// Whether the field is sent as `null` ([`Patch::Clear`]).
    pub const fn is_clear(&self) -> bool {
        matches!(self, Self::Clear)
    }

    /// The value when it is set.
    pub const fn get(&self) -> Option<&T> {
        match self {
            Self::Set(value) => Some(value),
            Self::Unchanged | Self::Clear => None,
        }
    }

    /// The value, dereferenced, when it is set (`Patch<String>` gives `Option<&str>`).
    pub fn as_deref(&self) -> Option<&T::Target>
    where
        T: Deref,
    {
        self.get().map(Deref::deref)
    }

    /// Changes the value when it is set; the other states stay as they are.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Patch<U> {
        match self {
            Self::Unchanged => Patch::Unchanged,
            Self::Clear => Patch::Clear,
            Self::Set(value) => Patch::Set(f(value)),
        }
    }
}

impl<T> Default for Patch<T> {
    /// [`Patch::Unchanged`]: a default body changes nothing.
    fn default() -> Self {
        Self::Unchanged
    }
}

impl<T> From<T> for Patch<T> {
    /// [`Patch::Set`].
    fn from(value: T) -> Self {
        Self::Set(value)
    }
}

impl<T: Serialize> Serialize for Patch<T> {
    /// A set value as itself, anything else as `null` (an unchanged field is skipped before it
    /// gets here, by `skip_serializing_if = "Patch::is_absent"`).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Set(value) => value.serialize(serializer),
            Self::Unchanged | Self::Clear => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Patch<T> {
    /// `null` as [`Patch::Clear`], a value as [`Patch::Set`] (an absent field is
    /// [`Patch::Unchanged`] through `#[serde(default)]`).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(deserializer).map(|value| value.map_or(Self::Clear, Self::Set))
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    use super::Patch;

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    struct Body {
        #[serde(default, skip_serializing_if = "Patch::is_absent")]
        nick: Patch<String>,
    }

    fn body(nick: Patch<String>) -> Body {
        Body { nick }
    }

    #[test]
    fn three_states_on_the_wire() {
        for (nick, json) in [
            (Patch::Unchanged, "{}"),
            (Patch::Clear, r#"{"nick":null}"#),
            (Patch::Set("x".to_owned()), r#"{"nick":"x"}"#),
        ] {
            let b = body(nick);
            assert_eq!(serde_json::to_string(&b).unwrap(), json);
            assert_eq!(serde_json::from_str::<Body>(json).unwrap(), b);
        }
    }

    #[test]
    fn accessors() {
        let set: Patch<String> = "x".to_owned().into();
        assert_eq!(set.get().map(String::as_str), Some("x"));
        assert_eq!(set.as_deref(), Some("x"));
        assert!(!set.is_absent() && !set.is_clear());
        assert!(Patch::<u8>::default().is_absent());
        assert!(Patch::<u8>::Clear.is_clear());
        assert_eq!(Patch::<u8>::Clear.get(), None);
        assert_eq!(Patch::Set(2_u8).map(u16::from), Patch::Set(2_u16));
        assert_eq!(Patch::<u8>::Clear.map(u16::from), Patch::Clear);
    }
}
