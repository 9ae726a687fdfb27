//! OAuth2 as a bot sees it: the bot's application, the authorization of its token, Discord's
//! public keys.
//! <https://discord.com/developers/docs/topics/oauth2>

use asyncord_model::route;
use serde_json::{Value, json};

use super::application::current;
use super::request::{Route, on};
use crate::rest::reply::Reply;

pub(super) const ROUTES: &[Route] = &[
    on(&route::GET_CURRENT_BOT_APPLICATION_INFORMATION, |ctx| {
        Ok(current(ctx))
    }),
    on(&route::GET_CURRENT_AUTHORIZATION_INFORMATION, |ctx| {
        let app = current(ctx).body.unwrap_or(Value::Null);
        Ok(Reply::ok(json!({
            "application": app, "scopes": ["bot", "applications.commands"],
            "expires": "2099-01-01T00:00:00+00:00", "user": ctx.bot_user(),
        })))
    }),
    on(&route::GET_PUBLIC_KEYS, |_| {
        Ok(Reply::ok(json!({"keys": [{
            "kty": "RSA", "use": "sig", "kid": "emulator", "alg": "RS256",
            "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
            "e": "AQAB",
        }]})))
    }),
];
