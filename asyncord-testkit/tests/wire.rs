//! The emulator as a foreign Discord client sees it: driven only through the wire — raw
//! HTTP/1.1 requests over a `TcpStream` and a raw WebSocket (fastwebsockets), no asyncord
//! gateway or REST client — on one loopback front port, as the standalone emulator serves it.
//! What such a client relies on is checked against the frames captured live from Discord
//! (`testdata/discord-api/payloads/captured-accord-jl/`): the token written `Bot <token>`,
//! READY's user, the envelope of every control frame, close reasons, replies, reactions,
//! typing, member chunks, audit-log entries and commands as Discord shapes them. Real clock
//! (sockets); every wait is bounded.

use std::path::PathBuf;
use std::time::Duration;

use asyncord_testkit::Emulator;
use fastwebsockets::{FragmentCollector, Frame, OpCode, Payload, Role, WebSocket};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// How long any one wait may take.
const WAIT: Duration = Duration::from_secs(10);

/// GUILDS | GUILD_MEMBERS | GUILD_MODERATION | GUILD_MESSAGES | GUILD_MESSAGE_REACTIONS |
/// GUILD_MESSAGE_TYPING | MESSAGE_CONTENT, written as a foreign client would.
const INTENTS: u64 = 1 | 2 | 4 | 512 | 1024 | 2048 | 32768;

/// User-profile decorations the emulator never sends (listed in this crate's `README.md`).
const PROFILE_KEYS: &[&str] = &[
    "clan",
    "collectibles",
    "display_name_styles",
    "primary_guild",
    "display_name",
    "avatar_decoration_data",
];

/// The frames of one live capture file.
fn captured(file: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/discord-api/payloads/captured-accord-jl")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// The JSON type of a value, for comparing shapes.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Where `ours` lacks a key of `real` (recursively, arrays through their first element) or has
/// another JSON type there. A `null` on the real side, or on ours where Discord has a string,
/// number or bool, only says the field is nullable (an avatar hash, a global name); an object
/// or array must be there. Profile decorations are skipped.
fn shape_differences(real: &Value, ours: &Value, path: &str, out: &mut Vec<String>) {
    match (real, ours) {
        (Value::Object(r), Value::Object(o)) => {
            for (k, rv) in r {
                if PROFILE_KEYS.contains(&k.as_str()) || k == "_trace" {
                    continue;
                }
                let p = format!("{path}.{k}");
                match o.get(k) {
                    None => out.push(format!("{p}: missing")),
                    Some(ov) => shape_differences(rv, ov, &p, out),
                }
            }
        }
        (Value::Array(r), Value::Array(o)) => {
            if let (Some(rv), Some(ov)) = (r.first(), o.first()) {
                shape_differences(rv, ov, &format!("{path}[]"), out);
            }
        }
        (Value::Null, _) | (Value::String(_) | Value::Number(_) | Value::Bool(_), Value::Null) => {}
        (r, o) if kind(r) != kind(o) => {
            out.push(format!("{path}: {} here, {} on Discord", kind(o), kind(r)));
        }
        _ => {}
    }
}

fn assert_same_shape(what: &str, real: &Value, ours: &Value) {
    let mut diffs = Vec::new();
    shape_differences(real, ours, what, &mut diffs);
    assert!(
        diffs.is_empty(),
        "{what} differs from Discord: {diffs:#?}\nours: {ours:#}"
    );
}

/// One HTTP/1.1 request on a fresh connection: `(status, JSON body or Null)`.
async fn http(
    addr: &str,
    token: &str,
    method: &str,
    path: &str,
    body: Option<&Value>,
    extra: &str,
) -> (u16, Value) {
    let body = body.map(Value::to_string).unwrap_or_default();
    let request = format!(
        "{method} /api/v10{path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bot {token}\r\n\
         User-Agent: DiscordBot (https://example.com, 1.0)\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n{extra}Connection: close\r\n\r\n{body}",
        body.len()
    );
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    tokio::time::timeout(WAIT, stream.read_to_end(&mut out))
        .await
        .expect("the HTTP response in time")
        .unwrap();
    let text = String::from_utf8(out).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let status = head[9..12].parse().unwrap();
    let body = if body.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
    };
    (status, body)
}

/// A raw gateway connection and the last sequence number it saw.
struct Ws {
    ws: FragmentCollector<TcpStream>,
    seq: Option<u64>,
}

/// Opens the gateway WebSocket (`?v=10&encoding=json`) with a hand-written upgrade.
async fn connect(addr: &str) -> Ws {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "GET /?v=10&encoding=json HTTP/1.1\r\nHost: {addr}\r\nUpgrade: websocket\r\n\
         Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\
         Sec-WebSocket-Version: 13\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    // The response head byte by byte, so no frame after it is consumed.
    let mut head = Vec::new();
    while !head.ends_with(b"\r\n\r\n") {
        let byte = tokio::time::timeout(WAIT, stream.read_u8())
            .await
            .expect("the upgrade response in time")
            .unwrap();
        head.push(byte);
    }
    let head = String::from_utf8(head).unwrap();
    assert!(head.starts_with("HTTP/1.1 101"), "{head}");
    Ws {
        ws: FragmentCollector::new(WebSocket::after_handshake(stream, Role::Client)),
        seq: None,
    }
}

/// What the server sent next: a JSON frame, or a close frame's code and reason.
#[derive(Debug)]
enum Received {
    Json(Value),
    Close(u16, String),
}

async fn receive(ws: &mut Ws) -> Received {
    let frame = tokio::time::timeout(WAIT, ws.ws.read_frame())
        .await
        .expect("a frame in time")
        .unwrap();
    if frame.opcode == OpCode::Close {
        let code = u16::from_be_bytes([frame.payload[0], frame.payload[1]]);
        let reason = String::from_utf8(frame.payload[2..].to_vec()).unwrap();
        return Received::Close(code, reason);
    }
    let v: Value = serde_json::from_slice(&frame.payload).unwrap();
    if let Some(s) = v["s"].as_u64() {
        ws.seq = Some(s);
    }
    Received::Json(v)
}

async fn send(ws: &mut Ws, frame: &Value) {
    ws.ws
        .write_frame(Frame::text(Payload::Owned(frame.to_string().into_bytes())))
        .await
        .unwrap();
}

/// The next frame; panics on a close.
async fn next_frame(ws: &mut Ws) -> Value {
    match receive(ws).await {
        Received::Json(v) => v,
        Received::Close(code, reason) => panic!("closed with {code} {reason:?}"),
    }
}

/// The `d` of the next dispatch named `name` for which `pred` holds (others are skipped).
async fn next_dispatch(ws: &mut Ws, name: &str, pred: impl Fn(&Value) -> bool) -> Value {
    let wait = async {
        loop {
            let f = next_frame(ws).await;
            if f["t"] == json!(name) && pred(&f["d"]) {
                return f["d"].clone();
            }
        }
    };
    tokio::time::timeout(WAIT, wait)
        .await
        .unwrap_or_else(|_| panic!("no {name} in time"))
}

fn identify(token: &str) -> Value {
    json!({"op": 2, "d": {
        "token": token, "intents": INTENTS,
        "properties": {"os": "linux", "browser": "foreign", "device": "foreign"},
    }})
}

/// Every control frame carries `t`, `s`, `op` and `d`, as Discord's do.
fn assert_envelope(frame: &Value, op: u64) {
    let keys: Vec<&str> = frame
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 4, "{frame}");
    assert_eq!(
        (&frame["t"], &frame["s"], &frame["op"]),
        (&Value::Null, &Value::Null, &json!(op)),
        "{frame}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_foreign_client_sees_discords_shapes() {
    let emu = Emulator::builder()
        .port(0)
        .heartbeat_interval(Duration::from_secs(30))
        .start()
        .await
        .unwrap();
    let addr = emu.gateway_url().strip_prefix("ws://").unwrap().to_owned();
    let token = emu.token().to_owned();

    // HELLO, then IDENTIFY with the token written `Bot <token>`, as some libraries send it.
    let mut ws = connect(&addr).await;
    let hello = next_frame(&mut ws).await;
    assert_envelope(&hello, 10);
    assert_same_shape("HELLO", &captured("accordjl-gateway_hello.json")[0], &hello);
    send(&mut ws, &identify(&format!("Bot {token}"))).await;
    let ready = next_dispatch(&mut ws, "READY", |_| true).await;
    let real_ready = &captured("accordjl-gateway_ready.json")[0]["d"];
    assert_same_shape("READY.user", &real_ready["user"], &ready["user"]);
    for key in ["mfa_enabled", "verified"] {
        assert!(ready["user"][key].is_boolean(), "READY.user.{key}");
    }
    assert_eq!(ready["user"].get("email"), Some(&Value::Null));
    let bot_id = ready["user"]["id"].as_str().unwrap().to_owned();
    let application_id = ready["application"]["id"].as_str().unwrap().to_owned();
    let session_id = ready["session_id"].as_str().unwrap().to_owned();
    let guild = next_dispatch(&mut ws, "GUILD_CREATE", |_| true).await;
    let guild_id = guild["id"].as_str().unwrap().to_owned();
    let channel = guild["channels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == json!("general"))
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let alice = guild["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["user"]["username"] == json!("alice"))
        .unwrap()["user"]["id"]
        .as_str()
        .unwrap()
        .to_owned();

    // A heartbeat is ACKed with Discord's full envelope.
    send(&mut ws, &json!({"op": 1, "d": null})).await;
    let ack = tokio::time::timeout(WAIT, async {
        loop {
            let f = next_frame(&mut ws).await;
            if f["op"] == json!(11) {
                return f;
            }
        }
    })
    .await
    .expect("a heartbeat ACK in time");
    assert_eq!(ack, captured("accordjl-gateway_heartbeat_ack.json")[0]);
    assert_envelope(&ack, 11);

    // A command created with `"options": null` (and other nulls) comes back without them.
    let (status, command) = http(
        &addr,
        &token,
        "POST",
        &format!("/applications/{application_id}/commands"),
        Some(
            &json!({"name": "ping", "description": "Ping", "options": null,
            "type": null, "handler": null, "integration_types": null,
            "default_member_permissions": 8}),
        ),
        "",
    )
    .await;
    assert_eq!(status, 201, "{command}");
    assert_eq!(command.get("options"), None, "{command}");
    assert_eq!(command.get("handler"), None, "{command}");
    assert_eq!(command["type"], json!(1));
    assert_eq!(command["integration_types"], json!([0]));
    assert_eq!(command["default_member_permissions"], json!("8"));
    let (_, listed) = http(
        &addr,
        &token,
        "GET",
        &format!("/applications/{application_id}/commands"),
        None,
        "",
    )
    .await;
    assert_eq!(listed[0].get("options"), None, "{listed}");
    let (_, edited) = http(
        &addr,
        &token,
        "PATCH",
        &format!(
            "/applications/{application_id}/commands/{}",
            command["id"].as_str().unwrap()
        ),
        Some(&json!({"options": null, "description": null})),
        "",
    )
    .await;
    assert_eq!(edited.get("options"), None, "{edited}");
    assert_eq!(edited["description"], json!(""), "{edited}");

    // A reply carries the referenced message and a full message_reference, over REST and in
    // MESSAGE_CREATE.
    let (_, original) = http(
        &addr,
        &token,
        "POST",
        &format!("/channels/{channel}/messages"),
        Some(&json!({"content": "original"})),
        "",
    )
    .await;
    let original_id = original["id"].as_str().unwrap().to_owned();
    let created = next_dispatch(&mut ws, "MESSAGE_CREATE", |d| d["id"] == original["id"]).await;
    assert_eq!(
        created["channel_type"],
        json!(0),
        "REST-made MESSAGE_CREATE"
    );
    let (status, reply) = http(
        &addr,
        &token,
        "POST",
        &format!("/channels/{channel}/messages"),
        Some(&json!({"content": "reply", "message_reference": {"message_id": original_id}})),
        "",
    )
    .await;
    assert_eq!(status, 200, "{reply}");
    let reference = json!({"type": 0, "message_id": original_id, "channel_id": channel,
        "guild_id": guild_id});
    let real_reply = captured("accordjl-gateway_message_create.json")
        .into_iter()
        .find(|f| f["d"].get("referenced_message").is_some())
        .unwrap();
    assert_eq!(reply["type"], json!(19));
    assert_eq!(reply["message_reference"], reference);
    assert_eq!(reply["referenced_message"]["id"], json!(original_id));
    assert_eq!(reply["referenced_message"]["content"], json!("original"));
    let reply_event = next_dispatch(&mut ws, "MESSAGE_CREATE", |d| d["id"] == reply["id"]).await;
    assert_eq!(reply_event["message_reference"], reference);
    assert_eq!(reply_event["referenced_message"]["id"], json!(original_id));
    for key in [
        "message_reference",
        "referenced_message",
        "member",
        "channel_type",
    ] {
        assert_same_shape(key, &real_reply["d"][key], &reply_event[key]);
    }
    let (_, unknown) = http(
        &addr,
        &token,
        "POST",
        &format!("/channels/{channel}/messages"),
        Some(&json!({"content": "x", "message_reference": {"message_id": "1"}})),
        "",
    )
    .await;
    assert_eq!(unknown["code"], json!(50035), "{unknown}");
    // Deleted, the referenced message reads as null.
    http(
        &addr,
        &token,
        "DELETE",
        &format!("/channels/{channel}/messages/{original_id}"),
        None,
        "",
    )
    .await;
    let (_, reread) = http(
        &addr,
        &token,
        "GET",
        &format!(
            "/channels/{channel}/messages/{}",
            reply["id"].as_str().unwrap()
        ),
        None,
        "",
    )
    .await;
    assert_eq!(
        reread.get("referenced_message"),
        Some(&Value::Null),
        "{reread}"
    );

    // A reaction made over REST: MESSAGE_REACTION_ADD as Discord sends it.
    let reply_id = reply["id"].as_str().unwrap().to_owned();
    let (status, _) = http(
        &addr,
        &token,
        "PUT",
        &format!("/channels/{channel}/messages/{reply_id}/reactions/%F0%9F%91%8D/@me"),
        None,
        "",
    )
    .await;
    assert_eq!(status, 204);
    let reaction = next_dispatch(&mut ws, "MESSAGE_REACTION_ADD", |_| true).await;
    let real_reaction = &captured("accordjl-gateway_message_reaction_add.json")[0]["d"];
    assert_same_shape("MESSAGE_REACTION_ADD", real_reaction, &reaction);
    assert_eq!(reaction["message_author_id"], json!(bot_id));
    assert_eq!(reaction["member"]["user"]["id"], json!(bot_id));
    assert_eq!(reaction["burst_colors"], json!([]));
    assert_eq!(
        (&reaction["burst"], &reaction["type"]),
        (&json!(false), &json!(0))
    );

    // Typing in a guild channel: TYPING_START with the member.
    let (status, _) = http(
        &addr,
        &token,
        "POST",
        &format!("/channels/{channel}/typing"),
        None,
        "",
    )
    .await;
    assert_eq!(status, 204);
    let typing = next_dispatch(&mut ws, "TYPING_START", |_| true).await;
    assert_eq!(typing["guild_id"], json!(guild_id));
    assert_eq!(typing["member"]["user"]["id"], json!(bot_id));
    assert!(typing["member"]["joined_at"].is_string(), "{typing}");

    // Members by id (op 8): an id that is no member comes back in not_found.
    send(
        &mut ws,
        &json!({"op": 8, "d": {"guild_id": guild_id, "user_ids": [alice, "42"], "nonce": "n"}}),
    )
    .await;
    let chunk = next_dispatch(&mut ws, "GUILD_MEMBERS_CHUNK", |d| d["nonce"] == json!("n")).await;
    assert_eq!(chunk["not_found"], json!(["42"]), "{chunk}");
    assert_eq!(chunk["members"][0]["user"]["id"], json!(alice));

    // A change with an audit-log reason: GUILD_AUDIT_LOG_ENTRY_CREATE.
    let (status, _) = http(
        &addr,
        &token,
        "PATCH",
        &format!("/channels/{channel}"),
        Some(&json!({"topic": "wired"})),
        "X-Audit-Log-Reason: over%20the%20wire\r\n",
    )
    .await;
    assert_eq!(status, 200);
    let entry = next_dispatch(&mut ws, "GUILD_AUDIT_LOG_ENTRY_CREATE", |d| {
        d["action_type"] == json!(11)
    })
    .await;
    assert_eq!(entry["guild_id"], json!(guild_id));
    assert_eq!(entry["target_id"], json!(channel));
    assert_eq!(entry["user_id"], json!(bot_id));
    assert_eq!(entry["reason"], json!("over the wire"));
    assert!(entry["id"].is_string());

    // RESUME on a new connection with the prefixed token: RESUMED.
    let seq = ws.seq.unwrap();
    ws.ws.write_frame(Frame::close(4000, b"")).await.unwrap();
    drop(ws);
    let mut ws = connect(&addr).await;
    next_frame(&mut ws).await;
    send(
        &mut ws,
        &json!({"op": 6, "d": {"token": format!("Bot {token}"), "session_id": session_id, "seq": seq}}),
    )
    .await;
    next_dispatch(&mut ws, "RESUMED", |_| true).await;
    drop(ws);

    // RESUME of a session that does not exist: INVALID_SESSION in the full envelope.
    let mut ws = connect(&addr).await;
    next_frame(&mut ws).await;
    send(
        &mut ws,
        &json!({"op": 6, "d": {"token": token, "session_id": "gone", "seq": 1}}),
    )
    .await;
    let invalid = next_frame(&mut ws).await;
    assert_envelope(&invalid, 9);
    assert_eq!(invalid["d"], json!(false));
    drop(ws);

    // A wrong token: 4004 with Discord's reason.
    let mut ws = connect(&addr).await;
    next_frame(&mut ws).await;
    send(&mut ws, &identify("Bot wrong")).await;
    match receive(&mut ws).await {
        Received::Close(code, reason) => {
            assert_eq!((code, reason.as_str()), (4004, "Authentication failed."));
        }
        other @ Received::Json(_) => panic!("expected a close, got {other:?}"),
    }
    drop(ws);
    emu.shutdown().await;
}

/// The server's own frames (RECONNECT here, scripted) carry the full envelope too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reconnect_carries_the_full_envelope() {
    let emu = Emulator::builder()
        .port(0)
        .heartbeat_interval(Duration::from_secs(30))
        .start()
        .await
        .unwrap();
    let addr = emu.gateway_url().strip_prefix("ws://").unwrap().to_owned();
    let mut ws = connect(&addr).await;
    next_frame(&mut ws).await;
    send(&mut ws, &identify(emu.token())).await;
    next_dispatch(&mut ws, "READY", |_| true).await;
    assert_eq!(emu.send_gateway_reconnect(0), 1);
    let reconnect = tokio::time::timeout(WAIT, async {
        loop {
            let f = next_frame(&mut ws).await;
            if f["op"] == json!(7) {
                return f;
            }
        }
    })
    .await
    .expect("RECONNECT in time");
    assert_envelope(&reconnect, 7);
    assert_eq!(reconnect["d"], Value::Null);
    drop(ws);
    emu.shutdown().await;
}
