#![allow(unused_imports)]
use asyncord::dispatcher::{handler, HandlerResult};
use asyncord::model::gateway::{EventKind, GatewayEvent};

#[derive(Clone, serde::Deserialize)]
struct Msg {}
impl GatewayEvent for Msg {
    const KIND: EventKind = EventKind::MessageCreate;
}

#[handler]
async fn on_message(event: Msg, (a, b): (i32, i32)) {
    let _ = (event, a, b);
}

fn main() {}
