//! Guild templates: a template by its code (`client.guilds.template(code)`) and a guild's own
//! templates (`client.guilds.templates(guild_id)`).
//! <https://discord.com/developers/docs/resources/guild-template>

use asyncord_model::GuildId;
use asyncord_model::guild::GuildTemplate;
use asyncord_model::request::GuildTemplateBody;
use asyncord_model::route;

use super::GuildsResource;
use crate::http::{RestResult, Segment};
use crate::rest::base::resource;
use crate::rest::checks;

impl GuildsResource {
    /// The guild's templates.
    pub fn templates(&self, guild_id: impl Into<GuildId>) -> TemplatesResource {
        TemplatesResource {
            rest: self.rest.clone(),
            guild_id: guild_id.into(),
        }
    }

    /// `GET /guilds/templates/{code}`: a template by its code.
    pub async fn template(&self, code: &str) -> RestResult<GuildTemplate> {
        let request = self
            .rest
            .req(&route::GET_GUILD_TEMPLATE, [&Segment::new("code", code)?]);
        self.rest.call(request).await
    }
}

resource! {
    /// The templates of one guild (`client.guilds.templates(guild_id)`).
    TemplatesResource { guild_id: GuildId }
}

impl TemplatesResource {
    /// `GET /guilds/{id}/templates`.
    pub async fn list(&self) -> RestResult<Vec<GuildTemplate>> {
        let request = self.rest.req(&route::GET_GUILD_TEMPLATES, [&self.guild_id]);
        self.rest.call(request).await
    }

    /// `POST /guilds/{id}/templates` (name required, description).
    pub async fn create(&self, body: GuildTemplateBody) -> RestResult<GuildTemplate> {
        if body.name.is_none() {
            return Err(checks::invalid_field("name", "a new template needs a name"));
        }
        let request = self
            .rest
            .req(&route::CREATE_GUILD_TEMPLATE, [&self.guild_id]);
        self.rest.send(request, &body).await
    }

    /// `PUT /guilds/{id}/templates/{code}`: syncs the template with the guild.
    pub async fn sync(&self, code: &str) -> RestResult<GuildTemplate> {
        let request = self.rest.req(
            &route::SYNC_GUILD_TEMPLATE,
            [&self.guild_id, &Segment::new("code", code)?],
        );
        self.rest.call(request).await
    }

    /// `PATCH /guilds/{id}/templates/{code}`.
    pub async fn edit(&self, code: &str, body: GuildTemplateBody) -> RestResult<GuildTemplate> {
        let request = self.rest.req(
            &route::MODIFY_GUILD_TEMPLATE,
            [&self.guild_id, &Segment::new("code", code)?],
        );
        self.rest.send(request, &body).await
    }

    /// `DELETE /guilds/{id}/templates/{code}`; returns the deleted template.
    pub async fn delete(&self, code: &str) -> RestResult<GuildTemplate> {
        let request = self.rest.req(
            &route::DELETE_GUILD_TEMPLATE,
            [&self.guild_id, &Segment::new("code", code)?],
        );
        self.rest.call(request).await
    }
}
