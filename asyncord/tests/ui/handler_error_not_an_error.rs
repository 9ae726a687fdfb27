#![allow(unused_imports)]
use asyncord::dispatcher::{handler, HandlerResult};
use asyncord::model::gateway::{EventKind, GatewayEvent};

#[derive(Clone, serde::Deserialize)]
struct Msg {}
impl GatewayEvent for Msg {
    const KIND: EventKind = EventKind::MessageCreate;
}

/// Not an error type: no `std::error::Error` impl.
#[derive(Debug)]
struct Oops;

#[handler]
async fn on_message(event: Msg) -> Result<(), Oops> {
    let _ = event;
    Err(Oops)
}

fn main() {}
