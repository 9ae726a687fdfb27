//! `client.applications.entitlements(application_id)`: an application's entitlements (list and
//! stream, get, test entitlements, consume).
//! <https://discord.com/developers/docs/resources/entitlement>

use asyncord_model::monetization::Entitlement;
use asyncord_model::request::CreateTestEntitlement;
use asyncord_model::route;
use asyncord_model::{ApplicationId, EntitlementId, SkuId, UserId};
use futures_core::Stream;

use super::ApplicationsResource;
use crate::http::{BoxFuture, RestResult};
use crate::rest::base::{join_ids, resource};
use crate::rest::paginate::{Page, cursor, pages};

impl ApplicationsResource {
    /// The entitlements of the application.
    pub fn entitlements(&self, application_id: impl Into<ApplicationId>) -> EntitlementsResource {
        EntitlementsResource {
            rest: self.rest.clone(),
            application_id: application_id.into(),
        }
    }
}

resource! {
    /// The entitlements of an application (`client.applications.entitlements(app_id)`).
    EntitlementsResource { application_id: ApplicationId }
}

impl EntitlementsResource {
    /// `GET /applications/{id}/entitlements` (filters: `user_id`, `sku_ids`, `guild_id`,
    /// `exclude_ended`, `exclude_deleted`, `before`, `after`, `limit` 1–100).
    pub async fn list(
        &self,
        user_id: Option<UserId>,
        sku_ids: &[SkuId],
        after: Option<EntitlementId>,
        limit: Option<u8>,
    ) -> RestResult<Vec<Entitlement>> {
        let request = self
            .rest
            .req(&route::LIST_ENTITLEMENTS, [&self.application_id])
            .query_opt("user_id", user_id)
            .query_opt("sku_ids", join_ids(sku_ids))
            .query_opt("after", after)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }

    /// `GET /applications/{id}/entitlements/{entitlement_id}`.
    pub async fn get(&self, entitlement_id: impl Into<EntitlementId>) -> RestResult<Entitlement> {
        let e = entitlement_id.into();
        let request = self
            .rest
            .req(&route::GET_ENTITLEMENT, [&self.application_id, &e]);
        self.rest.call(request).await
    }

    /// `POST /applications/{id}/entitlements`: a test entitlement (`sku_id`, `owner_id`,
    /// `owner_type` 1 guild / 2 user).
    pub async fn create_test(&self, body: CreateTestEntitlement) -> RestResult<Entitlement> {
        let request = self
            .rest
            .req(&route::CREATE_TEST_ENTITLEMENT, [&self.application_id]);
        self.rest.send(request, &body).await
    }

    /// `DELETE /applications/{id}/entitlements/{entitlement_id}` (test entitlements).
    pub async fn delete_test(&self, entitlement_id: impl Into<EntitlementId>) -> RestResult<()> {
        let e = entitlement_id.into();
        let request = self
            .rest
            .req(&route::DELETE_TEST_ENTITLEMENT, [&self.application_id, &e]);
        self.rest.call_empty(request).await
    }

    /// `POST /applications/{id}/entitlements/{entitlement_id}/consume`: marks a one-time
    /// purchase as used.
    pub async fn consume(&self, entitlement_id: impl Into<EntitlementId>) -> RestResult<()> {
        let e = entitlement_id.into();
        let request = self
            .rest
            .req(&route::CONSUME_AN_ENTITLEMENT, [&self.application_id, &e]);
        self.rest.call_empty(request).await
    }

    /// Every entitlement of the application (optionally of one user), by id (pages of 100).
    pub fn stream(
        &self,
        user_id: Option<UserId>,
    ) -> impl Stream<Item = RestResult<Entitlement>> + Send + 'static {
        let this = self.clone();
        pages(move |after: Option<EntitlementId>| {
            let this = this.clone();
            Box::pin(async move {
                let items = this.list(user_id, &[], after, Some(100)).await?;
                let next = cursor(&items, 100, |e| Some(e.id));
                Ok((items, next))
            }) as BoxFuture<'static, Page<Entitlement, EntitlementId>>
        })
    }
}
