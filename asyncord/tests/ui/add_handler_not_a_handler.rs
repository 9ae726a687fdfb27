#![allow(unused_imports)]
use asyncord::dispatcher::{handler, HandlerResult};
use asyncord::model::gateway::{EventKind, GatewayEvent};

#[derive(Clone, serde::Deserialize)]
struct Msg {}
impl GatewayEvent for Msg {
    const KIND: EventKind = EventKind::MessageCreate;
}

async fn plain(event: Msg) {
    let _ = event;
}

#[allow(dead_code)]
fn register(d: &asyncord::dispatcher::Dispatcher) {
    d.add_handler(plain);
}

fn main() {}
