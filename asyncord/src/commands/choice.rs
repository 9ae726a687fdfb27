//! Fixed choices: an enum deriving [`Choice`] is an option whose values are its variants, shown
//! by name and sent back by value.
//!
//! Choices: <https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-choice-structure>.

use asyncord_model::command::{
    ApplicationCommandOption, ApplicationCommandOptionChoice, ApplicationCommandOptionType,
};
use asyncord_model::interaction::OptionValue;

use super::option::{OptionError, OptionInput};

/// An enum whose variants are an option's fixed choices. `#[derive(Choice)]` implements it
/// (and [`CommandOption`](super::CommandOption)) for an enum of unit variants:
///
/// ```
/// use asyncord::commands::Choice;
///
/// /// String choices: the name is the variant's name in words, the value its snake_case.
/// #[derive(Choice, Clone, Copy, Debug, PartialEq)]
/// enum Size {
///     Small,
///     #[choice(name = "Extra large", value = "xl", localize(locale = "fr", name = "Très grand"))]
///     ExtraLarge,
/// }
///
/// /// Integer choices: every variant has a discriminant.
/// #[derive(Choice, Clone, Copy, Debug, PartialEq)]
/// enum Speed {
///     Slow = 1,
///     Fast = 10,
/// }
///
/// assert_eq!(Size::choices()[1].name, "Extra large");
/// assert_eq!(Speed::Fast.choice_name(), "Fast");
/// ```
///
/// The derive checks Discord's rules at compile time: 1 to 25 variants, names and string values
/// of 1 to 100 characters, no duplicates.
pub trait Choice: Sized + Send + 'static {
    /// `String`, `Integer` or `Number`.
    const KIND: ApplicationCommandOptionType;

    /// The choices, in the order Discord shows them.
    fn choices() -> Vec<ApplicationCommandOptionChoice>;

    /// The variant with this value.
    fn from_value(value: &OptionValue) -> Option<Self>;

    /// The name of this variant's choice.
    fn choice_name(&self) -> &'static str;
}

/// Sets the choices of `T` on an option: [`CommandOption::describe`](super::CommandOption::describe)
/// of a choice enum.
pub fn describe_choices<T: Choice>(option: &mut ApplicationCommandOption) {
    option.choices = Some(T::choices());
}

/// Converts the value of a choice option:
/// [`CommandOption::from_option`](super::CommandOption::from_option) of a choice enum.
pub fn choice_from_option<T: Choice>(input: OptionInput<'_>) -> Result<T, OptionError> {
    let value = input.required()?;
    T::from_value(value).ok_or_else(|| {
        let names: Vec<String> = T::choices().into_iter().map(|c| c.name).collect();
        input.error(format!(
            "{value:?} is not one of its choices ({})",
            names.join(", ")
        ))
    })
}
