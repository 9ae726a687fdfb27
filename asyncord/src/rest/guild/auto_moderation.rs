//! `client.guilds.auto_moderation(guild_id)`: a guild's auto moderation rules.
//! <https://discord.com/developers/docs/resources/auto-moderation>

use asyncord_model::auto_moderation::AutoModerationRule;
use asyncord_model::request::{CreateAutoModerationRule, ModifyAutoModerationRule};
use asyncord_model::route;
use asyncord_model::{AutoModerationRuleId, GuildId};

use super::GuildsResource;
use crate::http::RestResult;
use crate::rest::base::resource;

impl GuildsResource {
    /// The guild's auto moderation rules.
    pub fn auto_moderation(&self, guild_id: impl Into<GuildId>) -> AutoModerationResource {
        AutoModerationResource {
            rest: self.rest.clone(),
            guild_id: guild_id.into(),
        }
    }
}

resource! {
    /// The auto moderation rules of one guild (`client.guilds.auto_moderation(guild_id)`).
    AutoModerationResource { guild_id: GuildId }
}

impl AutoModerationResource {
    /// `GET /guilds/{id}/auto-moderation/rules`.
    pub async fn list(&self) -> RestResult<Vec<AutoModerationRule>> {
        let request = self.rest.req(
            &route::LIST_AUTO_MODERATION_RULES_FOR_GUILD,
            [&self.guild_id],
        );
        self.rest.call(request).await
    }

    /// `GET /guilds/{id}/auto-moderation/rules/{rule_id}`.
    pub async fn get(
        &self,
        rule_id: impl Into<AutoModerationRuleId>,
    ) -> RestResult<AutoModerationRule> {
        let r = rule_id.into();
        let request = self
            .rest
            .req(&route::GET_AUTO_MODERATION_RULE, [&self.guild_id, &r]);
        self.rest.call(request).await
    }

    /// `POST /guilds/{id}/auto-moderation/rules`.
    pub async fn create(&self, body: CreateAutoModerationRule) -> RestResult<AutoModerationRule> {
        let request = self
            .rest
            .req(&route::CREATE_AUTO_MODERATION_RULE, [&self.guild_id]);
        self.rest.send(request, &body).await
    }

    /// `PATCH /guilds/{id}/auto-moderation/rules/{rule_id}`.
    pub async fn edit(
        &self,
        rule_id: impl Into<AutoModerationRuleId>,
        body: ModifyAutoModerationRule,
    ) -> RestResult<AutoModerationRule> {
        let r = rule_id.into();
        let request = self
            .rest
            .req(&route::MODIFY_AUTO_MODERATION_RULE, [&self.guild_id, &r]);
        self.rest.send(request, &body).await
    }

    /// `DELETE /guilds/{id}/auto-moderation/rules/{rule_id}`.
    pub async fn delete(&self, rule_id: impl Into<AutoModerationRuleId>) -> RestResult<()> {
        let r = rule_id.into();
        let request = self
            .rest
            .req(&route::DELETE_AUTO_MODERATION_RULE, [&self.guild_id, &r]);
        self.rest.call_empty(request).await
    }
}
