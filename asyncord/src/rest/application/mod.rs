//! `client.applications`: the application resource. This file holds the handle and the
//! application's own routes (the current application, an application by id, activity instances,
//! attachments, the default soundboard sounds); each other part has its own file here: commands,
//! emojis, entitlements, role connection metadata, SKUs and subscriptions.
//! <https://discord.com/developers/docs/resources/application>

pub(super) mod commands;
pub(super) mod emojis;
pub(super) mod entitlements;
mod role_connections;
mod skus;

use asyncord_model::ApplicationId;
use asyncord_model::application::{ActivityInstance, Application};
use asyncord_model::request::{FileUpload, ModifyCurrentApplication};
use asyncord_model::route;
use asyncord_model::soundboard::SoundboardSound;
use serde_json::Value;

use super::base::{Rest, file_part, resource};
use crate::http::{RestResult, Segment};

resource! {
    /// Applications (`client.applications`).
    ApplicationsResource {}
}

impl ApplicationsResource {
    pub(crate) fn new(rest: Rest) -> Self {
        Self { rest }
    }

    /// `GET /applications/@me`.
    pub async fn me(&self) -> RestResult<Application> {
        self.rest
            .call(self.rest.req(&route::GET_CURRENT_APPLICATION, []))
            .await
    }

    /// `PATCH /applications/@me`.
    pub async fn edit_me(&self, body: ModifyCurrentApplication) -> RestResult<Application> {
        self.rest
            .send(self.rest.req(&route::EDIT_CURRENT_APPLICATION, []), &body)
            .await
    }

    /// `GET /applications/{id}`.
    pub async fn get(&self, application_id: impl Into<ApplicationId>) -> RestResult<Application> {
        let a = application_id.into();
        self.rest
            .call(self.rest.req(&route::GET_APPLICATION, [&a]))
            .await
    }

    /// `PATCH /applications/{id}`.
    pub async fn edit(
        &self,
        application_id: impl Into<ApplicationId>,
        body: ModifyCurrentApplication,
    ) -> RestResult<Application> {
        let a = application_id.into();
        let request = self.rest.req(&route::EDIT_APPLICATION, [&a]);
        self.rest.send(request, &body).await
    }

    /// `GET /applications/{id}/activity-instances/{instance_id}`.
    pub async fn activity_instance(
        &self,
        application_id: impl Into<ApplicationId>,
        instance_id: &str,
    ) -> RestResult<ActivityInstance> {
        let a = application_id.into();
        let request = self.rest.req(
            &route::GET_APPLICATION_ACTIVITY_INSTANCE,
            [&a, &Segment::new("instance_id", instance_id)?],
        );
        self.rest.call(request).await
    }

    /// `POST /applications/{id}/attachment`: uploads a file (multipart part `file`) for use
    /// in activities; returns `{"attachment": {...}}`.
    pub async fn upload_attachment(
        &self,
        application_id: impl Into<ApplicationId>,
        file: FileUpload,
    ) -> RestResult<Value> {
        let a = application_id.into();
        let request = self
            .rest
            .req(&route::UPLOAD_APPLICATION_ATTACHMENT, [&a])
            .multipart(vec![file_part("file", &file)?], Vec::new());
        self.rest.call(request).await
    }

    /// `GET /soundboard-default-sounds`: the sounds every user can play.
    pub async fn default_soundboard_sounds(&self) -> RestResult<Vec<SoundboardSound>> {
        self.rest
            .call(self.rest.req(&route::LIST_DEFAULT_SOUNDBOARD_SOUNDS, []))
            .await
    }
}
