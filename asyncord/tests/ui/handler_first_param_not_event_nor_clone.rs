#![allow(unused_imports)]
use asyncord::dispatcher::{handler, HandlerResult};
use asyncord::model::gateway::{EventKind, GatewayEvent};

#[derive(Clone, serde::Deserialize)]
struct Msg {}
impl GatewayEvent for Msg {
    const KIND: EventKind = EventKind::MessageCreate;
}

/// Neither an event nor `Clone`.
struct Settings {}

#[handler]
async fn on_message(settings: Settings) {
    let _ = settings;
}

fn main() {}
