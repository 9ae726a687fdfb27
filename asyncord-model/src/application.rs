//! Applications: the application object, teams, install parameters, per-installation-context
//! configuration, application flags, role connection metadata, and activity instances.
//!
//! Discord docs: [Application resource](https://discord.com/developers/docs/resources/application),
//! [Teams](https://discord.com/developers/docs/topics/teams),
//! [Application role connection metadata](https://discord.com/developers/docs/resources/application-role-connection-metadata).

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::command::ApplicationIntegrationType;
use crate::common::{ImageHash, Locale, null_as_default};
use crate::user::User;
use crate::{
    ApplicationId, ChannelId, GuildId, Permissions, SkuId, Snowflake, TeamId, UserId, int_enum,
    int_flags, str_enum,
};

/// An application (a bot, an OAuth2 app)
/// ([docs](https://discord.com/developers/docs/resources/application#application-object)).
///
/// Messages and invites carry partial applications, so everything but `id` may be missing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Application {
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
    /// RPC origin URLs, if RPC is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpc_origins: Option<Vec<String>>,
    /// Whether anyone can add the bot to guilds (false: only the owner).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bot_public: Option<bool>,
    /// Whether adding the bot requires the full OAuth2 code grant flow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bot_require_code_grant: Option<bool>,
    /// Legacy flag still present in OAuth2 authorization payloads (`GET /oauth2/@me`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hook: Option<bool>,
    /// The application's bot user (partial).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bot: Option<User>,
    /// Terms of service URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms_of_service_url: Option<String>,
    /// Privacy policy URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_policy_url: Option<String>,
    /// The owner (partial user).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<User>,
    /// Deprecated (always an empty string).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Hex key used to verify interaction signatures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verify_key: Option<String>,
    /// The team owning the application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<Team>,
    /// The guild associated with the application (e.g. its support server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The partial guild associated with the application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild: Option<Box<crate::guild::Guild>>,
    /// For games sold on Discord: the "Game SKU" id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_sku_id: Option<SkuId>,
    /// For games sold on Discord: the store page slug.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// The default rich presence invite cover image hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover_image: Option<ImageHash>,
    /// Public application flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<ApplicationFlags>,
    /// The flags as a decimal string (`flags_new` in Discord's OpenAPI spec, not in the docs'
    /// table; kept as sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags_new: Option<String>,
    /// Whether interactions are scanned by the explicit content filter (the bot's own
    /// application; in Discord's OpenAPI spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explicit_content_filter: Option<ApplicationExplicitContentFilter>,
    /// The OAuth2 scopes the application may request (the bot's own application; in
    /// Discord's OpenAPI spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligible_oauth2_scopes: Option<Vec<String>>,
    /// Approximate number of guilds the app is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approximate_guild_count: Option<u64>,
    /// Approximate number of users that installed the app.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approximate_user_install_count: Option<u64>,
    /// Approximate number of users that authorised the app with `applications.commands`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approximate_user_authorization_count: Option<u64>,
    /// OAuth2 redirect URIs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_uris: Option<Vec<String>>,
    /// The interactions endpoint URL (HTTP interactions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interactions_endpoint_url: Option<String>,
    /// The role connection verification URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_connections_verification_url: Option<String>,
    /// The URL webhook events are sent to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_webhooks_url: Option<String>,
    /// Whether webhook events are enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_webhooks_status: Option<EventWebhookStatus>,
    /// The webhook event types the app subscribes to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_webhooks_types: Option<Vec<String>>,
    /// Up to 5 tags describing the application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// Settings for the in-app authorisation link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub install_params: Option<InstallParams>,
    /// Default scopes and permissions per installation context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_types_config:
        Option<BTreeMap<ApplicationIntegrationType, IntegrationTypeConfig>>,
    /// The default custom authorisation URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_install_url: Option<String>,
}

/// Scopes and permissions for adding an application
/// ([docs](https://discord.com/developers/docs/resources/application#install-params-object)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstallParams {
    /// OAuth2 scopes.
    #[serde(default)]
    pub scopes: Vec<String>,
    /// Permissions requested for the bot role.
    #[serde(default)]
    pub permissions: Permissions,
}

/// The configuration of one installation context
/// ([docs](https://discord.com/developers/docs/resources/application#application-object-application-integration-type-configuration-object)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntegrationTypeConfig {
    /// Install params for this context's default in-app authorisation link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oauth2_install_params: Option<InstallParams>,
}

int_enum! {
    /// Whether an application's interactions are scanned by the explicit content filter
    /// (`ApplicationExplicitContentFilterTypes` in Discord's OpenAPI spec).
    pub enum ApplicationExplicitContentFilter: i64 {
        /// Follow the guild's content filter setting.
        Inherit = 0,
        /// Always scan.
        Always = 1,
    }
}

int_enum! {
    /// Whether an application's webhook events are enabled
    /// ([docs](https://discord.com/developers/docs/resources/application#application-object-application-event-webhook-status)).
    pub enum EventWebhookStatus: i64 {
        /// Disabled.
        Disabled = 1,
        /// Enabled.
        Enabled = 2,
        /// Disabled by Discord (usually after repeated delivery failures).
        DisabledByDiscord = 3,
    }
}

int_flags! {
    /// Public flags of an application
    /// ([docs](https://discord.com/developers/docs/resources/application#application-object-application-flags)).
    pub struct ApplicationFlags: u64 {
        /// The app uses the Auto Moderation API (badge).
        const APPLICATION_AUTO_MODERATION_RULE_CREATE_BADGE = 1 << 6;
        /// Presence intent for apps in 100+ guilds.
        const GATEWAY_PRESENCE = 1 << 12;
        /// Presence intent for apps under 100 guilds.
        const GATEWAY_PRESENCE_LIMITED = 1 << 13;
        /// Guild members intent for apps in 100+ guilds.
        const GATEWAY_GUILD_MEMBERS = 1 << 14;
        /// Guild members intent for apps under 100 guilds.
        const GATEWAY_GUILD_MEMBERS_LIMITED = 1 << 15;
        /// Verification is pending because of unusual growth.
        const VERIFICATION_PENDING_GUILD_LIMIT = 1 << 16;
        /// Embedded in the client (activities).
        const EMBEDDED = 1 << 17;
        /// Message content intent for apps in 100+ guilds.
        const GATEWAY_MESSAGE_CONTENT = 1 << 18;
        /// Message content intent for apps under 100 guilds.
        const GATEWAY_MESSAGE_CONTENT_LIMITED = 1 << 19;
        /// The app registered global application commands (badge).
        const APPLICATION_COMMAND_BADGE = 1 << 23;
    }
}

/// A developer team ([docs](https://discord.com/developers/docs/topics/teams#data-models-team-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    /// The team icon hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<ImageHash>,
    /// The team id.
    pub id: TeamId,
    /// The members.
    #[serde(default)]
    pub members: Vec<TeamMember>,
    /// The team name.
    #[serde(default)]
    pub name: String,
    /// The current owner's user id.
    pub owner_user_id: UserId,
}

/// A member of a team ([docs](https://discord.com/developers/docs/topics/teams#data-models-team-member-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    /// Whether the user accepted the invitation.
    pub membership_state: MembershipState,
    /// Always `["*"]` (legacy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Vec<String>>,
    /// The team id.
    pub team_id: TeamId,
    /// The partial user.
    pub user: User,
    /// The member's role (absent on older payloads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<TeamMemberRole>,
}

int_enum! {
    /// A team membership state
    /// ([docs](https://discord.com/developers/docs/topics/teams#data-models-membership-state-enum)).
    pub enum MembershipState: i64 {
        /// Invited, not yet accepted.
        Invited = 1,
        /// Accepted.
        Accepted = 2,
    }
}

str_enum! {
    /// A team member's role ([docs](https://discord.com/developers/docs/topics/teams#team-member-roles)).
    pub enum TeamMemberRole {
        /// Admin.
        Admin = "admin",
        /// Developer.
        Developer = "developer",
        /// Read-only.
        ReadOnly = "read_only",
    }
}

/// One metadata field an application defines for linked roles
/// ([docs](https://discord.com/developers/docs/resources/application-role-connection-metadata#application-role-connection-metadata-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleConnectionMetadata {
    /// How the value is compared.
    #[serde(rename = "type")]
    pub kind: RoleConnectionMetadataType,
    /// The dictionary key (a-z, 0-9, `_`; 1-50 characters).
    pub key: String,
    /// The name (1-100 characters).
    pub name: String,
    /// Localised names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_localizations: Option<HashMap<Locale, String>>,
    /// The description (1-200 characters).
    pub description: String,
    /// Localised descriptions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_localizations: Option<HashMap<Locale, String>>,
}

int_enum! {
    /// How a role connection metadata value is compared
    /// ([docs](https://discord.com/developers/docs/resources/application-role-connection-metadata#application-role-connection-metadata-object-application-role-connection-metadata-type)).
    pub enum RoleConnectionMetadataType: i64 {
        /// The user's value is less than or equal to the guild's.
        IntegerLessThanOrEqual = 1,
        /// The user's value is greater than or equal to the guild's.
        IntegerGreaterThanOrEqual = 2,
        /// The user's value equals the guild's.
        IntegerEqual = 3,
        /// The user's value does not equal the guild's.
        IntegerNotEqual = 4,
        /// The user's date is at most the guild's number of days ago.
        DatetimeLessThanOrEqual = 5,
        /// The user's date is at least the guild's number of days ago.
        DatetimeGreaterThanOrEqual = 6,
        /// The user's boolean equals the guild's.
        BooleanEqual = 7,
        /// The user's boolean does not equal the guild's.
        BooleanNotEqual = 8,
    }
}

/// A running instance of an activity (embedded app)
/// ([docs](https://discord.com/developers/docs/resources/application#get-application-activity-instance-activity-instance-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityInstance {
    /// The application id.
    pub application_id: ApplicationId,
    /// The activity instance id.
    pub instance_id: String,
    /// The unique launch id.
    pub launch_id: Snowflake,
    /// Where the activity runs.
    pub location: ActivityLocation,
    /// Ids of the users currently connected.
    #[serde(default, deserialize_with = "null_as_default")]
    pub users: Vec<UserId>,
}

/// Where an activity instance runs
/// ([docs](https://discord.com/developers/docs/resources/application#get-application-activity-instance-activity-location-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityLocation {
    /// The location id.
    pub id: String,
    /// `"gc"` (guild channel) or `"pc"` (private channel).
    pub kind: String,
    /// The channel.
    pub channel_id: ChannelId,
    /// The guild, for guild channels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCS_APP: &str = include_str!(
        "../../testdata/discord-api/payloads/docs/docs-resources-application-example-application-object.json"
    );
    const DOCS_INSTANCE: &str = include_str!(
        "../../testdata/discord-api/payloads/docs/docs-resources-application-example-activity-instance.json"
    );

    #[test]
    fn docs_application_parses() {
        let a: Application = serde_json::from_str(DOCS_APP).unwrap();
        assert_eq!(a.flags, Some(ApplicationFlags::GATEWAY_PRESENCE_LIMITED));
        assert_eq!(a.event_webhooks_status, Some(EventWebhookStatus::Disabled));
        let cfg = a.integration_types_config.as_ref().unwrap();
        let guild = &cfg[&ApplicationIntegrationType::GuildInstall];
        let params = guild.oauth2_install_params.as_ref().unwrap();
        assert_eq!(params.permissions.bits(), 2048);
        assert!(params.scopes.contains(&"bot".to_owned()));
        let team = a.team.as_ref().unwrap();
        assert_eq!(team.members[0].membership_state, MembershipState::Accepted);
        let j = serde_json::to_string(&a).unwrap();
        assert_eq!(serde_json::from_str::<Application>(&j).unwrap(), a);
    }

    #[test]
    fn docs_activity_instance_parses() {
        let i: ActivityInstance = serde_json::from_str(DOCS_INSTANCE).unwrap();
        assert!(!i.instance_id.is_empty());
        let j = serde_json::to_string(&i).unwrap();
        assert_eq!(serde_json::from_str::<ActivityInstance>(&j).unwrap(), i);
    }

    #[test]
    fn role_connection_metadata_parses() {
        let m: RoleConnectionMetadata = serde_json::from_str(
            r#"{"type":7,"key":"is_staff","name":"Staff","description":"Is staff","name_localizations":{"fr":"Équipe"}}"#,
        )
        .unwrap();
        assert_eq!(m.kind, RoleConnectionMetadataType::BooleanEqual);
        assert_eq!(m.name_localizations.unwrap()[&Locale::French], "Équipe");
    }
}

/// The answer of `GET /oauth2/@me`: the current authorization
/// ([docs](https://discord.com/developers/docs/topics/oauth2#get-current-authorization-information)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuthorizationInformation {
    /// The current application.
    pub application: Application,
    /// The scopes the user authorized.
    #[serde(default)]
    pub scopes: Vec<String>,
    /// When the access token expires.
    pub expires: crate::Timestamp,
    /// The user who authorized, with the `identify` scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
}
