//! Guild settings and information beyond the core: voice regions and voice states,
//! integrations, prune, widget, onboarding, welcome screen, vanity URL, preview, incident
//! actions, message search, join requests, role member counts and adding a member with an
//! OAuth2 access token. <https://discord.com/developers/docs/resources/guild>,
//! <https://discord.com/developers/docs/resources/voice>.

use asyncord_model::Snowflake;
use asyncord_model::guild::{
    GuildPreview, GuildWidget, GuildWidgetSettings, Integration, Onboarding, PruneResult,
    VanityUrl, WelcomeScreen,
};
use asyncord_model::member::Member;
use asyncord_model::request::{
    ActionJoinRequest, AddGuildMember, BeginGuildPrune, ModifyGuildWidget, ModifyIncidentActions,
    ModifyOnboarding, ModifyVoiceState, ModifyWelcomeScreen, Validate,
};
use asyncord_model::voice::{VoiceRegion, VoiceState};
use bytes::Bytes;
use serde_json::Value;

use super::super::guilds::GuildsResource;
use super::super::members::MembersResource;
use super::guild_objects::invalid_field;
use crate::http::{Method, RestError, RestResult};

impl GuildsResource {
    /// `GET /voice/regions`: every voice region.
    pub async fn all_voice_regions(&self) -> RestResult<Vec<VoiceRegion>> {
        self.rest
            .call(self.rest.req(Method::GET, "voice/regions", &[]))
            .await
    }

    /// `GET /guilds/{id}/regions`: the guild's voice regions.
    pub async fn voice_regions(
        &self,
        guild_id: impl Into<Snowflake>,
    ) -> RestResult<Vec<VoiceRegion>> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(Method::GET, "guilds/{}/regions", &[&g]))
            .await
    }

    /// `GET /guilds/{id}/voice-states/@me`: the bot's voice state.
    pub async fn current_voice_state(
        &self,
        guild_id: impl Into<Snowflake>,
    ) -> RestResult<VoiceState> {
        let g = guild_id.into();
        self.rest
            .call(
                self.rest
                    .req(Method::GET, "guilds/{}/voice-states/@me", &[&g]),
            )
            .await
    }

    /// `GET /guilds/{id}/voice-states/{user_id}`.
    pub async fn voice_state(
        &self,
        guild_id: impl Into<Snowflake>,
        user_id: impl Into<Snowflake>,
    ) -> RestResult<VoiceState> {
        let (g, u) = (guild_id.into(), user_id.into());
        self.rest
            .call(
                self.rest
                    .req(Method::GET, "guilds/{}/voice-states/{}", &[&g, &u]),
            )
            .await
    }

    /// `PATCH /guilds/{id}/voice-states/@me` (`channel_id`, `suppress`,
    /// `request_to_speak_timestamp`); 204.
    pub async fn edit_current_voice_state(
        &self,
        guild_id: impl Into<Snowflake>,
        body: ModifyVoiceState,
    ) -> RestResult<()> {
        let g = guild_id.into();
        let request = self
            .rest
            .req(Method::PATCH, "guilds/{}/voice-states/@me", &[&g]);
        self.rest.send_empty(request, &body).await
    }

    /// `PATCH /guilds/{id}/voice-states/{user_id}` (`channel_id`, `suppress`); 204.
    /// `request_to_speak_timestamp` applies to the current user only and must stay unset.
    pub async fn edit_voice_state(
        &self,
        guild_id: impl Into<Snowflake>,
        user_id: impl Into<Snowflake>,
        body: ModifyVoiceState,
    ) -> RestResult<()> {
        if body.request_to_speak_timestamp.is_some() {
            return Err(invalid_field(
                "request_to_speak_timestamp",
                "only the current user's voice state takes it",
            ));
        }
        let (g, u) = (guild_id.into(), user_id.into());
        let request = self
            .rest
            .req(Method::PATCH, "guilds/{}/voice-states/{}", &[&g, &u]);
        self.rest.send_empty(request, &body).await
    }

    /// `GET /guilds/{id}/integrations`.
    pub async fn integrations(
        &self,
        guild_id: impl Into<Snowflake>,
    ) -> RestResult<Vec<Integration>> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(Method::GET, "guilds/{}/integrations", &[&g]))
            .await
    }

    /// `DELETE /guilds/{id}/integrations/{integration_id}`.
    pub async fn delete_integration(
        &self,
        guild_id: impl Into<Snowflake>,
        integration_id: impl Into<Snowflake>,
    ) -> RestResult<()> {
        let (g, i) = (guild_id.into(), integration_id.into());
        self.rest
            .call_empty(
                self.rest
                    .req(Method::DELETE, "guilds/{}/integrations/{}", &[&g, &i]),
            )
            .await
    }

    /// `GET /guilds/{id}/prune`: how many members a prune of `days` (1–30) inactive days would
    /// remove, optionally counting members with `include_roles` (comma-separated role ids).
    pub async fn prune_count(
        &self,
        guild_id: impl Into<Snowflake>,
        days: Option<u8>,
        include_roles: &[Snowflake],
    ) -> RestResult<PruneResult> {
        check_days(days)?;
        let g = guild_id.into();
        let request = self
            .rest
            .req(Method::GET, "guilds/{}/prune", &[&g])
            .query_opt("days", days)
            .query_opt("include_roles", join_ids(include_roles));
        self.rest.call(request).await
    }

    /// `POST /guilds/{id}/prune` (`days`, `compute_prune_count`, `include_roles`).
    pub async fn prune(
        &self,
        guild_id: impl Into<Snowflake>,
        body: BeginGuildPrune,
    ) -> RestResult<PruneResult> {
        let g = guild_id.into();
        let request = self.rest.req(Method::POST, "guilds/{}/prune", &[&g]);
        self.rest.send(request, &body).await
    }

    /// `GET /guilds/{id}/widget`: the widget settings.
    pub async fn widget_settings(
        &self,
        guild_id: impl Into<Snowflake>,
    ) -> RestResult<GuildWidgetSettings> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(Method::GET, "guilds/{}/widget", &[&g]))
            .await
    }

    /// `PATCH /guilds/{id}/widget` (`enabled`, `channel_id`).
    pub async fn edit_widget(
        &self,
        guild_id: impl Into<Snowflake>,
        body: ModifyGuildWidget,
    ) -> RestResult<GuildWidgetSettings> {
        let g = guild_id.into();
        let request = self.rest.req(Method::PATCH, "guilds/{}/widget", &[&g]);
        self.rest.send(request, &body).await
    }

    /// `GET /guilds/{id}/widget.json`: the public widget.
    pub async fn widget(&self, guild_id: impl Into<Snowflake>) -> RestResult<GuildWidget> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(Method::GET, "guilds/{}/widget.json", &[&g]))
            .await
    }

    /// `GET /guilds/{id}/widget.png`: the widget image (`style`: `shield`, `banner1`...`banner4`).
    pub async fn widget_image(
        &self,
        guild_id: impl Into<Snowflake>,
        style: Option<&str>,
    ) -> RestResult<Bytes> {
        let g = guild_id.into();
        let request = self
            .rest
            .req(Method::GET, "guilds/{}/widget.png", &[&g])
            .query_opt("style", style);
        self.rest.http.execute(request).await
    }

    /// `GET /guilds/{id}/onboarding`.
    pub async fn onboarding(&self, guild_id: impl Into<Snowflake>) -> RestResult<Onboarding> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(Method::GET, "guilds/{}/onboarding", &[&g]))
            .await
    }

    /// `PUT /guilds/{id}/onboarding` (`prompts`, `default_channel_ids`, `enabled`, `mode`).
    pub async fn edit_onboarding(
        &self,
        guild_id: impl Into<Snowflake>,
        body: ModifyOnboarding,
    ) -> RestResult<Onboarding> {
        let g = guild_id.into();
        let request = self.rest.req(Method::PUT, "guilds/{}/onboarding", &[&g]);
        self.rest.send(request, &body).await
    }

    /// `GET /guilds/{id}/welcome-screen`.
    pub async fn welcome_screen(
        &self,
        guild_id: impl Into<Snowflake>,
    ) -> RestResult<WelcomeScreen> {
        let g = guild_id.into();
        self.rest
            .call(
                self.rest
                    .req(Method::GET, "guilds/{}/welcome-screen", &[&g]),
            )
            .await
    }

    /// `PATCH /guilds/{id}/welcome-screen` (`enabled`, `welcome_channels`, `description`).
    pub async fn edit_welcome_screen(
        &self,
        guild_id: impl Into<Snowflake>,
        body: ModifyWelcomeScreen,
    ) -> RestResult<WelcomeScreen> {
        let g = guild_id.into();
        let request = self
            .rest
            .req(Method::PATCH, "guilds/{}/welcome-screen", &[&g]);
        self.rest.send(request, &body).await
    }

    /// `GET /guilds/{id}/new-member-welcome`: the new member welcome settings (not
    /// documented in the docs; shape as the spec declares it).
    pub async fn new_member_welcome(&self, guild_id: impl Into<Snowflake>) -> RestResult<Value> {
        let g = guild_id.into();
        self.rest
            .call(
                self.rest
                    .req(Method::GET, "guilds/{}/new-member-welcome", &[&g]),
            )
            .await
    }

    /// `GET /guilds/{id}/vanity-url`.
    pub async fn vanity_url(&self, guild_id: impl Into<Snowflake>) -> RestResult<VanityUrl> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(Method::GET, "guilds/{}/vanity-url", &[&g]))
            .await
    }

    /// `GET /guilds/{id}/preview`.
    pub async fn preview(&self, guild_id: impl Into<Snowflake>) -> RestResult<GuildPreview> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(Method::GET, "guilds/{}/preview", &[&g]))
            .await
    }

    /// `PUT /guilds/{id}/incident-actions` (`invites_disabled_until`, `dms_disabled_until`).
    pub async fn edit_incident_actions(
        &self,
        guild_id: impl Into<Snowflake>,
        body: ModifyIncidentActions,
    ) -> RestResult<Value> {
        let g = guild_id.into();
        let request = self
            .rest
            .req(Method::PUT, "guilds/{}/incident-actions", &[&g]);
        self.rest.send(request, &body).await
    }

    /// `GET /guilds/{id}/messages/search`: searches the guild's messages (`content`,
    /// `author_id`, `channel_id`, `limit` 1–25...: pass the query pairs).
    pub async fn search_messages(
        &self,
        guild_id: impl Into<Snowflake>,
        query: &[(&'static str, String)],
    ) -> RestResult<Value> {
        let g = guild_id.into();
        let mut request = self
            .rest
            .req(Method::GET, "guilds/{}/messages/search", &[&g]);
        for (name, value) in query {
            request = request.query(name, value);
        }
        self.rest.call(request).await
    }

    /// `GET /guilds/{id}/requests`: membership join requests (`status`, `limit`, `before`,
    /// `after`).
    pub async fn join_requests(
        &self,
        guild_id: impl Into<Snowflake>,
        status: Option<&str>,
        limit: Option<u16>,
    ) -> RestResult<Value> {
        let g = guild_id.into();
        let request = self
            .rest
            .req(Method::GET, "guilds/{}/requests", &[&g])
            .query_opt("status", status)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }

    /// `PATCH /guilds/{id}/requests/{request_id}`: approves or rejects a join request
    /// (`action`: `APPROVED`/`REJECTED`, `rejection_reason`).
    pub async fn action_join_request(
        &self,
        guild_id: impl Into<Snowflake>,
        request_id: impl Into<Snowflake>,
        body: ActionJoinRequest,
    ) -> RestResult<Value> {
        let (g, r) = (guild_id.into(), request_id.into());
        let request = self
            .rest
            .req(Method::PATCH, "guilds/{}/requests/{}", &[&g, &r]);
        self.rest.send(request, &body).await
    }

    /// `GET /guilds/{id}/roles/member-counts`: members per role id.
    pub async fn role_member_counts(
        &self,
        guild_id: impl Into<Snowflake>,
    ) -> RestResult<std::collections::BTreeMap<Snowflake, u64>> {
        let g = guild_id.into();
        self.rest
            .call(
                self.rest
                    .req(Method::GET, "guilds/{}/roles/member-counts", &[&g]),
            )
            .await
    }
}

impl MembersResource {
    /// `PUT /guilds/{id}/members/{user_id}`: adds a user with an OAuth2 access token
    /// (`guilds.join` scope). `None` when the user already was a member (204).
    pub async fn add(
        &self,
        user_id: impl Into<Snowflake>,
        body: AddGuildMember,
    ) -> RestResult<Option<Member>> {
        let u = user_id.into();
        body.validate()?;
        let request = self
            .rest
            .req(Method::PUT, "guilds/{}/members/{}", &[&self.guild_id, &u])
            .json(&body)?;
        let path = request.route.log_path().to_owned();
        let bytes = self.rest.http.execute(request).await?;
        if bytes.is_empty() {
            return Ok(None);
        }
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|source| RestError::Decode {
                method: "PUT".to_owned(),
                path,
                source,
                snippet: String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).into_owned(),
            })
    }
}

fn check_days(days: Option<u8>) -> RestResult<()> {
    match days {
        Some(d) if !(1..=30).contains(&d) => {
            Err(super::super::messages::out_of_range("days", 1, 30, i64::from(d)).into())
        }
        _ => Ok(()),
    }
}

/// Ids joined with commas, `None` for none.
pub(crate) fn join_ids(ids: &[Snowflake]) -> Option<String> {
    (!ids.is_empty()).then(|| {
        ids.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(",")
    })
}
