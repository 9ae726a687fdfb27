//! Discord's rules for an application command body, checked as Discord does on create, edit
//! and bulk overwrite: names (slash names are 1-32 lowercase letters, digits, `-`, `_`, `'`;
//! context-menu names 1-32 characters), descriptions (1-100 characters for slash commands and
//! options, none for context-menu commands), at most 25 options and 25 choices, required options
//! before optional ones, unique option names, subcommands nested two levels at most, choices
//! whose values have the option's type, no autocomplete with choices, min not above max, known
//! locales. A body that breaks one is answered with a 400 carrying Discord's form errors,
//! rooted at the offending field (`options.1.name`).
//!
//! <https://discord.com/developers/docs/interactions/application-commands#application-command-object>

use serde_json::Value;

use crate::rest::reply::Reply;

/// Discord's locales (<https://discord.com/developers/docs/reference#locales>).
const LOCALES: &[&str] = &[
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl",
    "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th",
    "zh-CN", "ja", "zh-TW", "ko",
];

/// Whether `name` follows the slash naming rules.
fn is_slash_name(name: &str) -> bool {
    let n = name.chars().count();
    (1..=32).contains(&n)
        && name.chars().all(|c| {
            let allowed = matches!(c, '-' | '_' | '\'')
                || c.is_alphanumeric()
                || ('\u{0900}'..='\u{097F}').contains(&c)
                || ('\u{0E00}'..='\u{0E7F}').contains(&c);
            let mut lower = c.to_lowercase();
            allowed && lower.next() == Some(c) && lower.next().is_none()
        })
}

fn fail(path: &str, code: &str, message: &str) -> Result<(), Reply> {
    Err(Reply::form_error(path, code, message))
}

fn at(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

fn length(value: &Value, path: &str, min: usize, max: usize) -> Result<(), Reply> {
    let n = value.as_str().map_or(0, |s| s.chars().count());
    if n < min || n > max {
        return fail(
            path,
            "BASE_TYPE_BAD_LENGTH",
            &format!("Must be between {min} and {max} in length."),
        );
    }
    Ok(())
}

fn localizations(value: &Value, path: &str, slash_names: Option<bool>) -> Result<(), Reply> {
    let Some(map) = value.as_object() else {
        return Ok(());
    };
    for (locale, text) in map {
        let here = at(path, locale);
        if !LOCALES.contains(&locale.as_str()) {
            return fail(&here, "LOCALE_INVALID", "Invalid locale");
        }
        match slash_names {
            Some(true) if !text.as_str().is_some_and(is_slash_name) => {
                return fail(
                    &here,
                    "APPLICATION_COMMAND_INVALID_NAME",
                    "Command name is invalid",
                );
            }
            Some(false) => length(text, &here, 1, 32)?,
            None => length(text, &here, 1, 100)?,
            Some(true) => {}
        }
    }
    Ok(())
}

/// Checks a whole command body (`path` roots the errors: `""`, or the item's index in a bulk
/// overwrite).
pub(crate) fn check(body: &Value, path: &str) -> Result<(), Reply> {
    let kind = body.get("type").and_then(Value::as_u64).unwrap_or(1);
    if !(1..=4).contains(&kind) {
        return fail(
            &at(path, "type"),
            "BASE_TYPE_CHOICES",
            "Value must be one of (1, 2, 3, 4).",
        );
    }
    let name = &body["name"];
    if kind == 1 {
        if !name.as_str().is_some_and(is_slash_name) {
            return fail(
                &at(path, "name"),
                "APPLICATION_COMMAND_INVALID_NAME",
                "Command name is invalid",
            );
        }
        length(&body["description"], &at(path, "description"), 1, 100)?;
    } else {
        length(name, &at(path, "name"), 1, 32)?;
        if body["description"].as_str().is_some_and(|d| !d.is_empty()) {
            return fail(
                &at(path, "description"),
                "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION_INVALID",
                "Context menu commands cannot have description",
            );
        }
        if body["options"].as_array().is_some_and(|o| !o.is_empty()) {
            return fail(
                &at(path, "options"),
                "APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS_INVALID",
                "Context menu commands cannot have options",
            );
        }
    }
    localizations(
        &body["name_localizations"],
        &at(path, "name_localizations"),
        Some(kind == 1),
    )?;
    localizations(
        &body["description_localizations"],
        &at(path, "description_localizations"),
        None,
    )?;
    options(&body["options"], &at(path, "options"), 0)
}

/// Checks the options of a command body (what an edit is checked for besides its name and
/// description, which it may reset to their defaults with `null`).
pub(crate) fn check_options(body: &Value) -> Result<(), Reply> {
    options(&body["options"], "options", 0)
}

/// Checks a list of options at nesting `depth` (0: the command's own).
fn options(list: &Value, path: &str, depth: usize) -> Result<(), Reply> {
    let Some(list) = list.as_array() else {
        return Ok(());
    };
    if list.len() > 25 {
        return fail(
            path,
            "BASE_TYPE_MAX_LENGTH",
            "Must be 25 or fewer in length.",
        );
    }
    let mut optional_seen = false;
    let mut names: Vec<&str> = Vec::new();
    for (i, o) in list.iter().enumerate() {
        let here = at(path, &i.to_string());
        let kind = o["type"].as_u64().unwrap_or(0);
        if !(1..=11).contains(&kind) {
            return fail(
                &at(&here, "type"),
                "BASE_TYPE_CHOICES",
                "Value must be one of (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).",
            );
        }
        let name = o["name"].as_str().unwrap_or_default();
        if !is_slash_name(name) {
            return fail(
                &at(&here, "name"),
                "APPLICATION_COMMAND_INVALID_NAME",
                "Command name is invalid",
            );
        }
        if names.contains(&name) {
            return fail(
                &at(&here, "name"),
                "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS",
                "Option names must be unique",
            );
        }
        names.push(name);
        length(&o["description"], &at(&here, "description"), 1, 100)?;
        localizations(
            &o["name_localizations"],
            &at(&here, "name_localizations"),
            Some(true),
        )?;
        localizations(
            &o["description_localizations"],
            &at(&here, "description_localizations"),
            None,
        )?;
        if matches!(kind, 1 | 2) {
            // A subcommand (1) or group (2): groups hold subcommands, subcommands hold values,
            // and nothing nests deeper than command → group → subcommand.
            if depth >= 2 || (kind == 2 && depth >= 1) {
                return fail(
                    &at(&here, "type"),
                    "APPLICATION_COMMAND_OPTION_TYPE_INVALID",
                    "Subcommands and groups nest at most two levels deep",
                );
            }
            if let Some(inner) = o["options"].as_array() {
                let wrong = inner.iter().position(|s| {
                    let k = s["type"].as_u64().unwrap_or(0);
                    if kind == 2 {
                        k != 1
                    } else {
                        matches!(k, 1 | 2)
                    }
                });
                if let Some(j) = wrong {
                    return fail(
                        &at(&at(&at(&here, "options"), &j.to_string()), "type"),
                        "APPLICATION_COMMAND_OPTION_TYPE_INVALID",
                        "A subcommand group holds subcommands, a subcommand holds values",
                    );
                }
            }
            options(&o["options"], &at(&here, "options"), depth + 1)?;
            continue;
        }
        if list
            .iter()
            .any(|s| matches!(s["type"].as_u64(), Some(1 | 2)))
        {
            return fail(
                &at(&here, "type"),
                "APPLICATION_COMMAND_OPTION_TYPE_INVALID",
                "Subcommands cannot be mixed with other options",
            );
        }
        if o["required"].as_bool() == Some(true) {
            if optional_seen {
                return fail(
                    &at(&here, "required"),
                    "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                    "Required options must be placed before non-required options",
                );
            }
        } else {
            optional_seen = true;
        }
        value_rules(o, kind, &here)?;
    }
    Ok(())
}

/// Choices, autocomplete, bounds and lengths of a value option of type `kind`.
fn value_rules(o: &Value, kind: u64, here: &str) -> Result<(), Reply> {
    let choices = o["choices"].as_array().map_or(&[][..], Vec::as_slice);
    if !choices.is_empty() {
        if !matches!(kind, 3 | 4 | 10) {
            return fail(
                &at(here, "choices"),
                "APPLICATION_COMMAND_OPTION_CHOICES_INVALID",
                "Only string, integer and number options have choices",
            );
        }
        if choices.len() > 25 {
            return fail(
                &at(here, "choices"),
                "BASE_TYPE_MAX_LENGTH",
                "Must be 25 or fewer in length.",
            );
        }
        if o["autocomplete"].as_bool() == Some(true) {
            return fail(
                &at(here, "autocomplete"),
                "APPLICATION_COMMAND_AUTOCOMPLETE_INCOMPATIBLE",
                "Autocomplete cannot be set with choices",
            );
        }
        for (j, c) in choices.iter().enumerate() {
            let there = at(&at(here, "choices"), &j.to_string());
            length(&c["name"], &at(&there, "name"), 1, 100)?;
            let value = &c["value"];
            let fits = match kind {
                3 => value
                    .as_str()
                    .is_some_and(|s| (1..=100).contains(&s.chars().count())),
                4 => value.is_i64() || value.is_u64(),
                _ => value.is_number(),
            };
            if !fits {
                return fail(
                    &at(&there, "value"),
                    "APPLICATION_COMMAND_OPTION_CHOICE_VALUE_INVALID",
                    "Choice value does not match the option's type",
                );
            }
        }
    }
    if o["autocomplete"].as_bool() == Some(true) && !matches!(kind, 3 | 4 | 10) {
        return fail(
            &at(here, "autocomplete"),
            "APPLICATION_COMMAND_AUTOCOMPLETE_INVALID",
            "Only string, integer and number options autocomplete",
        );
    }
    if let (Some(min), Some(max)) = (o["min_value"].as_f64(), o["max_value"].as_f64())
        && min > max
    {
        return fail(
            &at(here, "min_value"),
            "NUMBER_TYPE_MAX",
            "min_value must be less than or equal to max_value",
        );
    }
    if let (Some(min), Some(max)) = (o["min_length"].as_u64(), o["max_length"].as_u64())
        && min > max
    {
        return fail(
            &at(here, "min_length"),
            "NUMBER_TYPE_MAX",
            "min_length must be less than or equal to max_length",
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn error_of(body: &Value) -> Value {
        check(body, "").unwrap_err().body.unwrap()
    }

    #[test]
    fn valid_commands_pass() {
        let body = json!({"name": "tag", "description": "Tags", "options": [
            {"type": 2, "name": "temp", "description": "Temporary", "options": [
                {"type": 1, "name": "add", "description": "Adds", "options": [
                    {"type": 3, "name": "name", "description": "Name", "required": true},
                    {"type": 4, "name": "size", "description": "Size",
                     "choices": [{"name": "one", "value": 1}]},
                ]},
            ]},
        ]});
        check(&body, "").unwrap();
        check(&json!({"type": 2, "name": "Show avatar"}), "").unwrap();
    }

    #[test]
    fn broken_rules_are_form_errors_at_the_field() {
        let e = error_of(&json!({"name": "roll", "description": "Rolls", "options": [
            {"type": 4, "name": "times", "description": "Times"},
            {"type": 4, "name": "sides", "description": "Sides", "required": true},
        ]}));
        assert_eq!(e["code"], 50035);
        assert_eq!(
            e["errors"]["options"]["1"]["required"]["_errors"][0]["code"],
            "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID"
        );
        let e = error_of(&json!({"name": "roll", "description": "Rolls", "options": [
            {"type": 3, "name": "size", "description": "Size", "autocomplete": true,
             "choices": [{"name": "a", "value": "a"}]},
        ]}));
        assert!(e["errors"]["options"]["0"]["autocomplete"].is_object());
        let e = error_of(&json!({"name": "roll", "description": "Rolls", "options": [
            {"type": 4, "name": "size", "description": "Size",
             "choices": [{"name": "a", "value": "a"}]},
        ]}));
        assert!(e["errors"]["options"]["0"]["choices"]["0"]["value"].is_object());
        let e = error_of(&json!({"name": "roll", "description": "", "options": []}));
        assert!(e["errors"]["description"].is_object());
        let e = error_of(&json!({"name": "roll", "description": "Rolls",
            "name_localizations": {"fr-FR": "lancer"}}));
        assert!(e["errors"]["name_localizations"]["fr-FR"].is_object());
        let e = error_of(&json!({"name": "roll", "description": "Rolls", "options": [
            {"type": 3, "name": "a", "description": "A"},
            {"type": 3, "name": "a", "description": "A again"},
        ]}));
        assert!(e["errors"]["options"]["1"]["name"].is_object());
        let e = error_of(&json!({"type": 3, "name": "Quote", "description": "Quotes"}));
        assert!(e["errors"]["description"].is_object());
    }
}
