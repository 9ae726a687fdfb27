//! Monetization: entitlements, SKUs (with their flags) and subscriptions.
//!
//! Discord docs: [Entitlement](https://discord.com/developers/docs/resources/entitlement),
//! [SKU](https://discord.com/developers/docs/resources/sku),
//! [Subscription](https://discord.com/developers/docs/resources/subscription).

use serde::{Deserialize, Serialize};

use crate::common::null_as_default;
use crate::{
    ApplicationId, EntitlementId, GuildId, SkuId, Snowflake, SubscriptionId, Timestamp, UserId,
    int_enum, int_flags,
};

/// Access a user or guild has to a premium offering
/// ([docs](https://discord.com/developers/docs/resources/entitlement#entitlement-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entitlement {
    /// The entitlement id.
    pub id: EntitlementId,
    /// The SKU.
    pub sku_id: SkuId,
    /// The parent application.
    pub application_id: ApplicationId,
    /// The user granted access.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    /// The kind of entitlement.
    #[serde(rename = "type")]
    pub kind: EntitlementType,
    /// Whether the entitlement was deleted.
    #[serde(default, deserialize_with = "null_as_default")]
    pub deleted: bool,
    /// Start of validity (`None` for test entitlements).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_at: Option<Timestamp>,
    /// End of validity (`None` for test entitlements).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_at: Option<Timestamp>,
    /// The guild granted access.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// For consumable items: whether it was consumed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consumed: Option<bool>,
    /// The promotion that granted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promotion_id: Option<Snowflake>,
    /// Gift code flags (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gift_code_flags: Option<u64>,
    /// The subscription this entitlement belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_id: Option<SubscriptionId>,
}

int_enum! {
    /// How an entitlement was obtained
    /// ([docs](https://discord.com/developers/docs/resources/entitlement#entitlement-object-entitlement-types)).
    pub enum EntitlementType: i64 {
        /// Bought directly.
        Purchase = 1,
        /// Through Nitro.
        PremiumSubscription = 2,
        /// Gifted by the developer.
        DeveloperGift = 3,
        /// Bought by a developer in test mode.
        TestModePurchase = 4,
        /// Granted while the SKU was free.
        FreePurchase = 5,
        /// Gifted by another user.
        UserGift = 6,
        /// Claimed with Nitro.
        PremiumPurchase = 7,
        /// An app subscription.
        ApplicationSubscription = 8,
    }
}

/// A premium offering: a subscription, a durable or a consumable item
/// ([docs](https://discord.com/developers/docs/resources/sku#sku-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sku {
    /// The SKU id.
    pub id: SkuId,
    /// The kind of SKU.
    #[serde(rename = "type")]
    pub kind: SkuType,
    /// The parent application.
    pub application_id: ApplicationId,
    /// The customer-facing name.
    pub name: String,
    /// URL slug generated from the name.
    #[serde(default)]
    pub slug: String,
    /// SKU flags.
    #[serde(default, deserialize_with = "null_as_default")]
    pub flags: SkuFlags,
    /// The SKU this one depends on (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dependent_sku_id: Option<SkuId>,
    /// Access type (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_type: Option<i64>,
    /// Release date (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_date: Option<String>,
    /// Whether it is a premium SKU (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premium: Option<bool>,
    /// Whether an age gate is shown (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_age_gate: Option<bool>,
}

int_enum! {
    /// The kind of an SKU ([docs](https://discord.com/developers/docs/resources/sku#sku-object-sku-types)).
    pub enum SkuType: i64 {
        /// A one-time purchase that is permanent.
        Durable = 2,
        /// A one-time purchase that can be consumed.
        Consumable = 3,
        /// A recurring subscription.
        Subscription = 5,
        /// System-generated group for a subscription SKU.
        SubscriptionGroup = 6,
    }
}

int_flags! {
    /// SKU flags ([docs](https://discord.com/developers/docs/resources/sku#sku-object-sku-flags)).
    pub struct SkuFlags: u64 {
        /// The SKU is available for purchase.
        const AVAILABLE = 1 << 2;
        /// A guild subscription.
        const GUILD_SUBSCRIPTION = 1 << 7;
        /// A user subscription.
        const USER_SUBSCRIPTION = 1 << 8;
    }
}

/// A user's recurring payment for SKUs
/// ([docs](https://discord.com/developers/docs/resources/subscription#subscription-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    /// The subscription id.
    pub id: SubscriptionId,
    /// The subscribed user.
    pub user_id: UserId,
    /// The SKUs subscribed to.
    #[serde(default, deserialize_with = "null_as_default")]
    pub sku_ids: Vec<SkuId>,
    /// The entitlements granted.
    #[serde(default, deserialize_with = "null_as_default")]
    pub entitlement_ids: Vec<EntitlementId>,
    /// The SKUs this subscription renews into.
    #[serde(default)]
    pub renewal_sku_ids: Option<Vec<SkuId>>,
    /// Start of the current period.
    pub current_period_start: Timestamp,
    /// End of the current period.
    pub current_period_end: Timestamp,
    /// The status.
    pub status: SubscriptionStatus,
    /// When it was cancelled.
    #[serde(default)]
    pub canceled_at: Option<Timestamp>,
    /// ISO 3166-1 alpha-2 country code (with the private `include_country` scope).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

int_enum! {
    /// The status of a subscription
    /// ([docs](https://discord.com/developers/docs/resources/subscription#subscription-statuses)).
    pub enum SubscriptionStatus: i64 {
        /// Active and renewing.
        Active = 0,
        /// Active, will not renew.
        Ending = 1,
        /// Inactive.
        Inactive = 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! docs {
        ($name:literal) => {
            include_str!(concat!("../../testdata/discord-api/payloads/docs/", $name))
        };
    }

    fn parse<T: serde::de::DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(
        t: &str,
    ) -> T {
        let v: T = serde_json::from_str(t).unwrap();
        assert_eq!(
            serde_json::from_str::<T>(&serde_json::to_string(&v).unwrap()).unwrap(),
            v
        );
        v
    }

    #[test]
    fn docs_entitlements_parse() {
        let e: Entitlement = parse(docs!("docs-resources-entitlement-entitlement-example.json"));
        assert_eq!(e.kind, EntitlementType::ApplicationSubscription);
        let g: Entitlement = parse(docs!("docs-resources-entitlement-get-entitlement.json"));
        assert_eq!(g, e);
    }

    #[test]
    fn docs_skus_parse() {
        let s: Sku = parse(docs!("docs-resources-sku-sku-example.json"));
        assert_eq!(s.kind, SkuType::Subscription);
        assert_eq!(s.flags, SkuFlags::GUILD_SUBSCRIPTION);
        let list: Vec<Sku> = parse(docs!("docs-resources-sku-list-skus.json"));
        assert_eq!(list[0].kind, SkuType::SubscriptionGroup);
    }

    #[test]
    fn docs_subscription_parses() {
        let s: Subscription = parse(docs!(
            "docs-resources-subscription-subscription-example.json"
        ));
        assert_eq!(s.status, SubscriptionStatus::Active);
        assert_eq!(s.renewal_sku_ids, None);
    }
}
