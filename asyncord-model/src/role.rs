//! Roles: colours, tags and role flags.
//!
//! Discord docs: [Role object](https://discord.com/developers/docs/topics/permissions#role-object).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::common::{Color, ImageHash, null_as_default};
use crate::{IntegrationId, Permissions, RoleId, SkuId, UserId, int_flags};

/// A set of permissions attached to members of a guild.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The role id (equal to the guild id for `@everyone`).
    pub id: RoleId,
    /// The role name.
    pub name: String,
    /// Integer representation of the colour (deprecated by Discord in favour of `colors`).
    #[serde(default)]
    pub color: Color,
    /// The role's colours (gradient roles use secondary/tertiary).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colors: Option<RoleColors>,
    /// Whether the role is shown separately in the member list.
    #[serde(default, deserialize_with = "null_as_default")]
    pub hoist: bool,
    /// The role icon hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<ImageHash>,
    /// The role's unicode emoji.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unicode_emoji: Option<String>,
    /// Position of the role (roles with the same position are sorted by id).
    #[serde(default)]
    pub position: i32,
    /// The permission bit set.
    #[serde(default)]
    pub permissions: Permissions,
    /// Whether an integration manages the role.
    #[serde(default, deserialize_with = "null_as_default")]
    pub managed: bool,
    /// Whether the role is mentionable.
    #[serde(default, deserialize_with = "null_as_default")]
    pub mentionable: bool,
    /// The role's tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<RoleTags>,
    /// Role flags.
    #[serde(default, deserialize_with = "null_as_default")]
    pub flags: RoleFlags,
    /// The role description (undocumented; sent by Discord).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Role {
    /// A mention of this role (`<@&id>`).
    pub fn mention(&self) -> String {
        format!("<@&{}>", self.id)
    }
}

/// A role's colours ([docs](https://discord.com/developers/docs/topics/permissions#role-object-role-colors-object)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleColors {
    /// The primary colour.
    #[serde(default)]
    pub primary_color: Color,
    /// The secondary colour (gradient roles).
    #[serde(default)]
    pub secondary_color: Option<Color>,
    /// The tertiary colour (holographic roles).
    #[serde(default)]
    pub tertiary_color: Option<Color>,
}

/// Tags describing what a role is for
/// ([docs](https://discord.com/developers/docs/topics/permissions#role-object-role-tags-structure)).
///
/// Discord sends the boolean tags as `null` when true and omits them when false; here they are
/// plain `bool`s, written back in Discord's form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleTags {
    /// The bot the role belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bot_id: Option<UserId>,
    /// The integration the role belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_id: Option<IntegrationId>,
    /// Whether this is the guild's booster role.
    #[serde(default, skip_serializing_if = "is_false", with = "present_flag")]
    pub premium_subscriber: bool,
    /// The role subscription SKU listing id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_listing_id: Option<SkuId>,
    /// Whether the role can be purchased.
    #[serde(default, skip_serializing_if = "is_false", with = "present_flag")]
    pub available_for_purchase: bool,
    /// Whether the role is a guild's linked role.
    #[serde(default, skip_serializing_if = "is_false", with = "present_flag")]
    pub guild_connections: bool,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !*b
}

/// A field whose presence means `true`, whatever its value (Discord sends `null`).
mod present_flag {
    use super::{Deserialize, Deserializer, Serializer};

    #[allow(clippy::trivially_copy_pass_by_ref)]
    pub(super) fn serialize<S: Serializer>(_: &bool, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_none()
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| true)
    }
}

int_flags! {
    /// Flags on a role ([docs](https://discord.com/developers/docs/topics/permissions#role-object-role-flags)).
    pub struct RoleFlags: u64 {
        /// The role can be selected by members in an onboarding prompt.
        const IN_PROMPT = 1 << 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCS_ROLE: &str = include_str!(
        "../../testdata/discord-api/payloads/docs/docs-topics-permissions-example-role.json"
    );
    const GET_ROLES: &str = include_str!(
        "../../testdata/discord-api/payloads/captured-accord-jl/accordjl-rest_get_roles.json"
    );

    #[derive(Deserialize)]
    struct Page {
        items: Vec<Role>,
    }

    fn round_trip(r: &Role) {
        let s = serde_json::to_string(r).unwrap();
        assert_eq!(&serde_json::from_str::<Role>(&s).unwrap(), r);
    }

    #[test]
    fn docs_role_parses() {
        let r: Role = serde_json::from_str(DOCS_ROLE).unwrap();
        assert_eq!(r.color, Color(3_447_003));
        assert_eq!(r.colors.unwrap().secondary_color, None);
        assert_eq!(r.permissions.bits(), 66_321_471);
        assert!(r.hoist);
        round_trip(&r);
    }

    #[test]
    fn captured_roles_parse() {
        let pages: Vec<Page> = serde_json::from_str(GET_ROLES).unwrap();
        let roles: Vec<&Role> = pages.iter().flat_map(|p| &p.items).collect();
        assert!(
            roles
                .iter()
                .any(|r| r.tags.as_ref().is_some_and(|t| t.bot_id.is_some()))
        );
        for r in roles {
            round_trip(r);
        }
    }

    #[test]
    fn null_tags_mean_true() {
        let t: RoleTags =
            serde_json::from_str(r#"{"premium_subscriber":null,"integration_id":"5"}"#).unwrap();
        assert!(t.premium_subscriber);
        assert!(!t.available_for_purchase);
        assert!(!t.guild_connections);
        let s = serde_json::to_string(&t).unwrap();
        assert_eq!(s, r#"{"integration_id":"5","premium_subscriber":null}"#);
        assert_eq!(serde_json::from_str::<RoleTags>(&s).unwrap(), t);
    }
}
