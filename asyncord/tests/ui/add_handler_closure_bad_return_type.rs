#![allow(unused_imports)]
use asyncord::dispatcher::{handler, HandlerResult};
use asyncord::model::gateway::{EventKind, GatewayEvent};

#[derive(Clone, serde::Deserialize)]
struct Msg {}
impl GatewayEvent for Msg {
    const KIND: EventKind = EventKind::MessageCreate;
}

use asyncord::dispatcher::{Context, Dispatcher};
use std::sync::Arc;

#[allow(dead_code)]
fn register(d: &Dispatcher) {
    d.add_handler(|event: Arc<Msg>, ctx: Context| async move {
        let _ = (event, ctx);
        1
    });
}

fn main() {}
