//! The [`Validate`] trait, [`ValidationError`], and the field-path machinery the bodies use to
//! name the offending field (`embeds[2].fields[7].value`) without allocating unless a check
//! fails ([limits](https://discord.com/developers/docs/resources/message#create-message-jsonform-params)).

use std::fmt;

/// A request body that can check Discord's documented limits locally.
pub trait Validate {
    /// Checks every documented limit; the first violation is returned.
    fn validate(&self) -> Result<(), ValidationError>;
}

/// What limit a value broke.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ValidationErrorKind {
    /// A string has fewer characters than allowed.
    TooShort {
        /// Minimum characters.
        min: usize,
        /// Actual characters.
        actual: usize,
    },
    /// A string has more characters than allowed.
    TooLong {
        /// Maximum characters.
        max: usize,
        /// Actual characters.
        actual: usize,
    },
    /// A list has fewer items than allowed.
    TooFew {
        /// Minimum items.
        min: usize,
        /// Actual items.
        actual: usize,
    },
    /// A list has more items than allowed.
    TooMany {
        /// Maximum items.
        max: usize,
        /// Actual items.
        actual: usize,
    },
    /// A number is outside its allowed range.
    OutOfRange {
        /// Minimum value.
        min: i64,
        /// Maximum value.
        max: i64,
        /// Actual value.
        actual: i64,
    },
    /// A value appears twice where values must be unique.
    Duplicate {
        /// The repeated value.
        value: String,
    },
    /// A field is present where it is not allowed, or missing where it is required.
    Invalid {
        /// Why.
        reason: String,
    },
}

/// A request body broke a documented limit. `path` names the field, e.g. `embeds[2].fields[7].value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    /// The field path.
    pub path: String,
    /// The limit broken.
    pub kind: ValidationErrorKind,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "body"
        } else {
            &self.path
        };
        match &self.kind {
            ValidationErrorKind::TooShort { min, actual } => write!(
                f,
                "{path}: must be at least {min} characters long, got {actual}"
            ),
            ValidationErrorKind::TooLong { max, actual } => write!(
                f,
                "{path}: must be at most {max} characters long, got {actual}"
            ),
            ValidationErrorKind::TooFew { min, actual } => {
                write!(f, "{path}: must have at least {min} items, got {actual}")
            }
            ValidationErrorKind::TooMany { max, actual } => {
                write!(f, "{path}: must have at most {max} items, got {actual}")
            }
            ValidationErrorKind::OutOfRange { min, max, actual } => {
                write!(f, "{path}: must be between {min} and {max}, got {actual}")
            }
            ValidationErrorKind::Duplicate { value } => {
                write!(
                    f,
                    "{path}: must be unique, `{value}` appears more than once"
                )
            }
            ValidationErrorKind::Invalid { reason } => write!(f, "{path}: {reason}"),
        }
    }
}

impl std::error::Error for ValidationError {}

/// One segment of a field path.
#[derive(Clone, Copy, Debug)]
enum Segment<'a> {
    Root,
    Field(&'a str),
    Index(usize),
}

/// A field path kept on the stack as a linked list; rendered only when a check fails.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

impl<'a> Path<'a> {
    /// The body itself.
    pub(crate) const ROOT: Path<'static> = Path {
        parent: None,
        segment: Segment::Root,
    };

    /// `self.name`.
    pub(crate) fn field(&'a self, name: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Field(name),
        }
    }

    /// `self[index]`.
    pub(crate) fn index(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Index(index),
        }
    }

    fn render(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.render(out);
        }
        match self.segment {
            Segment::Root => {}
            Segment::Field(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Segment::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }

    /// An error at this path.
    pub(crate) fn error(&self, kind: ValidationErrorKind) -> ValidationError {
        let mut path = String::new();
        self.render(&mut path);
        ValidationError { path, kind }
    }

    /// An [`ValidationErrorKind::Invalid`] error at this path.
    pub(crate) fn invalid(&self, reason: impl Into<String>) -> ValidationError {
        self.error(ValidationErrorKind::Invalid {
            reason: reason.into(),
        })
    }
}

/// Reusable checks. Lengths count Unicode scalar values (`chars()`), as Discord does.
pub(crate) mod check {
    use super::{Path, ValidationError, ValidationErrorKind};

    /// `min <= chars(value) <= max`.
    pub(crate) fn chars(
        path: &Path<'_>,
        value: &str,
        min: usize,
        max: usize,
    ) -> Result<(), ValidationError> {
        // Fast path: a string of at most `max` bytes has at most `max` chars.
        if value.len() <= max && value.len() >= min.saturating_mul(4) {
            return Ok(());
        }
        let actual = value.chars().count();
        if actual < min {
            return Err(path.error(ValidationErrorKind::TooShort { min, actual }));
        }
        if actual > max {
            return Err(path.error(ValidationErrorKind::TooLong { max, actual }));
        }
        Ok(())
    }

    /// `chars(value) <= max` when present.
    pub(crate) fn opt_chars(
        path: &Path<'_>,
        value: Option<&str>,
        min: usize,
        max: usize,
    ) -> Result<(), ValidationError> {
        value.map_or(Ok(()), |v| chars(path, v, min, max))
    }

    /// `min <= len <= max` items.
    pub(crate) fn count(
        path: &Path<'_>,
        actual: usize,
        min: usize,
        max: usize,
    ) -> Result<(), ValidationError> {
        if actual < min {
            return Err(path.error(ValidationErrorKind::TooFew { min, actual }));
        }
        if actual > max {
            return Err(path.error(ValidationErrorKind::TooMany { max, actual }));
        }
        Ok(())
    }

    /// `min <= value <= max`.
    pub(crate) fn range(
        path: &Path<'_>,
        actual: i64,
        min: i64,
        max: i64,
    ) -> Result<(), ValidationError> {
        if actual < min || actual > max {
            return Err(path.error(ValidationErrorKind::OutOfRange { min, max, actual }));
        }
        Ok(())
    }

    /// Every item is unique; `render` names the repeated one.
    pub(crate) fn unique<T: Eq + std::hash::Hash>(
        path: &Path<'_>,
        items: impl IntoIterator<Item = T>,
        render: impl Fn(&T) -> String,
    ) -> Result<(), ValidationError> {
        let mut seen = std::collections::HashSet::new();
        for item in items {
            if seen.contains(&item) {
                return Err(path.error(ValidationErrorKind::Duplicate {
                    value: render(&item),
                }));
            }
            seen.insert(item);
        }
        Ok(())
    }
}
