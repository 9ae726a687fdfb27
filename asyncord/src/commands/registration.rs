//! Registering commands with Discord by difference: when a bot starts, its group reads the
//! commands Discord has (globally, or in each development guild), compares them with the ones
//! the bot defines in a normalised form, and writes them (one bulk overwrite) only when they
//! differ, logging which were added, changed and removed. Nothing is written when nothing
//! changed, so restarts neither burn the daily command-creation limit nor reset what users see.
//!
//! Bulk overwrite: <https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands>;
//! registering: <https://discord.com/developers/docs/interactions/application-commands#registering-a-command>.

use std::fmt;

use asyncord_model::command::{ApplicationCommand, ApplicationCommandType};
use asyncord_model::request::command::CreateCommand;
use asyncord_model::{ApplicationId, GuildId};

use super::normalize::Normalized;
use crate::dispatcher::Dispatcher;
use crate::http::RestError;
use crate::rest::RestClient;

/// Where a group registers its commands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum CommandScope {
    /// Globally: every guild and DM (the default).
    #[default]
    Global,
    /// In these guilds only: updates show at once, for development.
    Guilds(Vec<GuildId>),
}

/// How a group registers its commands when it starts ([`GroupConfig::commands`](crate::GroupConfig)).
///
/// ```
/// use asyncord::GroupConfig;
/// use asyncord::commands::CommandRegistration;
///
/// // While developing: register in one guild, where changes show at once.
/// let config = GroupConfig::new().commands(CommandRegistration::guilds([123_u64]));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommandRegistration {
    /// Whether to register at all (default `true`; a group without commands registers
    /// nothing either way).
    pub enabled: bool,
    /// Where.
    pub scope: CommandScope,
}

impl Default for CommandRegistration {
    fn default() -> Self {
        Self::global()
    }
}

impl CommandRegistration {
    /// Globally (the default).
    pub fn global() -> Self {
        Self {
            enabled: true,
            scope: CommandScope::Global,
        }
    }

    /// In these guilds only.
    pub fn guilds(guilds: impl IntoIterator<Item = impl Into<GuildId>>) -> Self {
        Self {
            enabled: true,
            scope: CommandScope::Guilds(guilds.into_iter().map(Into::into).collect()),
        }
    }

    /// Never: the bot registers its commands itself (or another program does).
    pub fn disabled() -> Self {
        Self {
            enabled: false,
            scope: CommandScope::Global,
        }
    }
}

/// What a registration changed in one scope (by the commands' display names: `/roll`,
/// `Show avatar (user)`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommandChanges {
    /// The guild, for guild commands.
    pub guild_id: Option<GuildId>,
    /// Commands Discord did not have.
    pub added: Vec<String>,
    /// Commands Discord had in another form.
    pub changed: Vec<String>,
    /// Commands Discord had and the bot no longer defines.
    pub removed: Vec<String>,
}

impl CommandChanges {
    /// Whether Discord already had exactly the bot's commands (nothing was written).
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

impl fmt::Display for CommandChanges {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scope = self
            .guild_id
            .map_or_else(|| "globally".to_owned(), |g| format!("in guild {g}"));
        if self.is_empty() {
            return write!(f, "commands up to date {scope}");
        }
        write!(f, "commands updated {scope}:")?;
        for (what, list) in [
            ("added", &self.added),
            ("changed", &self.changed),
            ("removed", &self.removed),
        ] {
            if !list.is_empty() {
                write!(f, " {what} {}", list.join(", "))?;
                if what != "removed" {
                    f.write_str(";")?;
                }
            }
        }
        Ok(())
    }
}

fn display_name(kind: ApplicationCommandType, name: &str) -> String {
    match kind {
        ApplicationCommandType::ChatInput => format!("/{name}"),
        ApplicationCommandType::User => format!("{name} (user)"),
        ApplicationCommandType::Message => format!("{name} (message)"),
        other => format!("{name} (type {})", other.value()),
    }
}

/// What writing `local` over `remote` would change.
pub fn diff(local: &[CreateCommand], remote: &[ApplicationCommand]) -> CommandChanges {
    let mine: Vec<Normalized> = local.iter().map(Normalized::from_request).collect();
    let theirs: Vec<Normalized> = remote.iter().map(Normalized::from_response).collect();
    let mut changes = CommandChanges::default();
    for (m, request) in mine.iter().zip(local) {
        let kind = request.kind.unwrap_or(ApplicationCommandType::ChatInput);
        match theirs.iter().find(|t| t.kind == m.kind && t.name == m.name) {
            None => changes.added.push(display_name(kind, &m.name)),
            Some(t) if !m.matches(t) => changes.changed.push(display_name(kind, &m.name)),
            Some(_) => {}
        }
    }
    for (t, command) in theirs.iter().zip(remote) {
        if !mine.iter().any(|m| m.kind == t.kind && m.name == t.name) {
            changes.removed.push(display_name(command.kind, &t.name));
        }
    }
    changes
}

/// Brings the application's commands (globally, or in `guild`) to `commands`: reads them,
/// and writes them with one bulk overwrite only when they differ. Returns what changed.
///
/// ```no_run
/// # async fn demo(client: asyncord::rest::RestClient, dispatcher: asyncord::dispatcher::Dispatcher) -> asyncord::Result<()> {
/// use asyncord::commands::registration;
///
/// let app = client.applications.me().await?;
/// let changes = registration::sync(&client, app.id, None, &dispatcher.command_requests()).await?;
/// println!("{changes}");
/// # Ok(()) }
/// ```
pub async fn sync(
    client: &RestClient,
    application_id: ApplicationId,
    guild: Option<GuildId>,
    commands: &[CreateCommand],
) -> Result<CommandChanges, RestError> {
    let resource = client.applications.commands(application_id);
    let resource = match guild {
        Some(g) => resource.guild(g),
        None => resource,
    };
    let remote = resource.list(true).await?;
    let mut changes = diff(commands, &remote);
    changes.guild_id = guild;
    if changes.is_empty() {
        tracing::debug!("{changes}");
    } else {
        resource.bulk_overwrite(commands).await?;
        tracing::info!(
            added = ?changes.added,
            changed = ?changes.changed,
            removed = ?changes.removed,
            "{changes}"
        );
    }
    Ok(changes)
}

/// Why a group could not register its commands (it does not connect).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RegistrationError {
    /// The application could not be read (`GET /applications/@me`): a wrong token, or Discord
    /// is unreachable.
    #[error("could not read the bot's application to register its commands: {0}")]
    Application(#[source] RestError),
    /// Reading or writing the commands failed (Discord's message names the field it refused).
    #[error("could not register the commands {scope}: {source}")]
    Write {
        /// `globally` or `in guild ...`.
        scope: String,
        /// The request's error.
        #[source]
        source: RestError,
    },
}

/// Registers a dispatcher's commands as `config` says (nothing when it has none, or when
/// registration is disabled).
pub(crate) async fn register(
    dispatcher: &Dispatcher,
    client: &RestClient,
    config: &CommandRegistration,
) -> Result<Vec<CommandChanges>, RegistrationError> {
    if !config.enabled || dispatcher.command_set().is_none() {
        return Ok(Vec::new());
    }
    let commands = dispatcher.command_requests();
    let application = client
        .applications
        .me()
        .await
        .map_err(RegistrationError::Application)?;
    let guilds: Vec<Option<GuildId>> = match &config.scope {
        CommandScope::Global => vec![None],
        CommandScope::Guilds(guilds) => guilds.iter().copied().map(Some).collect(),
    };
    let mut all = Vec::with_capacity(guilds.len());
    for guild in guilds {
        let changes = sync(client, application.id, guild, &commands)
            .await
            .map_err(|source| RegistrationError::Write {
                scope: guild.map_or_else(|| "globally".to_owned(), |g| format!("in guild {g}")),
                source,
            })?;
        all.push(changes);
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_diff_names_what_was_added_changed_and_removed() {
        let local = vec![
            CreateCommand::chat_input("roll", "Rolls dice"),
            CreateCommand::chat_input("tag", "Tags"),
            CreateCommand::user("Show avatar"),
        ];
        let remote: Vec<ApplicationCommand> = serde_json::from_value(json!([
            {"id": "1", "application_id": "9", "version": "1", "type": 1, "name": "roll",
             "description": "Rolls dice", "default_member_permissions": null},
            {"id": "2", "application_id": "9", "version": "1", "type": 1, "name": "tag",
             "description": "Old description", "default_member_permissions": null},
            {"id": "3", "application_id": "9", "version": "1", "type": 1, "name": "old",
             "description": "Gone", "default_member_permissions": null},
        ]))
        .unwrap();
        let changes = diff(&local, &remote);
        assert_eq!(changes.added, ["Show avatar (user)"]);
        assert_eq!(changes.changed, ["/tag"]);
        assert_eq!(changes.removed, ["/old"]);
        assert_eq!(
            changes.to_string(),
            "commands updated globally: added Show avatar (user); changed /tag; removed /old"
        );
        assert!(diff(&local[..1], &remote[..1]).is_empty());
    }
}
