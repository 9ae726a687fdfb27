//! Routing `INTERACTION_CREATE`: a command goes to its definition by name and subcommand path,
//! through its permission checks, checks and cooldowns, to its action (deferred for it when it
//! asked and is slow); an autocomplete request goes to the focused option's function; a
//! component use or modal submission goes to whoever awaits its `custom_id`, else to the first
//! component whose pattern matches. Failures go to the error hook (by default an ephemeral
//! message to the user); panics are caught and reported the same way.
//!
//! Interactions: <https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-type>.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Duration;

use asyncord_model::command::ApplicationCommandOptionType;
use asyncord_model::gateway::events::InteractionCreateEvent;
use asyncord_model::interaction::{
    CommandDataOption, InteractionResponse, InteractionType, OptionValue,
};
use futures_util::FutureExt;
use tokio::time::Instant;

use super::autocomplete::{self, AutocompleteContext};
use super::checks;
use super::context::{CommandContext, ContextParts};
use super::definition::{Command, CommandKind};
use super::error::{CommandError, CommandFailure};
use super::option::OptionError;
use super::responder::{GatewayResponder, Responder};
use super::set::{CommandSet, Submission};
use crate::dispatcher::{Context, Handler, HandlerResult, Requirements};
use crate::rest::RestClient;

/// How long after an interaction arrives a command that asked for it is deferred, before
/// Discord's 3-second deadline.
pub const AUTO_DEFER_AFTER: Duration = Duration::from_millis(2500);

/// The argument the router answers through.
const CLIENT: &str = "client";

/// The handler of `INTERACTION_CREATE` that routes to the dispatcher's commands.
pub(crate) struct Router {
    set: Arc<CommandSet>,
}

impl Router {
    pub(crate) fn new(set: Arc<CommandSet>) -> Self {
        Self { set }
    }
}

impl Handler for Router {
    type Event = InteractionCreateEvent;

    fn name(&self) -> &'static str {
        "commands"
    }

    fn requirements(&self, reqs: &mut Requirements) {
        reqs.argument::<RestClient>(CLIENT);
    }

    fn handle(
        &self,
        event: Arc<InteractionCreateEvent>,
        ctx: Context,
    ) -> impl Future<Output = HandlerResult> + Send + 'static {
        let set = Arc::clone(&self.set);
        async move {
            let client: RestClient = ctx.arg(CLIENT)?;
            let responder: Arc<dyn Responder> = Arc::new(GatewayResponder::new(client.clone()));
            set.route(event, ctx, client, responder).await;
            Ok(())
        }
    }
}

/// A command's chain from the top-level command to the subcommand that runs, with that
/// subcommand's options and its name (`/tag add`).
struct Resolved<'t> {
    chain: Vec<&'t Command>,
    options: Vec<CommandDataOption>,
    name: String,
}

/// Walks the subcommand options down to the subcommand that runs.
fn descend<'t>(
    top: &'t Command,
    options: &[CommandDataOption],
) -> (Resolved<'t>, Result<(), OptionError>) {
    let mut resolved = Resolved {
        chain: vec![top],
        options: Vec::new(),
        name: top.display_name(),
    };
    let mut current = top;
    let mut options = options;
    while !current.subcommands.is_empty() {
        let Some(first) = options.first().filter(|o| {
            matches!(
                o.kind,
                ApplicationCommandOptionType::SubCommand
                    | ApplicationCommandOptionType::SubCommandGroup
            )
        }) else {
            let error = OptionError::new(&current.name, "no subcommand was given");
            return (resolved, Err(error));
        };
        let Some(child) = current.child(&first.name) else {
            let error = OptionError::new(&first.name, "this command has no such subcommand");
            return (resolved, Err(error));
        };
        resolved.name.push(' ');
        resolved.name.push_str(&child.name);
        resolved.chain.push(child);
        current = child;
        options = &first.options;
    }
    resolved.options = options.to_vec();
    (resolved, Ok(()))
}

impl CommandSet {
    /// Routes one interaction. Answers through `responder` first, `client` afterwards.
    pub(crate) async fn route(
        self: &Arc<Self>,
        event: Arc<InteractionCreateEvent>,
        dispatch: Context,
        client: RestClient,
        responder: Arc<dyn Responder>,
    ) {
        let started = Instant::now();
        match event.kind {
            InteractionType::ApplicationCommand => {
                self.command(event, dispatch, client, responder, started)
                    .await;
            }
            InteractionType::ApplicationCommandAutocomplete => {
                self.autocomplete(event, dispatch, client, responder).await;
            }
            InteractionType::MessageComponent | InteractionType::ModalSubmit => {
                self.component(event, dispatch, client, responder).await;
            }
            _ => {}
        }
    }

    fn context(
        self: &Arc<Self>,
        event: &Arc<InteractionCreateEvent>,
        dispatch: Context,
        client: RestClient,
        responder: Arc<dyn Responder>,
        options: Vec<CommandDataOption>,
        name: String,
    ) -> Option<CommandContext> {
        let Some(user) = event.author().cloned() else {
            tracing::warn!(interaction = %event.id, "an interaction without a user; ignored");
            return None;
        };
        Some(CommandContext::new(ContextParts {
            event: Arc::clone(event),
            user,
            dispatch,
            client,
            responder,
            options,
            set: Arc::clone(self),
            name,
        }))
    }

    async fn command(
        self: &Arc<Self>,
        event: Arc<InteractionCreateEvent>,
        dispatch: Context,
        client: RestClient,
        responder: Arc<dyn Responder>,
        started: Instant,
    ) {
        let Some(data) = event.command_data() else {
            return;
        };
        let Some(kind) = CommandKind::from_command_type(data.kind) else {
            return;
        };
        let table = self.table();
        let Some(top) = table.find(kind, &data.name) else {
            tracing::debug!(command = %data.name, "no command of that name; left to other handlers");
            return;
        };
        let (resolved, found) = descend(top, &data.options);
        let Resolved {
            chain,
            options,
            name,
        } = resolved;
        let Some(ctx) = self.context(&event, dispatch, client, responder, options, name) else {
            return;
        };
        if let Err(error) = found {
            self.fail(ctx, CommandError::BadOption(error)).await;
            return;
        }
        let run = guarded(run(&chain, &ctx));
        let outcome = match chain.last().and_then(|leaf| leaf.auto_defer) {
            None => run.await,
            Some(ephemeral) => {
                let mut run = std::pin::pin!(run);
                tokio::select! {
                    biased;
                    outcome = &mut run => outcome,
                    () = tokio::time::sleep_until(started + AUTO_DEFER_AFTER) => {
                        let (outcome, ()) = tokio::join!(run, ctx.auto_defer(ephemeral));
                        outcome
                    }
                }
            }
        };
        if let Err(error) = outcome {
            self.fail(ctx, error).await;
        }
    }

    async fn autocomplete(
        self: &Arc<Self>,
        event: Arc<InteractionCreateEvent>,
        dispatch: Context,
        client: RestClient,
        responder: Arc<dyn Responder>,
    ) {
        let Some(data) = event.command_data() else {
            return;
        };
        let Some(kind) = CommandKind::from_command_type(data.kind) else {
            return;
        };
        let table = self.table();
        let Some(top) = table.find(kind, &data.name) else {
            return;
        };
        let (resolved, found) = descend(top, &data.options);
        let Some(leaf) = resolved.chain.last() else {
            return;
        };
        let focused = resolved.options.iter().find(|o| o.focused == Some(true));
        let completer = focused
            .and_then(|o| leaf.option_named(&o.name))
            .and_then(|o| o.autocomplete.clone());
        let (Ok(()), Some(focused), Some(completer)) = (found, focused, completer) else {
            tracing::warn!(
                command = %resolved.name,
                "an autocomplete request for an option without an autocomplete function; \
                 answering with no suggestions"
            );
            answer_autocomplete(&*responder, &event, Vec::new(), &resolved.name).await;
            return;
        };
        let typed = match &focused.value {
            Some(OptionValue::String(s)) => s.clone(),
            Some(OptionValue::Integer(n)) => n.to_string(),
            Some(OptionValue::Number(n)) => n.to_string(),
            Some(OptionValue::Boolean(b)) => b.to_string(),
            None => String::new(),
        };
        let Some(user) = event.author().cloned() else {
            return;
        };
        let actx = AutocompleteContext::new(
            Arc::clone(&event),
            user,
            dispatch,
            client,
            resolved.options.clone(),
            focused.name.clone(),
        );
        let choices = match AssertUnwindSafe(completer.call(actx, typed))
            .catch_unwind()
            .await
        {
            Ok(choices) => choices,
            Err(payload) => {
                tracing::error!(
                    command = %resolved.name,
                    option = %focused.name,
                    "the autocomplete function panicked: {}",
                    panic_text(&*payload)
                );
                Vec::new()
            }
        };
        let choices = autocomplete::acceptable(&resolved.name, choices);
        answer_autocomplete(&*responder, &event, choices, &resolved.name).await;
    }

    async fn component(
        self: &Arc<Self>,
        event: Arc<InteractionCreateEvent>,
        dispatch: Context,
        client: RestClient,
        responder: Arc<dyn Responder>,
    ) {
        let custom_id = match (event.component_data(), event.modal_data()) {
            (Some(c), _) => c.custom_id.clone(),
            (None, Some(m)) => m.custom_id.clone(),
            (None, None) => return,
        };
        let submission = Submission {
            event: Arc::clone(&event),
            dispatch,
            responder,
        };
        let Some(submission) = self.deliver(&custom_id, submission) else {
            return;
        };
        let table = self.table();
        let Some((component, captures)) = table
            .components
            .iter()
            .find_map(|c| c.matches(&custom_id).map(|captures| (c, captures)))
        else {
            tracing::debug!(%custom_id, "no component handles this custom_id; left to other handlers");
            return;
        };
        let Some(ctx) = self.context(
            &event,
            submission.dispatch,
            client,
            submission.responder,
            Vec::new(),
            format!("component {:?}", component.source),
        ) else {
            return;
        };
        let run = async {
            for check in &component.checks {
                check.run(&ctx).await?;
            }
            (component.action)(ctx.clone(), captures)
                .await
                .map_err(CommandError::from_action)
        };
        if let Err(error) = guarded(run).await {
            self.fail(ctx, error).await;
        }
    }

    /// Logs a failure and hands it to the hook (or tells the user).
    async fn fail(&self, ctx: CommandContext, error: CommandError) {
        let command = ctx.command_name().to_owned();
        let user = ctx.user().id;
        match &error {
            CommandError::Command(e) => {
                tracing::error!(command = %command, %user, "the command failed: {e}");
            }
            CommandError::Unresolved(_) | CommandError::Response(_) => {
                tracing::error!(command = %command, %user, "{error}");
            }
            CommandError::BadOption(_) => {
                tracing::warn!(command = %command, %user, "{error}");
            }
            _ => tracing::debug!(command = %command, %user, "not run: {error}"),
        }
        let failure = CommandFailure {
            command,
            error,
            context: ctx,
        };
        match self.hook() {
            Some(hook) => {
                if let Err(payload) = AssertUnwindSafe(hook(failure)).catch_unwind().await {
                    tracing::error!("the command error hook panicked: {}", panic_text(&*payload));
                }
            }
            None => {
                if let Err(e) = failure.reply().await {
                    tracing::warn!(
                        command = %failure.command,
                        error = %e,
                        "could not tell the user the command failed"
                    );
                }
            }
        }
    }
}

/// Checks, cooldowns, the parents' actions, then the subcommand's action.
async fn run(chain: &[&Command], ctx: &CommandContext) -> Result<(), CommandError> {
    for command in chain {
        checks::permissions(
            ctx,
            command.required_permissions,
            command.required_bot_permissions,
        )?;
    }
    for command in chain {
        for check in &command.checks {
            check.run(ctx).await?;
        }
    }
    for command in chain {
        if let Some(cooldown) = &command.cooldown {
            cooldown.hit(ctx)?;
        }
    }
    let Some((leaf, parents)) = chain.split_last() else {
        return Ok(());
    };
    for parent in parents {
        if let Some(action) = &parent.action {
            action(ctx.clone())
                .await
                .map_err(CommandError::from_action)?;
        }
    }
    if let Some(action) = &leaf.action {
        action(ctx.clone()).await.map_err(CommandError::from_action)
    } else {
        tracing::warn!(command = %ctx.command_name(), "the command has no action");
        Ok(())
    }
}

/// A command's run with its panics turned into its error.
async fn guarded(run: impl Future<Output = Result<(), CommandError>>) -> Result<(), CommandError> {
    match AssertUnwindSafe(run).catch_unwind().await {
        Ok(outcome) => outcome,
        Err(payload) => Err(CommandError::Command(
            format!("panicked: {}", panic_text(&*payload)).into(),
        )),
    }
}

async fn answer_autocomplete(
    responder: &dyn Responder,
    event: &InteractionCreateEvent,
    choices: Vec<asyncord_model::command::ApplicationCommandOptionChoice>,
    command: &str,
) {
    if let Err(e) = responder
        .respond(event, InteractionResponse::autocomplete(choices))
        .await
    {
        tracing::warn!(command, error = %e, "could not answer an autocomplete request");
    }
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "<non-string panic payload>".to_owned())
}
