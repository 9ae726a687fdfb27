//! A simulated user invoking an application command as Discord's client does: a slash command
//! with typed options along a subcommand path, a user or message context-menu command, or an
//! autocomplete request for the focused option. The options' types come from the registered
//! definition; users, members, roles, channels and attachments they name are put in
//! `data.resolved`, as Discord does. The user's permissions, the bot's (`app_permissions`) and
//! the locale can be set.
//!
//! Autocomplete answers are checked by Discord's rules (at most 25 choices, names of 1-100
//! characters, values of the option's type, strings of at most 100 characters).
//!
//! <https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-application-command-data-structure>

use asyncord_model::{ChannelId, MessageId, Permissions, Snowflake, UserId};
use serde_json::{Map, Value, json};

use super::expect::{ExpectError, poll};
use super::interaction::{Overrides, SimInteraction};
use super::users::SimUser;

/// What a simulated user invokes: build it, then pass it to [`SimUser::invoke`] or
/// [`SimUser::autocomplete`].
///
/// ```
/// use asyncord_testkit::Invocation;
/// let add = Invocation::slash("tag").subcommand("add").option("name", "greeting");
/// # let _ = add;
/// ```
#[derive(Clone, Debug)]
pub struct Invocation {
    kind: u8,
    name: String,
    path: Vec<String>,
    options: Vec<(String, Value)>,
    focused: Option<(String, Value)>,
    target: Option<Snowflake>,
    attachments: Vec<(String, Value)>,
    overrides: Overrides,
}

impl Invocation {
    fn new(kind: u8, name: &str) -> Self {
        Self {
            kind,
            name: name.to_owned(),
            path: Vec::new(),
            options: Vec::new(),
            focused: None,
            target: None,
            attachments: Vec::new(),
            overrides: Overrides::default(),
        }
    }

    /// The slash command `name`.
    pub fn slash(name: &str) -> Self {
        Self::new(1, name)
    }

    /// The user command `name`, used on `target`.
    pub fn user(name: &str, target: UserId) -> Self {
        let mut i = Self::new(2, name);
        i.target = Some(target.into());
        i
    }

    /// The message command `name`, used on `target` (a message of the invocation's channel).
    pub fn message(name: &str, target: MessageId) -> Self {
        let mut i = Self::new(3, name);
        i.target = Some(target.into());
        i
    }

    /// Descends into the subcommand (or subcommand group) `name`.
    pub fn subcommand(mut self, name: &str) -> Self {
        self.path.push(name.to_owned());
        self
    }

    /// Gives the option `name` (of the innermost subcommand) the value `value`: a string, a
    /// number, a boolean, or an id as a string (or an id type) for user, channel, role and
    /// mentionable options.
    pub fn option(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.options.push((name.to_owned(), value.into()));
        self
    }

    /// Gives the option `name` an id (user, channel, role, mentionable).
    pub fn id_option(self, name: &str, id: impl Into<Snowflake>) -> Self {
        let id: Snowflake = id.into();
        self.option(name, id.to_string())
    }

    /// Attaches a file as the attachment option `name`.
    pub fn attachment(mut self, name: &str, filename: &str, size: u64) -> Self {
        self.attachments
            .push((name.to_owned(), json!({"filename": filename, "size": size})));
        self
    }

    /// The option being typed, for [`SimUser::autocomplete`], with the text typed so far.
    pub fn focused(mut self, name: &str, typed: impl Into<Value>) -> Self {
        self.focused = Some((name.to_owned(), typed.into()));
        self
    }

    /// The user's permissions in the channel (default: all).
    pub fn permissions(mut self, permissions: Permissions) -> Self {
        self.overrides.permissions = Some(permissions);
        self
    }

    /// The bot's permissions in the channel, `app_permissions` (default: all).
    pub fn app_permissions(mut self, permissions: Permissions) -> Self {
        self.overrides.app_permissions = Some(permissions);
        self
    }

    /// The user's locale (default `en-US`).
    pub fn locale(mut self, locale: &str) -> Self {
        self.overrides.locale = Some(locale.to_owned());
        self
    }
}

/// The options of `definition` (a command or subcommand), by name.
fn option_def<'v>(definition: &'v Value, name: &str) -> Option<&'v Value> {
    definition["options"]
        .as_array()?
        .iter()
        .find(|o| o["name"].as_str() == Some(name))
}

/// An id in a JSON value (a string or a number).
fn id_of(value: &Value) -> Option<Snowflake> {
    match value {
        Value::String(s) => s.parse().ok(),
        Value::Number(n) => n.as_u64().map(Snowflake::new),
        _ => None,
    }
}

impl<'a> SimUser<'a> {
    /// The registered command an invocation names, waiting (up to the timeout) until a bot
    /// registered it globally or in the channel's guild.
    async fn registered(
        &self,
        guild: Option<Snowflake>,
        invocation: &Invocation,
    ) -> Result<(Value, super::account::BotAccount), ExpectError> {
        let world = &self.emu.world;
        let kind = u64::from(invocation.kind);
        poll(
            &format!("a bot registering the command {:?}", invocation.name),
            self.emu.timeout,
            || {
                let state = world.lock();
                let command = state.commands.values().find(|c| {
                    c["name"].as_str() == Some(invocation.name.as_str())
                        && c["type"].as_u64().unwrap_or(1) == kind
                        && (c["guild_id"].is_null()
                            || guild
                                .is_some_and(|g| c["guild_id"].as_str() == Some(&g.to_string())))
                })?;
                let app = command["application_id"].as_str()?.parse().ok()?;
                Some((command.clone(), state.bot_by_app(app)?.clone()))
            },
        )
        .await
    }

    /// Builds `data` for an invocation: options typed by the definition, nested along the
    /// subcommand path, with the resolved objects.
    fn command_data(
        &self,
        command: &Value,
        guild: Option<Snowflake>,
        channel: Snowflake,
        invocation: &Invocation,
    ) -> Result<Value, ExpectError> {
        let world = &self.emu.world;
        let mut resolved = Map::new();
        let mut add = |kind: &str, id: Snowflake, value: Value| {
            let entry = resolved.entry(kind.to_owned()).or_insert_with(|| json!({}));
            entry[id.to_string()] = value;
        };
        // The definition of the subcommand that runs.
        let mut definition = command;
        for step in &invocation.path {
            definition = option_def(definition, step).ok_or_else(|| {
                ExpectError::Refused(format!(
                    "/{} has no subcommand {step:?} (along {:?})",
                    invocation.name, invocation.path
                ))
            })?;
        }
        let mut leaf: Vec<Value> = Vec::new();
        let mut given: Vec<(&str, &Value, bool)> = invocation
            .options
            .iter()
            .map(|(n, v)| (n.as_str(), v, false))
            .collect();
        if let Some((n, v)) = &invocation.focused {
            given.push((n.as_str(), v, true));
        }
        for (name, value, focused) in given {
            let def = option_def(definition, name).ok_or_else(|| {
                ExpectError::Refused(format!("the command has no option {name:?}"))
            })?;
            let kind = def["type"].as_u64().unwrap_or(3);
            let mut option = json!({"name": name, "type": kind, "value": value});
            if focused {
                option["focused"] = json!(true);
            } else if matches!(kind, 6..=9) {
                let id = id_of(value).ok_or_else(|| {
                    ExpectError::Refused(format!("option {name:?} needs an id, not {value}"))
                })?;
                option["value"] = json!(id.to_string());
                let user = world.user(id);
                let member = guild.and_then(|g| world.member(g, id));
                let role = guild.and_then(|g| {
                    world
                        .lock()
                        .guilds
                        .get(&g)
                        .and_then(|gs| gs.roles.get(&id).cloned())
                });
                let chan = world.channel(id);
                match (kind, user, role, chan) {
                    (6 | 9, Some(user), _, _) => {
                        add("users", id, user);
                        if let Some(mut m) = member {
                            if let Some(o) = m.as_object_mut() {
                                o.remove("user");
                            }
                            m["permissions"] = json!(Permissions::all().bits().to_string());
                            add("members", id, m);
                        }
                    }
                    (8 | 9, _, Some(role), _) => add("roles", id, role),
                    (7, _, _, Some(mut c)) => {
                        c["permissions"] = json!(Permissions::all().bits().to_string());
                        add("channels", id, c);
                    }
                    _ => {
                        return Err(ExpectError::NotFound(format!(
                            "option {name:?}: nothing with id {id} to resolve"
                        )));
                    }
                }
            }
            leaf.push(option);
        }
        for (name, file) in &invocation.attachments {
            let id = world.next_id();
            let mut a = file.clone();
            a["id"] = json!(id.to_string());
            a["url"] = json!(format!(
                "https://cdn.discordapp.com/ephemeral-attachments/{channel}/{id}/{}",
                file["filename"].as_str().unwrap_or("file")
            ));
            a["proxy_url"] = a["url"].clone();
            add("attachments", id, a);
            leaf.push(json!({"name": name, "type": 11, "value": id.to_string()}));
        }
        // Nest the options along the path, innermost first.
        let mut options = leaf;
        let mut at = command;
        let mut kinds = Vec::new();
        for step in &invocation.path {
            at = option_def(at, step).unwrap_or(&Value::Null);
            kinds.push(at["type"].as_u64().unwrap_or(1));
        }
        for (step, kind) in invocation.path.iter().zip(kinds).rev() {
            let mut sub = json!({"name": step, "type": kind});
            if !options.is_empty() {
                sub["options"] = Value::Array(options);
            }
            options = vec![sub];
        }
        let mut data = json!({
            "id": command["id"], "name": invocation.name, "type": invocation.kind,
        });
        if let Some(g) = guild {
            data["guild_id"] = json!(g.to_string());
        }
        if !options.is_empty() {
            data["options"] = Value::Array(options);
        }
        if let Some(target) = invocation.target {
            data["target_id"] = json!(target.to_string());
            if invocation.kind == 2 {
                let user = world
                    .user(target)
                    .ok_or_else(|| ExpectError::NotFound(format!("user {target}")))?;
                add("users", target, user);
                if let Some(mut m) = guild.and_then(|g| world.member(g, target)) {
                    if let Some(o) = m.as_object_mut() {
                        o.remove("user");
                    }
                    add("members", target, m);
                }
            } else {
                let mut m = world
                    .message(channel, target)
                    .ok_or_else(|| ExpectError::NotFound(format!("message {target}")))?;
                if let Some(o) = m.as_object_mut() {
                    o.retain(|k, _| !k.starts_with('_'));
                }
                add("messages", target, m);
            }
        }
        if !resolved.is_empty() {
            data["resolved"] = Value::Object(resolved);
        }
        Ok(data)
    }

    /// Invokes an application command in `channel`: the slash command with its options along
    /// its subcommand path, or a context-menu command on its target, as Discord sends it
    /// (typed options, `data.resolved`, `member.permissions`, `app_permissions`, `locale`).
    ///
    /// # Errors
    /// [`ExpectError::Timeout`] when no bot registered the command; [`ExpectError::Refused`]
    /// for a subcommand or option the command does not have; [`ExpectError::NotFound`] for an
    /// id that names nothing.
    pub async fn invoke(
        &self,
        channel: ChannelId,
        invocation: Invocation,
    ) -> Result<SimInteraction<'a>, ExpectError> {
        let channel: Snowflake = channel.into();
        let guild = self.check_channel(channel)?;
        let (command, bot) = self.registered(guild, &invocation).await?;
        let data = self.command_data(&command, guild, channel, &invocation)?;
        self.start_interaction(&bot, channel, 2, &data, None, &invocation.overrides)
    }

    /// Sends an autocomplete request for the invocation's [focused](Invocation::focused)
    /// option and returns the suggestions the bot answered with (`(name, value)` pairs), after
    /// checking them as Discord does.
    ///
    /// # Errors
    /// As [`SimUser::invoke`]; [`ExpectError::Timeout`] when the bot does not answer;
    /// [`ExpectError::Refused`] when it answers with something else than suggestions, or with
    /// suggestions Discord would refuse (more than 25, a name outside 1-100 characters, a value
    /// of another type than the option's).
    pub async fn autocomplete(
        &self,
        channel: ChannelId,
        invocation: Invocation,
    ) -> Result<Vec<(String, Value)>, ExpectError> {
        let Some((focused, _)) = invocation.focused.clone() else {
            return Err(ExpectError::Refused(
                "an autocomplete request needs a focused option".to_owned(),
            ));
        };
        let channel: Snowflake = channel.into();
        let guild = self.check_channel(channel)?;
        let (command, bot) = self.registered(guild, &invocation).await?;
        let data = self.command_data(&command, guild, channel, &invocation)?;
        let mut definition = &command;
        for step in &invocation.path {
            definition = option_def(definition, step).unwrap_or(&Value::Null);
        }
        let kind = option_def(definition, &focused)
            .and_then(|o| o["type"].as_u64())
            .unwrap_or(3);
        let asked = self.start_interaction(&bot, channel, 4, &data, None, &invocation.overrides)?;
        let reply = asked.response().await?;
        if reply.kind != 8 {
            return Err(ExpectError::Refused(format!(
                "an autocomplete request was answered with type {}, not 8",
                reply.kind
            )));
        }
        check_choices(&reply.data, kind)
    }
}

/// Discord's checks on an autocomplete result for an option of type `kind`.
fn check_choices(data: &Value, kind: u64) -> Result<Vec<(String, Value)>, ExpectError> {
    let refuse = |why: String| Err(ExpectError::Refused(why));
    let Some(choices) = data["choices"].as_array() else {
        return refuse("an autocomplete result without `choices`".to_owned());
    };
    if choices.len() > 25 {
        return refuse(format!(
            "{} autocomplete choices: Discord allows 25",
            choices.len()
        ));
    }
    let mut out = Vec::new();
    for c in choices {
        let name = c["name"].as_str().unwrap_or_default();
        let n = name.chars().count();
        if !(1..=100).contains(&n) {
            return refuse(format!(
                "the choice name {name:?} is {n} characters long: Discord wants 1-100"
            ));
        }
        let value = &c["value"];
        let fits = match kind {
            3 => value.as_str().is_some_and(|s| s.chars().count() <= 100),
            4 => value.is_i64() || value.is_u64(),
            10 => value.is_number(),
            _ => false,
        };
        if !fits {
            return refuse(format!(
                "the choice {name:?} has the value {value}, which does not fit an option of \
                 type {kind}"
            ));
        }
        out.push((name.to_owned(), value.clone()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_are_checked_as_discord_does() {
        let ok = json!({"choices": [{"name": "one", "value": 1}]});
        assert_eq!(
            check_choices(&ok, 4).unwrap(),
            [("one".to_owned(), json!(1))]
        );
        assert!(
            check_choices(&ok, 3).is_err(),
            "an integer for a string option"
        );
        let empty_name = json!({"choices": [{"name": "", "value": "x"}]});
        assert!(check_choices(&empty_name, 3).is_err());
        let many: Vec<Value> = (0..26)
            .map(|n| json!({"name": n.to_string(), "value": n}))
            .collect();
        assert!(check_choices(&json!({"choices": many}), 4).is_err());
    }
}
