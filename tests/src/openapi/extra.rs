//! Operations the docs have and the spec lacks, written in the spec's own shape so they go
//! through the same reader.
//!
//! Only List SKUs (<https://discord.com/developers/docs/resources/sku#list-skus>): a real bot
//! endpoint, `GET /applications/{application.id}/skus`, returning an array of SKU objects
//! (<https://discord.com/developers/docs/resources/sku#sku-object>).

use serde_json::{Value, json};

/// The group List SKUs is counted in.
pub const LIST_SKUS_GROUP: &str = "SKUs / subscriptions";

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
