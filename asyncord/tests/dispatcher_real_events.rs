//! The model's real event types, fed with captured gateway frames, through `#[handler]` in each
//! event shape, and through a raw handler that turns frames into the model's `Event`.

mod dispatcher_common;

use std::path::PathBuf;
use std::sync::Arc;

use asyncord::dispatcher::{Context, Dispatcher, HandlerResult, RawEvent, handler};
use asyncord::gateway::DispatchFrame;
use asyncord::model::gateway::{Event, EventKind, GuildCreateEvent, MessageCreateEvent};
use dispatcher_common::collect;
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};

type Tx = UnboundedSender<String>;

/// Every captured dispatch frame of one file, as the gateway would hand them over.
fn captured(file: &str) -> Vec<DispatchFrame> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/discord-api/payloads/captured-accord-jl")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let frames: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    frames
        .into_iter()
        .filter(|f| f["op"] == 0)
        .map(|f| {
            let name = f["t"].as_str().unwrap().to_owned();
            DispatchFrame {
                shard_id: 0,
                seq: f["s"].as_u64().unwrap(),
                kind: EventKind::from_name(&name),
                name: name.into(),
                data: serde_json::to_vec(&f["d"]).unwrap()[..].into(),
            }
        })
        .collect()
}

#[handler]
async fn owned(event: MessageCreateEvent, tx: Tx) -> HandlerResult {
    tx.send(format!("owned {} {}", event.author.id, event.content))?;
    Ok(())
}

#[handler]
async fn borrowed(event: &MessageCreateEvent, tx: Tx) -> HandlerResult {
    tx.send(format!("borrowed {} {}", event.author.id, event.content))?;
    Ok(())
}

#[handler]
async fn shared(event: Arc<MessageCreateEvent>, tx: Tx) -> HandlerResult {
    tx.send(format!("shared {} {}", event.author.id, event.content))?;
    Ok(())
}

#[tokio::test]
async fn captured_message_creates_reach_handlers_of_every_shape() {
    let frames = captured("accordjl-gateway_message_create.json");
    assert!(!frames.is_empty());
    let (tx, mut rx) = unbounded_channel::<String>();
    let d = Dispatcher::new();
    d.add_argument("tx", tx);
    d.add_handler(owned);
    d.add_handler(borrowed);
    d.add_handler(shared);
    d.check_arguments().unwrap();
    for frame in frames {
        let d_json: serde_json::Value = serde_json::from_slice(&frame.data).unwrap();
        let expect = format!(
            "{} {}",
            d_json["author"]["id"].as_str().unwrap(),
            d_json["content"].as_str().unwrap()
        );
        assert_eq!(d.dispatch(frame), 3);
        let mut got = collect(&mut rx, 3).await;
        got.sort();
        assert_eq!(
            got,
            [
                format!("borrowed {expect}"),
                format!("owned {expect}"),
                format!("shared {expect}")
            ]
        );
    }
}

#[tokio::test]
async fn raw_handlers_can_read_the_model_event() {
    let (tx, mut rx) = unbounded_channel::<String>();
    let d = Dispatcher::new();
    d.add_raw_handler(move |raw: RawEvent, _ctx: Context| {
        let line = match raw.to_event() {
            Ok(Event::GuildCreate(g)) => format!("guild {}", g_id(&g)),
            Ok(other) => format!("other {}", other.name()),
            Err(e) => format!("error {e}"),
        };
        let _ = tx.send(line);
        async {}
    });
    let frames = captured("accordjl-gateway_guild_create.json");
    let n = frames.len();
    for frame in frames {
        d.dispatch(frame);
    }
    for line in collect(&mut rx, n).await {
        assert!(line.starts_with("guild "), "{line}");
    }
}

fn g_id(event: &GuildCreateEvent) -> String {
    serde_json::to_value(event).unwrap()["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn a_payload_that_does_not_fit_is_reported_with_its_json_path() {
    let (tx, mut rx) = unbounded_channel::<RawEvent>();
    let d = Dispatcher::new();
    d.add_handler(|_e: Arc<MessageCreateEvent>, _ctx: Context| async {
        let ran: HandlerResult = Err("must not run for a payload that does not parse".into());
        ran
    });
    let mut failures = {
        let (tx, rx) = unbounded_channel();
        d.set_error_hook(move |f| {
            let _ = tx.send(f.to_string());
        });
        rx
    };
    d.add_raw_handler(move |raw: RawEvent, _ctx: Context| {
        let _ = tx.send(raw);
        async {}
    });
    let mut frame = captured("accordjl-gateway_message_create.json").remove(0);
    let mut json: serde_json::Value = serde_json::from_slice(&frame.data).unwrap();
    json["author"]["id"] = serde_json::Value::Bool(true);
    frame.data = serde_json::to_vec(&json).unwrap()[..].into();
    assert_eq!(d.dispatch(frame), 1, "only the raw handler runs");
    let raw = collect(&mut rx, 1).await.remove(0);
    let error = raw.parse_error.expect("the parse error is handed on");
    let text = error.to_string();
    assert!(
        text.contains("MESSAGE_CREATE") && text.contains("at `.author.id`"),
        "{text}"
    );
    tokio::task::yield_now().await;
    assert!(
        failures.try_recv().is_err(),
        "the typed handler did not run"
    );
}
