//! The commands and components of one dispatcher ([`Dispatcher::add_commands`],
//! [`Dispatcher::add_components`]): a snapshot table the router reads, the modal submissions
//! being awaited, the error hook, and the start-up checks.
//!
//! The first command or component added registers the router, a handler of
//! `INTERACTION_CREATE`, so commands share the dispatcher's tasks, arguments, error isolation
//! and shutdown with every other handler.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use asyncord_model::gateway::events::InteractionCreateEvent;
use asyncord_model::request::command::CreateCommand;
use tokio::sync::oneshot;

use super::component::Component;
use super::definition::{Command, CommandKind};
use super::error::{CommandErrorHook, CommandFailure, CommandProblem};
use super::responder::Responder;
use super::router::Router;
use super::validate;
use crate::dispatcher::{Context, DispatchError, Dispatcher, Requirements};

/// What the router reads: every command and component, in the order they were added.
#[derive(Default)]
pub(crate) struct Table {
    pub(crate) commands: Vec<Arc<Command>>,
    pub(crate) components: Vec<Arc<Component>>,
}

impl Table {
    /// The first command of this kind and name.
    pub(crate) fn find(&self, kind: CommandKind, name: &str) -> Option<&Arc<Command>> {
        self.commands
            .iter()
            .find(|c| c.kind == kind && c.name == name)
    }
}

/// A modal submission (or component use) someone awaits, with what answers it.
pub(crate) struct Submission {
    pub(crate) event: Arc<InteractionCreateEvent>,
    pub(crate) dispatch: Context,
    pub(crate) responder: Arc<dyn Responder>,
}

/// The commands and components of a dispatcher.
#[derive(Default)]
pub struct CommandSet {
    table: RwLock<Arc<Table>>,
    pending: Mutex<HashMap<String, oneshot::Sender<Submission>>>,
    hook: RwLock<Option<CommandErrorHook>>,
}

impl std::fmt::Debug for CommandSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let table = self.table();
        f.debug_struct("CommandSet")
            .field(
                "commands",
                &table
                    .commands
                    .iter()
                    .map(|c| c.display_name())
                    .collect::<Vec<_>>(),
            )
            .field(
                "components",
                &table
                    .components
                    .iter()
                    .map(|c| c.source.as_str())
                    .collect::<Vec<_>>(),
            )
            .finish_non_exhaustive()
    }
}

impl CommandSet {
    pub(crate) fn table(&self) -> Arc<Table> {
        Arc::clone(&self.table.read().unwrap_or_else(PoisonError::into_inner))
    }

    fn update(&self, change: impl FnOnce(&mut Table)) {
        let mut guard = self.table.write().unwrap_or_else(PoisonError::into_inner);
        let mut table = Table {
            commands: guard.commands.clone(),
            components: guard.components.clone(),
        };
        change(&mut table);
        *guard = Arc::new(table);
    }

    pub(crate) fn hook(&self) -> Option<CommandErrorHook> {
        self.hook
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Waits for the interaction with this `custom_id` (instead of routing it).
    pub(crate) fn expect_submission(&self, custom_id: &str) -> Waiting<'_> {
        let (tx, rx) = oneshot::channel();
        self.pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(custom_id.to_owned(), tx);
        Waiting {
            set: self,
            custom_id: custom_id.to_owned(),
            rx: Some(rx),
        }
    }

    /// Hands an awaited interaction to its waiter; gives it back when nobody awaits it.
    pub(crate) fn deliver(&self, custom_id: &str, submission: Submission) -> Option<Submission> {
        let waiter = self
            .pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(custom_id);
        match waiter {
            Some(tx) => tx.send(submission).err(),
            None => Some(submission),
        }
    }

    /// The bodies that register the commands.
    pub fn requests(&self) -> Vec<CreateCommand> {
        self.table()
            .commands
            .iter()
            .map(|c| c.to_request())
            .collect()
    }
}

/// An awaited submission; forgets the wait when dropped.
pub(crate) struct Waiting<'a> {
    set: &'a CommandSet,
    custom_id: String,
    rx: Option<oneshot::Receiver<Submission>>,
}

impl Waiting<'_> {
    /// The submission (`None`: the set is gone).
    pub(crate) async fn receive(mut self) -> Option<Submission> {
        self.rx.take()?.await.ok()
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.set
            .pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&self.custom_id);
    }
}

impl Dispatcher {
    fn command_set_or_init(&self) -> &Arc<CommandSet> {
        self.commands_cell().get_or_init(|| {
            let set = Arc::new(CommandSet::default());
            self.add_handler(Router::new(Arc::clone(&set)));
            set
        })
    }

    /// The dispatcher's commands and components, if any were added.
    pub(crate) fn command_set(&self) -> Option<&Arc<CommandSet>> {
        self.commands_cell().get()
    }

    /// Adds application commands (`#[command]` functions called: `add_commands([roll(),
    /// tag()])`). They are routed from `INTERACTION_CREATE`, checked with the other handlers
    /// before the bot connects ([`Dispatcher::check_commands`]), and registered with Discord
    /// when the bot starts, only where they differ from what Discord has (see
    /// [`commands::registration`](crate::commands::registration)).
    ///
    /// ```
    /// use asyncord::prelude::*;
    ///
    /// /// Replies with pong.
    /// #[command]
    /// async fn ping(ctx: CommandContext) -> CommandResult {
    ///     ctx.reply("pong").await?;
    ///     Ok(())
    /// }
    ///
    /// let dispatcher = Dispatcher::new();
    /// dispatcher.add_argument("client", RestClient::new("token"));
    /// dispatcher.add_commands([ping()]);
    /// dispatcher.check_commands()?;
    /// # Ok::<(), asyncord::dispatcher::DispatchError>(())
    /// ```
    pub fn add_commands(&self, commands: impl IntoIterator<Item = Command>) -> &Self {
        let commands: Vec<Arc<Command>> = commands.into_iter().map(Arc::new).collect();
        for c in &commands {
            tracing::debug!(command = %c.display_name(), "command added");
        }
        self.command_set_or_init()
            .update(|t| t.commands.extend(commands));
        self
    }

    /// Adds component handlers (`#[component("pattern")]` functions called), routed by
    /// `custom_id`: the first whose pattern matches handles a component use or a modal
    /// submission.
    pub fn add_components(&self, components: impl IntoIterator<Item = Component>) -> &Self {
        let components: Vec<Arc<Component>> = components.into_iter().map(Arc::new).collect();
        self.command_set_or_init()
            .update(|t| t.components.extend(components));
        self
    }

    /// Sets what happens when a command does not run or fails (a check, a cooldown, missing
    /// permissions, a bad option, the command's error). The failure is logged first. Without
    /// a hook the user gets [`CommandFailure::reply`]'s ephemeral message; a hook that wants
    /// it too calls it.
    ///
    /// ```
    /// # let dispatcher = asyncord::dispatcher::Dispatcher::new();
    /// dispatcher.set_command_error_hook(|failure| async move {
    ///     tracing::warn!("{} failed: {}", failure.command, failure.error);
    ///     let _ = failure.reply().await;
    /// });
    /// ```
    pub fn set_command_error_hook<F, Fut>(&self, hook: F)
    where
        F: Fn(CommandFailure) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let hook: CommandErrorHook = Arc::new(move |failure| Box::pin(hook(failure)));
        *self
            .command_set_or_init()
            .hook
            .write()
            .unwrap_or_else(PoisonError::into_inner) = Some(hook);
    }

    /// The bodies that register the dispatcher's commands (what the bot writes to Discord at
    /// start-up when they differ).
    pub fn command_requests(&self) -> Vec<CreateCommand> {
        self.command_set().map(|s| s.requests()).unwrap_or_default()
    }

    /// Checks the commands and components: everything Discord would refuse in their
    /// definitions (names, lengths, option order and counts, choices, duplicates...) and their
    /// named arguments against the registered ones. The hub runs it before connecting.
    pub fn check_commands(&self) -> Result<(), DispatchError> {
        let Some(set) = self.command_set() else {
            return Ok(());
        };
        let table = set.table();
        let mut problems = validate::problems(&table.commands, &table.components);
        let mut argument_problems = |owner: String, reqs: &Requirements| {
            for p in self.check_requirements("command", reqs.as_slice()) {
                let what = match p.via {
                    Some(via) => format!(
                        "parameter `{}` (field `{}` of `{via}`)",
                        p.parameter, p.argument
                    ),
                    None => format!("parameter `{}`", p.parameter),
                };
                let problem = match p.registered {
                    None => format!(
                        "{what}: no argument named `{}` is registered (expected type `{}`); call \
                         `dispatcher.add_argument(\"{}\", value)` before starting",
                        p.argument, p.expected, p.argument
                    ),
                    Some(registered) => format!(
                        "{what}: argument `{}` is registered as `{registered}` but the command \
                         expects `{}`",
                        p.argument, p.expected
                    ),
                };
                problems.push(CommandProblem {
                    command: owner.clone(),
                    problem,
                });
            }
        };
        for command in &table.commands {
            visit(command, &command.display_name(), &mut argument_problems);
        }
        for component in &table.components {
            argument_problems(
                format!("component {:?}", component.source),
                &component.requirements,
            );
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(DispatchError::Commands(problems))
        }
    }
}

/// Calls `f` on a command and each of its subcommands, with their display names.
fn visit(command: &Command, name: &str, f: &mut impl FnMut(String, &Requirements)) {
    f(name.to_owned(), &command.requirements);
    for child in &command.subcommands {
        visit(child, &format!("{name} {}", child.name), f);
    }
}
