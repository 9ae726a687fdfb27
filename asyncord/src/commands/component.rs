//! Components and modal submissions routed by `custom_id`: a [`Component`] handles every
//! `custom_id` matching its pattern (`vote:{poll}:{choice}`), whose captures are parsed into the
//! handler's parameters of the same names (with `FromStr`). `#[component("...")]` builds one
//! from an `async fn`.
//!
//! Custom ids: <https://discord.com/developers/docs/components/reference#anatomy-of-a-component-custom-id>.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use super::checks::Check;
use super::context::CommandContext;
use super::option::OptionError;
use super::private::BoxFuture;
use crate::dispatcher::{Argument, HandlerResult, Inject, IntoHandlerResult, Requirements};

/// What a component's action is.
pub(crate) type ComponentAction =
    Arc<dyn Fn(CommandContext, Captures) -> BoxFuture<HandlerResult> + Send + Sync>;

/// A `custom_id` pattern: literal text with `{name}` captures, each matching at least one
/// character up to the text that follows it.
///
/// ```
/// use asyncord::commands::CustomIdPattern;
/// let pattern = CustomIdPattern::parse("vote:{poll}:{choice}").unwrap();
/// let captures = pattern.matches("vote:42:yes").unwrap();
/// assert_eq!(captures.get::<u64>("poll").unwrap(), 42);
/// assert_eq!(captures.get::<String>("choice").unwrap(), "yes");
/// assert!(pattern.matches("poll:42:yes").is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomIdPattern {
    text: String,
    parts: Vec<Part>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    Literal(String),
    Capture(String),
}

impl CustomIdPattern {
    /// Parses a pattern; the error says what is wrong with it.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut parts = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            match rest.find(['{', '}']) {
                None => {
                    parts.push(Part::Literal(rest.to_owned()));
                    rest = "";
                }
                Some(i) if rest[i..].starts_with('}') => {
                    return Err(format!(
                        "`}}` without `{{` at byte {}",
                        text.len() - rest.len() + i
                    ));
                }
                Some(i) => {
                    if i > 0 {
                        parts.push(Part::Literal(rest[..i].to_owned()));
                    }
                    let after = &rest[i + 1..];
                    let end = after
                        .find('}')
                        .ok_or_else(|| "a `{` is never closed".to_owned())?;
                    let name = &after[..end];
                    if name.is_empty()
                        || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                        || name.starts_with(|c: char| c.is_ascii_digit())
                    {
                        return Err(format!("`{{{name}}}` is not a capture name"));
                    }
                    if matches!(parts.last(), Some(Part::Capture(_))) {
                        return Err(format!(
                            "the capture `{{{name}}}` follows another capture: separate them \
                             with text (`{{a}}:{{b}}`)"
                        ));
                    }
                    if parts.contains(&Part::Capture(name.to_owned())) {
                        return Err(format!("the capture `{{{name}}}` appears twice"));
                    }
                    parts.push(Part::Capture(name.to_owned()));
                    rest = &after[end + 1..];
                }
            }
        }
        if parts.is_empty() {
            return Err("a pattern cannot be empty".to_owned());
        }
        Ok(Self {
            text: text.to_owned(),
            parts,
        })
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The names of the captures.
    pub fn captures(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|p| match p {
            Part::Capture(name) => Some(name.as_str()),
            Part::Literal(_) => None,
        })
    }

    /// The captures of `custom_id`, if it matches.
    pub fn matches(&self, custom_id: &str) -> Option<Captures> {
        let mut rest = custom_id;
        let mut values = Vec::new();
        let mut parts = self.parts.iter().peekable();
        while let Some(part) = parts.next() {
            match part {
                Part::Literal(text) => rest = rest.strip_prefix(text.as_str())?,
                Part::Capture(name) => {
                    // At least one character, then up to the next literal.
                    let first = rest.chars().next()?.len_utf8();
                    let end = match parts.peek() {
                        Some(Part::Literal(next)) => rest[first..].find(next.as_str())? + first,
                        _ => rest.len(),
                    };
                    if end == 0 {
                        return None;
                    }
                    values.push((name.clone(), rest[..end].to_owned()));
                    rest = &rest[end..];
                }
            }
        }
        rest.is_empty().then_some(Captures { values })
    }
}

/// The values a pattern captured from a `custom_id`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Captures {
    values: Vec<(String, String)>,
}

impl Captures {
    /// The text captured as `name`.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The capture `name` parsed as a `T`; an error (reported as a bad option) when it is
    /// missing or does not parse.
    pub fn get<T: FromStr>(&self, name: &str) -> Result<T, OptionError> {
        let text = self
            .text(name)
            .ok_or_else(|| OptionError::new(name, "the pattern has no such capture"))?;
        text.parse().map_err(|_| {
            OptionError::new(
                name,
                format!(
                    "{text:?} in the custom id is not a valid `{}`",
                    std::any::type_name::<T>()
                ),
            )
        })
    }
}

/// A component (or modal submission) handler: what `#[component("pattern")]` returns, and what
/// [`Dispatcher::add_components`](crate::dispatcher::Dispatcher::add_components) takes.
///
/// ```
/// use asyncord::commands::{Captures, CommandContext, Component};
///
/// let vote = Component::new("vote:{choice}", |ctx: CommandContext, captures: Captures| async move {
///     let choice: String = captures.get("choice")?;
///     ctx.update(format!("You voted {choice}")).await?;
///     asyncord::commands::CommandResult::Ok(())
/// });
/// ```
pub struct Component {
    pub(crate) pattern: Result<CustomIdPattern, String>,
    pub(crate) source: String,
    pub(crate) action: ComponentAction,
    pub(crate) checks: Vec<Check>,
    pub(crate) requirements: Requirements,
}

impl fmt::Debug for Component {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Component")
            .field("pattern", &self.source)
            .finish_non_exhaustive()
    }
}

impl Component {
    /// Handles the `custom_id`s matching `pattern` with `action` (a pattern that does not parse
    /// is reported by the start-up checks).
    pub fn new<F, Fut>(pattern: &str, action: F) -> Self
    where
        F: Fn(CommandContext, Captures) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: IntoHandlerResult,
    {
        Self {
            pattern: CustomIdPattern::parse(pattern),
            source: pattern.to_owned(),
            action: Arc::new(move |ctx, captures| {
                let fut = action(ctx, captures);
                Box::pin(async move { fut.await.into_handler_result() })
            }),
            checks: Vec::new(),
            requirements: Requirements::new(),
        }
    }

    /// The pattern as written.
    pub fn pattern(&self) -> &str {
        &self.source
    }

    /// Adds a check that must pass before the handler runs.
    pub fn check(mut self, check: Check) -> Self {
        self.checks.push(check);
        self
    }

    /// Declares that the handler reads the registered argument `name` (checked at start-up).
    pub fn argument<T: Argument>(mut self, name: &'static str) -> Self {
        self.requirements.argument::<T>(name);
        self
    }

    /// Declares that the handler computes an [`Inject`] type.
    pub fn injected<T: Inject>(mut self, name: &'static str) -> Self {
        self.requirements.injected::<T>(name);
        self
    }

    /// The named arguments and `Inject` types the handler takes.
    pub fn requirements(&self) -> &Requirements {
        &self.requirements
    }

    /// The captures of `custom_id`, if this component handles it.
    pub(crate) fn matches(&self, custom_id: &str) -> Option<Captures> {
        self.pattern.as_ref().ok()?.matches(custom_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_capture_up_to_the_next_literal() {
        let p = CustomIdPattern::parse("vote:{poll}:{choice}").unwrap();
        let c = p.matches("vote:1:2:3").unwrap();
        assert_eq!(c.text("poll"), Some("1"));
        assert_eq!(
            c.text("choice"),
            Some("2:3"),
            "the last capture takes the rest"
        );
        assert!(p.matches("vote::yes").is_none(), "captures are not empty");
        assert!(p.matches("vote:1").is_none());
        let exact = CustomIdPattern::parse("ok").unwrap();
        assert!(exact.matches("ok").is_some());
        assert!(exact.matches("ok2").is_none());
        assert!(c.get::<u8>("choice").is_err());
    }

    #[test]
    fn bad_patterns_are_refused_with_a_reason() {
        for (bad, why) in [
            ("a{b", "never closed"),
            ("a}b", "without"),
            ("{a}{b}", "follows another capture"),
            ("{1x}", "not a capture name"),
            ("{a}:{a}", "twice"),
            ("", "empty"),
        ] {
            let err = CustomIdPattern::parse(bad).unwrap_err();
            assert!(err.contains(why), "{bad:?}: {err}");
        }
    }
}
