//! Command options as Rust types: [`CommandOption`] says which option type a parameter type
//! registers as, whether it is required, and converts the value a user gave (with the
//! interaction's resolved users, members, roles, channels and attachments) into the parameter.
//! `Option<T>` is an optional option of `T`: the trait says so, no type name is read.
//!
//! The traits below it ([`NumericOption`], [`TextOption`], [`ChannelOption`],
//! [`AutocompleteOption`]) exist so that an attribute on a parameter of the wrong type
//! (`#[min_length]` on an `i64`, `#[autocomplete]` on a choice enum) is a compile error saying so.
//!
//! Option types: <https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-type>.

use std::fmt;

use asyncord_model::channel::Channel;
use asyncord_model::command::{ApplicationCommandOption, ApplicationCommandOptionType};
use asyncord_model::interaction::{OptionValue, ResolvedData};
use asyncord_model::member::Member;
use asyncord_model::message::Attachment;
use asyncord_model::role::Role;
use asyncord_model::user::User;
use asyncord_model::{AttachmentId, ChannelId, RoleId, Snowflake, UserId};

/// What a conversion starts from: the option's name, the value the user gave (`None` when they
/// left an optional option out) and the interaction's resolved data.
#[derive(Clone, Copy, Debug)]
pub struct OptionInput<'a> {
    /// The option's name.
    pub name: &'a str,
    /// The value, as Discord sent it.
    pub value: Option<&'a OptionValue>,
    /// The users, members, roles, channels and attachments the options refer to.
    pub resolved: Option<&'a ResolvedData>,
}

impl<'a> OptionInput<'a> {
    /// The value, or [`OptionError`] saying that the option is missing.
    pub fn required(&self) -> Result<&'a OptionValue, OptionError> {
        self.value
            .ok_or_else(|| OptionError::new(self.name, "this option is required but was not given"))
    }

    /// An error for this option.
    pub fn error(&self, reason: impl Into<String>) -> OptionError {
        OptionError::new(self.name, reason)
    }

    /// The value as an id (user, channel, role, mentionable and attachment options).
    pub fn id(&self) -> Result<Snowflake, OptionError> {
        self.required()?
            .as_id()
            .ok_or_else(|| self.error(format!("expected an id, got {}", shown(self.value))))
    }

    fn resolved(&self) -> Result<&'a ResolvedData, OptionError> {
        self.resolved
            .ok_or_else(|| self.error("the interaction carries no resolved data for it"))
    }
}

/// How a value that does not fit looks in an error message.
fn shown(value: Option<&OptionValue>) -> String {
    match value {
        None => "nothing".to_owned(),
        Some(OptionValue::String(s)) => format!("the text {s:?}"),
        Some(OptionValue::Integer(n)) => format!("the integer {n}"),
        Some(OptionValue::Number(n)) => format!("the number {n}"),
        Some(OptionValue::Boolean(b)) => format!("the boolean {b}"),
    }
}

/// An option value that does not convert into its parameter's type: a value of another type
/// than the command declared (a definition changed since the user's client loaded it, or a
/// forged request), an id missing from the resolved data, a value that is no choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionError {
    /// The option's name.
    pub option: String,
    /// What is wrong with it.
    pub reason: String,
}

impl OptionError {
    /// An error for `option`.
    pub fn new(option: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            option: option.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "option `{}`: {}", self.option, self.reason)
    }
}

impl std::error::Error for OptionError {}

/// A type a command parameter can have: the option type it registers as, whether it is
/// required, and the conversion of the value a user gave.
///
/// Implemented for `String`, `i64`, `f64`, `bool`, [`User`], [`Member`], [`Channel`],
/// [`Role`], [`Mentionable`], [`Attachment`], the ids [`UserId`], [`ChannelId`], [`RoleId`],
/// [`AttachmentId`], every enum deriving [`Choice`](super::Choice), and `Option<T>` of any of
/// them (an optional option). Implement it for a type of your own to take it as an option.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a command option",
    label = "not an option type",
    note = "a command option is a `String`, `i64`, `f64`, `bool`, `User`, `Member`, `Channel`, \
            `Role`, `Mentionable`, `Attachment`, an id (`UserId`, `ChannelId`, `RoleId`, \
            `AttachmentId`), an enum deriving `Choice`, or an `Option` of one of them (an \
            optional option); a parameter of another type is a named argument or an `Inject` \
            type, so option attributes do not apply to it"
)]
pub trait CommandOption: Sized + Send + 'static {
    /// The option type Discord shows.
    const KIND: ApplicationCommandOptionType;
    /// Whether the user must give it (`false` for `Option<T>`).
    const REQUIRED: bool = true;

    /// Adds what the type itself implies to the option's definition (a choice enum's choices).
    fn describe(option: &mut ApplicationCommandOption) {
        let _ = option;
    }

    /// Converts the value given.
    fn from_option(input: OptionInput<'_>) -> Result<Self, OptionError>;
}

impl<T: CommandOption> CommandOption for Option<T> {
    const KIND: ApplicationCommandOptionType = T::KIND;
    const REQUIRED: bool = false;

    fn describe(option: &mut ApplicationCommandOption) {
        T::describe(option);
    }

    fn from_option(input: OptionInput<'_>) -> Result<Self, OptionError> {
        match input.value {
            None => Ok(None),
            Some(_) => T::from_option(input).map(Some),
        }
    }
}

impl CommandOption for String {
    const KIND: ApplicationCommandOptionType = ApplicationCommandOptionType::String;

    fn from_option(input: OptionInput<'_>) -> Result<Self, OptionError> {
        match input.required()? {
            OptionValue::String(s) => Ok(s.clone()),
            other => Err(input.error(format!("expected text, got {}", shown(Some(other))))),
        }
    }
}

/// Discord's integer options hold values in -2^53..=2^53.
impl CommandOption for i64 {
    const KIND: ApplicationCommandOptionType = ApplicationCommandOptionType::Integer;

    fn from_option(input: OptionInput<'_>) -> Result<Self, OptionError> {
        match input.required()? {
            OptionValue::Integer(n) => Ok(*n),
            // Some clients send whole numbers as doubles.
            OptionValue::Number(n) if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_992.0 => {
                Ok(*n as i64)
            }
            other => Err(input.error(format!("expected an integer, got {}", shown(Some(other))))),
        }
    }
}

impl CommandOption for f64 {
    const KIND: ApplicationCommandOptionType = ApplicationCommandOptionType::Number;

    fn from_option(input: OptionInput<'_>) -> Result<Self, OptionError> {
        match input.required()? {
            OptionValue::Number(n) => Ok(*n),
            OptionValue::Integer(n) => Ok(*n as f64),
            other => Err(input.error(format!("expected a number, got {}", shown(Some(other))))),
        }
    }
}

impl CommandOption for bool {
    const KIND: ApplicationCommandOptionType = ApplicationCommandOptionType::Boolean;

    fn from_option(input: OptionInput<'_>) -> Result<Self, OptionError> {
        match input.required()? {
            OptionValue::Boolean(b) => Ok(*b),
            other => Err(input.error(format!(
                "expected true or false, got {}",
                shown(Some(other))
            ))),
        }
    }
}

impl CommandOption for UserId {
    const KIND: ApplicationCommandOptionType = ApplicationCommandOptionType::User;

    fn from_option(input: OptionInput<'_>) -> Result<Self, OptionError> {
        input.id().map(Snowflake::cast)
    }
}

impl CommandOption for User {
    const KIND: ApplicationCommandOptionType = ApplicationCommandOptionType::User;

    fn from_option(input: OptionInput<'_>) -> Result<Self, OptionError> {
        let id: UserId = input.id()?.cast();
        input
            .resolved()?
            .users
            .get(&id)
            .cloned()
            .ok_or_else(|| input.error(format!("user {id} is not in the resolved data")))
    }
}

/// The member the option names, with its `user` filled in from the resolved users. A user who
/// is not a member of the guild (or an option used outside a guild) is an error: take `User`, or
/// `Mentionable`, to accept anyone.
impl CommandOption for Member {
    const KIND: ApplicationCommandOptionType = ApplicationCommandOptionType::User;

    fn from_option(input: OptionInput<'_>) -> Result<Self, OptionError> {
        let id: UserId = input.id()?.cast();
        let resolved = input.resolved()?;
        let mut member = resolved
            .members
            .get(&id)
            .cloned()
            .ok_or_else(|| input.error(format!("user {id} is not a member of this server")))?;
        if member.user.is_none() {
            member.user = resolved.users.get(&id).cloned().map(std::sync::Arc::new);
        }
        Ok(member)
    }
}

impl CommandOption for ChannelId {
    const KIND: ApplicationCommandOptionType = ApplicationCommandOptionType::Channel;

    fn from_option(input: OptionInput<'_>) -> Result<Self, OptionError> {
        input.id().map(Snowflake::cast)
    }
}

/// The partial channel of the resolved data (id, name, type, permissions, thread fields).
impl CommandOption for Channel {
    const KIND: ApplicationCommandOptionType = ApplicationCommandOptionType::Channel;

    fn from_option(input: OptionInput<'_>) -> Result<Self, OptionError> {
        let id: ChannelId = input.id()?.cast();
        input
            .resolved()?
            .channels
            .get(&id)
            .cloned()
            .ok_or_else(|| input.error(format!("channel {id} is not in the resolved data")))
    }
}

impl CommandOption for RoleId {
    const KIND: ApplicationCommandOptionType = ApplicationCommandOptionType::Role;

    fn from_option(input: OptionInput<'_>) -> Result<Self, OptionError> {
        input.id().map(Snowflake::cast)
    }
}

impl CommandOption for Role {
    const KIND: ApplicationCommandOptionType = ApplicationCommandOptionType::Role;

    fn from_option(input: OptionInput<'_>) -> Result<Self, OptionError> {
        let id: RoleId = input.id()?.cast();
        input
            .resolved()?
            .roles
            .get(&id)
            .cloned()
            .ok_or_else(|| input.error(format!("role {id} is not in the resolved data")))
    }
}

impl CommandOption for AttachmentId {
    const KIND: ApplicationCommandOptionType = ApplicationCommandOptionType::Attachment;

    fn from_option(input: OptionInput<'_>) -> Result<Self, OptionError> {
        input.id().map(Snowflake::cast)
    }
}

impl CommandOption for Attachment {
    const KIND: ApplicationCommandOptionType = ApplicationCommandOptionType::Attachment;

    fn from_option(input: OptionInput<'_>) -> Result<Self, OptionError> {
        let id: AttachmentId = input.id()?.cast();
        input
            .resolved()?
            .attachments
            .get(&id)
            .cloned()
            .ok_or_else(|| input.error(format!("attachment {id} is not in the resolved data")))
    }
}

/// The value of a mentionable option: a user (with their membership, in a guild) or a role.
#[derive(Clone, Debug, PartialEq)]
pub enum Mentionable {
    /// A user.
    User {
        /// The user.
        user: User,
        /// Their membership in the guild (partial: no `user`, `deaf`, `mute`), if they are a member.
        member: Option<Member>,
    },
    /// A role.
    Role(Role),
}

impl Mentionable {
    /// The id of the user or role.
    pub fn id(&self) -> Snowflake {
        match self {
            Self::User { user, .. } => user.id.into(),
            Self::Role(role) => role.id.into(),
        }
    }

    /// The mention that pings it (`<@id>` or `<@&id>`).
    pub fn mention(&self) -> String {
        match self {
            Self::User { user, .. } => format!("<@{}>", user.id),
            Self::Role(role) => format!("<@&{}>", role.id),
        }
    }
}

impl CommandOption for Mentionable {
    const KIND: ApplicationCommandOptionType = ApplicationCommandOptionType::Mentionable;

    fn from_option(input: OptionInput<'_>) -> Result<Self, OptionError> {
        let id = input.id()?;
        let resolved = input.resolved()?;
        if let Some(user) = resolved.users.get(&id.cast()) {
            return Ok(Self::User {
                user: user.clone(),
                member: resolved.members.get(&id.cast()).cloned(),
            });
        }
        resolved
            .roles
            .get(&id.cast())
            .cloned()
            .map(Self::Role)
            .ok_or_else(|| input.error(format!("{id} is neither a resolved user nor a role")))
    }
}

/// Option types with a numeric value, which `#[min]` and `#[max]` bound.
#[diagnostic::on_unimplemented(
    message = "`#[min]` and `#[max]` bound integer and number options, not `{Self}`",
    label = "not an `i64` or `f64` option",
    note = "take an `i64`, `f64` (or `Option` of one) to bound its value; a text option's \
            length is bounded with `#[min_length]` and `#[max_length]`"
)]
pub trait NumericOption: CommandOption {
    /// Whether the bounds are integers (`i64`) rather than doubles (`f64`).
    const INTEGER: bool;
}

impl NumericOption for i64 {
    const INTEGER: bool = true;
}

impl NumericOption for f64 {
    const INTEGER: bool = false;
}

impl<T: NumericOption> NumericOption for Option<T> {
    const INTEGER: bool = T::INTEGER;
}

/// Number options (`f64`), whose bounds may have a fraction.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is an integer option: its bounds are whole numbers",
    label = "a fractional bound on an integer option",
    note = "write a whole number (`#[min = 1]`), or take an `f64` for a number option"
)]
pub trait FractionalOption: NumericOption {}

impl FractionalOption for f64 {}

impl<T: FractionalOption> FractionalOption for Option<T> {}

/// Text options, whose length `#[min_length]` and `#[max_length]` bound.
#[diagnostic::on_unimplemented(
    message = "`#[min_length]` and `#[max_length]` bound text options, not `{Self}`",
    label = "not a `String` option",
    note = "take a `String` (or `Option<String>`) to bound its length; an integer or number \
            option's value is bounded with `#[min]` and `#[max]`"
)]
pub trait TextOption: CommandOption {}

impl TextOption for String {}

impl<T: TextOption> TextOption for Option<T> {}

/// Channel options, which `#[channel_types(..)]` limits.
#[diagnostic::on_unimplemented(
    message = "`#[channel_types(..)]` limits channel options, not `{Self}`",
    label = "not a `Channel` option",
    note = "take a `Channel` or `ChannelId` (or an `Option` of one) to limit which channels the \
            user can pick"
)]
pub trait ChannelOption: CommandOption {}

impl ChannelOption for Channel {}

impl ChannelOption for ChannelId {}

impl<T: ChannelOption> ChannelOption for Option<T> {}

/// Options whose value can be autocompleted (`#[autocomplete = f]`): text, integer and number
/// options without fixed choices. `Value` is the type of the suggested values.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be autocompleted",
    label = "autocomplete on an option that is not text, an integer or a number",
    note = "Discord autocompletes `String`, `i64` and `f64` options (or an `Option` of one), \
            and never an option with fixed choices: drop `#[autocomplete]`, or take a `String` \
            and suggest the values"
)]
pub trait AutocompleteOption: CommandOption {
    /// The type of the values suggested.
    type Value;
}

impl AutocompleteOption for String {
    type Value = String;
}

impl AutocompleteOption for i64 {
    type Value = i64;
}

impl AutocompleteOption for f64 {
    type Value = f64;
}

impl<T: AutocompleteOption> AutocompleteOption for Option<T> {
    type Value = T::Value;
}

#[cfg(test)]
mod tests {
    use super::*;
    use asyncord_model::interaction::ResolvedData;

    fn input<'a>(value: Option<&'a OptionValue>, resolved: &'a ResolvedData) -> OptionInput<'a> {
        OptionInput {
            name: "x",
            value,
            resolved: Some(resolved),
        }
    }

    #[test]
    fn values_convert_and_mismatches_are_errors_not_panics() {
        let r = ResolvedData::default();
        let text = OptionValue::String("hi".into());
        let int = OptionValue::Integer(7);
        assert_eq!(String::from_option(input(Some(&text), &r)).unwrap(), "hi");
        assert_eq!(i64::from_option(input(Some(&int), &r)).unwrap(), 7);
        assert!((f64::from_option(input(Some(&int), &r)).unwrap() - 7.0).abs() < f64::EPSILON);
        let err = i64::from_option(input(Some(&text), &r)).unwrap_err();
        assert_eq!(err.option, "x");
        assert!(err.reason.contains("expected an integer"), "{err}");
        assert!(
            i64::from_option(input(Some(&OptionValue::Number(1.5)), &r)).is_err(),
            "a fraction is not an integer"
        );
        assert!(String::from_option(input(None, &r)).is_err());
        assert_eq!(
            Option::<String>::from_option(input(None, &r)).unwrap(),
            None
        );
        const { assert!(!<Option<String> as CommandOption>::REQUIRED) };
        const { assert!(<String as CommandOption>::REQUIRED) };
    }

    #[test]
    fn resolved_objects_are_looked_up_by_id() {
        let mut r = ResolvedData::default();
        let user: User = serde_json::from_value(serde_json::json!({
            "id": "42", "username": "alice", "discriminator": "0"
        }))
        .unwrap();
        r.users.insert(UserId::new(42), user);
        let id = OptionValue::String("42".into());
        assert_eq!(
            User::from_option(input(Some(&id), &r)).unwrap().username,
            "alice"
        );
        assert!(
            Member::from_option(input(Some(&id), &r)).is_err(),
            "not a member"
        );
        let m = Mentionable::from_option(input(Some(&id), &r)).unwrap();
        assert_eq!(m.mention(), "<@42>");
        let unknown = OptionValue::String("43".into());
        assert!(User::from_option(input(Some(&unknown), &r)).is_err());
        assert!(Role::from_option(input(Some(&id), &r)).is_err());
    }
}
