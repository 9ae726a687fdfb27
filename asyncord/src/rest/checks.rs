//! The local checks of arguments that are not request bodies (page sizes, counts, fields a
//! route does not take): each fails with the same [`ValidationError`] a body check gives, before
//! anything is sent.

use asyncord_model::request::{ValidationError, ValidationErrorKind};

use crate::http::{RestError, RestResult};

/// A number outside its range, as a validation error of `path`.
pub(crate) fn out_of_range(path: &str, min: i64, max: i64, actual: i64) -> ValidationError {
    ValidationError {
        path: path.to_owned(),
        kind: ValidationErrorKind::OutOfRange { min, max, actual },
    }
}

/// A page size: absent, or `1..=max`.
pub(crate) fn limit(limit: Option<u16>, max: u16) -> RestResult<()> {
    match limit {
        Some(l) if l == 0 || l > max => {
            Err(out_of_range("limit", 1, i64::from(max), i64::from(l)).into())
        }
        _ => Ok(()),
    }
}

/// A body field this route does not take, or a field it requires, as a validation error.
pub(crate) fn invalid_field(path: &str, reason: &str) -> RestError {
    ValidationError {
        path: path.to_owned(),
        kind: ValidationErrorKind::Invalid {
            reason: reason.to_owned(),
        },
    }
    .into()
}
