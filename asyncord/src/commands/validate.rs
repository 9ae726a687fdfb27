//! The start-up checks of command definitions: everything Discord would refuse with a 400 at
//! registration, found before the bot connects. `#[command]` checks what it can see at compile
//! time (names, descriptions, literal bounds); this checks the rest — what depends on types
//! (an optional option before a required one), on other commands (duplicates, counts), and
//! commands built by hand.
//!
//! The rules: <https://discord.com/developers/docs/interactions/application-commands#application-command-object>
//! (naming: <https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-naming>).

use std::collections::HashSet;
use std::sync::Arc;

use asyncord_model::command::{
    ApplicationCommandOption, ApplicationCommandOptionType, Localizations,
};
use asyncord_model::request::Validate;

use super::component::Component;
use super::definition::{Command, CommandKind};
use super::error::CommandProblem;

/// Discord's limits on an application's commands of each kind.
const MAX_SLASH: usize = 100;
const MAX_CONTEXT_MENU: usize = 15;

/// Whether `name` follows Discord's rules for slash command, subcommand and option names:
/// 1-32 letters, digits, `-`, `_` or `'` (Devanagari and Thai included), in lowercase wherever
/// a letter has a lowercase form.
pub fn is_valid_slash_name(name: &str) -> bool {
    let count = name.chars().count();
    (1..=32).contains(&count)
        && name.chars().all(|c| {
            let allowed = matches!(c, '-' | '_' | '\'')
                || c.is_alphanumeric()
                || ('\u{0900}'..='\u{097F}').contains(&c)
                || ('\u{0E00}'..='\u{0E7F}').contains(&c);
            let mut lower = c.to_lowercase();
            allowed && lower.next() == Some(c) && lower.next().is_none()
        })
}

/// Every problem of these commands and components.
pub(crate) fn problems(
    commands: &[Arc<Command>],
    components: &[Arc<Component>],
) -> Vec<CommandProblem> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for command in commands {
        let name = command.display_name();
        if !seen.insert((command.kind, command.name.clone())) {
            out.push(CommandProblem {
                command: name.clone(),
                problem: "added twice: Discord keeps one command of each name and kind; remove \
                          one or rename it"
                    .to_owned(),
            });
        }
        let mut problems = Vec::new();
        check_command(command, 0, &mut problems);
        if problems.is_empty()
            && let Err(e) = command.to_request().validate()
        {
            problems.push(format!("Discord would refuse it: {e}"));
        }
        out.extend(problems.into_iter().map(|problem| CommandProblem {
            command: name.clone(),
            problem,
        }));
    }
    for (kind, max, what) in [
        (CommandKind::Slash, MAX_SLASH, "slash"),
        (CommandKind::User, MAX_CONTEXT_MENU, "user"),
        (CommandKind::Message, MAX_CONTEXT_MENU, "message"),
    ] {
        let count = commands.iter().filter(|c| c.kind == kind).count();
        if count > max {
            out.push(CommandProblem {
                command: format!("{count} {what} commands"),
                problem: format!("Discord allows at most {max} {what} commands per application"),
            });
        }
    }
    let mut patterns = HashSet::new();
    for component in components {
        let command = format!("component {:?}", component.source);
        if let Err(e) = &component.pattern {
            out.push(CommandProblem {
                command: command.clone(),
                problem: format!("the pattern is not valid: {e}"),
            });
        }
        if !patterns.insert(component.source.clone()) {
            out.push(CommandProblem {
                command,
                problem: "added twice: the first one handles every match".to_owned(),
            });
        }
    }
    out
}

/// The problems of one command at `depth` (0: top level, 1: subcommand or group, 2:
/// subcommand of a group).
fn check_command(c: &Command, depth: usize, out: &mut Vec<String>) {
    match c.kind {
        CommandKind::Slash => {
            if !is_valid_slash_name(&c.name) {
                out.push(format!(
                    "the name {:?} is not valid: slash command names are 1-32 lowercase \
                     letters, digits, `-`, `_` or `'`",
                    c.name
                ));
            }
            check_chars(out, "the description", &c.description, 1, 100);
        }
        CommandKind::User | CommandKind::Message => {
            if depth > 0 {
                out.push("a context-menu command cannot be a subcommand".to_owned());
            }
            check_chars(out, "the name", &c.name, 1, 32);
            if !c.description.is_empty() {
                out.push("context-menu commands have no description".to_owned());
            }
            if !c.options.is_empty() || !c.subcommands.is_empty() {
                out.push(
                    "context-menu commands have no options or subcommands: their only input is \
                     the user or message they are used on"
                        .to_owned(),
                );
            }
        }
    }
    check_localizations(
        out,
        c.kind,
        &c.name_localizations,
        &c.description_localizations,
    );
    if depth > 0
        && (c.default_member_permissions.is_some()
            || c.contexts.is_some()
            || c.integration_types.is_some()
            || c.nsfw)
    {
        out.push(
            "default member permissions, contexts, integration types and NSFW apply to \
             top-level commands only: set them on the parent"
                .to_owned(),
        );
    }
    if !c.subcommands.is_empty() {
        if !c.options.is_empty() {
            out.push(
                "a command with subcommands cannot have options of its own: move them to the \
                 subcommands"
                    .to_owned(),
            );
        }
        if depth >= 1 && c.subcommands.iter().any(|s| !s.subcommands.is_empty()) {
            out.push(
                "subcommands nest two levels deep at most (command → group → subcommand)"
                    .to_owned(),
            );
        }
        if c.subcommands.len() > 25 {
            out.push(format!(
                "{} subcommands: Discord allows 25",
                c.subcommands.len()
            ));
        }
        let mut names = HashSet::new();
        for s in &c.subcommands {
            if !names.insert(s.name.as_str()) {
                out.push(format!("two subcommands are named {:?}", s.name));
            }
            if s.kind != CommandKind::Slash {
                out.push(format!(
                    "the subcommand {:?} is not a slash command",
                    s.name
                ));
                continue;
            }
            let mut inner = Vec::new();
            check_command(s, depth + 1, &mut inner);
            out.extend(
                inner
                    .into_iter()
                    .map(|p| format!("subcommand {:?}: {p}", s.name)),
            );
        }
        return;
    }
    if c.action.is_none() {
        out.push("the command has no action: give it one with `.action(..)`".to_owned());
    }
    if c.options.len() > 25 {
        out.push(format!("{} options: Discord allows 25", c.options.len()));
    }
    let mut names = HashSet::new();
    let mut optional_seen: Option<&str> = None;
    for o in &c.options {
        let option = &o.option;
        if !names.insert(option.name.as_str()) {
            out.push(format!("two options are named {:?}", option.name));
        }
        if option.required == Some(true) {
            if let Some(optional) = optional_seen {
                out.push(format!(
                    "the required option {:?} comes after the optional option {optional:?}: \
                     Discord wants required options first; reorder the parameters",
                    option.name
                ));
            }
        } else if optional_seen.is_none() {
            optional_seen = Some(&option.name);
        }
        check_option(option, o.autocomplete.is_some(), out);
    }
}

fn check_option(o: &ApplicationCommandOption, has_completer: bool, out: &mut Vec<String>) {
    use ApplicationCommandOptionType as T;
    let at = |p: String| format!("option {:?}: {p}", o.name);
    if !is_valid_slash_name(&o.name) {
        out.push(at(
            "the name is not valid: option names are 1-32 lowercase letters, digits, `-`, `_` \
             or `'`"
                .to_owned(),
        ));
    }
    let mut inner = Vec::new();
    if o.description.is_empty() {
        inner.push(
            "no description: write a doc comment on the parameter (`/// How many sides`) or \
             `#[description = \"...\"]`; if the parameter is a registered argument rather \
             than an option, mark it `#[arg]`"
                .to_owned(),
        );
    } else {
        check_chars(&mut inner, "the description", &o.description, 1, 100);
    }
    let choices = o.choices.as_ref().map_or(0, Vec::len);
    if choices > 25 {
        inner.push(format!("{choices} choices: Discord allows 25"));
    }
    if choices > 0 && (o.autocomplete == Some(true) || has_completer) {
        inner.push("an option cannot have both fixed choices and autocomplete".to_owned());
    }
    if (o.autocomplete == Some(true) || has_completer)
        && !matches!(o.kind, T::String | T::Integer | T::Number)
    {
        inner.push("only text, integer and number options autocomplete".to_owned());
    }
    if o.autocomplete == Some(true) && !has_completer {
        inner.push(
            "autocomplete is on but no function answers it: add one with `.autocomplete(..)`"
                .to_owned(),
        );
    }
    if let (Some(min), Some(max)) = (o.min_value, o.max_value)
        && min.as_f64() > max.as_f64()
    {
        inner.push(format!(
            "min_value {} exceeds max_value {}",
            min.as_f64(),
            max.as_f64()
        ));
    }
    if (o.min_value.is_some() || o.max_value.is_some()) && !matches!(o.kind, T::Integer | T::Number)
    {
        inner.push("only integer and number options have a min_value or max_value".to_owned());
    }
    if o.min_length.is_some() || o.max_length.is_some() {
        if o.kind != T::String {
            inner.push("only text options have a min_length or max_length".to_owned());
        }
        if let (Some(min), Some(max)) = (o.min_length, o.max_length)
            && min > max
        {
            inner.push(format!("min_length {min} exceeds max_length {max}"));
        }
        if o.min_length.is_some_and(|m| m > 6000)
            || o.max_length.is_some_and(|m| !(1..=6000).contains(&m))
        {
            inner.push("lengths are within 0-6000 (max_length at least 1)".to_owned());
        }
    }
    if o.channel_types.is_some() && o.kind != T::Channel {
        inner.push("only channel options have channel_types".to_owned());
    }
    check_localizations(
        &mut inner,
        CommandKind::Slash,
        o.name_localizations
            .as_ref()
            .unwrap_or(&Localizations::default()),
        o.description_localizations
            .as_ref()
            .unwrap_or(&Localizations::default()),
    );
    out.extend(inner.into_iter().map(at));
}

fn check_localizations(
    out: &mut Vec<String>,
    kind: CommandKind,
    names: &Localizations,
    descriptions: &Localizations,
) {
    for (locale, name) in names {
        let ok = match kind {
            CommandKind::Slash => is_valid_slash_name(name),
            _ => (1..=32).contains(&name.chars().count()),
        };
        if !ok {
            out.push(format!(
                "the {locale} name {name:?} does not follow Discord's naming rules"
            ));
        }
    }
    for (locale, description) in descriptions {
        check_chars(
            out,
            &format!("the {locale} description"),
            description,
            1,
            100,
        );
    }
}

fn check_chars(out: &mut Vec<String>, what: &str, text: &str, min: usize, max: usize) {
    let n = text.chars().count();
    if n < min || n > max {
        out.push(format!(
            "{what} is {n} characters long; Discord wants {min}-{max}"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::OptionDefinition;

    fn problems_of(command: Command) -> Vec<String> {
        problems(&[Arc::new(command)], &[])
            .into_iter()
            .map(|p| p.problem)
            .collect()
    }

    fn slash(name: &str) -> Command {
        Command::slash(name, "Does things").action(|_ctx| async {})
    }

    #[test]
    fn slash_names_follow_discords_rules() {
        for ok in [
            "roll",
            "tag-add",
            "it's",
            "über",
            "número",
            "日本語",
            "नमस्ते",
            "สวัสดี",
        ] {
            assert!(is_valid_slash_name(ok), "{ok}");
        }
        for bad in ["", "Roll", "two words", "a.b", &"x".repeat(33), "ÜBER"] {
            assert!(!is_valid_slash_name(bad), "{bad}");
        }
    }

    #[test]
    fn a_required_option_after_an_optional_one_is_a_problem() {
        let c = slash("roll")
            .option(OptionDefinition::of::<Option<i64>>("times", "Times"))
            .option(OptionDefinition::of::<i64>("sides", "Sides"));
        let found = problems_of(c);
        assert!(
            found
                .iter()
                .any(|p| p.contains("\"sides\" comes after the optional option \"times\"")),
            "{found:?}"
        );
    }

    #[test]
    fn definitions_discord_refuses_are_problems() {
        let c = slash("x")
            .option(
                OptionDefinition::of::<i64>("a", "A")
                    .min_value(5)
                    .max_value(1),
            )
            .option(OptionDefinition::of::<i64>("a", "A again"));
        let found = problems_of(c);
        assert!(
            found.iter().any(|p| p.contains("exceeds max_value")),
            "{found:?}"
        );
        assert!(
            found.iter().any(|p| p.contains("two options are named")),
            "{found:?}"
        );

        let deep = slash("a")
            .subcommand(slash("b").subcommand(Command::slash("c", "C").subcommand(slash("d"))));
        let found = problems_of(deep);
        assert!(found.iter().any(|p| p.contains("two levels")), "{found:?}");

        let menu = Command::user("Show avatar")
            .action(|_ctx| async {})
            .option(OptionDefinition::of::<String>("x", "X"));
        assert!(problems_of(menu).iter().any(|p| p.contains("no options")));

        let many = (0..26).fold(slash("many"), |c, i| {
            c.option(OptionDefinition::of::<String>(format!("o{i}"), "O"))
        });
        assert!(problems_of(many).iter().any(|p| p.contains("26 options")));

        let twice = problems(&[Arc::new(slash("a")), Arc::new(slash("a"))], &[]);
        assert!(twice.iter().any(|p| p.problem.contains("added twice")));
        assert!(problems_of(slash("ok")).is_empty());
    }
}
