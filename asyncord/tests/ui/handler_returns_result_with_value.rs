#![allow(unused_imports)]
use asyncord::dispatcher::{handler, HandlerResult};
use asyncord::model::gateway::{EventKind, GatewayEvent};

#[derive(Clone, serde::Deserialize)]
struct Msg {}
impl GatewayEvent for Msg {
    const KIND: EventKind = EventKind::MessageCreate;
}

#[handler]
async fn on_message(event: Msg) -> HandlerResult<i32> {
    let _ = event;
    Ok(1)
}

fn main() {}
