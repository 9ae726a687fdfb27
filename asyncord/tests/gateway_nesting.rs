//! JSON nested deeper than the gateway's limit (128 levels, as serde_json) is rejected by the
//! shard's scan of `d`, before any parser recurses into it: a 20,000-deep array would overflow
//! the stack of a recursive parser and abort the process. The frame is logged and skipped, and
//! the shard goes on — whether the nesting hides in an ignored field of a known event, in an
//! unknown event, or in the READY or HELLO the shard reads itself.

mod gateway_fake;
mod gateway_support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use asyncord::dispatcher::{Context, Dispatcher, RawEvent};
use asyncord::gateway::{Compression, Gateway};
use asyncord::model::gateway::{MessageCreateEvent, ReadyEvent};
use gateway_fake::{FakeGateway, Logs};
use gateway_support::*;

const DEPTH: usize = 20_000;

fn deep() -> String {
    "[".repeat(DEPTH) + &"]".repeat(DEPTH)
}

fn message(content: &str, extra: &str) -> String {
    format!(
        r#"{{"id":"1","channel_id":"2","author":{{"id":"7","username":"u"}},"content":"{content}","timestamp":"2024-01-01T00:00:00.000000+00:00","type":0{extra}}}"#
    )
}

/// A dispatcher recording the content of each MESSAGE_CREATE, the name of each raw dispatch and
/// whether READY was handled.
fn recording() -> (Dispatcher, Arc<Mutex<Vec<String>>>) {
    let dispatcher = Dispatcher::new();
    let seen: Arc<Mutex<Vec<String>>> = Arc::default();
    let record = seen.clone();
    dispatcher.add_handler(move |event: Arc<MessageCreateEvent>, _ctx: Context| {
        record.lock().unwrap().push(event.content.clone());
        async {}
    });
    let record = seen.clone();
    dispatcher.add_handler(move |_event: Arc<ReadyEvent>, _ctx: Context| {
        record.lock().unwrap().push("READY".to_owned());
        async {}
    });
    let record = seen.clone();
    dispatcher.add_raw_handler(move |event: RawEvent, _ctx| {
        if event.kind.is_none() {
            record.lock().unwrap().push(event.name.to_string());
        }
        async {}
    });
    (dispatcher, seen)
}

async fn seen_within(seen: &Mutex<Vec<String>>, what: &str) {
    tokio::time::timeout(Duration::from_secs(120), async {
        while !seen.lock().unwrap().iter().any(|s| s == what) {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .unwrap_or_else(|_| panic!("{what} was not handled"));
}

#[tokio::test(start_paused = true)]
async fn deep_nesting_in_a_dispatch_is_skipped_and_the_shard_goes_on() {
    let (logs, _guard) = Logs::capture();
    let env = setup(server_config()).await;
    let (dispatcher, seen) = recording();
    let config = client_config(&env, Compression::ZstdStream).sink(dispatcher);
    let gw = Gateway::connect(config).await.unwrap();
    let handle = gw.handle();
    tokio::time::timeout(Duration::from_secs(60), handle.wait_connected())
        .await
        .unwrap();

    let known = env
        .server
        .dispatch_raw(
            0,
            "MESSAGE_CREATE",
            &message("deep", &format!(r#","x":{}"#, deep())),
        )
        .unwrap();
    let unknown = env
        .server
        .dispatch_raw(0, "SOME_FUTURE_EVENT", &format!(r#"{{"x":{}}}"#, deep()))
        .unwrap();
    env.server
        .dispatch_raw(0, "MESSAGE_CREATE", &message("after", ""))
        .unwrap();
    env.server
        .dispatch_raw(0, "ANOTHER_FUTURE_EVENT", "{}")
        .unwrap();
    seen_within(&seen, "after").await;
    seen_within(&seen, "ANOTHER_FUTURE_EVENT").await;

    let seen = seen.lock().unwrap().clone();
    assert!(!seen.iter().any(|s| s == "deep" || s == "SOME_FUTURE_EVENT"));
    for (name, seq) in [("MESSAGE_CREATE", known), ("SOME_FUTURE_EVENT", unknown)] {
        let lines = logs.lines_with(&[name, &format!("seq={seq}"), "nested deeper than 128"]);
        assert_eq!(lines.len(), 1, "{name}:\n{}", logs.text());
    }
    assert_eq!(resumes(&env.server.events()), 0);
    assert_eq!(
        handle.session(0).unwrap().sequence,
        env.server.last_seq(0).unwrap()
    );
    handle.shutdown();
}

#[tokio::test(start_paused = true)]
async fn deep_nesting_in_hello_or_ready_is_skipped_and_the_shard_goes_on() {
    let (logs, _guard) = Logs::capture();
    let mut fake = FakeGateway::new();
    let (dispatcher, seen) = recording();
    let gw = Gateway::connect(fake.client_config(Compression::ZlibStream).sink(dispatcher))
        .await
        .unwrap();
    let handle = gw.handle();

    // A HELLO that cannot be read is no HELLO: the shard gives up on the connection after its
    // HELLO timeout and connects again.
    let mut conn = fake.accept().await;
    conn.send(&format!(
        r#"{{"t":null,"s":null,"op":10,"d":{{"heartbeat_interval":1000,"x":{}}}}}"#,
        deep()
    ))
    .await
    .unwrap();
    let mut conn = fake.accept().await;

    // A READY with deep nesting in a field nobody reads: skipped, not handed to the handlers.
    conn.hello(41_250).await.unwrap();
    conn.expect_op(2).await.expect("IDENTIFY");
    let ready = format!(
        r#"{{"v":10,"user":{{"id":"1","username":"bot"}},"guilds":[],"session_id":"s","resume_gateway_url":"ws://fake.gateway","x":{}}}"#,
        deep()
    );
    conn.dispatch(1, "READY", &ready).await.unwrap();
    conn.dispatch(2, "MESSAGE_CREATE", &message("after", ""))
        .await
        .unwrap();
    seen_within(&seen, "after").await;
    assert!(!seen.lock().unwrap().iter().any(|s| s == "READY"));
    assert_eq!(
        logs.lines_with(&["HELLO", "nested deeper than 128"]).len(),
        1,
        "{}",
        logs.text()
    );
    assert_eq!(
        logs.lines_with(&["READY", "seq=1", "nested deeper than 128"])
            .len(),
        1,
        "{}",
        logs.text()
    );
    handle.shutdown();
}
