//! Application command bodies: create/edit command and edit command permissions
//! ([docs](https://discord.com/developers/docs/interactions/application-commands#create-global-application-command)).

use super::{Path, ValidationError, check};
use crate::command::{ApplicationCommandOptionChoice, ChoiceValue};

/// Checks one choice: name 1-100 characters, string value ≤ 100 characters.
pub(crate) fn validate_choice(
    path: &Path<'_>,
    choice: &ApplicationCommandOptionChoice,
) -> Result<(), ValidationError> {
    check::chars(&path.field("name"), &choice.name, 1, 100)?;
    if let ChoiceValue::String(v) = &choice.value {
        check::chars(&path.field("value"), v, 0, 100)?;
    }
    Ok(())
}
