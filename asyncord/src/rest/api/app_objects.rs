//! Application-owned objects and the remaining small routes: the application by id, activity
//! instances, attachments, command permissions, role connection metadata, entitlements, SKUs
//! and subscriptions, OAuth2 keys, connections, default soundboard sounds.
//! <https://discord.com/developers/docs/resources/application>,
//! <https://discord.com/developers/docs/resources/entitlement>,
//! <https://discord.com/developers/docs/resources/sku>,
//! <https://discord.com/developers/docs/resources/subscription>.

use asyncord_model::Snowflake;
use asyncord_model::application::{ActivityInstance, Application, RoleConnectionMetadata};
use asyncord_model::command::GuildApplicationCommandPermissions;
use asyncord_model::monetization::{Entitlement, Sku, Subscription};
use asyncord_model::request::{
    CreateTestEntitlement, EditCommandPermissions, FileUpload, ModifyCurrentApplication,
};
use asyncord_model::soundboard::SoundboardSound;
use asyncord_model::user::Connection;
use serde_json::Value;

use super::super::applications::{ApplicationsResource, CommandsResource};
use super::super::auth::AuthResource;
use super::super::base::{file_parts_named, resource};
use super::super::users::UsersResource;
use super::guild_settings::join_ids;
use crate::http::{Body, Method, RestResult};

resource! {
    /// The entitlements of an application (`client.applications.entitlements(app_id)`).
    EntitlementsResource { application_id: Snowflake }
}

impl ApplicationsResource {
    /// The entitlements of the application.
    pub fn entitlements(&self, application_id: impl Into<Snowflake>) -> EntitlementsResource {
        EntitlementsResource {
            rest: self.rest.clone(),
            application_id: application_id.into(),
        }
    }

    /// `GET /applications/{id}`.
    pub async fn get(&self, application_id: impl Into<Snowflake>) -> RestResult<Application> {
        let a = application_id.into();
        self.rest
            .call(self.rest.req(Method::GET, "applications/{}", &[&a]))
            .await
    }

    /// `PATCH /applications/{id}`.
    pub async fn edit(
        &self,
        application_id: impl Into<Snowflake>,
        body: ModifyCurrentApplication,
    ) -> RestResult<Application> {
        let a = application_id.into();
        let request = self.rest.req(Method::PATCH, "applications/{}", &[&a]);
        self.rest.send(request, &body).await
    }

    /// `GET /applications/{id}/activity-instances/{instance_id}`.
    pub async fn activity_instance(
        &self,
        application_id: impl Into<Snowflake>,
        instance_id: &str,
    ) -> RestResult<ActivityInstance> {
        let a = application_id.into();
        let request = self.rest.req(
            Method::GET,
            "applications/{}/activity-instances/{}",
            &[&a, &instance_id],
        );
        self.rest.call(request).await
    }

    /// `POST /applications/{id}/attachment`: uploads a file (multipart part `file`) for use
    /// in activities; returns `{"attachment": {...}}`.
    pub async fn upload_attachment(
        &self,
        application_id: impl Into<Snowflake>,
        file: FileUpload,
    ) -> RestResult<Value> {
        let a = application_id.into();
        let mut request = self
            .rest
            .req(Method::POST, "applications/{}/attachment", &[&a]);
        request.body = Body::Multipart {
            payload_json: None,
            files: file_parts_named(std::slice::from_ref(&file), |_| "file".to_owned()),
            fields: Vec::new(),
        };
        self.rest.call(request).await
    }

    /// `GET /applications/{id}/role-connections/metadata`.
    pub async fn role_connection_metadata(
        &self,
        application_id: impl Into<Snowflake>,
    ) -> RestResult<Vec<RoleConnectionMetadata>> {
        let a = application_id.into();
        let request = self.rest.req(
            Method::GET,
            "applications/{}/role-connections/metadata",
            &[&a],
        );
        self.rest.call(request).await
    }

    /// `PUT /applications/{id}/role-connections/metadata` (≤ 5 records).
    pub async fn set_role_connection_metadata(
        &self,
        application_id: impl Into<Snowflake>,
        records: &[RoleConnectionMetadata],
    ) -> RestResult<Vec<RoleConnectionMetadata>> {
        if records.len() > 5 {
            return Err(super::super::messages::out_of_range(
                "records",
                0,
                5,
                i64::try_from(records.len()).unwrap_or(i64::MAX),
            )
            .into());
        }
        let a = application_id.into();
        let request = self.rest.req(
            Method::PUT,
            "applications/{}/role-connections/metadata",
            &[&a],
        );
        self.rest.send_json(request, records).await
    }

    /// `GET /applications/{id}/skus` (documented, not in the spec).
    pub async fn skus(&self, application_id: impl Into<Snowflake>) -> RestResult<Vec<Sku>> {
        let a = application_id.into();
        self.rest
            .call(self.rest.req(Method::GET, "applications/{}/skus", &[&a]))
            .await
    }

    /// `GET /skus/{sku_id}/subscriptions` (`user_id` required for bots; `before`/`after`,
    /// `limit` 1–100).
    pub async fn sku_subscriptions(
        &self,
        sku_id: impl Into<Snowflake>,
        user_id: Option<Snowflake>,
        limit: Option<u8>,
    ) -> RestResult<Vec<Subscription>> {
        let s = sku_id.into();
        let request = self
            .rest
            .req(Method::GET, "skus/{}/subscriptions", &[&s])
            .query_opt("user_id", user_id)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }

    /// `GET /skus/{sku_id}/subscriptions/{subscription_id}`.
    pub async fn sku_subscription(
        &self,
        sku_id: impl Into<Snowflake>,
        subscription_id: impl Into<Snowflake>,
    ) -> RestResult<Subscription> {
        let (s, id) = (sku_id.into(), subscription_id.into());
        self.rest
            .call(
                self.rest
                    .req(Method::GET, "skus/{}/subscriptions/{}", &[&s, &id]),
            )
            .await
    }

    /// `GET /soundboard-default-sounds`: the sounds every user can play.
    pub async fn default_soundboard_sounds(&self) -> RestResult<Vec<SoundboardSound>> {
        self.rest
            .call(self.rest.req(Method::GET, "soundboard-default-sounds", &[]))
            .await
    }
}

impl CommandsResource {
    fn guild_id_or_err(&self) -> RestResult<Snowflake> {
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
            Method::GET,
            "applications/{}/guilds/{}/commands/permissions",
            &[&self.application_id, &g],
        );
        self.rest.call(request).await
    }

    /// `GET /applications/{id}/guilds/{guild_id}/commands/{command_id}/permissions`.
    pub async fn permissions(
        &self,
        command_id: impl Into<Snowflake>,
    ) -> RestResult<GuildApplicationCommandPermissions> {
        let g = self.guild_id_or_err()?;
        let c = command_id.into();
        let request = self.rest.req(
            Method::GET,
            "applications/{}/guilds/{}/commands/{}/permissions",
            &[&self.application_id, &g, &c],
        );
        self.rest.call(request).await
    }

    /// `PUT /applications/{id}/guilds/{guild_id}/commands/{command_id}/permissions` (needs a
    /// Bearer token with `applications.commands.permissions.update` in Discord).
    pub async fn edit_permissions(
        &self,
        command_id: impl Into<Snowflake>,
        body: EditCommandPermissions,
    ) -> RestResult<GuildApplicationCommandPermissions> {
        let g = self.guild_id_or_err()?;
        let c = command_id.into();
        let request = self.rest.req(
            Method::PUT,
            "applications/{}/guilds/{}/commands/{}/permissions",
            &[&self.application_id, &g, &c],
        );
        self.rest.send(request, &body).await
    }
}

impl EntitlementsResource {
    /// `GET /applications/{id}/entitlements` (filters: `user_id`, `sku_ids`, `guild_id`,
    /// `exclude_ended`, `exclude_deleted`, `before`, `after`, `limit` 1–100).
    pub async fn list(
        &self,
        user_id: Option<Snowflake>,
        sku_ids: &[Snowflake],
        after: Option<Snowflake>,
        limit: Option<u8>,
    ) -> RestResult<Vec<Entitlement>> {
        let request = self
            .rest
            .req(
                Method::GET,
                "applications/{}/entitlements",
                &[&self.application_id],
            )
            .query_opt("user_id", user_id)
            .query_opt("sku_ids", join_ids(sku_ids))
            .query_opt("after", after)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }

    /// `GET /applications/{id}/entitlements/{entitlement_id}`.
    pub async fn get(&self, entitlement_id: impl Into<Snowflake>) -> RestResult<Entitlement> {
        let e = entitlement_id.into();
        let request = self.rest.req(
            Method::GET,
            "applications/{}/entitlements/{}",
            &[&self.application_id, &e],
        );
        self.rest.call(request).await
    }

    /// `POST /applications/{id}/entitlements`: a test entitlement (`sku_id`, `owner_id`,
    /// `owner_type` 1 guild / 2 user).
    pub async fn create_test(&self, body: CreateTestEntitlement) -> RestResult<Entitlement> {
        let request = self.rest.req(
            Method::POST,
            "applications/{}/entitlements",
            &[&self.application_id],
        );
        self.rest.send(request, &body).await
    }

    /// `DELETE /applications/{id}/entitlements/{entitlement_id}` (test entitlements).
    pub async fn delete_test(&self, entitlement_id: impl Into<Snowflake>) -> RestResult<()> {
        let e = entitlement_id.into();
        let request = self.rest.req(
            Method::DELETE,
            "applications/{}/entitlements/{}",
            &[&self.application_id, &e],
        );
        self.rest.call_empty(request).await
    }

    /// `POST /applications/{id}/entitlements/{entitlement_id}/consume`: marks a one-time
    /// purchase as used.
    pub async fn consume(&self, entitlement_id: impl Into<Snowflake>) -> RestResult<()> {
        let e = entitlement_id.into();
        let request = self.rest.req(
            Method::POST,
            "applications/{}/entitlements/{}/consume",
            &[&self.application_id, &e],
        );
        self.rest.call_empty(request).await
    }
}

impl UsersResource {
    /// `GET /users/@me/connections` (needs the `connections` scope with OAuth2).
    pub async fn connections(&self) -> RestResult<Vec<Connection>> {
        self.rest
            .call(self.rest.req(Method::GET, "users/@me/connections", &[]))
            .await
    }
}

impl AuthResource {
    /// `GET /oauth2/keys`: Discord's public JSON Web Key set (`{"keys": [...]}`).
    pub async fn public_keys(&self) -> RestResult<Value> {
        self.rest
            .call(self.rest.req(Method::GET, "oauth2/keys", &[]))
            .await
    }
}
