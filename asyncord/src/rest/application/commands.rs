//! `client.applications.commands(application_id)`: global and guild application commands,
//! including bulk overwrite, and their permissions in a guild.
//! <https://discord.com/developers/docs/interactions/application-commands>

use asyncord_model::command::{ApplicationCommand, GuildApplicationCommandPermissions};
use asyncord_model::request::command::{CreateCommand, EditCommand};
use asyncord_model::request::{EditCommandPermissions, Validate};
use asyncord_model::route::{self, Endpoint};
use asyncord_model::{ApplicationId, CommandId, GuildId};

use super::ApplicationsResource;
use crate::http::{Request, RestResult};
use crate::rest::base::resource;

impl ApplicationsResource {
    /// The commands of an application (global; call `.guild(id)` for a guild's).
    pub fn commands(&self, application_id: impl Into<ApplicationId>) -> CommandsResource {
        CommandsResource {
            rest: self.rest.clone(),
            application_id: application_id.into(),
            guild_id: None,
        }
    }
}

resource! {
    /// The commands of one application, global or in one guild
    /// (`client.applications.commands(app_id)`, `.guild(guild_id)` for guild commands).
    CommandsResource { application_id: ApplicationId, guild_id: Option<GuildId> }
}

impl CommandsResource {
    /// The same application's commands in one guild.
    pub fn guild(&self, guild_id: impl Into<GuildId>) -> Self {
        Self {
            rest: self.rest.clone(),
            application_id: self.application_id,
            guild_id: Some(guild_id.into()),
        }
    }

    /// A request on the application's commands: `global` for global commands, `guild` for a
    /// guild-bound handle.
    fn list_req(&self, global: &'static Endpoint<1>, guild: &'static Endpoint<2>) -> Request {
        match self.guild_id {
            Some(g) => self.rest.req(guild, [&self.application_id, &g]),
            None => self.rest.req(global, [&self.application_id]),
        }
    }

    /// A request on one command (see [`list_req`](Self::list_req)).
    fn one_req(
        &self,
        global: &'static Endpoint<2>,
        guild: &'static Endpoint<3>,
        id: CommandId,
    ) -> Request {
        match self.guild_id {
            Some(g) => self.rest.req(guild, [&self.application_id, &g, &id]),
            None => self.rest.req(global, [&self.application_id, &id]),
        }
    }

    /// `GET .../commands` (`with_localizations` includes every localisation).
    pub async fn list(&self, with_localizations: bool) -> RestResult<Vec<ApplicationCommand>> {
        let request = self
            .list_req(
                &route::GET_GLOBAL_APPLICATION_COMMANDS,
                &route::GET_GUILD_APPLICATION_COMMANDS,
            )
            .query_opt("with_localizations", with_localizations.then_some(true));
        self.rest.call(request).await
    }

    /// `GET .../commands/{id}`.
    pub async fn get(&self, command_id: impl Into<CommandId>) -> RestResult<ApplicationCommand> {
        self.rest
            .call(self.one_req(
                &route::GET_GLOBAL_APPLICATION_COMMAND,
                &route::GET_GUILD_APPLICATION_COMMAND,
                command_id.into(),
            ))
            .await
    }

    /// `POST .../commands`: create, or replace the command with the same name and type.
    pub async fn create(&self, body: CreateCommand) -> RestResult<ApplicationCommand> {
        self.rest
            .send(
                self.list_req(
                    &route::CREATE_GLOBAL_APPLICATION_COMMAND,
                    &route::CREATE_GUILD_APPLICATION_COMMAND,
                ),
                &body,
            )
            .await
    }

    /// `PATCH .../commands/{id}`.
    pub async fn edit(
        &self,
        command_id: impl Into<CommandId>,
        body: EditCommand,
    ) -> RestResult<ApplicationCommand> {
        self.rest
            .send(
                self.one_req(
                    &route::EDIT_GLOBAL_APPLICATION_COMMAND,
                    &route::EDIT_GUILD_APPLICATION_COMMAND,
                    command_id.into(),
                ),
                &body,
            )
            .await
    }

    /// `DELETE .../commands/{id}`.
    pub async fn delete(&self, command_id: impl Into<CommandId>) -> RestResult<()> {
        self.rest
            .call_empty(self.one_req(
                &route::DELETE_GLOBAL_APPLICATION_COMMAND,
                &route::DELETE_GUILD_APPLICATION_COMMAND,
                command_id.into(),
            ))
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
            .send_json(
                self.list_req(
                    &route::BULK_OVERWRITE_GLOBAL_APPLICATION_COMMANDS,
                    &route::BULK_OVERWRITE_GUILD_APPLICATION_COMMANDS,
                ),
                commands,
            )
            .await
    }

    fn guild_id_or_err(&self) -> RestResult<GuildId> {
        self.guild_id.ok_or_else(|| {
            crate::http::RestError::InvalidRequest(
                "command permissions are per guild: use `commands(app).guild(guild_id)`".into(),
            )
        })
    }

    /// `GET /applications/{id}/guilds/{guild_id}/commands/permissions`: the permissions of
    /// every command in the guild (a guild-bound handle).
    pub async fn all_permissions(&self) -> RestResult<Vec<GuildApplicationCommandPermissions>> {
        let g = self.guild_id_or_err()?;
        let request = self.rest.req(
            &route::GET_GUILD_APPLICATION_COMMAND_PERMISSIONS,
            [&self.application_id, &g],
        );
        self.rest.call(request).await
    }

    /// `GET /applications/{id}/guilds/{guild_id}/commands/{command_id}/permissions`.
    pub async fn permissions(
        &self,
        command_id: impl Into<CommandId>,
    ) -> RestResult<GuildApplicationCommandPermissions> {
        let g = self.guild_id_or_err()?;
        let c = command_id.into();
        let request = self.rest.req(
            &route::GET_APPLICATION_COMMAND_PERMISSIONS,
            [&self.application_id, &g, &c],
        );
        self.rest.call(request).await
    }

    /// `PUT /applications/{id}/guilds/{guild_id}/commands/{command_id}/permissions` (needs a
    /// Bearer token with `applications.commands.permissions.update` in Discord).
    pub async fn edit_permissions(
        &self,
        command_id: impl Into<CommandId>,
        body: EditCommandPermissions,
    ) -> RestResult<GuildApplicationCommandPermissions> {
        let g = self.guild_id_or_err()?;
        let c = command_id.into();
        let request = self.rest.req(
            &route::EDIT_APPLICATION_COMMAND_PERMISSIONS,
            [&self.application_id, &g, &c],
        );
        self.rest.send(request, &body).await
    }
}
