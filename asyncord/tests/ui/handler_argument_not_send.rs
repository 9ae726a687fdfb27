#![allow(unused_imports)]
use asyncord::dispatcher::{handler, HandlerResult};
use asyncord::model::gateway::{EventKind, GatewayEvent};

#[derive(Clone, serde::Deserialize)]
struct Msg {}
impl GatewayEvent for Msg {
    const KIND: EventKind = EventKind::MessageCreate;
}

use std::rc::Rc;

#[handler]
async fn on_message(event: Msg, counter: Rc<u32>) {
    let _ = (event, counter);
}

fn main() {}
