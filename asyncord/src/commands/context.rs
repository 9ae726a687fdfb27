//! [`CommandContext`]: what a command (or a component or modal handler) gets besides its
//! options — the interaction and who sent it from where, the REST client and the registered
//! arguments — and how it answers: reply, defer, follow up, edit or delete the original
//! response, update a component's message, open a modal and await its submission.
//!
//! The first response goes through the context's [`Responder`]; everything after it through the
//! interaction's webhook. Each interaction is answered once: the context keeps track, so a
//! [`reply`](CommandContext::reply) after a deferral fills the deferred message and a second
//! reply becomes a follow-up.
//!
//! Receiving and responding: <https://discord.com/developers/docs/interactions/receiving-and-responding>.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use asyncord_model::channel::Channel;
use asyncord_model::common::Locale;
use asyncord_model::gateway::events::InteractionCreateEvent;
use asyncord_model::interaction::{CommandDataOption, Interaction, InteractionResponse};
use asyncord_model::member::Member;
use asyncord_model::message::Message;
use asyncord_model::user::User;
use asyncord_model::{ChannelId, GuildId, Permissions};
use tokio::sync::Mutex;

use super::modal::Modal;
use super::option::{CommandOption, OptionError, OptionInput};
use super::reply::Reply;
use super::responder::{Phase, Responder, ResponseError};
use super::set::{CommandSet, Submission};
use crate::dispatcher::{Argument, Context, Dispatcher, InjectError};
use crate::rest::RestClient;

/// The context of one interaction handled by the command framework: a command, a component
/// use or a modal submission. Cheap to clone (clones answer the same interaction).
///
/// ```no_run
/// use asyncord::prelude::*;
///
/// /// Says hello.
/// #[command]
/// async fn hello(ctx: CommandContext) -> CommandResult {
///     let who = ctx.user().username.clone();
///     ctx.reply(format!("Hello, {who}!")).await?;
///     Ok(())
/// }
/// ```
#[derive(Clone)]
pub struct CommandContext {
    inner: Arc<Inner>,
}

struct Inner {
    event: Arc<InteractionCreateEvent>,
    user: User,
    dispatch: Context,
    client: RestClient,
    responder: Arc<dyn Responder>,
    phase: Mutex<Phase>,
    /// The options of the (sub)command that runs.
    options: Vec<CommandDataOption>,
    set: Arc<CommandSet>,
    /// `/tag add`, or the component's pattern.
    name: String,
}

impl fmt::Debug for CommandContext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CommandContext")
            .field("name", &self.inner.name)
            .field("interaction", &self.inner.event.id)
            .field("user", &self.inner.user.id)
            .finish_non_exhaustive()
    }
}

/// What a context is made from (one per interaction).
pub(crate) struct ContextParts {
    pub(crate) event: Arc<InteractionCreateEvent>,
    pub(crate) user: User,
    pub(crate) dispatch: Context,
    pub(crate) client: RestClient,
    pub(crate) responder: Arc<dyn Responder>,
    pub(crate) options: Vec<CommandDataOption>,
    pub(crate) set: Arc<CommandSet>,
    pub(crate) name: String,
}

impl CommandContext {
    pub(crate) fn new(parts: ContextParts) -> Self {
        Self {
            inner: Arc::new(Inner {
                event: parts.event,
                user: parts.user,
                dispatch: parts.dispatch,
                client: parts.client,
                responder: parts.responder,
                phase: Mutex::new(Phase::Pending),
                options: parts.options,
                set: parts.set,
                name: parts.name,
            }),
        }
    }

    // ---- what the interaction is ----

    /// The interaction.
    pub fn interaction(&self) -> &Interaction {
        &self.inner.event
    }

    /// The `INTERACTION_CREATE` event, shared.
    pub fn event(&self) -> &Arc<InteractionCreateEvent> {
        &self.inner.event
    }

    /// Who used the command (or the component, or submitted the modal).
    pub fn user(&self) -> &User {
        &self.inner.user
    }

    /// Their membership, in a guild (with `permissions` in the channel).
    pub fn member(&self) -> Option<&Member> {
        self.inner.event.member.as_deref()
    }

    /// The guild, if the interaction happened in one.
    pub fn guild_id(&self) -> Option<GuildId> {
        self.inner.event.guild_id
    }

    /// The channel it happened in.
    pub fn channel_id(&self) -> Option<ChannelId> {
        self.inner
            .event
            .channel_id
            .or_else(|| self.inner.event.channel.as_ref().map(|c| c.id))
    }

    /// The channel it happened in (partial: as the interaction carries it).
    pub fn channel(&self) -> Option<&Channel> {
        self.inner.event.channel.as_deref()
    }

    /// The user's language.
    pub fn locale(&self) -> Option<&Locale> {
        self.inner.event.locale.as_ref()
    }

    /// The guild's preferred language.
    pub fn guild_locale(&self) -> Option<&Locale> {
        self.inner.event.guild_locale.as_ref()
    }

    /// The user's permissions in the channel (`None` outside guilds).
    pub fn member_permissions(&self) -> Option<Permissions> {
        self.member().and_then(|m| m.permissions)
    }

    /// The bot's permissions in the channel.
    pub fn app_permissions(&self) -> Permissions {
        self.inner.event.app_permissions
    }

    /// The command's name as shown in logs (`/tag add`), or the component's pattern.
    pub fn command_name(&self) -> &str {
        &self.inner.name
    }

    /// The `custom_id` of the component used or the modal submitted.
    pub fn custom_id(&self) -> Option<&str> {
        let event = &self.inner.event;
        event
            .component_data()
            .map(|c| c.custom_id.as_str())
            .or_else(|| event.modal_data().map(|m| m.custom_id.as_str()))
    }

    /// The message a component is on.
    pub fn message(&self) -> Option<&Message> {
        self.inner.event.message.as_deref()
    }

    /// The value of the option `name` as a `T` (what a `#[command]` parameter receives): `T` is
    /// any [`CommandOption`], `Option<T>` for an optional one.
    pub fn option<T: CommandOption>(&self, name: &str) -> Result<T, OptionError> {
        let given = self.inner.options.iter().find(|o| o.name == name);
        T::from_option(OptionInput {
            name,
            value: given.and_then(|o| o.value.as_ref()),
            resolved: self
                .inner
                .event
                .command_data()
                .and_then(|d| d.resolved.as_ref()),
        })
    }

    /// The options of the (sub)command being run, as Discord sent them.
    pub fn options(&self) -> &[CommandDataOption] {
        &self.inner.options
    }

    // ---- the bot ----

    /// The bot's REST client.
    pub fn client(&self) -> &RestClient {
        &self.inner.client
    }

    /// The registered argument `name` (the explicit form of a named parameter).
    pub fn arg<T: Argument>(&self, name: &str) -> Result<T, InjectError> {
        self.inner.dispatch.arg(name)
    }

    /// The dispatcher's context of the `INTERACTION_CREATE` being handled (what `Inject` impls
    /// compute from).
    pub fn dispatch_context(&self) -> &Context {
        &self.inner.dispatch
    }

    /// The dispatcher that routed the interaction.
    pub fn dispatcher(&self) -> &Dispatcher {
        self.inner.dispatch.dispatcher()
    }

    // ---- answering ----

    /// Whether the interaction was answered (or deferred) already.
    pub async fn is_answered(&self) -> bool {
        *self.inner.phase.lock().await != Phase::Pending
    }

    /// Answers with a message: the first response; after a deferral, the message that
    /// replaces "thinking..."; after that, a follow-up.
    ///
    /// ```no_run
    /// # async fn demo(ctx: asyncord::commands::CommandContext) -> asyncord::commands::CommandResult {
    /// use asyncord::commands::Reply;
    /// ctx.reply("Done.").await?;
    /// ctx.reply(Reply::content("Only you see this").ephemeral()).await?; // a follow-up
    /// # Ok(()) }
    /// ```
    pub async fn reply(&self, reply: impl Into<Reply>) -> Result<(), ResponseError> {
        let reply = reply.into();
        let mut phase = self.inner.phase.lock().await;
        match *phase {
            Phase::Pending => {
                self.first(InteractionResponse::Message(reply.into_message_data()))
                    .await?;
            }
            Phase::Deferred | Phase::DeferredUpdate => {
                self.edit(reply).await?;
            }
            Phase::Answered => {
                self.follow(reply).await?;
            }
            Phase::ModalOpened => {
                return Err(ResponseError::AlreadyAnswered(
                    "a modal was opened: answer its submission instead",
                ));
            }
        }
        *phase = Phase::Answered;
        Ok(())
    }

    /// Answers with a message only the user sees (see [`reply`](Self::reply)).
    pub async fn ephemeral(&self, reply: impl Into<Reply>) -> Result<(), ResponseError> {
        self.reply(reply.into().ephemeral()).await
    }

    /// Shows "thinking..." now and answers later (within 15 minutes) with
    /// [`reply`](Self::reply). Does nothing once answered.
    pub async fn defer(&self) -> Result<(), ResponseError> {
        self.defer_as(false).await
    }

    /// Like [`defer`](Self::defer), with the answer visible to the user only.
    pub async fn defer_ephemeral(&self) -> Result<(), ResponseError> {
        self.defer_as(true).await
    }

    async fn defer_as(&self, ephemeral: bool) -> Result<(), ResponseError> {
        let mut phase = self.inner.phase.lock().await;
        if *phase == Phase::Pending {
            self.first(InteractionResponse::deferred(ephemeral)).await?;
            *phase = Phase::Deferred;
        }
        Ok(())
    }

    /// Defers for the command when it has not answered yet (the automatic deferral).
    pub(crate) async fn auto_defer(&self, ephemeral: bool) {
        let name = &self.inner.name;
        match self.defer_as(ephemeral).await {
            Ok(()) => tracing::debug!(command = %name, "deferred the response automatically"),
            Err(error) => tracing::warn!(command = %name, %error, "automatic deferral failed"),
        }
    }

    /// For a component: acknowledges now and edits its message later (with
    /// [`update`](Self::update) or [`reply`](Self::reply)).
    pub async fn defer_update(&self) -> Result<(), ResponseError> {
        let mut phase = self.inner.phase.lock().await;
        if *phase == Phase::Pending {
            self.first(InteractionResponse::DeferredUpdate).await?;
            *phase = Phase::DeferredUpdate;
        }
        Ok(())
    }

    /// For a component: replaces the message it is on (after a deferral or a first update, edits
    /// it again).
    pub async fn update(&self, reply: impl Into<Reply>) -> Result<(), ResponseError> {
        let reply = reply.into();
        let mut phase = self.inner.phase.lock().await;
        match *phase {
            Phase::Pending => {
                self.first(InteractionResponse::UpdateMessage(
                    reply.into_message_data(),
                ))
                .await?;
            }
            Phase::ModalOpened => {
                return Err(ResponseError::AlreadyAnswered(
                    "a modal was opened: answer its submission instead",
                ));
            }
            Phase::Deferred | Phase::DeferredUpdate | Phase::Answered => {
                self.edit(reply).await?;
            }
        }
        *phase = Phase::Answered;
        Ok(())
    }

    /// Sends a follow-up message and returns it (before any answer, answers first and returns
    /// the original response).
    pub async fn followup(&self, reply: impl Into<Reply>) -> Result<Message, ResponseError> {
        let reply = reply.into();
        let mut phase = self.inner.phase.lock().await;
        match *phase {
            Phase::Pending => {
                self.first(InteractionResponse::Message(reply.into_message_data()))
                    .await?;
                *phase = Phase::Answered;
                drop(phase);
                self.original().await
            }
            Phase::ModalOpened => Err(ResponseError::AlreadyAnswered(
                "a modal was opened: answer its submission instead",
            )),
            Phase::Deferred | Phase::DeferredUpdate | Phase::Answered => self.follow(reply).await,
        }
    }

    /// The original response message.
    pub async fn original(&self) -> Result<Message, ResponseError> {
        let event = &self.inner.event;
        Ok(self
            .inner
            .client
            .interactions
            .original(event.application_id, event.token.as_str())
            .await?)
    }

    /// Edits the original response message.
    pub async fn edit_original(&self, reply: impl Into<Reply>) -> Result<Message, ResponseError> {
        let message = self.edit(reply.into()).await?;
        let mut phase = self.inner.phase.lock().await;
        if matches!(*phase, Phase::Deferred | Phase::DeferredUpdate) {
            *phase = Phase::Answered;
        }
        Ok(message)
    }

    /// Deletes the original response message.
    pub async fn delete_original(&self) -> Result<(), ResponseError> {
        let event = &self.inner.event;
        Ok(self
            .inner
            .client
            .interactions
            .delete_original(event.application_id, event.token.as_str())
            .await?)
    }

    /// Sends `response` as the first response, whatever it is (a pong, an autocomplete result,
    /// a premium upsell...). Fails once the interaction is answered.
    pub async fn respond(&self, response: InteractionResponse) -> Result<(), ResponseError> {
        let mut phase = self.inner.phase.lock().await;
        if *phase != Phase::Pending {
            return Err(ResponseError::AlreadyAnswered(
                "the first response was sent already",
            ));
        }
        let next = match &response {
            InteractionResponse::DeferredMessage(_) => Phase::Deferred,
            InteractionResponse::DeferredUpdate => Phase::DeferredUpdate,
            InteractionResponse::Modal(_) => Phase::ModalOpened,
            _ => Phase::Answered,
        };
        self.first(response).await?;
        *phase = next;
        Ok(())
    }

    /// Opens the modal `M` with this `custom_id` (a `#[component]` pattern can route its
    /// submission, which reads it with [`modal_submission`](Self::modal_submission)). Must be
    /// the first response.
    pub async fn open_modal<M: Modal>(&self, custom_id: &str) -> Result<(), ResponseError> {
        self.respond(InteractionResponse::Modal(M::modal_data(custom_id)))
            .await
    }

    /// Opens the modal `M` and waits up to `timeout` for the user to submit it; returns the
    /// submitted form and the submission's own context, which must answer it. A submission that
    /// does not fit the form's fields is answered with an ephemeral message saying why, and is
    /// an error here.
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use asyncord::prelude::*;
    ///
    /// #[derive(Modal)]
    /// #[modal(title = "Feedback")]
    /// struct Feedback {
    ///     #[input(label = "What could be better?", paragraph, max_length = 1000)]
    ///     text: String,
    /// }
    ///
    /// /// Asks for feedback.
    /// #[command]
    /// async fn feedback(ctx: CommandContext) -> CommandResult {
    ///     let (form, submitted) = ctx.modal::<Feedback>(Duration::from_secs(600)).await?;
    ///     submitted.ephemeral(format!("Thanks! ({} characters)", form.text.len())).await?;
    ///     Ok(())
    /// }
    /// ```
    pub async fn modal<M: Modal>(
        &self,
        timeout: Duration,
    ) -> Result<(M, CommandContext), ResponseError> {
        let custom_id = format!("asyncord:modal:{}", self.inner.event.id);
        let waiting = self.inner.set.expect_submission(&custom_id);
        self.open_modal::<M>(&custom_id).await?;
        let Ok(Some(submission)) = tokio::time::timeout(timeout, waiting.receive()).await else {
            return Err(ResponseError::ModalTimeout(timeout));
        };
        let ctx = self.for_submission(submission);
        match ctx.modal_submission::<M>() {
            Ok(form) => Ok((form, ctx)),
            Err(error) => {
                let told = ctx.ephemeral(error.user_message()).await;
                if let Err(e) = told {
                    tracing::warn!(error = %e, "could not tell the user their modal was invalid");
                }
                Err(error.into())
            }
        }
    }

    /// The context of a modal submission awaited by this context.
    fn for_submission(&self, submission: Submission) -> CommandContext {
        let user = submission
            .event
            .author()
            .cloned()
            .unwrap_or_else(|| self.inner.user.clone());
        CommandContext::new(ContextParts {
            event: submission.event,
            user,
            dispatch: submission.dispatch,
            client: self.inner.client.clone(),
            responder: submission.responder,
            options: Vec::new(),
            set: Arc::clone(&self.inner.set),
            name: self.inner.name.clone(),
        })
    }

    /// Reads the modal submitted in this interaction as `M`.
    pub fn modal_submission<M: Modal>(&self) -> Result<M, super::modal::ModalError> {
        match self.inner.event.modal_data() {
            Some(data) => M::from_submission(data),
            None => Err(super::modal::ModalError::NotASubmission),
        }
    }

    /// Tells the user what went wrong, however far the answer got: an ephemeral reply, or the
    /// deferred message, or an ephemeral follow-up. After a modal there is nothing to answer.
    pub(crate) async fn tell_error(&self, text: String) -> Result<(), ResponseError> {
        let phase = *self.inner.phase.lock().await;
        match phase {
            Phase::ModalOpened => Ok(()),
            Phase::Pending => self.reply(Reply::content(text).ephemeral()).await,
            Phase::Deferred => self.reply(text).await,
            Phase::DeferredUpdate | Phase::Answered => self
                .follow(Reply::content(text).ephemeral())
                .await
                .map(drop),
        }
    }

    async fn first(&self, response: InteractionResponse) -> Result<(), ResponseError> {
        self.inner
            .responder
            .respond(&self.inner.event, response)
            .await
    }

    async fn edit(&self, reply: Reply) -> Result<Message, ResponseError> {
        let event = &self.inner.event;
        Ok(self
            .inner
            .client
            .interactions
            .edit_original(
                event.application_id,
                event.token.as_str(),
                reply.into_edit(),
            )
            .await?)
    }

    async fn follow(&self, reply: Reply) -> Result<Message, ResponseError> {
        let event = &self.inner.event;
        Ok(self
            .inner
            .client
            .interactions
            .create_followup(
                event.application_id,
                event.token.as_str(),
                reply.into_followup(),
            )
            .await?)
    }
}
