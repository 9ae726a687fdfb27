//! `client.stage_instances`: create, get, modify, delete.
//! <https://discord.com/developers/docs/resources/stage-instance>

use asyncord_model::ChannelId;
use asyncord_model::stage_instance::StageInstance;

use asyncord_model::request::{CreateStageInstance, ModifyStageInstance};
use asyncord_model::route;

use super::base::{Rest, resource};
use crate::http::RestResult;

resource! {
    /// Stage instances (`client.stage_instances`).
    StageInstancesResource {}
}

impl StageInstancesResource {
    pub(crate) fn new(rest: Rest) -> Self {
        Self { rest }
    }

    /// `POST /stage-instances`.
    pub async fn create(&self, body: CreateStageInstance) -> RestResult<StageInstance> {
        self.rest
            .send(self.rest.req(&route::CREATE_STAGE_INSTANCE, []), &body)
            .await
    }

    /// `GET /stage-instances/{channel_id}`.
    pub async fn get(&self, channel_id: impl Into<ChannelId>) -> RestResult<StageInstance> {
        let c = channel_id.into();
        self.rest
            .call(self.rest.req(&route::GET_STAGE_INSTANCE, [&c]))
            .await
    }

    /// `PATCH /stage-instances/{channel_id}`.
    pub async fn edit(
        &self,
        channel_id: impl Into<ChannelId>,
        body: ModifyStageInstance,
    ) -> RestResult<StageInstance> {
        let c = channel_id.into();
        self.rest
            .send(self.rest.req(&route::MODIFY_STAGE_INSTANCE, [&c]), &body)
            .await
    }

    /// `DELETE /stage-instances/{channel_id}`.
    pub async fn delete(&self, channel_id: impl Into<ChannelId>) -> RestResult<()> {
        let c = channel_id.into();
        self.rest
            .call_empty(self.rest.req(&route::DELETE_STAGE_INSTANCE, [&c]))
            .await
    }
}
