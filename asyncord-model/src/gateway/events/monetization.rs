//! Entitlement and subscription events
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#entitlements)).

use crate::monetization::{Entitlement, Subscription};

newtype_event! {
    /// `ENTITLEMENT_CREATE`: a user bought or was granted an SKU.
    EntitlementCreateEvent(Entitlement)
}

newtype_event! {
    /// `ENTITLEMENT_UPDATE`: an entitlement changed (a subscription ended: `ends_at` set).
    EntitlementUpdateEvent(Entitlement)
}

newtype_event! {
    /// `ENTITLEMENT_DELETE`: an entitlement was deleted (refund, removal).
    EntitlementDeleteEvent(Entitlement)
}

newtype_event! {
    /// `SUBSCRIPTION_CREATE`: a premium subscription was created.
    SubscriptionCreateEvent(Subscription)
}

newtype_event! {
    /// `SUBSCRIPTION_UPDATE`: a premium subscription changed.
    SubscriptionUpdateEvent(Subscription)
}

newtype_event! {
    /// `SUBSCRIPTION_DELETE`: a premium subscription was deleted.
    SubscriptionDeleteEvent(Subscription)
}
