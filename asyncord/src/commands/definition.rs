//! [`Command`]: one application command as the bot defines it — its name, description,
//! localisations, options (each an [`OptionDefinition`]), subcommands, permissions, contexts,
//! checks, cooldown, and the action that runs it. `#[command]` builds one from an `async fn`;
//! the builder methods build one by hand. [`Command::to_request`] is the body that registers it.
//!
//! Application commands: <https://discord.com/developers/docs/interactions/application-commands#application-command-object>.

use std::fmt;
use std::sync::Arc;

use asyncord_model::Permissions;
use asyncord_model::channel::ChannelType;
use asyncord_model::command::{
    ApplicationCommandOption, ApplicationCommandOptionType, ApplicationCommandType,
    ApplicationIntegrationType, InteractionContextType, Localizations, NumberValue,
};
use asyncord_model::common::Locale;
use asyncord_model::request::command::CreateCommand;

use super::autocomplete::Completer;
use super::checks::Check;
use super::context::CommandContext;
use super::cooldown::Cooldown;
use super::option::CommandOption;
use super::private::BoxFuture;
use crate::dispatcher::{Argument, HandlerResult, Inject, IntoHandlerResult, Requirements};

/// What a command's action is: called with the command's context, its result is the
/// command's.
pub(crate) type Action = Arc<dyn Fn(CommandContext) -> BoxFuture<HandlerResult> + Send + Sync>;

/// Which kind of application command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CommandKind {
    /// A slash command (`CHAT_INPUT`).
    Slash,
    /// A command in a user's context menu (Apps → name).
    User,
    /// A command in a message's context menu.
    Message,
}

impl CommandKind {
    /// Discord's command type.
    pub fn command_type(self) -> ApplicationCommandType {
        match self {
            Self::Slash => ApplicationCommandType::ChatInput,
            Self::User => ApplicationCommandType::User,
            Self::Message => ApplicationCommandType::Message,
        }
    }

    /// The kind of a Discord command type (`None` for entry points and unknown types).
    pub fn from_command_type(kind: ApplicationCommandType) -> Option<Self> {
        match kind {
            ApplicationCommandType::ChatInput => Some(Self::Slash),
            ApplicationCommandType::User => Some(Self::User),
            ApplicationCommandType::Message => Some(Self::Message),
            _ => None,
        }
    }
}

/// One option of a command: Discord's definition of it, and its autocomplete function.
///
/// ```
/// use asyncord::commands::OptionDefinition;
/// let sides = OptionDefinition::of::<i64>("sides", "How many sides").min_value(2).max_value(100);
/// assert_eq!(sides.option().required, Some(true));
/// let times = OptionDefinition::of::<Option<i64>>("times", "How many rolls");
/// assert_eq!(times.option().required, None);
/// ```
#[derive(Clone)]
pub struct OptionDefinition {
    pub(crate) option: ApplicationCommandOption,
    pub(crate) autocomplete: Option<Completer>,
}

impl fmt::Debug for OptionDefinition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OptionDefinition")
            .field("option", &self.option)
            .field("autocomplete", &self.autocomplete.is_some())
            .finish()
    }
}

impl OptionDefinition {
    /// An option whose value converts into `T`: its type, whether it is required, and what `T`
    /// adds (a choice enum's choices) come from `T`'s [`CommandOption`] impl.
    pub fn of<T: CommandOption>(name: impl Into<String>, description: impl Into<String>) -> Self {
        let mut option = ApplicationCommandOption::new(T::KIND, name, description);
        if T::REQUIRED {
            option.required = Some(true);
        }
        T::describe(&mut option);
        Self {
            option,
            autocomplete: None,
        }
    }

    /// Discord's definition of the option.
    pub fn option(&self) -> &ApplicationCommandOption {
        &self.option
    }

    /// The option's name.
    pub fn name(&self) -> &str {
        &self.option.name
    }

    /// Whether the option has an autocomplete function.
    pub fn has_autocomplete(&self) -> bool {
        self.autocomplete.is_some()
    }

    /// The smallest value allowed (integer and number options).
    pub fn min_value(mut self, min: impl Into<NumberValue>) -> Self {
        self.option.min_value = Some(min.into());
        self
    }

    /// The largest value allowed (integer and number options).
    pub fn max_value(mut self, max: impl Into<NumberValue>) -> Self {
        self.option.max_value = Some(max.into());
        self
    }

    /// The shortest text allowed (text options, 0-6000).
    pub fn min_length(mut self, min: u16) -> Self {
        self.option.min_length = Some(min);
        self
    }

    /// The longest text allowed (text options, 1-6000).
    pub fn max_length(mut self, max: u16) -> Self {
        self.option.max_length = Some(max);
        self
    }

    /// The channel types the user can pick (channel options).
    pub fn channel_types(mut self, types: impl IntoIterator<Item = ChannelType>) -> Self {
        self.option.channel_types = Some(types.into_iter().collect());
        self
    }

    /// The option's name in `locale`.
    pub fn name_localization(mut self, locale: Locale, name: impl Into<String>) -> Self {
        self.option
            .name_localizations
            .get_or_insert_with(Localizations::default)
            .insert(locale, name.into());
        self
    }

    /// The option's description in `locale`.
    pub fn description_localization(
        mut self,
        locale: Locale,
        description: impl Into<String>,
    ) -> Self {
        self.option
            .description_localizations
            .get_or_insert_with(Localizations::default)
            .insert(locale, description.into());
        self
    }

    /// Suggests values while the user types (see [`Completer`]); turns `autocomplete` on.
    pub fn autocomplete(mut self, completer: Completer) -> Self {
        self.option.autocomplete = Some(true);
        self.autocomplete = Some(completer);
        self
    }
}

/// An application command: what `#[command]` returns, and what
/// [`Dispatcher::add_commands`](crate::dispatcher::Dispatcher::add_commands) takes.
///
/// Built by hand, a command reads its options from the context:
///
/// ```
/// use asyncord::commands::{Command, CommandContext, OptionDefinition};
///
/// let echo = Command::slash("echo", "Repeats what you say")
///     .option(OptionDefinition::of::<String>("text", "What to repeat"))
///     .action(|ctx: CommandContext| async move {
///         let text: String = ctx.option("text")?;
///         ctx.reply(text).await?;
///         asyncord::commands::CommandResult::Ok(())
///     });
/// assert_eq!(echo.to_request().name, "echo");
/// ```
pub struct Command {
    pub(crate) name: String,
    pub(crate) kind: CommandKind,
    pub(crate) description: String,
    pub(crate) name_localizations: Localizations,
    pub(crate) description_localizations: Localizations,
    pub(crate) options: Vec<OptionDefinition>,
    pub(crate) subcommands: Vec<Command>,
    pub(crate) default_member_permissions: Option<Permissions>,
    pub(crate) contexts: Option<Vec<InteractionContextType>>,
    pub(crate) integration_types: Option<Vec<ApplicationIntegrationType>>,
    pub(crate) nsfw: bool,
    pub(crate) checks: Vec<Check>,
    pub(crate) required_permissions: Permissions,
    pub(crate) required_bot_permissions: Permissions,
    pub(crate) cooldown: Option<Arc<Cooldown>>,
    pub(crate) auto_defer: Option<bool>,
    pub(crate) action: Option<Action>,
    pub(crate) requirements: Requirements,
}

impl fmt::Debug for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Command")
            .field("name", &self.name)
            .field("kind", &self.kind)
            .field("description", &self.description)
            .field("options", &self.options)
            .field("subcommands", &self.subcommands)
            .field("checks", &self.checks.len())
            .field("cooldown", &self.cooldown)
            .finish_non_exhaustive()
    }
}

impl Command {
    fn new(kind: CommandKind, name: impl Into<String>, description: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            kind,
            description: description.into(),
            name_localizations: Localizations::default(),
            description_localizations: Localizations::default(),
            options: Vec::new(),
            subcommands: Vec::new(),
            default_member_permissions: None,
            contexts: None,
            integration_types: None,
            nsfw: false,
            checks: Vec::new(),
            required_permissions: Permissions::empty(),
            required_bot_permissions: Permissions::empty(),
            cooldown: None,
            auto_defer: None,
            action: None,
            requirements: Requirements::new(),
        }
    }

    /// A slash command (also a subcommand, or a group of subcommands, once added to a parent).
    pub fn slash(name: impl Into<String>, description: impl Into<String>) -> Self {
        Self::new(CommandKind::Slash, name, description)
    }

    /// A user context-menu command.
    pub fn user(name: impl Into<String>) -> Self {
        Self::new(CommandKind::User, name, "")
    }

    /// A message context-menu command.
    pub fn message(name: impl Into<String>) -> Self {
        Self::new(CommandKind::Message, name, "")
    }

    /// The command's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The command's kind.
    pub fn kind(&self) -> CommandKind {
        self.kind
    }

    /// The command's description (empty for context-menu commands).
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The command's options.
    pub fn options(&self) -> &[OptionDefinition] {
        &self.options
    }

    /// The command's subcommands (or subcommand groups).
    pub fn subcommands(&self) -> &[Command] {
        &self.subcommands
    }

    /// The named arguments and `Inject` types the command's parameters take.
    pub fn requirements(&self) -> &Requirements {
        &self.requirements
    }

    /// Sets what runs the command: an async function of its [`CommandContext`] returning `()`
    /// or `Result<(), E>`. A command with subcommands may have one too: it runs before any of
    /// them (a check they share), and an error stops the subcommand.
    pub fn action<F, Fut>(mut self, action: F) -> Self
    where
        F: Fn(CommandContext) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: IntoHandlerResult,
    {
        self.action = Some(Arc::new(move |ctx| {
            let fut = action(ctx);
            Box::pin(async move { fut.await.into_handler_result() })
        }));
        self
    }

    /// Adds an option.
    pub fn option(mut self, option: OptionDefinition) -> Self {
        self.options.push(option);
        self
    }

    /// Adds a subcommand (a command of its own, which becomes a group when it has
    /// subcommands itself).
    pub fn subcommand(mut self, command: Command) -> Self {
        self.subcommands.push(command);
        self
    }

    /// The command's name in `locale`.
    pub fn name_localization(mut self, locale: Locale, name: impl Into<String>) -> Self {
        self.name_localizations.insert(locale, name.into());
        self
    }

    /// The command's description in `locale`.
    pub fn description_localization(
        mut self,
        locale: Locale,
        description: impl Into<String>,
    ) -> Self {
        self.description_localizations
            .insert(locale, description.into());
        self
    }

    /// The permissions a member needs to see the command by default (server admins can change
    /// it); `Permissions::empty()` shows it to admins only.
    pub fn default_member_permissions(mut self, permissions: Permissions) -> Self {
        self.default_member_permissions = Some(permissions);
        self
    }

    /// Where the command can be used (guilds, the bot's DMs, other private channels).
    pub fn contexts(mut self, contexts: impl IntoIterator<Item = InteractionContextType>) -> Self {
        self.contexts = Some(contexts.into_iter().collect());
        self
    }

    /// Where the command is available once the app is installed (to a guild, to a user).
    pub fn integration_types(
        mut self,
        types: impl IntoIterator<Item = ApplicationIntegrationType>,
    ) -> Self {
        self.integration_types = Some(types.into_iter().collect());
        self
    }

    /// Marks the command age-restricted.
    pub fn nsfw(mut self, nsfw: bool) -> Self {
        self.nsfw = nsfw;
        self
    }

    /// Adds a check that must pass before the command runs.
    pub fn check(mut self, check: Check) -> Self {
        self.checks.push(check);
        self
    }

    /// Permissions the invoking member must have in the channel (checked from the interaction's
    /// `member.permissions` before the command runs).
    pub fn required_permissions(mut self, permissions: Permissions) -> Self {
        self.required_permissions |= permissions;
        self
    }

    /// Permissions the bot must have in the channel (checked from the interaction's
    /// `app_permissions` before the command runs).
    pub fn required_bot_permissions(mut self, permissions: Permissions) -> Self {
        self.required_bot_permissions |= permissions;
        self
    }

    /// Limits how often the command runs (per user, guild, channel or everywhere).
    pub fn cooldown(mut self, cooldown: Cooldown) -> Self {
        self.cooldown = Some(Arc::new(cooldown));
        self
    }

    /// Defers the response for the command when it has not answered 2.5 seconds after it
    /// started, before Discord's 3-second deadline; `ephemeral` makes the deferred answer
    /// ephemeral. Its later [`reply`](CommandContext::reply) fills the deferred message.
    pub fn auto_defer(mut self, ephemeral: bool) -> Self {
        self.auto_defer = Some(ephemeral);
        self
    }

    /// Declares that the command reads the registered argument `name` (checked at start-up).
    pub fn argument<T: Argument>(mut self, name: &'static str) -> Self {
        self.requirements.argument::<T>(name);
        self
    }

    /// Declares that the command computes an [`Inject`] type (its arguments are checked at
    /// start-up).
    pub fn injected<T: Inject>(mut self, name: &'static str) -> Self {
        self.requirements.injected::<T>(name);
        self
    }

    /// How the command shows in messages and logs: `/roll`, `/tag add`, `Show avatar (user)`.
    pub fn display_name(&self) -> String {
        match self.kind {
            CommandKind::Slash => format!("/{}", self.name),
            CommandKind::User => format!("{} (user)", self.name),
            CommandKind::Message => format!("{} (message)", self.name),
        }
    }

    /// The body that registers the command (one item of a bulk overwrite).
    pub fn to_request(&self) -> CreateCommand {
        let localizations = |l: &Localizations| (!l.is_empty()).then(|| l.clone());
        let options: Vec<ApplicationCommandOption> = if self.subcommands.is_empty() {
            self.options.iter().map(|o| o.option.clone()).collect()
        } else {
            self.subcommands
                .iter()
                .map(Command::as_subcommand)
                .collect()
        };
        let slash = self.kind == CommandKind::Slash;
        CreateCommand {
            name: self.name.clone(),
            name_localizations: localizations(&self.name_localizations),
            description: slash.then(|| self.description.clone()),
            description_localizations: localizations(&self.description_localizations),
            options: (!options.is_empty()).then_some(options),
            default_member_permissions: self.default_member_permissions,
            dm_permission: None,
            default_permission: None,
            integration_types: self.integration_types.clone(),
            contexts: self.contexts.clone(),
            kind: Some(self.kind.command_type()),
            nsfw: self.nsfw.then_some(true),
            handler: None,
        }
    }

    /// This command as an option of its parent: a subcommand, or a group when it has
    /// subcommands.
    fn as_subcommand(&self) -> ApplicationCommandOption {
        let (kind, options) = if self.subcommands.is_empty() {
            (
                ApplicationCommandOptionType::SubCommand,
                self.options.iter().map(|o| o.option.clone()).collect(),
            )
        } else {
            (
                ApplicationCommandOptionType::SubCommandGroup,
                self.subcommands
                    .iter()
                    .map(Command::as_subcommand)
                    .collect(),
            )
        };
        let mut option = ApplicationCommandOption::new(kind, &self.name, &self.description);
        option.options = Some(options).filter(|o: &Vec<_>| !o.is_empty());
        if !self.name_localizations.is_empty() {
            option.name_localizations = Some(self.name_localizations.clone());
        }
        if !self.description_localizations.is_empty() {
            option.description_localizations = Some(self.description_localizations.clone());
        }
        option
    }

    /// The subcommand (or group) called `name`.
    pub(crate) fn child(&self, name: &str) -> Option<&Command> {
        self.subcommands.iter().find(|c| c.name == name)
    }

    /// The option called `name`.
    pub(crate) fn option_named(&self, name: &str) -> Option<&OptionDefinition> {
        self.options.iter().find(|o| o.option.name == name)
    }
}
