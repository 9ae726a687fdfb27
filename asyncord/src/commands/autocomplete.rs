//! Autocomplete: while a user types an option marked `#[autocomplete = f]`, Discord asks the
//! bot for suggestions; `f` gets an [`AutocompleteContext`] and the text typed so far, and
//! returns the suggestions ([`IntoChoices`]), whose values must have the option's type — checked
//! at compile time. The router answers with at most 25 of them, dropping (and logging) any that
//! Discord would refuse.
//!
//! Autocomplete: <https://discord.com/developers/docs/interactions/application-commands#autocomplete>.

use std::fmt;
use std::future::Future;
use std::sync::Arc;

use asyncord_model::command::{ApplicationCommandOptionChoice, ChoiceValue};
use asyncord_model::common::Locale;
use asyncord_model::gateway::events::InteractionCreateEvent;
use asyncord_model::interaction::{CommandDataOption, Interaction};
use asyncord_model::user::User;
use asyncord_model::{ChannelId, GuildId};

use super::option::{AutocompleteOption, CommandOption, OptionError, OptionInput};
use super::private::BoxFuture;
use crate::dispatcher::{Argument, Context, InjectError};
use crate::rest::RestClient;

/// The most suggestions Discord takes.
pub const MAX_SUGGESTIONS: usize = 25;

/// An autocomplete function, type-erased: what [`OptionDefinition::autocomplete`](super::OptionDefinition::autocomplete) takes.
#[derive(Clone)]
pub struct Completer(
    Arc<
        dyn Fn(AutocompleteContext, String) -> BoxFuture<Vec<ApplicationCommandOptionChoice>>
            + Send
            + Sync,
    >,
);

impl fmt::Debug for Completer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Completer")
    }
}

impl Completer {
    /// The autocomplete function `f` of an option of type `T`: an async function of the
    /// context and the text typed so far, returning suggestions whose values are `T`'s.
    ///
    /// ```
    /// use asyncord::commands::{AutocompleteContext, Completer};
    ///
    /// async fn fruits(_ctx: AutocompleteContext, typed: String) -> Vec<&'static str> {
    ///     ["apple", "banana", "cherry"].into_iter().filter(|f| f.starts_with(&typed)).collect()
    /// }
    /// let completer = Completer::for_option::<String, _, _>(fruits);
    /// ```
    pub fn for_option<T, F, Fut>(f: F) -> Self
    where
        T: AutocompleteOption,
        F: Fn(AutocompleteContext, String) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: IntoChoices<T::Value>,
    {
        Self(Arc::new(move |ctx, typed| {
            let fut = f(ctx, typed);
            Box::pin(async move { fut.await.into_choices() })
        }))
    }

    pub(crate) fn call(
        &self,
        ctx: AutocompleteContext,
        typed: String,
    ) -> BoxFuture<Vec<ApplicationCommandOptionChoice>> {
        (self.0)(ctx, typed)
    }
}

/// One suggestion for an option whose values are `V`s.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a suggestion for an option of `{V}` values",
    label = "suggestions of the wrong type",
    note = "an autocomplete function returns suggestions of its option's type: for a `String` \
            option `String`s, `&str`s or `(name, value)` pairs; for an `i64` option `i64`s or \
            `(name, i64)` pairs; for an `f64` option `f64`s or `(name, f64)` pairs"
)]
pub trait IntoChoice<V> {
    /// The choice shown.
    fn into_choice(self) -> ApplicationCommandOptionChoice;
}

impl IntoChoice<String> for String {
    fn into_choice(self) -> ApplicationCommandOptionChoice {
        ApplicationCommandOptionChoice::new(self.clone(), self)
    }
}

impl IntoChoice<String> for &str {
    fn into_choice(self) -> ApplicationCommandOptionChoice {
        ApplicationCommandOptionChoice::new(self, self)
    }
}

impl IntoChoice<i64> for i64 {
    fn into_choice(self) -> ApplicationCommandOptionChoice {
        ApplicationCommandOptionChoice::new(self.to_string(), self)
    }
}

impl IntoChoice<f64> for f64 {
    fn into_choice(self) -> ApplicationCommandOptionChoice {
        ApplicationCommandOptionChoice::new(self.to_string(), self)
    }
}

impl<N: Into<String>, V: Into<ChoiceValue>> IntoChoice<V> for (N, V) {
    fn into_choice(self) -> ApplicationCommandOptionChoice {
        ApplicationCommandOptionChoice::new(self.0, self.1)
    }
}

impl<N: Into<String>> IntoChoice<String> for (N, &str) {
    fn into_choice(self) -> ApplicationCommandOptionChoice {
        ApplicationCommandOptionChoice::new(self.0, self.1)
    }
}

/// A choice built by hand (any value type; the emulator and Discord check it).
impl<V> IntoChoice<V> for ApplicationCommandOptionChoice {
    fn into_choice(self) -> ApplicationCommandOptionChoice {
        self
    }
}

/// What an autocomplete function returns: any collection of suggestions ([`IntoChoice`]).
#[diagnostic::on_unimplemented(
    message = "an autocomplete function for an option of `{V}` values cannot return `{Self}`",
    label = "not a collection of suggestions",
    note = "return a `Vec` (or any iterator) of suggestions: for a `String` option `String`s, \
            `&str`s or `(name, value)` pairs; for an `i64` option `i64`s or `(name, i64)` pairs"
)]
pub trait IntoChoices<V> {
    /// The suggestions.
    fn into_choices(self) -> Vec<ApplicationCommandOptionChoice>;
}

impl<V, I> IntoChoices<V> for I
where
    I: IntoIterator,
    I::Item: IntoChoice<V>,
{
    fn into_choices(self) -> Vec<ApplicationCommandOptionChoice> {
        self.into_iter().map(IntoChoice::into_choice).collect()
    }
}

/// The suggestions Discord accepts: at most 25, names of 1-100 characters, text values of at
/// most 100; the others are dropped with a warning naming the command.
pub(crate) fn acceptable(
    command: &str,
    mut choices: Vec<ApplicationCommandOptionChoice>,
) -> Vec<ApplicationCommandOptionChoice> {
    choices.retain(|c| {
        let name = c.name.chars().count();
        let value_ok = match &c.value {
            ChoiceValue::String(s) => s.chars().count() <= 100,
            _ => true,
        };
        let ok = (1..=100).contains(&name) && value_ok;
        if !ok {
            tracing::warn!(
                command,
                name = %c.name,
                "dropping an autocomplete suggestion Discord would refuse (names are 1-100 \
                 characters, text values at most 100)"
            );
        }
        ok
    });
    if choices.len() > MAX_SUGGESTIONS {
        tracing::warn!(
            command,
            suggested = choices.len(),
            "autocomplete returned more than 25 suggestions; sending the first 25"
        );
        choices.truncate(MAX_SUGGESTIONS);
    }
    choices
}

/// What an autocomplete function knows: the interaction, the option being typed, the other
/// options typed so far, and the bot's arguments. Cheap to clone.
#[derive(Clone)]
pub struct AutocompleteContext {
    inner: Arc<Inner>,
}

struct Inner {
    event: Arc<InteractionCreateEvent>,
    user: User,
    dispatch: Context,
    client: RestClient,
    options: Vec<CommandDataOption>,
    focused: String,
}

impl fmt::Debug for AutocompleteContext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AutocompleteContext")
            .field("interaction", &self.inner.event.id)
            .field("focused", &self.inner.focused)
            .finish_non_exhaustive()
    }
}

impl AutocompleteContext {
    pub(crate) fn new(
        event: Arc<InteractionCreateEvent>,
        user: User,
        dispatch: Context,
        client: RestClient,
        options: Vec<CommandDataOption>,
        focused: String,
    ) -> Self {
        Self {
            inner: Arc::new(Inner {
                event,
                user,
                dispatch,
                client,
                options,
                focused,
            }),
        }
    }

    /// The interaction.
    pub fn interaction(&self) -> &Interaction {
        &self.inner.event
    }

    /// Who is typing.
    pub fn user(&self) -> &User {
        &self.inner.user
    }

    /// The guild, if any.
    pub fn guild_id(&self) -> Option<GuildId> {
        self.inner.event.guild_id
    }

    /// The channel.
    pub fn channel_id(&self) -> Option<ChannelId> {
        self.inner.event.channel_id
    }

    /// The user's language (suggest in it).
    pub fn locale(&self) -> Option<&Locale> {
        self.inner.event.locale.as_ref()
    }

    /// The name of the option being typed.
    pub fn focused(&self) -> &str {
        &self.inner.focused
    }

    /// Another option's value as typed so far (`Option<T>` when it may not be filled in yet; the
    /// focused option's own text is the function's second argument).
    pub fn option<T: CommandOption>(&self, name: &str) -> Result<T, OptionError> {
        let given = self
            .inner
            .options
            .iter()
            .find(|o| o.name == name && o.focused != Some(true));
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

    /// The registered argument `name`.
    pub fn arg<T: Argument>(&self, name: &str) -> Result<T, InjectError> {
        self.inner.dispatch.arg(name)
    }

    /// The bot's REST client.
    pub fn client(&self) -> &RestClient {
        &self.inner.client
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_convert_and_unacceptable_ones_are_dropped() {
        let strings = vec!["a", "b"].into_choices_for::<String>();
        assert_eq!(strings[1].value, ChoiceValue::String("b".into()));
        let ints = vec![("one", 1_i64)].into_choices_for::<i64>();
        assert_eq!(ints[0].name, "one");
        let mut many: Vec<ApplicationCommandOptionChoice> = (0..30)
            .map(|n: i64| IntoChoice::<i64>::into_choice(n))
            .collect();
        many.push(ApplicationCommandOptionChoice::new("", 1_i64));
        let kept = acceptable("/x", many);
        assert_eq!(kept.len(), 25);
        assert!(kept.iter().all(|c| !c.name.is_empty()));
        let long = ApplicationCommandOptionChoice::new("ok", "v".repeat(101));
        assert!(acceptable("/x", vec![long]).is_empty());
    }

    trait ForOption {
        fn into_choices_for<V>(self) -> Vec<ApplicationCommandOptionChoice>
        where
            Self: IntoChoices<V> + Sized,
        {
            self.into_choices()
        }
    }
    impl<T> ForOption for T {}
}
