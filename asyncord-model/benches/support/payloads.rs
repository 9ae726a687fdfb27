//! Realistic gateway payloads for the benchmarks, built from frames captured on the live gateway
//! (`testdata/discord-api/payloads/captured-accord-jl/`) and a docs example.
//!
//! Small events (MESSAGE_CREATE, INTERACTION_CREATE) are the captured frames. Events with no
//! capture are assembled from captured parts in Discord's documented shape: PRESENCE_UPDATE
//! (a captured user id, the docs' rich-presence activity), TYPING_START (a captured member), a
//! large GUILD_CREATE (the captured guild grown to 1,000 members, 200 channels, 20 roles and 100
//! presences) and a GUILD_MEMBERS_CHUNK of 1,000 captured-shaped members.
//!
//! Shared by `asyncord-model/benches/parse.rs` and `asyncord/examples/bench_e2e` (through
//! `#[path]`), so both measure the same bytes.

#![allow(dead_code)]

use serde_json::{Value, json};

const MESSAGE_CREATE: &str = include_str!(
    "../../../testdata/discord-api/payloads/captured-accord-jl/accordjl-gateway_message_create.json"
);
const GUILD_CREATE: &str = include_str!(
    "../../../testdata/discord-api/payloads/captured-accord-jl/accordjl-gateway_guild_create.json"
);
const INTERACTION_CREATE: &str = include_str!(
    "../../../testdata/discord-api/payloads/captured-accord-jl/accordjl-gateway_interaction_create.json"
);
const ACTIVITY: &str = include_str!(
    "../../../testdata/discord-api/payloads/docs/docs-events-gateway-events-example-activity-with-rich-presence.json"
);

/// `d` of the `index`-th captured frame of a capture file.
fn captured(file: &str, index: usize) -> Value {
    let frames: Value = serde_json::from_str(file).expect("captured payload file");
    frames[index]["d"].clone()
}

/// A snowflake string distinct per `n` (within a family picked by `base`).
fn id(base: u64, n: usize) -> Value {
    Value::String((base + n as u64).to_string())
}

/// The captured MESSAGE_CREATE (1.3 KB: author with clan and primary guild, member, no embeds),
/// its ids and text varied by `i`.
pub fn message_create(i: usize) -> String {
    let mut d = captured(MESSAGE_CREATE, 0);
    d["id"] = id(1_300_000_000_000_000_000, i);
    d["content"] = Value::String(format!(
        "message number {i}: ordinary chat text with an emoji \u{1f600} and a link https://example.com/{i}"
    ));
    d["author"]["id"] = id(1_200_000_000_000_000_000, i % 500);
    d.to_string()
}

/// The captured INTERACTION_CREATE (2.1 KB: a slash command with member, channel and
/// entitlements), its id varied by `i`.
pub fn interaction_create(i: usize) -> String {
    let mut d = captured(INTERACTION_CREATE, 0);
    d["id"] = id(1_310_000_000_000_000_000, i);
    d.to_string()
}

/// The member object of the captured GUILD_CREATE (with its user).
fn member_template() -> Value {
    captured(GUILD_CREATE, 1)["members"][0].clone()
}

/// A member `n` of the captured shape: distinct user id, username, some roles.
fn member(template: &Value, n: usize, roles: &[Value]) -> Value {
    let mut m = template.clone();
    m["user"]["id"] = id(1_200_000_000_000_000_000, n);
    m["user"]["username"] = Value::String(format!("member_{n}"));
    m["user"]["global_name"] = Value::String(format!("Member {n}"));
    m["nick"] = if n.is_multiple_of(7) {
        Value::String(format!("nick {n}"))
    } else {
        Value::Null
    };
    m["roles"] = Value::Array(roles.iter().take(n % 4).cloned().collect());
    m
}

/// TYPING_START in a guild: ids, a unix timestamp and the typing member.
pub fn typing_start(i: usize) -> String {
    let member = member(&member_template(), i % 500, &[]);
    json!({
        "channel_id": "900000000000000033",
        "guild_id": "900000000000000008",
        "user_id": member["user"]["id"],
        "timestamp": 1_709_294_400 + i,
        "member": member,
    })
    .to_string()
}

/// PRESENCE_UPDATE with the docs' rich-presence activity and a custom status.
pub fn presence_update(i: usize) -> String {
    let activity: Value = serde_json::from_str(ACTIVITY).expect("activity example");
    json!({
        "user": { "id": id(1_200_000_000_000_000_000, i % 500) },
        "guild_id": "900000000000000008",
        "status": if i.is_multiple_of(3) { "idle" } else { "online" },
        "activities": [
            { "type": 4, "name": "Custom Status", "state": "working on it", "created_at": 1_709_294_400_000_u64 },
            activity,
        ],
        "client_status": { "desktop": "online", "mobile": "idle" },
    })
    .to_string()
}

/// GUILD_MEMBERS_CHUNK of `count` members (Discord sends at most 1,000 per chunk).
pub fn guild_members_chunk(count: usize) -> String {
    let template = member_template();
    let roles: Vec<Value> = (0..4).map(|r| id(1_400_000_000_000_000_000, r)).collect();
    let members: Vec<Value> = (0..count).map(|n| member(&template, n, &roles)).collect();
    json!({
        "guild_id": "900000000000000008",
        "members": members,
        "chunk_index": 0,
        "chunk_count": 1,
        "nonce": "bench",
    })
    .to_string()
}

/// The captured GUILD_CREATE grown to a large guild: `members` members, `channels` channels,
/// 20 roles, 100 presences (online members), `large: true`.
pub fn guild_create_large(members: usize, channels: usize) -> String {
    let mut d = captured(GUILD_CREATE, 1);
    let template = member_template();
    let base_channels = d["channels"].as_array().cloned().unwrap_or_default();
    let base_roles = d["roles"].as_array().cloned().unwrap_or_default();
    let roles: Vec<Value> = (0..20)
        .map(|r| {
            let mut role = base_roles[r % base_roles.len()].clone();
            role["id"] = id(1_400_000_000_000_000_000, r);
            role["name"] = Value::String(format!("role {r}"));
            role["position"] = json!(r);
            role
        })
        .collect();
    let role_ids: Vec<Value> = roles.iter().map(|r| r["id"].clone()).collect();
    d["roles"] = Value::Array(roles);
    d["channels"] = Value::Array(
        (0..channels)
            .map(|c| {
                let mut ch = base_channels[c % base_channels.len()].clone();
                ch["id"] = id(1_500_000_000_000_000_000, c);
                ch["name"] = Value::String(format!("channel-{c}"));
                ch["position"] = json!(c);
                ch
            })
            .collect(),
    );
    d["members"] = Value::Array(
        (0..members)
            .map(|n| member(&template, n, &role_ids))
            .collect(),
    );
    let activity: Value = serde_json::from_str(ACTIVITY).expect("activity example");
    d["presences"] = Value::Array(
        (0..members.min(100))
            .map(|n| {
                json!({
                    "user": { "id": id(1_200_000_000_000_000_000, n) },
                    "status": "online",
                    "activities": if n.is_multiple_of(2) { json!([activity]) } else { json!([]) },
                    "client_status": { "desktop": "online" },
                })
            })
            .collect(),
    );
    d["member_count"] = json!(members);
    d["large"] = json!(true);
    d.to_string()
}

/// A whole dispatch frame, as the gateway sends it (Discord's key order: `t`, `s`, `op`, `d`).
pub fn frame(name: &str, seq: u64, d: &str) -> String {
    format!(r#"{{"t":"{name}","s":{seq},"op":0,"d":{d}}}"#)
}

/// The traffic mix of a busy guild shard, in 20ths: 8 MESSAGE_CREATE, 5 PRESENCE_UPDATE,
/// 5 TYPING_START, 2 INTERACTION_CREATE.
pub fn mix_entry(i: usize) -> (&'static str, String) {
    match i % 20 {
        0..=7 => ("MESSAGE_CREATE", message_create(i)),
        8..=12 => ("PRESENCE_UPDATE", presence_update(i)),
        13..=17 => ("TYPING_START", typing_start(i)),
        _ => ("INTERACTION_CREATE", interaction_create(i)),
    }
}

/// `n` distinct entries of the mix.
pub fn mix(n: usize) -> Vec<(&'static str, String)> {
    (0..n).map(mix_entry).collect()
}
