#![allow(unused_imports)]
use asyncord::dispatcher::{handler, HandlerResult};
use asyncord::model::gateway::{EventKind, GatewayEvent};

#[derive(Clone, serde::Deserialize)]
struct Msg {}
impl GatewayEvent for Msg {
    const KIND: EventKind = EventKind::MessageCreate;
}

#[derive(Clone, serde::Deserialize)]
struct Typing {}
impl GatewayEvent for Typing {
    const KIND: EventKind = EventKind::TypingStart;
}

#[handler]
async fn on_message(event: Msg, typing: Typing) {
    let _ = (event, typing);
}

fn main() {}
