//! Role connection metadata records: none kept; an update is answered with the records sent,
//! shaped as Discord returns them.
//! <https://discord.com/developers/docs/resources/application-role-connection-metadata>

use asyncord_model::route;
use serde_json::{Value, json};

use crate::rest::handlers::request::{Route, on};
use crate::rest::reply::Reply;

pub(crate) const ROUTES: &[Route] = &[
    on(
        &route::GET_APPLICATION_ROLE_CONNECTION_METADATA_RECORDS,
        |_| Ok(Reply::ok(json!([]))),
    ),
    on(
        &route::UPDATE_APPLICATION_ROLE_CONNECTION_METADATA_RECORDS,
        |ctx| {
            let mut records = ctx.body.as_array().cloned().unwrap_or_default();
            for r in &mut records {
                for k in ["name_localizations", "description_localizations"] {
                    if r.get(k).is_none() {
                        r[k] = Value::Null;
                    }
                }
            }
            Ok(Reply::ok(Value::Array(records)))
        },
    ),
];
