//! Modals as typed forms: a struct deriving [`Modal`] is the form a command opens (one text
//! input per field, with its label, length limits and whether it is required) and what its
//! submission reads back into, each field checked again against the same rules.
//!
//! Modals: <https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-modal>;
//! text inputs: <https://discord.com/developers/docs/components/reference#text-input>.

use std::fmt;

use asyncord_model::interaction::{ModalData, ModalSubmitData};

/// A form shown in a modal. `#[derive(Modal)]` implements it for a struct whose fields are
/// text inputs:
///
/// ```
/// use asyncord::commands::Modal;
///
/// #[derive(Modal, Debug)]
/// #[modal(title = "Report a bug")]
/// struct BugReport {
///     /// The label is the doc comment, or `label = "..."`.
///     #[input(label = "Title", max_length = 100)]
///     title: String,
///     #[input(label = "What happened?", paragraph, min_length = 10, max_length = 2000)]
///     details: String,
///     /// `Option` makes the input optional.
///     #[input(label = "Version", placeholder = "1.2.3")]
///     version: Option<String>,
/// }
///
/// let modal = BugReport::modal_data("bug");
/// assert_eq!(modal.title, "Report a bug");
/// assert_eq!(modal.components.len(), 3);
/// ```
///
/// Field types: `String`, integers and `f64` (parsed), and `Option` of them for an optional
/// input ([`ModalField`]). The derive checks Discord's limits at compile time: a title of 1-45
/// characters, 1-5 inputs, labels of 1-45 characters, lengths within 0-4000.
pub trait Modal: Sized + Send + 'static {
    /// The modal to open, with this `custom_id`.
    fn modal_data(custom_id: &str) -> ModalData;

    /// Reads a submission, checking each field.
    fn from_submission(data: &ModalSubmitData) -> Result<Self, ModalError>;
}

/// The rules of one text input, as the derive declares them.
#[derive(Clone, Copy, Debug)]
pub struct FieldRules {
    /// The input's `custom_id` (the field's name).
    pub id: &'static str,
    /// The label the user saw.
    pub label: &'static str,
    /// The shortest text accepted.
    pub min_length: Option<u16>,
    /// The longest text accepted.
    pub max_length: Option<u16>,
}

impl FieldRules {
    /// Reads this field from a submission as a `T`: present unless optional, within the
    /// lengths, and parsed.
    pub fn read<T: ModalField>(&self, data: &ModalSubmitData) -> Result<T, ModalError> {
        let text = data.text_value(self.id).filter(|t| !t.is_empty());
        let Some(text) = text else {
            return if T::REQUIRED {
                Err(ModalError::Missing { label: self.label })
            } else {
                T::from_text(None).map_err(|reason| ModalError::Invalid {
                    label: self.label,
                    reason,
                })
            };
        };
        let actual = text.chars().count();
        let min = usize::from(self.min_length.unwrap_or(0));
        let max = usize::from(self.max_length.unwrap_or(4000));
        if actual < min || actual > max {
            return Err(ModalError::Length {
                label: self.label,
                min,
                max,
                actual,
            });
        }
        T::from_text(Some(text)).map_err(|reason| ModalError::Invalid {
            label: self.label,
            reason,
        })
    }
}

/// A type a modal field can have: `String`, the integers, `f64`, and `Option` of them for an
/// optional input.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a modal field",
    label = "not a text input's type",
    note = "a modal field is a `String`, an integer, an `f64`, or an `Option` of one (an \
            optional input)"
)]
pub trait ModalField: Sized {
    /// Whether the input must be filled in (`false` for `Option<T>`).
    const REQUIRED: bool = true;

    /// Converts the text typed (`None`: the input was left empty); the error says why it does
    /// not fit.
    fn from_text(text: Option<&str>) -> Result<Self, String>;
}

impl ModalField for String {
    fn from_text(text: Option<&str>) -> Result<Self, String> {
        Ok(text.unwrap_or_default().to_owned())
    }
}

impl<T: ModalField> ModalField for Option<T> {
    const REQUIRED: bool = false;

    fn from_text(text: Option<&str>) -> Result<Self, String> {
        match text {
            None => Ok(None),
            Some(_) => T::from_text(text).map(Some),
        }
    }
}

macro_rules! parsed_fields {
    ($($t:ty => $what:literal),* $(,)?) => {$(
        impl ModalField for $t {
            fn from_text(text: Option<&str>) -> Result<Self, String> {
                text.unwrap_or_default()
                    .trim()
                    .parse()
                    .map_err(|_| concat!("expected ", $what).to_owned())
            }
        }
    )*};
}

parsed_fields! {
    i64 => "a whole number",
    i32 => "a whole number",
    u64 => "a whole number of 0 or more",
    u32 => "a whole number of 0 or more",
    f64 => "a number",
}

/// A modal submission that does not fit its form.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ModalError {
    /// The interaction is not a modal submission.
    #[error("the interaction is not a modal submission")]
    NotASubmission,
    /// A required input was left empty.
    #[error("the input {label:?} is required")]
    Missing {
        /// The input's label.
        label: &'static str,
    },
    /// An input's text is too short or too long.
    #[error("the input {label:?} must be {min} to {max} characters long, not {actual}")]
    Length {
        /// The input's label.
        label: &'static str,
        /// The shortest allowed.
        min: usize,
        /// The longest allowed.
        max: usize,
        /// The length typed.
        actual: usize,
    },
    /// An input's text does not parse as its field's type.
    #[error("the input {label:?} is not valid: {reason}")]
    Invalid {
        /// The input's label.
        label: &'static str,
        /// Why.
        reason: String,
    },
}

impl ModalError {
    /// What the user is told.
    pub fn user_message(&self) -> String {
        match self {
            Self::NotASubmission => "This is not a form submission.".to_owned(),
            Self::Missing { label } => format!("Please fill in “{label}”."),
            Self::Length {
                label,
                min,
                max,
                actual,
            } => format!("“{label}” must be {min} to {max} characters long (it is {actual})."),
            Self::Invalid { label, reason } => format!("“{label}” is not valid: {reason}."),
        }
    }
}

impl fmt::Display for FieldRules {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({:?})", self.id, self.label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use asyncord_model::component::{Component, Label, TextInput};

    fn submission(values: &[(&str, &str)]) -> ModalSubmitData {
        ModalSubmitData {
            custom_id: "m".into(),
            components: values
                .iter()
                .map(|(id, v)| Component::from(Label::new("l", TextInput::short(*id).value(*v))))
                .collect(),
            resolved: None,
        }
    }

    const NAME: FieldRules = FieldRules {
        id: "name",
        label: "Name",
        min_length: Some(2),
        max_length: Some(5),
    };

    #[test]
    fn fields_are_checked_again_on_submission() {
        let ok: String = NAME.read(&submission(&[("name", "bob")])).unwrap();
        assert_eq!(ok, "bob");
        assert_eq!(
            NAME.read::<String>(&submission(&[("name", "")])),
            Err(ModalError::Missing { label: "Name" })
        );
        let long = NAME
            .read::<String>(&submission(&[("name", "bobbybob")]))
            .unwrap_err();
        assert_eq!(
            long,
            ModalError::Length {
                label: "Name",
                min: 2,
                max: 5,
                actual: 8
            }
        );
        assert!(
            long.user_message().contains("2 to 5"),
            "{}",
            long.user_message()
        );
        let optional: Option<String> = NAME.read(&submission(&[("other", "x")])).unwrap();
        assert_eq!(optional, None);
        let age = FieldRules {
            id: "age",
            label: "Age",
            min_length: None,
            max_length: None,
        };
        assert_eq!(age.read::<u32>(&submission(&[("age", " 42 ")])), Ok(42));
        assert!(matches!(
            age.read::<u32>(&submission(&[("age", "forty")])),
            Err(ModalError::Invalid { .. })
        ));
    }
}
