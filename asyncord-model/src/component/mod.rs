//! Message and modal components, v1 (action rows, buttons, selects, text inputs) and v2
//! (sections, containers, text displays, media, files, separators, labels, file uploads, radio
//! groups, checkboxes).
//!
//! Implements the [component reference](https://discord.com/developers/docs/components/reference).
//! Every component is one variant of [`Component`], tagged by its integer `type`; a type this
//! version does not know is kept as [`Component::Unknown`] with its raw JSON, so a message with a
//! brand-new component still parses and round-trips.
//!
//! The same structs describe components you send and components Discord sends back, including
//! the submitted values of a modal (`value` / `values` fields).

mod content;
mod interactive;
mod layout;

pub use content::{
    File, MediaGallery, MediaGalleryItem, TextDisplay, Thumbnail, UnfurledMediaItem,
};
pub use interactive::{
    Button, ButtonStyle, Checkbox, CheckboxGroup, FileUpload, GroupOption, RadioGroup,
    SelectDefaultValue, SelectDefaultValueType, SelectMenu, SelectOption, TextInput,
    TextInputStyle,
};
pub use layout::{ActionRow, Container, Label, Section, Separator, SeparatorSpacing};

use serde::de::value::MapAccessDeserializer;
use serde::de::{Error as _, MapAccess, Visitor};
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::int_enum;
use crate::lenient::content::Content;

int_enum! {
    /// The integer `type` of a component ([docs](https://discord.com/developers/docs/components/reference#component-object-component-types)).
    pub enum ComponentType: i64 {
        /// Container for other components (v1 layout).
        ActionRow = 1,
        /// Button.
        Button = 2,
        /// Select menu of text options.
        StringSelect = 3,
        /// Text input (modals).
        TextInput = 4,
        /// Select menu of users.
        UserSelect = 5,
        /// Select menu of roles.
        RoleSelect = 6,
        /// Select menu of users and roles.
        MentionableSelect = 7,
        /// Select menu of channels.
        ChannelSelect = 8,
        /// Text with an accessory (v2).
        Section = 9,
        /// Markdown text (v2).
        TextDisplay = 10,
        /// Small image accessory (v2).
        Thumbnail = 11,
        /// Gallery of images and videos (v2).
        MediaGallery = 12,
        /// An attached file (v2).
        File = 13,
        /// Vertical padding and divider (v2).
        Separator = 14,
        /// Visually grouped components with an accent colour (v2).
        Container = 17,
        /// A label and description wrapping a modal input.
        Label = 18,
        /// File upload (modals).
        FileUpload = 19,
        /// Single choice among options (modals).
        RadioGroup = 21,
        /// Multiple choices among options (modals).
        CheckboxGroup = 22,
        /// A single yes/no checkbox (modals).
        Checkbox = 23,
    }
}

/// A component of a message or modal.
///
/// Deserialisation reads the `type` first; unknown types land in [`Component::Unknown`].
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Component {
    /// `type` 1.
    ActionRow(ActionRow),
    /// `type` 2.
    Button(Button),
    /// `type` 3.
    StringSelect(SelectMenu),
    /// `type` 4.
    TextInput(TextInput),
    /// `type` 5.
    UserSelect(SelectMenu),
    /// `type` 6.
    RoleSelect(SelectMenu),
    /// `type` 7.
    MentionableSelect(SelectMenu),
    /// `type` 8.
    ChannelSelect(SelectMenu),
    /// `type` 9.
    Section(Section),
    /// `type` 10.
    TextDisplay(TextDisplay),
    /// `type` 11.
    Thumbnail(Thumbnail),
    /// `type` 12.
    MediaGallery(MediaGallery),
    /// `type` 13.
    File(File),
    /// `type` 14.
    Separator(Separator),
    /// `type` 17.
    Container(Container),
    /// `type` 18.
    Label(Label),
    /// `type` 19.
    FileUpload(FileUpload),
    /// `type` 21.
    RadioGroup(RadioGroup),
    /// `type` 22.
    CheckboxGroup(CheckboxGroup),
    /// `type` 23.
    Checkbox(Checkbox),
    /// A component type this version does not know; the whole JSON object is kept.
    Unknown(serde_json::Value),
}

impl Component {
    /// The component's `type`.
    pub fn kind(&self) -> ComponentType {
        match self {
            Self::ActionRow(_) => ComponentType::ActionRow,
            Self::Button(_) => ComponentType::Button,
            Self::StringSelect(_) => ComponentType::StringSelect,
            Self::TextInput(_) => ComponentType::TextInput,
            Self::UserSelect(_) => ComponentType::UserSelect,
            Self::RoleSelect(_) => ComponentType::RoleSelect,
            Self::MentionableSelect(_) => ComponentType::MentionableSelect,
            Self::ChannelSelect(_) => ComponentType::ChannelSelect,
            Self::Section(_) => ComponentType::Section,
            Self::TextDisplay(_) => ComponentType::TextDisplay,
            Self::Thumbnail(_) => ComponentType::Thumbnail,
            Self::MediaGallery(_) => ComponentType::MediaGallery,
            Self::File(_) => ComponentType::File,
            Self::Separator(_) => ComponentType::Separator,
            Self::Container(_) => ComponentType::Container,
            Self::Label(_) => ComponentType::Label,
            Self::FileUpload(_) => ComponentType::FileUpload,
            Self::RadioGroup(_) => ComponentType::RadioGroup,
            Self::CheckboxGroup(_) => ComponentType::CheckboxGroup,
            Self::Checkbox(_) => ComponentType::Checkbox,
            Self::Unknown(raw) => ComponentType::from_value(
                raw.get("type")
                    .and_then(serde_json::Value::as_i64)
                    .unwrap_or(0),
            ),
        }
    }

    /// The developer-defined `custom_id` of an interactive component.
    pub fn custom_id(&self) -> Option<&str> {
        match self {
            Self::Button(b) => b.custom_id.as_deref(),
            Self::StringSelect(s)
            | Self::UserSelect(s)
            | Self::RoleSelect(s)
            | Self::MentionableSelect(s)
            | Self::ChannelSelect(s) => Some(&s.custom_id),
            Self::TextInput(t) => Some(&t.custom_id),
            Self::FileUpload(f) => Some(&f.custom_id),
            Self::RadioGroup(r) => Some(&r.custom_id),
            Self::CheckboxGroup(c) => Some(&c.custom_id),
            Self::Checkbox(c) => Some(&c.custom_id),
            _ => None,
        }
    }

    /// The optional numeric identifier of the component within its message.
    pub fn id(&self) -> Option<i32> {
        match self {
            Self::ActionRow(c) => c.id,
            Self::Button(c) => c.id,
            Self::StringSelect(c)
            | Self::UserSelect(c)
            | Self::RoleSelect(c)
            | Self::MentionableSelect(c)
            | Self::ChannelSelect(c) => c.id,
            Self::TextInput(c) => c.id,
            Self::Section(c) => c.id,
            Self::TextDisplay(c) => c.id,
            Self::Thumbnail(c) => c.id,
            Self::MediaGallery(c) => c.id,
            Self::File(c) => c.id,
            Self::Separator(c) => c.id,
            Self::Container(c) => c.id,
            Self::Label(c) => c.id,
            Self::FileUpload(c) => c.id,
            Self::RadioGroup(c) => c.id,
            Self::CheckboxGroup(c) => c.id,
            Self::Checkbox(c) => c.id,
            Self::Unknown(raw) => raw
                .get("id")
                .and_then(serde_json::Value::as_i64)
                .and_then(|n| i32::try_from(n).ok()),
        }
    }

    /// The direct children of a layout component (action row, section incl. its accessory,
    /// container, label); empty for the others.
    pub fn children(&self) -> Vec<&Component> {
        match self {
            Self::ActionRow(r) => r.components.iter().collect(),
            Self::Section(s) => s
                .components
                .iter()
                .chain(std::iter::once(s.accessory.as_ref()))
                .collect(),
            Self::Container(c) => c.components.iter().collect(),
            Self::Label(l) => vec![l.component.as_ref()],
            _ => Vec::new(),
        }
    }

    /// Calls `f` on this component and, depth first, on every nested component.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Component)) {
        f(self);
        for child in self.children() {
            child.walk(f);
        }
    }

    /// Whether this is one of the five select menus.
    pub const fn is_select(&self) -> bool {
        matches!(
            self,
            Self::StringSelect(_)
                | Self::UserSelect(_)
                | Self::RoleSelect(_)
                | Self::MentionableSelect(_)
                | Self::ChannelSelect(_)
        )
    }
}

macro_rules! from_parts {
    ($($variant:ident($ty:ty)),* $(,)?) => {
        $(
            impl From<$ty> for Component {
                fn from(v: $ty) -> Self {
                    Self::$variant(v)
                }
            }
        )*
    };
}

from_parts!(
    ActionRow(ActionRow),
    Button(Button),
    TextInput(TextInput),
    Section(Section),
    TextDisplay(TextDisplay),
    Thumbnail(Thumbnail),
    MediaGallery(MediaGallery),
    File(File),
    Separator(Separator),
    Container(Container),
    Label(Label),
    FileUpload(FileUpload),
    RadioGroup(RadioGroup),
    CheckboxGroup(CheckboxGroup),
    Checkbox(Checkbox),
);

/// Serialises `inner` with a `type` key added.
#[derive(Serialize)]
struct Tagged<'a, T> {
    #[serde(rename = "type")]
    kind: i64,
    #[serde(flatten)]
    inner: &'a T,
}

impl Serialize for Component {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let kind = self.kind().value();
        match self {
            Self::ActionRow(c) => Tagged { kind, inner: c }.serialize(s),
            Self::Button(c) => Tagged { kind, inner: c }.serialize(s),
            Self::StringSelect(c)
            | Self::UserSelect(c)
            | Self::RoleSelect(c)
            | Self::MentionableSelect(c)
            | Self::ChannelSelect(c) => Tagged { kind, inner: c }.serialize(s),
            Self::TextInput(c) => Tagged { kind, inner: c }.serialize(s),
            Self::Section(c) => Tagged { kind, inner: c }.serialize(s),
            Self::TextDisplay(c) => Tagged { kind, inner: c }.serialize(s),
            Self::Thumbnail(c) => Tagged { kind, inner: c }.serialize(s),
            Self::MediaGallery(c) => Tagged { kind, inner: c }.serialize(s),
            Self::File(c) => Tagged { kind, inner: c }.serialize(s),
            Self::Separator(c) => Tagged { kind, inner: c }.serialize(s),
            Self::Container(c) => Tagged { kind, inner: c }.serialize(s),
            Self::Label(c) => Tagged { kind, inner: c }.serialize(s),
            Self::FileUpload(c) => Tagged { kind, inner: c }.serialize(s),
            Self::RadioGroup(c) => Tagged { kind, inner: c }.serialize(s),
            Self::CheckboxGroup(c) => Tagged { kind, inner: c }.serialize(s),
            Self::Checkbox(c) => Tagged { kind, inner: c }.serialize(s),
            Self::Unknown(raw) => {
                if raw.is_object() {
                    raw.serialize(s)
                } else {
                    Err(S::Error::custom(
                        "an unknown component must be a JSON object",
                    ))
                }
            }
        }
    }
}

/// Discord writes a component's `type` first: the rest of the object is then read straight as
/// the type it names. Otherwise the object is read into a tree that borrows from the input (not
/// a `serde_json::Value`, which would own every key and string), with `type` moved first in
/// every object of it, and read again from it: each nested component is then read directly
/// from the tree rather than buffered once more.
impl<'de> Deserialize<'de> for Component {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(ComponentVisitor)
    }
}

struct ComponentVisitor;

impl<'de> Visitor<'de> for ComponentVisitor {
    type Value = Component;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a component object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Component, A::Error> {
        let Some(key) = map.next_key::<Content<'de>>()? else {
            return Err(A::Error::custom(NO_TYPE));
        };
        if key.as_str() == Some("type") {
            let kind = kind_of(&map.next_value::<Content<'de>>()?)
                .ok_or_else(|| A::Error::custom(NO_TYPE))?;
            return Component::read(kind, MapAccessDeserializer::new(map), true);
        }
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(4).min(16) + 1);
        entries.push((key, map.next_value::<Content<'de>>()?));
        while let Some(entry) = map.next_entry::<Content<'de>, Content<'de>>()? {
            entries.push(entry);
        }
        let mut content = Content::Map(entries);
        // The nested components then take the direct path instead of being buffered again.
        content.hoist_key("type");
        let kind = content
            .get("type")
            .and_then(kind_of)
            .ok_or_else(|| A::Error::custom(NO_TYPE))?;
        Component::read(kind, content, false).map_err(A::Error::custom)
    }
}

const NO_TYPE: &str = "component without an integer `type`";

fn kind_of(value: &Content<'_>) -> Option<ComponentType> {
    value.as_i64().map(ComponentType::from_value)
}

impl Component {
    /// Reads the component of type `kind` from `d`, an object holding its other keys (and
    /// `type` too unless `type_taken`).
    fn read<'de, D: Deserializer<'de>>(
        kind: ComponentType,
        d: D,
        type_taken: bool,
    ) -> Result<Self, D::Error> {
        Ok(match kind {
            ComponentType::ActionRow => Self::ActionRow(Deserialize::deserialize(d)?),
            ComponentType::Button => Self::Button(Deserialize::deserialize(d)?),
            ComponentType::StringSelect => Self::StringSelect(Deserialize::deserialize(d)?),
            ComponentType::TextInput => Self::TextInput(Deserialize::deserialize(d)?),
            ComponentType::UserSelect => Self::UserSelect(Deserialize::deserialize(d)?),
            ComponentType::RoleSelect => Self::RoleSelect(Deserialize::deserialize(d)?),
            ComponentType::MentionableSelect => {
                Self::MentionableSelect(Deserialize::deserialize(d)?)
            }
            ComponentType::ChannelSelect => Self::ChannelSelect(Deserialize::deserialize(d)?),
            ComponentType::Section => Self::Section(Deserialize::deserialize(d)?),
            ComponentType::TextDisplay => Self::TextDisplay(Deserialize::deserialize(d)?),
            ComponentType::Thumbnail => Self::Thumbnail(Deserialize::deserialize(d)?),
            ComponentType::MediaGallery => Self::MediaGallery(Deserialize::deserialize(d)?),
            ComponentType::File => Self::File(Deserialize::deserialize(d)?),
            ComponentType::Separator => Self::Separator(Deserialize::deserialize(d)?),
            ComponentType::Container => Self::Container(Deserialize::deserialize(d)?),
            ComponentType::Label => Self::Label(Deserialize::deserialize(d)?),
            ComponentType::FileUpload => Self::FileUpload(Deserialize::deserialize(d)?),
            ComponentType::RadioGroup => Self::RadioGroup(Deserialize::deserialize(d)?),
            ComponentType::CheckboxGroup => Self::CheckboxGroup(Deserialize::deserialize(d)?),
            ComponentType::Checkbox => Self::Checkbox(Deserialize::deserialize(d)?),
            ComponentType::Unknown(_) => {
                let mut raw = serde_json::Value::deserialize(d)?;
                if let (true, Some(object)) = (type_taken, raw.as_object_mut()) {
                    object.insert("type".to_owned(), kind.value().into());
                }
                Self::Unknown(raw)
            }
        })
    }
}

#[cfg(test)]
mod tests;
