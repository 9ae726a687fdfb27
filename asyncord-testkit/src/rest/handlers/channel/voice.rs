//! A voice channel's status, and playing a soundboard sound in one (answered without effect:
//! voice is not emulated).
//! <https://discord.com/developers/docs/resources/soundboard#send-soundboard-sound>

use asyncord_model::route;

use crate::rest::handlers::request::{Route, on};
use crate::rest::reply::Reply;

pub(crate) const ROUTES: &[Route] = &[
    on(&route::MODIFY_VOICE_CHANNEL_STATUS, |_| {
        Ok(Reply::no_content())
    }),
    on(&route::SEND_SOUNDBOARD_SOUND, |_| Ok(Reply::no_content())),
];
