#![allow(unused_imports)]
use asyncord::dispatcher::{handler, HandlerResult};
use asyncord::model::gateway::{EventKind, GatewayEvent};

#[derive(Clone, serde::Deserialize)]
struct Msg {}
impl GatewayEvent for Msg {
    const KIND: EventKind = EventKind::MessageCreate;
}

use asyncord::dispatcher::inject;
use std::cell::Cell;
use std::rc::Rc;

#[inject]
struct Deps {
    counter: Rc<Cell<u32>>,
}

fn main() {}
