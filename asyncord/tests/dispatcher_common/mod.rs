//! Shared helpers of the dispatcher tests: small local event types and frame builders.
#![allow(dead_code)]

use std::time::Duration;

use asyncord::gateway::DispatchFrame;
use asyncord::model::gateway::{EventKind, GatewayEvent};
use serde::Deserialize;
use tokio::sync::mpsc::UnboundedReceiver;

/// A stand-in for MESSAGE_CREATE.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Msg {
    #[serde(default)]
    pub content: String,
    #[serde(default)]
    pub author: Option<String>,
}

impl GatewayEvent for Msg {
    const KIND: EventKind = EventKind::MessageCreate;
}

/// Another view of MESSAGE_CREATE (a second event type for the same kind).
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct MsgId {
    pub id: String,
}

impl GatewayEvent for MsgId {
    const KIND: EventKind = EventKind::MessageCreate;
}

/// A stand-in for MESSAGE_REACTION_ADD.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Reaction {
    pub emoji: String,
}

impl GatewayEvent for Reaction {
    const KIND: EventKind = EventKind::MessageReactionAdd;
}

/// A stand-in for GUILD_MEMBER_ADD (needs GUILD_MEMBERS).
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct MemberAdd {}

impl GatewayEvent for MemberAdd {
    const KIND: EventKind = EventKind::GuildMemberAdd;
}

/// A frame of `kind` with `d` = `json`.
pub fn frame(kind: EventKind, json: &str) -> DispatchFrame {
    DispatchFrame {
        shard_id: 0,
        seq: 1,
        kind: Some(kind),
        name: kind.name().into(),
        data: json.into(),
    }
}

/// A frame with an event name this version does not know.
pub fn unknown_frame(name: &'static str, json: &str) -> DispatchFrame {
    DispatchFrame {
        shard_id: 3,
        seq: 9,
        kind: None,
        name: name.into(),
        data: json.into(),
    }
}

/// Receives `n` items (fails the test after 10 s, which only a broken dispatcher hits).
pub async fn collect<T>(rx: &mut UnboundedReceiver<T>, n: usize) -> Vec<T> {
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let item = tokio::time::timeout(Duration::from_secs(10), rx.recv())
            .await
            .expect("timed out waiting for a handler")
            .expect("channel closed");
        out.push(item);
    }
    out
}
