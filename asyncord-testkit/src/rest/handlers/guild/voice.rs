//! Voice: the voice regions (Discord's and a guild's), and voice states (nobody is in a voice
//! channel; a change is answered without effect).
//! <https://discord.com/developers/docs/resources/voice>

use asyncord_model::Snowflake;
use asyncord_model::route;
use serde_json::{Value, json};

use crate::rest::handlers::request::{Route, on};
use crate::rest::reply::Reply;

pub(crate) const ROUTES: &[Route] = &[
    on(&route::LIST_VOICE_REGIONS, |_| Ok(Reply::ok(regions()))),
    on(&route::GET_GUILD_VOICE_REGIONS, |ctx| {
        ctx.known_guild()?;
        Ok(Reply::ok(regions()))
    }),
    on(&route::GET_CURRENT_USER_VOICE_STATE, |ctx| {
        let g = ctx.known_guild()?;
        Ok(Reply::ok(voice_state(g, ctx.bot_id())))
    }),
    on(&route::GET_USER_VOICE_STATE, |ctx| {
        let g = ctx.known_guild()?;
        Ok(Reply::ok(voice_state(g, ctx.id("user_id")?)))
    }),
    on(&route::MODIFY_CURRENT_USER_VOICE_STATE, |ctx| {
        ctx.known_guild()?;
        Ok(Reply::no_content())
    }),
    on(&route::MODIFY_USER_VOICE_STATE, |ctx| {
        ctx.known_guild()?;
        Ok(Reply::no_content())
    }),
];

/// The voice state of `user_id` in guild `g`: in no channel.
fn voice_state(g: Snowflake, user_id: Snowflake) -> Value {
    json!({
        "channel_id": null, "deaf": false, "guild_id": g.to_string(),
        "mute": false, "request_to_speak_timestamp": null, "suppress": false,
        "self_stream": false, "self_deaf": false, "self_mute": false, "self_video": false,
        "session_id": format!("session-{user_id}"), "user_id": user_id.to_string(),
    })
}

/// The voice regions Discord lists.
fn regions() -> Value {
    json!([
        {"id": "rotterdam", "name": "Rotterdam", "custom": false, "deprecated": false, "optimal": true},
        {"id": "us-east", "name": "US East", "custom": false, "deprecated": false, "optimal": false},
    ])
}
