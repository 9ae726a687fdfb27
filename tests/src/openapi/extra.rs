//! Where the docs win over the spec (Discord: "if the spec and the docs disagree, follow the
//! docs"): operations the docs have and the spec lacks, written in the spec's own shape so they
//! go through the same reader, and schema fixes applied to the document on load.
//!
//! Fixes ([`apply_docs_fixes`]):
//! - Field errors inside `errors` (`InnerErrors._errors[]`) carry string codes such as
//!   `BASE_TYPE_MAX_LENGTH` (<https://discord.com/developers/docs/reference#error-messages>);
//!   the spec reuses the top-level `Error` schema, whose `code` is an integer.
//! - Remove Guild Ban (`DELETE /guilds/{id}/bans/{user_id}`) takes no body in the docs
//!   (<https://discord.com/developers/docs/resources/guild#remove-guild-ban>); the spec marks an
//!   (empty-object) body as required.
//! - Edit Channel Permissions: `allow` and `deny` are permission bit sets serialised as strings
//!   (<https://discord.com/developers/docs/resources/channel#edit-channel-permissions>,
//!   <https://discord.com/developers/docs/topics/permissions>); the spec types them as integers.
//! - Create / Edit Application Command bodies take `nsfw` and `default_permission`
//!   (<https://discord.com/developers/docs/interactions/application-commands#create-global-application-command>,
//!   JSON params `nsfw?` and `default_permission?`); the spec's request schemas lack both.
//!
//! Added operations: only List SKUs (<https://discord.com/developers/docs/resources/sku#list-skus>): a real bot
//! endpoint, `GET /applications/{application.id}/skus`, returning an array of SKU objects
//! (<https://discord.com/developers/docs/resources/sku#sku-object>).

use serde_json::{Value, json};

/// The group List SKUs is counted in.
pub const LIST_SKUS_GROUP: &str = "SKUs / subscriptions";

/// Patches the spec where the docs disagree with it (see the module docs). Returns the JSON
/// pointers that were patched (a missing one means the spec changed: the fix needs a look).
pub fn apply_docs_fixes(document: &mut Value) -> Vec<&'static str> {
    const FIELD_ERROR: &str = "/components/schemas/InnerErrors/properties/_errors/items";
    const UNBAN_BODY: &str =
        "/paths/~1guilds~1{guild_id}~1bans~1{user_id}/delete/requestBody/required";
    const OVERWRITE: &str = "/paths/~1channels~1{channel_id}~1permissions~1{overwrite_id}/put/requestBody/content/application~1json/schema/properties";
    const COMMAND_BODIES: &[&str] = &[
        "/components/schemas/ApplicationCommandCreateRequest/properties",
        "/components/schemas/ApplicationCommandUpdateRequest/properties",
        "/components/schemas/ApplicationCommandPatchRequestPartial/properties",
    ];
    let mut applied = Vec::new();
    if let Some(items) = document.pointer_mut(FIELD_ERROR) {
        *items = json!({
            "type": "object",
            "description": "A field error: a string code and a message (per the docs).",
            "properties": {
                "code": { "type": "string" },
                "message": { "type": "string" }
            },
            "required": ["code", "message"]
        });
        applied.push(FIELD_ERROR);
    }
    if let Some(required) = document.pointer_mut(UNBAN_BODY) {
        *required = json!(false);
        applied.push(UNBAN_BODY);
    }
    for schema in COMMAND_BODIES {
        if let Some(properties) = document.pointer_mut(schema) {
            properties["nsfw"] = json!({
                "description": "Whether the command is age-restricted (per the docs).",
                "type": ["boolean", "null"]
            });
            properties["default_permission"] = json!({
                "description": "Deprecated: enabled by default in guilds (per the docs).",
                "type": ["boolean", "null"]
            });
            applied.push(*schema);
        }
    }
    if let Some(properties) = document.pointer_mut(OVERWRITE) {
        for bits in ["allow", "deny"] {
            properties[bits] = json!({
                "description": "A permission bit set as a decimal string (per the docs).",
                "type": ["string", "integer", "null"]
            });
        }
        applied.push(OVERWRITE);
    }
    applied
}

/// `(path, path item, method, operation)` for each operation added from the docs.
pub fn operations() -> Vec<(&'static str, Value, &'static str, Value)> {
    let snowflake = json!({ "$ref": "#/components/schemas/SnowflakeType" });
    let sku = json!({
        "type": "object",
        "properties": {
            "id": snowflake,
            "type": { "type": "integer", "format": "int32" },
            "application_id": snowflake,
            "name": { "type": "string" },
            "slug": { "type": "string" },
            "flags": { "type": "integer", "format": "int32" }
        },
        "required": ["id", "type", "application_id", "name", "slug", "flags"]
    });
    let item = json!({
        "parameters": [
            { "name": "application_id", "in": "path", "required": true, "schema": snowflake }
        ]
    });
    let op = json!({
        "operationId": "list_skus",
        "responses": {
            "200": {
                "content": { "application/json": { "schema": { "type": "array", "items": sku } } }
            },
            "429": { "$ref": "#/components/responses/ClientRatelimitedResponse" },
            "4XX": { "$ref": "#/components/responses/ClientErrorResponse" }
        },
        "security": [ { "BotToken": [] } ]
    });
    vec![("/applications/{application_id}/skus", item, "get", op)]
}
