//! Comparing the commands a bot defines with the ones Discord has, in a normalised form: Discord
//! fills in defaults and reshapes what it stores (`required: false` left out, empty
//! localisations as `null`, `nsfw: false`, `dm_permission`, integer bounds as doubles, the
//! application's install contexts when none were given), so the two only compare equal after
//! both are brought to one shape. Settings a bot leaves unset (`contexts`,
//! `integration_types`) match whatever Discord chose for them.
//!
//! The command object: <https://discord.com/developers/docs/interactions/application-commands#application-command-object>.

use std::collections::{BTreeMap, BTreeSet};

use asyncord_model::command::{
    ApplicationCommand, ApplicationCommandOption, ApplicationCommandOptionChoice,
    ApplicationCommandType, ChoiceValue, Localizations, NumberValue,
};
use asyncord_model::request::command::CreateCommand;

/// A command in the form both sides are compared in.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Normalized {
    pub(crate) kind: i64,
    pub(crate) name: String,
    name_localizations: BTreeMap<String, String>,
    description: String,
    description_localizations: BTreeMap<String, String>,
    options: Vec<NormalizedOption>,
    default_member_permissions: Option<u64>,
    nsfw: bool,
    /// `None`: not set (on the bot's side: whatever Discord has).
    contexts: Option<BTreeSet<i64>>,
    integration_types: Option<BTreeSet<i64>>,
}

#[derive(Clone, Debug, PartialEq)]
struct NormalizedOption {
    kind: i64,
    name: String,
    name_localizations: BTreeMap<String, String>,
    description: String,
    description_localizations: BTreeMap<String, String>,
    required: bool,
    choices: Vec<NormalizedChoice>,
    options: Vec<NormalizedOption>,
    channel_types: BTreeSet<i64>,
    min_value: Option<f64>,
    max_value: Option<f64>,
    min_length: Option<u16>,
    max_length: Option<u16>,
    autocomplete: bool,
}

#[derive(Clone, Debug, PartialEq)]
struct NormalizedChoice {
    name: String,
    name_localizations: BTreeMap<String, String>,
    value: NormalizedValue,
}

#[derive(Clone, Debug, PartialEq)]
enum NormalizedValue {
    Text(String),
    Number(f64),
}

fn localizations(l: Option<&Localizations>) -> BTreeMap<String, String> {
    l.into_iter()
        .flatten()
        .map(|(locale, text)| (locale.as_str().to_owned(), text.clone()))
        .collect()
}

fn choice(c: &ApplicationCommandOptionChoice) -> NormalizedChoice {
    NormalizedChoice {
        name: c.name.clone(),
        name_localizations: localizations(c.name_localizations.as_ref()),
        value: match &c.value {
            ChoiceValue::String(s) => NormalizedValue::Text(s.clone()),
            ChoiceValue::Integer(n) => NormalizedValue::Number(*n as f64),
            ChoiceValue::Number(n) => NormalizedValue::Number(*n),
        },
    }
}

fn options(list: Option<&Vec<ApplicationCommandOption>>) -> Vec<NormalizedOption> {
    list.into_iter().flatten().map(option).collect()
}

fn option(o: &ApplicationCommandOption) -> NormalizedOption {
    NormalizedOption {
        kind: o.kind.value(),
        name: o.name.clone(),
        name_localizations: localizations(o.name_localizations.as_ref()),
        description: o.description.clone(),
        description_localizations: localizations(o.description_localizations.as_ref()),
        required: o.required == Some(true),
        choices: o.choices.iter().flatten().map(choice).collect(),
        options: options(o.options.as_ref()),
        channel_types: o
            .channel_types
            .iter()
            .flatten()
            .map(|t| t.value())
            .collect(),
        min_value: o.min_value.map(NumberValue::as_f64),
        max_value: o.max_value.map(NumberValue::as_f64),
        min_length: o.min_length,
        max_length: o.max_length,
        autocomplete: o.autocomplete == Some(true),
    }
}

impl Normalized {
    /// The bot's side: a body it registers.
    pub(crate) fn from_request(c: &CreateCommand) -> Self {
        let kind = c.kind.unwrap_or(ApplicationCommandType::ChatInput);
        Self {
            kind: kind.value(),
            name: c.name.clone(),
            name_localizations: localizations(c.name_localizations.as_ref()),
            description: c.description.clone().unwrap_or_default(),
            description_localizations: localizations(c.description_localizations.as_ref()),
            options: options(c.options.as_ref()),
            default_member_permissions: c.default_member_permissions.map(|p| p.bits()),
            nsfw: c.nsfw == Some(true),
            contexts: c
                .contexts
                .as_ref()
                .map(|v| v.iter().map(|t| t.value()).collect()),
            integration_types: c
                .integration_types
                .as_ref()
                .map(|v| v.iter().map(|t| t.value()).collect()),
        }
    }

    /// Discord's side: a command it has.
    pub(crate) fn from_response(c: &ApplicationCommand) -> Self {
        Self {
            kind: c.kind.value(),
            name: c.name.clone(),
            name_localizations: localizations(c.name_localizations.as_ref()),
            description: c.description.clone(),
            description_localizations: localizations(c.description_localizations.as_ref()),
            options: options(c.options.as_ref()),
            default_member_permissions: c.default_member_permissions.map(|p| p.bits()),
            nsfw: c.nsfw == Some(true),
            contexts: c
                .contexts
                .as_ref()
                .map(|v| v.iter().map(|t| t.value()).collect()),
            integration_types: c
                .integration_types
                .as_ref()
                .map(|v| v.iter().map(|t| t.value()).collect()),
        }
    }

    /// Whether Discord's `remote` is what the bot defines (`self`): equal, with the settings the
    /// bot leaves unset matching anything.
    pub(crate) fn matches(&self, remote: &Self) -> bool {
        let unset_or_equal = |mine: &Option<BTreeSet<i64>>, theirs: &Option<BTreeSet<i64>>| {
            mine.is_none() || mine == theirs
        };
        self.kind == remote.kind
            && self.name == remote.name
            && self.name_localizations == remote.name_localizations
            && self.description == remote.description
            && self.description_localizations == remote.description_localizations
            && self.options == remote.options
            && self.default_member_permissions == remote.default_member_permissions
            && self.nsfw == remote.nsfw
            && unset_or_equal(&self.contexts, &remote.contexts)
            && unset_or_equal(&self.integration_types, &remote.integration_types)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use asyncord_model::command::ApplicationCommandOption;
    use serde_json::json;

    fn remote(value: serde_json::Value) -> Normalized {
        Normalized::from_response(&serde_json::from_value(value).unwrap())
    }

    #[test]
    fn discords_defaults_do_not_count_as_changes() {
        let mine = CreateCommand::chat_input("roll", "Rolls dice")
            .option(
                ApplicationCommandOption::integer("sides", "Sides")
                    .required(true)
                    .value_range(1, 100),
            )
            .option(ApplicationCommandOption::string("label", "Label"));
        let theirs = remote(json!({
            "id": "1", "application_id": "2", "version": "3", "type": 1, "name": "roll",
            "description": "Rolls dice", "default_member_permissions": null, "dm_permission": true,
            "nsfw": false, "contexts": [0, 1, 2], "integration_types": [0],
            "name_localizations": null, "description_localizations": {},
            "options": [
                {"type": 4, "name": "sides", "description": "Sides", "required": true,
                 "min_value": 1.0, "max_value": 100},
                {"type": 3, "name": "label", "description": "Label", "required": false,
                 "autocomplete": false}
            ]
        }));
        assert!(Normalized::from_request(&mine).matches(&theirs));
    }

    #[test]
    fn real_differences_are_changes() {
        let mine = Normalized::from_request(
            &CreateCommand::chat_input("roll", "Rolls dice")
                .option(ApplicationCommandOption::integer("sides", "Sides").required(true)),
        );
        let base = json!({
            "id": "1", "application_id": "2", "version": "3", "type": 1, "name": "roll",
            "description": "Rolls dice", "default_member_permissions": null,
            "options": [{"type": 4, "name": "sides", "description": "Sides", "required": true}]
        });
        assert!(mine.matches(&remote(base.clone())));
        for (field, value) in [
            ("description", json!("Rolls two dice")),
            (
                "options",
                json!([{"type": 4, "name": "sides", "description": "Sides"}]),
            ),
            (
                "options",
                json!([{"type": 3, "name": "sides", "description": "Sides", "required": true}]),
            ),
            ("default_member_permissions", json!("8")),
            ("nsfw", json!(true)),
            ("name_localizations", json!({"fr": "lancer"})),
        ] {
            let mut changed = base.clone();
            changed[field] = value;
            assert!(!mine.matches(&remote(changed)), "{field} changed");
        }
        let guild_only = Normalized::from_request(
            &CreateCommand::chat_input("roll", "Rolls dice")
                .option(ApplicationCommandOption::integer("sides", "Sides").required(true))
                .contexts([asyncord_model::command::InteractionContextType::Guild]),
        );
        let mut everywhere = base;
        everywhere["contexts"] = json!([0, 1, 2]);
        assert!(
            !guild_only.matches(&remote(everywhere)),
            "contexts set by the bot are compared"
        );
    }
}
