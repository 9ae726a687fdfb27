//! [`EXCLUDED`]: the operations of the spec the SDK deliberately does not implement, each with
//! its reason. The conformance run and the route table test both read it.

/// Operations deliberately not implemented, with the reason.
pub const EXCLUDED: &[(&str, &str)] = &[
    (
        "get_application_user_role_connection",
        "OAuth2 Bearer only (role_connections.write scope of a user); the client is bot-token-only",
    ),
    (
        "update_application_user_role_connection",
        "OAuth2 Bearer only (role_connections.write scope of a user); the client is bot-token-only",
    ),
    (
        "delete_application_user_role_connection",
        "OAuth2 Bearer only (role_connections.write scope of a user); the client is bot-token-only",
    ),
    (
        "get_current_user_application_entitlements",
        "OAuth2 Bearer only (a user's own entitlements); bots use get_entitlements with user_id",
    ),
    (
        "get_my_guild_member",
        "OAuth2 Bearer only (guilds.members.read scope of a user); a bot reads its own member with get_guild_member and its user id",
    ),
    (
        "get_openid_connect_userinfo",
        "OAuth2 Bearer only (openid scope); the client is bot-token-only",
    ),
    (
        "deprecated_list_pins",
        "deprecated /channels/{id}/pins route; the client uses list_pins (/messages/pins)",
    ),
    (
        "deprecated_create_pin",
        "deprecated /channels/{id}/pins route; the client uses create_pin (/messages/pins)",
    ),
    (
        "deprecated_delete_pin",
        "deprecated /channels/{id}/pins route; the client uses delete_pin (/messages/pins)",
    ),
];
