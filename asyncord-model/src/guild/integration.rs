//! Guild integrations (Twitch, YouTube, bots, role subscriptions) and their accounts.
//!
//! Discord docs: [Integration object](https://discord.com/developers/docs/resources/guild#integration-object).

use serde::{Deserialize, Serialize};

use crate::common::ImageHash;
use crate::user::User;
use crate::{ApplicationId, GuildId, IntegrationId, RoleId, SkuId, Timestamp, int_enum, str_enum};

/// An integration attached to a guild.
///
/// Audit logs and user connections send partial integrations, so most fields are optional.
/// `guild_id` is set in the `INTEGRATION_CREATE`/`INTEGRATION_UPDATE` gateway events.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Integration {
    /// The integration id.
    pub id: IntegrationId,
    /// The integration name.
    #[serde(default)]
    pub name: String,
    /// The integration type.
    #[serde(rename = "type")]
    pub kind: IntegrationType,
    /// Whether the integration is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Whether the integration is syncing (not for Discord bots).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub syncing: Option<bool>,
    /// The role this integration uses for subscribers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_id: Option<RoleId>,
    /// Whether emoticons sync (Twitch only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_emoticons: Option<bool>,
    /// What happens when a subscription expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_behavior: Option<IntegrationExpireBehavior>,
    /// Grace period in days before expiring subscribers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_grace_period: Option<u32>,
    /// The user of this integration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
    /// The integration's account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<IntegrationAccount>,
    /// When the integration was last synced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synced_at: Option<Timestamp>,
    /// How many subscribers the integration has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscriber_count: Option<u64>,
    /// Whether the integration was revoked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked: Option<bool>,
    /// The bot/OAuth2 application (Discord integrations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<IntegrationApplication>,
    /// The OAuth2 scopes the application was authorised with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    /// The application id (partial integrations in audit logs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<ApplicationId>,
    /// The guild id (gateway integration events only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
}

str_enum! {
    /// The kind of an integration.
    pub enum IntegrationType {
        /// A Twitch subscription.
        Twitch = "twitch",
        /// A YouTube membership.
        Youtube = "youtube",
        /// A Discord application (bot).
        Discord = "discord",
        /// A server (role) subscription.
        GuildSubscription = "guild_subscription",
    }
}

int_enum! {
    /// What happens to a subscriber when their subscription expires
    /// ([docs](https://discord.com/developers/docs/resources/guild#integration-object-integration-expire-behaviors)).
    pub enum IntegrationExpireBehavior: i64 {
        /// Remove the role.
        RemoveRole = 0,
        /// Kick the member.
        Kick = 1,
    }
}

/// The external account of an integration
/// ([docs](https://discord.com/developers/docs/resources/guild#integration-account-object)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntegrationAccount {
    /// The account id on the service.
    pub id: String,
    /// The account name.
    #[serde(default)]
    pub name: String,
}

/// The application behind a Discord integration
/// ([docs](https://discord.com/developers/docs/resources/guild#integration-application-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntegrationApplication {
    /// The application id.
    pub id: ApplicationId,
    /// The application name.
    #[serde(default)]
    pub name: String,
    /// The icon hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<ImageHash>,
    /// The description.
    #[serde(default)]
    pub description: String,
    /// The bot user of the application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bot: Option<User>,
    /// The rich presence cover image hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover_image: Option<ImageHash>,
    /// The "Game SKU" id of games sold on Discord.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_sku_id: Option<SkuId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARTIAL: &str = include_str!(
        "../../../testdata/discord-api/payloads/docs/docs-resources-audit-log-example-partial-integration-object.json"
    );

    #[test]
    fn partial_integration_parses() {
        let i: Integration = serde_json::from_str(PARTIAL).unwrap();
        assert_eq!(i.kind, IntegrationType::Twitch);
        assert_eq!(i.account.as_ref().unwrap().name, "twitchusername");
        assert_eq!(
            i.application_id,
            Some(ApplicationId::new(94_651_234_501_213_162))
        );
        let j = serde_json::to_string(&i).unwrap();
        assert_eq!(serde_json::from_str::<Integration>(&j).unwrap(), i);
    }
}
