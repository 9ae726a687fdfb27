//! Application command bodies: create, edit and bulk-overwrite commands, and edit command
//! permissions ([docs](https://discord.com/developers/docs/interactions/application-commands#create-global-application-command)).

use serde::{Deserialize, Serialize};

use super::files::RequestBody;
use super::patch::Patch;
use super::validate::{Path, Validate, ValidationError, ValidationErrorKind, check};
use crate::Permissions;
use crate::command::{
    ApplicationCommandOption, ApplicationCommandOptionChoice, ApplicationCommandOptionType,
    ApplicationCommandPermission, ApplicationCommandType, ApplicationIntegrationType, ChoiceValue,
    EntryPointCommandHandlerType, InteractionContextType, Localizations,
};

/// Total characters of a command (names, descriptions, choice names and values).
pub(crate) const COMMAND_TOTAL_MAX: usize = 8000;

/// The body of Create Global/Guild Application Command, also one item of Bulk Overwrite
/// ([docs](https://discord.com/developers/docs/interactions/application-commands#create-global-application-command)).
///
/// ```
/// use asyncord_model::command::ApplicationCommandOption;
/// use asyncord_model::request::Validate;
/// use asyncord_model::request::command::CreateCommand;
/// let cmd = CreateCommand::chat_input("ping", "Replies with pong")
///     .option(ApplicationCommandOption::string("text", "What to echo").required(true));
/// assert!(cmd.validate().is_ok());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateCommand {
    /// The name (1-32 characters; lowercase for chat input commands).
    pub name: String,
    /// Localised names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_localizations: Option<Localizations>,
    /// The description (1-100 characters, chat input commands only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Localised descriptions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_localizations: Option<Localizations>,
    /// Parameters (≤ 25).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<ApplicationCommandOption>>,
    /// Permissions a member needs by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_member_permissions: Option<Permissions>,
    /// Deprecated: use `contexts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dm_permission: Option<bool>,
    /// Deprecated: use `default_member_permissions`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_permission: Option<bool>,
    /// Installation contexts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_types: Option<Vec<ApplicationIntegrationType>>,
    /// Interaction contexts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contexts: Option<Vec<InteractionContextType>>,
    /// The command type (default chat input).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ApplicationCommandType>,
    /// Whether the command is age-restricted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nsfw: Option<bool>,
    /// Who handles a primary entry point command.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handler: Option<EntryPointCommandHandlerType>,
}

impl CreateCommand {
    /// A slash command.
    pub fn chat_input(name: impl Into<String>, description: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            description: Some(description.into()),
            kind: Some(ApplicationCommandType::ChatInput),
            ..Self::default()
        }
    }

    /// A user context menu command.
    pub fn user(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            kind: Some(ApplicationCommandType::User),
            ..Self::default()
        }
    }

    /// A message context menu command.
    pub fn message(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            kind: Some(ApplicationCommandType::Message),
            ..Self::default()
        }
    }

    /// Adds an option.
    pub fn option(mut self, option: ApplicationCommandOption) -> Self {
        self.options.get_or_insert_with(Vec::new).push(option);
        self
    }

    /// Sets the default member permissions.
    pub fn default_member_permissions(mut self, permissions: Permissions) -> Self {
        self.default_member_permissions = Some(permissions);
        self
    }

    /// Sets the interaction contexts.
    pub fn contexts(mut self, contexts: impl IntoIterator<Item = InteractionContextType>) -> Self {
        self.contexts = Some(contexts.into_iter().collect());
        self
    }

    /// Sets the installation contexts.
    pub fn integration_types(
        mut self,
        types: impl IntoIterator<Item = ApplicationIntegrationType>,
    ) -> Self {
        self.integration_types = Some(types.into_iter().collect());
        self
    }

    /// Adds a localised name.
    pub fn name_localization(
        mut self,
        locale: crate::common::Locale,
        name: impl Into<String>,
    ) -> Self {
        self.name_localizations
            .get_or_insert_with(Default::default)
            .insert(locale, name.into());
        self
    }

    /// Adds a localised description.
    pub fn description_localization(
        mut self,
        locale: crate::common::Locale,
        description: impl Into<String>,
    ) -> Self {
        self.description_localizations
            .get_or_insert_with(Default::default)
            .insert(locale, description.into());
        self
    }

    /// Marks the command age-restricted.
    pub fn nsfw(mut self, nsfw: bool) -> Self {
        self.nsfw = Some(nsfw);
        self
    }
}

impl Validate for CreateCommand {
    fn validate(&self) -> Result<(), ValidationError> {
        validate_command(
            &Path::ROOT,
            self.kind.unwrap_or(ApplicationCommandType::ChatInput),
            Some(&self.name),
            self.name_localizations.as_ref(),
            self.description.as_deref(),
            self.description_localizations.as_ref(),
            self.options.as_deref(),
        )
    }
}

impl RequestBody for CreateCommand {}

/// The body of Edit Global/Guild Application Command: every field optional
/// ([docs](https://discord.com/developers/docs/interactions/application-commands#edit-global-application-command)).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EditCommand {
    /// New name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New localised names (`Patch::Clear` clears them).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub name_localizations: Patch<Localizations>,
    /// New description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// New localised descriptions (`Patch::Clear` clears them).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub description_localizations: Patch<Localizations>,
    /// New options (replaces them all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<ApplicationCommandOption>>,
    /// New default permissions (`Patch::Clear` resets to everyone).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub default_member_permissions: Patch<Permissions>,
    /// Deprecated: use `contexts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dm_permission: Option<bool>,
    /// Installation contexts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_types: Option<Vec<ApplicationIntegrationType>>,
    /// Interaction contexts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contexts: Option<Vec<InteractionContextType>>,
    /// Age restriction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nsfw: Option<bool>,
    /// Entry point handler.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handler: Option<EntryPointCommandHandlerType>,
}

impl Validate for EditCommand {
    fn validate(&self) -> Result<(), ValidationError> {
        // The command type cannot change; lowercase is only enforced when options exist
        // (a chat input command), as the type is unknown here.
        let kind = if self.options.is_some() {
            ApplicationCommandType::ChatInput
        } else {
            ApplicationCommandType::Unknown(0)
        };
        validate_command(
            &Path::ROOT,
            kind,
            self.name.as_deref(),
            self.name_localizations.get(),
            self.description.as_deref(),
            self.description_localizations.get(),
            self.options.as_deref(),
        )
    }
}

impl RequestBody for EditCommand {}

/// The body of Edit Application Command Permissions (needs a Bearer token)
/// ([docs](https://discord.com/developers/docs/interactions/application-commands#edit-application-command-permissions)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditCommandPermissions {
    /// The overwrites (≤ 100).
    pub permissions: Vec<ApplicationCommandPermission>,
}

impl Validate for EditCommandPermissions {
    fn validate(&self) -> Result<(), ValidationError> {
        check::count(
            &Path::ROOT.field("permissions"),
            self.permissions.len(),
            0,
            100,
        )
    }
}

impl RequestBody for EditCommandPermissions {}

/// Checks one choice: name 1-100 characters, string value ≤ 100 characters.
pub(crate) fn validate_choice(
    path: &Path<'_>,
    choice: &ApplicationCommandOptionChoice,
) -> Result<(), ValidationError> {
    check::chars(&path.field("name"), &choice.name, 1, 100)?;
    if let Some(l) = &choice.name_localizations {
        for (locale, v) in l {
            check::chars(
                &path.field("name_localizations").field(locale.as_str()),
                v,
                1,
                100,
            )?;
        }
    }
    if let ChoiceValue::String(v) = &choice.value {
        check::chars(&path.field("value"), v, 0, 100)?;
    }
    Ok(())
}

fn chat_input_name(path: &Path<'_>, name: &str) -> Result<(), ValidationError> {
    check::chars(path, name, 1, 32)?;
    if let Some(c) = name.chars().find(|c| c.is_uppercase() || c.is_whitespace()) {
        return Err(path.invalid(format!(
            "chat input names must be lowercase without spaces, found `{c}`"
        )));
    }
    Ok(())
}

/// The longest of a default string and its localisations, in characters.
fn longest(default: Option<&str>, localizations: Option<&Localizations>) -> usize {
    let base = default.map_or(0, |s| s.chars().count());
    localizations
        .into_iter()
        .flat_map(|l| l.values())
        .map(|s| s.chars().count())
        .fold(base, usize::max)
}

fn validate_command(
    root: &Path<'_>,
    kind: ApplicationCommandType,
    name: Option<&str>,
    name_localizations: Option<&Localizations>,
    description: Option<&str>,
    description_localizations: Option<&Localizations>,
    options: Option<&[ApplicationCommandOption]>,
) -> Result<(), ValidationError> {
    let chat_input = kind == ApplicationCommandType::ChatInput;
    if let Some(name) = name {
        if chat_input {
            chat_input_name(&root.field("name"), name)?;
        } else {
            check::chars(&root.field("name"), name, 1, 32)?;
        }
    }
    if let Some(l) = name_localizations {
        let p = root.field("name_localizations");
        for (locale, v) in l {
            let lp = p.field(locale.as_str());
            if chat_input {
                chat_input_name(&lp, v)?;
            } else {
                check::chars(&lp, v, 1, 32)?;
            }
        }
    }
    if chat_input {
        match description {
            Some(d) => check::chars(&root.field("description"), d, 1, 100)?,
            None if name.is_some() => {
                return Err(root
                    .field("description")
                    .invalid("chat input commands need a description"));
            }
            None => {}
        }
    }
    if let Some(l) = description_localizations {
        let p = root.field("description_localizations");
        for (locale, v) in l {
            check::chars(&p.field(locale.as_str()), v, 1, 100)?;
        }
    }
    let mut total =
        longest(name, name_localizations) + longest(description, description_localizations);
    if let Some(options) = options {
        check::count(&root.field("options"), options.len(), 0, 25)?;
        let p = root.field("options");
        for (i, o) in options.iter().enumerate() {
            total += validate_option(&p.index(i), o)?;
        }
    }
    if total > COMMAND_TOTAL_MAX {
        return Err(root.error(ValidationErrorKind::TooLong {
            max: COMMAND_TOTAL_MAX,
            actual: total,
        }));
    }
    Ok(())
}

/// Checks an option and returns the characters it adds to the command total.
fn validate_option(
    path: &Path<'_>,
    o: &ApplicationCommandOption,
) -> Result<usize, ValidationError> {
    chat_input_name(&path.field("name"), &o.name)?;
    if let Some(l) = &o.name_localizations {
        for (locale, v) in l {
            chat_input_name(&path.field("name_localizations").field(locale.as_str()), v)?;
        }
    }
    check::chars(&path.field("description"), &o.description, 1, 100)?;
    if let Some(l) = &o.description_localizations {
        for (locale, v) in l {
            check::chars(
                &path
                    .field("description_localizations")
                    .field(locale.as_str()),
                v,
                1,
                100,
            )?;
        }
    }
    let mut total = longest(Some(&o.name), o.name_localizations.as_ref())
        + longest(Some(&o.description), o.description_localizations.as_ref());
    if let Some(choices) = &o.choices {
        let cp = path.field("choices");
        check::count(&cp, choices.len(), 0, 25)?;
        if o.autocomplete == Some(true) && !choices.is_empty() {
            return Err(path
                .field("autocomplete")
                .invalid("cannot be enabled together with choices"));
        }
        for (i, c) in choices.iter().enumerate() {
            validate_choice(&cp.index(i), c)?;
            total += longest(Some(&c.name), c.name_localizations.as_ref());
            total += match &c.value {
                ChoiceValue::String(s) => s.chars().count(),
                ChoiceValue::Integer(n) => n.to_string().len(),
                ChoiceValue::Number(n) => n.to_string().len(),
            };
        }
    }
    if let Some(options) = &o.options {
        if !matches!(
            o.kind,
            ApplicationCommandOptionType::SubCommand
                | ApplicationCommandOptionType::SubCommandGroup
        ) {
            return Err(path
                .field("options")
                .invalid("only subcommands and subcommand groups have nested options"));
        }
        let p = path.field("options");
        check::count(&p, options.len(), 0, 25)?;
        for (i, child) in options.iter().enumerate() {
            total += validate_option(&p.index(i), child)?;
        }
    }
    if let Some(min) = o.min_length {
        check::range(&path.field("min_length"), i64::from(min), 0, 6000)?;
    }
    if let Some(max) = o.max_length {
        check::range(&path.field("max_length"), i64::from(max), 1, 6000)?;
    }
    Ok(total)
}
