#![allow(unused_imports)]
use asyncord::dispatcher::{handler, HandlerResult};
use asyncord::model::gateway::{EventKind, GatewayEvent};

#[derive(Clone, serde::Deserialize)]
struct Msg {}
impl GatewayEvent for Msg {
    const KIND: EventKind = EventKind::MessageCreate;
}

#[derive(Clone)]
struct Db;

#[handler]
async fn on_message(event: Msg, db: &Db) {
    let _ = (event, db);
}

fn main() {}
