//! An application's SKUs, and the subscriptions to a SKU.
//! <https://discord.com/developers/docs/resources/sku>,
//! <https://discord.com/developers/docs/resources/subscription>

use asyncord_model::monetization::{Sku, Subscription};
use asyncord_model::route;
use asyncord_model::{ApplicationId, SkuId, SubscriptionId, UserId};

use super::ApplicationsResource;
use crate::http::RestResult;

impl ApplicationsResource {
    /// `GET /applications/{id}/skus` (documented, not in the spec).
    pub async fn skus(&self, application_id: impl Into<ApplicationId>) -> RestResult<Vec<Sku>> {
        let a = application_id.into();
        self.rest.call(self.rest.req(&route::LIST_SKUS, [&a])).await
    }

    /// `GET /skus/{sku_id}/subscriptions` (`user_id` required for bots; `before`/`after`,
    /// `limit` 1–100).
    pub async fn sku_subscriptions(
        &self,
        sku_id: impl Into<SkuId>,
        user_id: Option<UserId>,
        limit: Option<u8>,
    ) -> RestResult<Vec<Subscription>> {
        let s = sku_id.into();
        let request = self
            .rest
            .req(&route::LIST_SKU_SUBSCRIPTIONS, [&s])
            .query_opt("user_id", user_id)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }

    /// `GET /skus/{sku_id}/subscriptions/{subscription_id}`.
    pub async fn sku_subscription(
        &self,
        sku_id: impl Into<SkuId>,
        subscription_id: impl Into<SubscriptionId>,
    ) -> RestResult<Subscription> {
        let (s, id) = (sku_id.into(), subscription_id.into());
        self.rest
            .call(self.rest.req(&route::GET_SKU_SUBSCRIPTION, [&s, &id]))
            .await
    }
}
