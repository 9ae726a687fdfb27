//! `client.applications`: the current application, and `commands(application_id)` — global
//! and guild application commands, including bulk overwrite.
//! <https://discord.com/developers/docs/resources/application>,
//! <https://discord.com/developers/docs/interactions/application-commands>

use asyncord_model::Snowflake;
use asyncord_model::application::Application;
use asyncord_model::command::ApplicationCommand;
use asyncord_model::request::command::{CreateCommand, EditCommand};
use asyncord_model::request::{ModifyCurrentApplication, Validate};

use super::base::{Rest, resource};
use crate::http::{Method, RestResult};

resource! {
    /// Applications (`client.applications`).
    ApplicationsResource {}
}

resource! {
    /// The commands of one application, global or in one guild
    /// (`client.applications.commands(app_id)`, `.guild(guild_id)` for guild commands).
    CommandsResource { application_id: Snowflake, guild_id: Option<Snowflake> }
}

impl ApplicationsResource {
    pub(crate) fn new(rest: Rest) -> Self {
        Self { rest }
    }

    /// The commands of an application (global; call `.guild(id)` for a guild's).
    pub fn commands(&self, application_id: impl Into<Snowflake>) -> CommandsResource {
        CommandsResource {
            rest: self.rest.clone(),
            application_id: application_id.into(),
            guild_id: None,
        }
    }

    /// `GET /applications/@me`.
    pub async fn me(&self) -> RestResult<Application> {
        self.rest
            .call(self.rest.req(Method::GET, "applications/@me", &[]))
            .await
    }

    /// `PATCH /applications/@me`.
    pub async fn edit_me(&self, body: ModifyCurrentApplication) -> RestResult<Application> {
        self.rest
            .send(self.rest.req(Method::PATCH, "applications/@me", &[]), &body)
            .await
    }
}

impl CommandsResource {
    /// The same application's commands in one guild.
    pub fn guild(&self, guild_id: impl Into<Snowflake>) -> Self {
        Self {
            rest: self.rest.clone(),
            application_id: self.application_id,
            guild_id: Some(guild_id.into()),
        }
    }

    fn list_req(&self, method: Method) -> crate::http::Request {
        match self.guild_id {
            Some(g) => self.rest.req(
                method,
                "applications/{}/guilds/{}/commands",
                &[&self.application_id, &g],
            ),
            None => self
                .rest
                .req(method, "applications/{}/commands", &[&self.application_id]),
        }
    }

    fn one_req(&self, method: Method, id: Snowflake) -> crate::http::Request {
        match self.guild_id {
            Some(g) => self.rest.req(
                method,
                "applications/{}/guilds/{}/commands/{}",
                &[&self.application_id, &g, &id],
            ),
            None => self.rest.req(
                method,
                "applications/{}/commands/{}",
                &[&self.application_id, &id],
            ),
        }
    }

    /// `GET .../commands` (`with_localizations` includes every localisation).
    pub async fn list(&self, with_localizations: bool) -> RestResult<Vec<ApplicationCommand>> {
        let request = self
            .list_req(Method::GET)
            .query_opt("with_localizations", with_localizations.then_some(true));
        self.rest.call(request).await
    }

    /// `GET .../commands/{id}`.
    pub async fn get(&self, command_id: impl Into<Snowflake>) -> RestResult<ApplicationCommand> {
        self.rest
            .call(self.one_req(Method::GET, command_id.into()))
            .await
    }

    /// `POST .../commands`: create, or replace the command with the same name and type.
    pub async fn create(&self, body: CreateCommand) -> RestResult<ApplicationCommand> {
        self.rest.send(self.list_req(Method::POST), &body).await
    }

    /// `PATCH .../commands/{id}`.
    pub async fn edit(
        &self,
        command_id: impl Into<Snowflake>,
        body: EditCommand,
    ) -> RestResult<ApplicationCommand> {
        self.rest
            .send(self.one_req(Method::PATCH, command_id.into()), &body)
            .await
    }

    /// `DELETE .../commands/{id}`.
    pub async fn delete(&self, command_id: impl Into<Snowflake>) -> RestResult<()> {
        self.rest
            .call_empty(self.one_req(Method::DELETE, command_id.into()))
            .await
    }

    /// `PUT .../commands`: replace every command with `commands` (ids of unchanged ones are
    /// kept by Discord).
    pub async fn bulk_overwrite(
        &self,
        commands: &[CreateCommand],
    ) -> RestResult<Vec<ApplicationCommand>> {
        for (i, c) in commands.iter().enumerate() {
            c.validate().map_err(|mut e| {
                e.path = if e.path.is_empty() {
                    format!("[{i}]")
                } else {
                    format!("[{i}].{}", e.path)
                };
                e
            })?;
        }
        self.rest
            .send_json(self.list_req(Method::PUT), commands)
            .await
    }
}
