//! Guild-owned objects beyond the core: emojis (guild and application), scheduled events, auto
//! moderation rules, the audit log and templates (soundboard sounds: `soundboard.rs`).
//! <https://discord.com/developers/docs/resources/emoji>,
//! <https://discord.com/developers/docs/resources/guild-scheduled-event>,
//! <https://discord.com/developers/docs/resources/auto-moderation>,
//! <https://discord.com/developers/docs/resources/audit-log>,
//! <https://discord.com/developers/docs/resources/guild-template>,
//! <https://discord.com/developers/docs/resources/soundboard>.

use asyncord_model::Snowflake;
use asyncord_model::audit_log::AuditLog;
use asyncord_model::auto_moderation::AutoModerationRule;
use asyncord_model::emoji::{ApplicationEmojis, Emoji};
use asyncord_model::guild::GuildTemplate;
use asyncord_model::request::{
    CreateAutoModerationRule, CreateEmoji, CreateScheduledEvent, CreateScheduledEventException,
    GuildTemplateBody, ModifyApplicationEmoji, ModifyAutoModerationRule, ModifyEmoji,
    ModifyScheduledEvent, ModifyScheduledEventException, ValidationError, ValidationErrorKind,
};
use asyncord_model::scheduled_event::{GuildScheduledEvent, GuildScheduledEventUser};
use serde::Deserialize;

use super::super::applications::ApplicationsResource;
use super::super::base::resource;
use super::super::guilds::GuildsResource;
use super::super::messages::out_of_range;
use super::soundboard::SoundboardResource;
use crate::http::{Method, RestError, RestResult};

fn check_limit(limit: Option<u16>, max: u16) -> RestResult<()> {
    match limit {
        Some(l) if l == 0 || l > max => {
            Err(out_of_range("limit", 1, i64::from(max), i64::from(l)).into())
        }
        _ => Ok(()),
    }
}

/// A body field this route does not take, or a field it requires, as a validation error.
pub(crate) fn invalid_field(path: &str, reason: &str) -> RestError {
    ValidationError {
        path: path.to_owned(),
        kind: ValidationErrorKind::Invalid {
            reason: reason.to_owned(),
        },
    }
    .into()
}

resource! {
    /// The custom emojis of one guild (`client.guilds.emojis(guild_id)`).
    GuildEmojisResource { guild_id: Snowflake }
}

resource! {
    /// The emojis owned by an application (`client.applications.emojis(app_id)`).
    ApplicationEmojisResource { application_id: Snowflake }
}

resource! {
    /// The scheduled events of one guild (`client.guilds.scheduled_events(guild_id)`).
    ScheduledEventsResource { guild_id: Snowflake }
}

resource! {
    /// The auto moderation rules of one guild (`client.guilds.auto_moderation(guild_id)`).
    AutoModerationResource { guild_id: Snowflake }
}

resource! {
    /// The templates of one guild (`client.guilds.templates(guild_id)`).
    TemplatesResource { guild_id: Snowflake }
}

impl GuildsResource {
    /// The guild's custom emojis.
    pub fn emojis(&self, guild_id: impl Into<Snowflake>) -> GuildEmojisResource {
        GuildEmojisResource {
            rest: self.rest.clone(),
            guild_id: guild_id.into(),
        }
    }

    /// The guild's scheduled events.
    pub fn scheduled_events(&self, guild_id: impl Into<Snowflake>) -> ScheduledEventsResource {
        ScheduledEventsResource {
            rest: self.rest.clone(),
            guild_id: guild_id.into(),
        }
    }

    /// The guild's auto moderation rules.
    pub fn auto_moderation(&self, guild_id: impl Into<Snowflake>) -> AutoModerationResource {
        AutoModerationResource {
            rest: self.rest.clone(),
            guild_id: guild_id.into(),
        }
    }

    /// The guild's templates.
    pub fn templates(&self, guild_id: impl Into<Snowflake>) -> TemplatesResource {
        TemplatesResource {
            rest: self.rest.clone(),
            guild_id: guild_id.into(),
        }
    }

    /// The guild's soundboard sounds.
    pub fn soundboard(&self, guild_id: impl Into<Snowflake>) -> SoundboardResource {
        SoundboardResource {
            rest: self.rest.clone(),
            guild_id: guild_id.into(),
        }
    }

    /// `GET /guilds/templates/{code}`: a template by its code.
    pub async fn template(&self, code: &str) -> RestResult<GuildTemplate> {
        let request = self.rest.req(Method::GET, "guilds/templates/{}", &[&code]);
        self.rest.call(request).await
    }

    /// `GET /guilds/{id}/audit-logs`: one page of the audit log.
    pub async fn audit_log(
        &self,
        guild_id: impl Into<Snowflake>,
        user_id: Option<Snowflake>,
        action_type: Option<u32>,
        before: Option<Snowflake>,
        after: Option<Snowflake>,
        limit: Option<u16>,
    ) -> RestResult<AuditLog> {
        check_limit(limit, 100)?;
        let g = guild_id.into();
        let request = self
            .rest
            .req(Method::GET, "guilds/{}/audit-logs", &[&g])
            .query_opt("user_id", user_id)
            .query_opt("action_type", action_type)
            .query_opt("before", before)
            .query_opt("after", after)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }
}

impl GuildEmojisResource {
    /// `GET /guilds/{id}/emojis`.
    pub async fn list(&self) -> RestResult<Vec<Emoji>> {
        let request = self
            .rest
            .req(Method::GET, "guilds/{}/emojis", &[&self.guild_id]);
        self.rest.call(request).await
    }

    /// `GET /guilds/{id}/emojis/{emoji_id}`.
    pub async fn get(&self, emoji_id: impl Into<Snowflake>) -> RestResult<Emoji> {
        let e = emoji_id.into();
        let request = self
            .rest
            .req(Method::GET, "guilds/{}/emojis/{}", &[&self.guild_id, &e]);
        self.rest.call(request).await
    }

    /// `POST /guilds/{id}/emojis` (name, image data URI, roles).
    pub async fn create(&self, body: CreateEmoji) -> RestResult<Emoji> {
        let request = self
            .rest
            .req(Method::POST, "guilds/{}/emojis", &[&self.guild_id]);
        self.rest.send(request, &body).await
    }

    /// `PATCH /guilds/{id}/emojis/{emoji_id}` (name, roles).
    pub async fn edit(
        &self,
        emoji_id: impl Into<Snowflake>,
        body: ModifyEmoji,
    ) -> RestResult<Emoji> {
        let e = emoji_id.into();
        let request = self
            .rest
            .req(Method::PATCH, "guilds/{}/emojis/{}", &[&self.guild_id, &e]);
        self.rest.send(request, &body).await
    }

    /// `DELETE /guilds/{id}/emojis/{emoji_id}`.
    pub async fn delete(&self, emoji_id: impl Into<Snowflake>) -> RestResult<()> {
        let e = emoji_id.into();
        let request = self
            .rest
            .req(Method::DELETE, "guilds/{}/emojis/{}", &[&self.guild_id, &e]);
        self.rest.call_empty(request).await
    }
}

impl ApplicationsResource {
    /// The emojis owned by the application.
    pub fn emojis(&self, application_id: impl Into<Snowflake>) -> ApplicationEmojisResource {
        ApplicationEmojisResource {
            rest: self.rest.clone(),
            application_id: application_id.into(),
        }
    }
}

impl ApplicationEmojisResource {
    /// `GET /applications/{id}/emojis`.
    pub async fn list(&self) -> RestResult<ApplicationEmojis> {
        let request = self.rest.req(
            Method::GET,
            "applications/{}/emojis",
            &[&self.application_id],
        );
        self.rest.call(request).await
    }

    /// `GET /applications/{id}/emojis/{emoji_id}`.
    pub async fn get(&self, emoji_id: impl Into<Snowflake>) -> RestResult<Emoji> {
        let e = emoji_id.into();
        let request = self.rest.req(
            Method::GET,
            "applications/{}/emojis/{}",
            &[&self.application_id, &e],
        );
        self.rest.call(request).await
    }

    /// `POST /applications/{id}/emojis` (name, image data URI; `roles` must stay empty).
    pub async fn create(&self, body: CreateEmoji) -> RestResult<Emoji> {
        if !body.roles.is_empty() {
            return Err(invalid_field("roles", "application emojis have no roles"));
        }
        let request = self.rest.req(
            Method::POST,
            "applications/{}/emojis",
            &[&self.application_id],
        );
        self.rest.send(request, &body).await
    }

    /// `PATCH /applications/{id}/emojis/{emoji_id}` (name).
    pub async fn edit(
        &self,
        emoji_id: impl Into<Snowflake>,
        body: ModifyApplicationEmoji,
    ) -> RestResult<Emoji> {
        let e = emoji_id.into();
        let request = self.rest.req(
            Method::PATCH,
            "applications/{}/emojis/{}",
            &[&self.application_id, &e],
        );
        self.rest.send(request, &body).await
    }

    /// `DELETE /applications/{id}/emojis/{emoji_id}`.
    pub async fn delete(&self, emoji_id: impl Into<Snowflake>) -> RestResult<()> {
        let e = emoji_id.into();
        let request = self.rest.req(
            Method::DELETE,
            "applications/{}/emojis/{}",
            &[&self.application_id, &e],
        );
        self.rest.call_empty(request).await
    }
}

/// The page of an event's interested users: `(before, after, limit 1–100, with_member)`;
/// `before`/`after` are user ids.
pub type EventUsersPage = (Option<Snowflake>, Option<Snowflake>, Option<u16>, bool);

/// The interested users of an event with their count (`users/counts`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct ScheduledEventUserCounts {
    /// Users interested in the event.
    #[serde(default)]
    pub guild_scheduled_event_count: u64,
    /// Users interested per exception id.
    #[serde(default)]
    pub guild_scheduled_event_exception_counts: std::collections::BTreeMap<String, u64>,
}

impl ScheduledEventsResource {
    /// `GET /guilds/{id}/scheduled-events` (`with_user_count` adds `user_count`).
    pub async fn list(&self, with_user_count: bool) -> RestResult<Vec<GuildScheduledEvent>> {
        let request = self
            .rest
            .req(Method::GET, "guilds/{}/scheduled-events", &[&self.guild_id])
            .query_opt("with_user_count", with_user_count.then_some(true));
        self.rest.call(request).await
    }

    /// `GET /guilds/{id}/scheduled-events/{event_id}`.
    pub async fn get(
        &self,
        event_id: impl Into<Snowflake>,
        with_user_count: bool,
    ) -> RestResult<GuildScheduledEvent> {
        let e = event_id.into();
        let request = self
            .rest
            .req(
                Method::GET,
                "guilds/{}/scheduled-events/{}",
                &[&self.guild_id, &e],
            )
            .query_opt("with_user_count", with_user_count.then_some(true));
        self.rest.call(request).await
    }

    /// `POST /guilds/{id}/scheduled-events`.
    pub async fn create(&self, body: CreateScheduledEvent) -> RestResult<GuildScheduledEvent> {
        let request = self.rest.req(
            Method::POST,
            "guilds/{}/scheduled-events",
            &[&self.guild_id],
        );
        self.rest.send(request, &body).await
    }

    /// `PATCH /guilds/{id}/scheduled-events/{event_id}`.
    pub async fn edit(
        &self,
        event_id: impl Into<Snowflake>,
        body: ModifyScheduledEvent,
    ) -> RestResult<GuildScheduledEvent> {
        let e = event_id.into();
        let request = self.rest.req(
            Method::PATCH,
            "guilds/{}/scheduled-events/{}",
            &[&self.guild_id, &e],
        );
        self.rest.send(request, &body).await
    }

    /// `DELETE /guilds/{id}/scheduled-events/{event_id}`.
    pub async fn delete(&self, event_id: impl Into<Snowflake>) -> RestResult<()> {
        let e = event_id.into();
        let request = self.rest.req(
            Method::DELETE,
            "guilds/{}/scheduled-events/{}",
            &[&self.guild_id, &e],
        );
        self.rest.call_empty(request).await
    }

    /// `GET /guilds/{id}/scheduled-events/{event_id}/users`, one [`EventUsersPage`].
    pub async fn users(
        &self,
        event_id: impl Into<Snowflake>,
        page: EventUsersPage,
    ) -> RestResult<Vec<GuildScheduledEventUser>> {
        check_limit(page.2, 100)?;
        let e = event_id.into();
        let request = self
            .rest
            .req(
                Method::GET,
                "guilds/{}/scheduled-events/{}/users",
                &[&self.guild_id, &e],
            )
            .query_opt("limit", page.2)
            .query_opt("with_member", page.3.then_some(true))
            .query_opt("before", page.0)
            .query_opt("after", page.1);
        self.rest.call(request).await
    }

    /// `GET /guilds/{id}/scheduled-events/{event_id}/users/counts`.
    pub async fn user_counts(
        &self,
        event_id: impl Into<Snowflake>,
    ) -> RestResult<ScheduledEventUserCounts> {
        let e = event_id.into();
        let request = self.rest.req(
            Method::GET,
            "guilds/{}/scheduled-events/{}/users/counts",
            &[&self.guild_id, &e],
        );
        self.rest.call(request).await
    }

    /// `GET /guilds/{id}/scheduled-events/{event_id}/{exception_id}/users`: users interested
    /// in one occurrence of a recurring event.
    pub async fn exception_users(
        &self,
        event_id: impl Into<Snowflake>,
        exception_id: impl Into<Snowflake>,
        page: EventUsersPage,
    ) -> RestResult<Vec<GuildScheduledEventUser>> {
        check_limit(page.2, 100)?;
        let (e, x) = (event_id.into(), exception_id.into());
        let request = self
            .rest
            .req(
                Method::GET,
                "guilds/{}/scheduled-events/{}/{}/users",
                &[&self.guild_id, &e, &x],
            )
            .query_opt("limit", page.2)
            .query_opt("with_member", page.3.then_some(true))
            .query_opt("before", page.0)
            .query_opt("after", page.1);
        self.rest.call(request).await
    }

    /// `POST /guilds/{id}/scheduled-events/{event_id}/exceptions`: changes or cancels one
    /// occurrence of a recurring event.
    pub async fn create_exception(
        &self,
        event_id: impl Into<Snowflake>,
        body: CreateScheduledEventException,
    ) -> RestResult<serde_json::Value> {
        let e = event_id.into();
        let request = self.rest.req(
            Method::POST,
            "guilds/{}/scheduled-events/{}/exceptions",
            &[&self.guild_id, &e],
        );
        self.rest.send(request, &body).await
    }

    /// `PATCH /guilds/{id}/scheduled-events/{event_id}/exceptions/{exception_id}`.
    pub async fn edit_exception(
        &self,
        event_id: impl Into<Snowflake>,
        exception_id: impl Into<Snowflake>,
        body: ModifyScheduledEventException,
    ) -> RestResult<serde_json::Value> {
        let (e, x) = (event_id.into(), exception_id.into());
        let request = self.rest.req(
            Method::PATCH,
            "guilds/{}/scheduled-events/{}/exceptions/{}",
            &[&self.guild_id, &e, &x],
        );
        self.rest.send(request, &body).await
    }

    /// `DELETE /guilds/{id}/scheduled-events/{event_id}/exceptions/{exception_id}`.
    pub async fn delete_exception(
        &self,
        event_id: impl Into<Snowflake>,
        exception_id: impl Into<Snowflake>,
    ) -> RestResult<()> {
        let (e, x) = (event_id.into(), exception_id.into());
        let request = self.rest.req(
            Method::DELETE,
            "guilds/{}/scheduled-events/{}/exceptions/{}",
            &[&self.guild_id, &e, &x],
        );
        self.rest.call_empty(request).await
    }
}

impl AutoModerationResource {
    /// `GET /guilds/{id}/auto-moderation/rules`.
    pub async fn list(&self) -> RestResult<Vec<AutoModerationRule>> {
        let request = self.rest.req(
            Method::GET,
            "guilds/{}/auto-moderation/rules",
            &[&self.guild_id],
        );
        self.rest.call(request).await
    }

    /// `GET /guilds/{id}/auto-moderation/rules/{rule_id}`.
    pub async fn get(&self, rule_id: impl Into<Snowflake>) -> RestResult<AutoModerationRule> {
        let r = rule_id.into();
        let request = self.rest.req(
            Method::GET,
            "guilds/{}/auto-moderation/rules/{}",
            &[&self.guild_id, &r],
        );
        self.rest.call(request).await
    }

    /// `POST /guilds/{id}/auto-moderation/rules`.
    pub async fn create(&self, body: CreateAutoModerationRule) -> RestResult<AutoModerationRule> {
        let request = self.rest.req(
            Method::POST,
            "guilds/{}/auto-moderation/rules",
            &[&self.guild_id],
        );
        self.rest.send(request, &body).await
    }

    /// `PATCH /guilds/{id}/auto-moderation/rules/{rule_id}`.
    pub async fn edit(
        &self,
        rule_id: impl Into<Snowflake>,
        body: ModifyAutoModerationRule,
    ) -> RestResult<AutoModerationRule> {
        let r = rule_id.into();
        let request = self.rest.req(
            Method::PATCH,
            "guilds/{}/auto-moderation/rules/{}",
            &[&self.guild_id, &r],
        );
        self.rest.send(request, &body).await
    }

    /// `DELETE /guilds/{id}/auto-moderation/rules/{rule_id}`.
    pub async fn delete(&self, rule_id: impl Into<Snowflake>) -> RestResult<()> {
        let r = rule_id.into();
        let request = self.rest.req(
            Method::DELETE,
            "guilds/{}/auto-moderation/rules/{}",
            &[&self.guild_id, &r],
        );
        self.rest.call_empty(request).await
    }
}

impl TemplatesResource {
    /// `GET /guilds/{id}/templates`.
    pub async fn list(&self) -> RestResult<Vec<GuildTemplate>> {
        let request = self
            .rest
            .req(Method::GET, "guilds/{}/templates", &[&self.guild_id]);
        self.rest.call(request).await
    }

    /// `POST /guilds/{id}/templates` (name required, description).
    pub async fn create(&self, body: GuildTemplateBody) -> RestResult<GuildTemplate> {
        if body.name.is_none() {
            return Err(invalid_field("name", "a new template needs a name"));
        }
        let request = self
            .rest
            .req(Method::POST, "guilds/{}/templates", &[&self.guild_id]);
        self.rest.send(request, &body).await
    }

    /// `PUT /guilds/{id}/templates/{code}`: syncs the template with the guild.
    pub async fn sync(&self, code: &str) -> RestResult<GuildTemplate> {
        let request = self.rest.req(
            Method::PUT,
            "guilds/{}/templates/{}",
            &[&self.guild_id, &code],
        );
        self.rest.call(request).await
    }

    /// `PATCH /guilds/{id}/templates/{code}`.
    pub async fn edit(&self, code: &str, body: GuildTemplateBody) -> RestResult<GuildTemplate> {
        let request = self.rest.req(
            Method::PATCH,
            "guilds/{}/templates/{}",
            &[&self.guild_id, &code],
        );
        self.rest.send(request, &body).await
    }

    /// `DELETE /guilds/{id}/templates/{code}`; returns the deleted template.
    pub async fn delete(&self, code: &str) -> RestResult<GuildTemplate> {
        let request = self.rest.req(
            Method::DELETE,
            "guilds/{}/templates/{}",
            &[&self.guild_id, &code],
        );
        self.rest.call(request).await
    }
}
