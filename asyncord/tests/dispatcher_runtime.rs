//! Running handlers: errors and panics are isolated and reach the hook, removal, raw handlers,
//! parse failures, `wait_for` and the in-flight limit.

mod dispatcher_common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use asyncord::dispatcher::{
    Context, DispatchError, Dispatcher, FailureKind, HandlerFailure, HandlerResult, RawEvent,
    WaitError, handler,
};
use asyncord::model::gateway::EventKind;
use dispatcher_common::{Msg, MsgId, Reaction, collect, frame, unknown_frame};
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};

type Tx = UnboundedSender<String>;

#[handler]
async fn fails(_event: Msg) -> HandlerResult {
    Err("database unreachable".into())
}

#[handler]
async fn panics(event: Msg) {
    panic!("boom on {}", event.content);
}

#[handler]
async fn works(event: Msg, tx: Tx) {
    let _ = tx.send(format!("ok {}", event.content));
}

#[handler]
async fn needs_missing(_event: Msg, not_registered: u64) {
    let _ = not_registered;
}

fn hook_channel(d: &Dispatcher) -> tokio::sync::mpsc::UnboundedReceiver<HandlerFailure> {
    let (tx, rx) = unbounded_channel();
    d.set_error_hook(move |failure| {
        let _ = tx.send(failure);
    });
    rx
}

#[tokio::test]
async fn errors_and_panics_are_isolated_and_reported_with_handler_and_event() {
    let (tx, mut rx) = unbounded_channel::<String>();
    let d = Dispatcher::new();
    d.add_argument("tx", tx);
    let mut failures = hook_channel(&d);
    d.add_handler(fails);
    d.add_handler(panics);
    d.add_handler(needs_missing);
    d.add_handler(works);

    assert_eq!(
        d.dispatch(frame(EventKind::MessageCreate, r#"{"content":"a"}"#)),
        4
    );
    assert_eq!(collect(&mut rx, 1).await, ["ok a"]);
    let mut got = collect(&mut failures, 3).await;
    got.sort_by_key(|f| f.handler);
    assert_eq!(got[0].handler, "fails");
    assert_eq!(got[0].event, "MESSAGE_CREATE");
    assert!(
        matches!(&got[0].kind, FailureKind::Error(e) if e.to_string() == "database unreachable")
    );
    assert_eq!(got[1].handler, "needs_missing");
    assert!(matches!(&got[1].kind, FailureKind::Inject(_)));
    assert!(got[1].to_string().contains("not_registered"), "{}", got[1]);
    assert_eq!(got[2].handler, "panics");
    assert!(matches!(&got[2].kind, FailureKind::Panic(m) if m == "boom on a"));

    // The dispatcher keeps working after a panic.
    d.dispatch(frame(EventKind::MessageCreate, r#"{"content":"b"}"#));
    assert_eq!(collect(&mut rx, 1).await, ["ok b"]);
}

#[tokio::test]
async fn a_closure_that_panics_before_its_future_is_isolated_too() {
    let d = Dispatcher::new();
    let mut failures = hook_channel(&d);
    d.add_handler(|_e: Arc<Msg>, _ctx: Context| -> std::future::Ready<()> { panic!("sync panic") });
    d.dispatch(frame(EventKind::MessageCreate, "{}"));
    let got = collect(&mut failures, 1).await;
    assert!(matches!(&got[0].kind, FailureKind::Panic(m) if m == "sync panic"));
}

#[tokio::test]
async fn removed_handlers_receive_nothing_more() {
    let (tx, mut rx) = unbounded_channel::<String>();
    let d = Dispatcher::new();
    d.add_argument("tx", tx);
    let handle = d.add_handler(works);
    let tx2 = d.arguments();
    assert_eq!(tx2.len(), 1);
    assert!(d.wants(Some(EventKind::MessageCreate)));
    d.dispatch(frame(EventKind::MessageCreate, r#"{"content":"1"}"#));
    assert_eq!(collect(&mut rx, 1).await, ["ok 1"]);

    assert_eq!(handle.name(), "works");
    assert!(handle.remove());
    assert!(!handle.remove(), "second removal reports false");
    assert!(!d.wants(Some(EventKind::MessageCreate)));
    assert_eq!(
        d.dispatch(frame(EventKind::MessageCreate, r#"{"content":"2"}"#)),
        0
    );
    assert_eq!(d.handler_count(), 0);
}

#[tokio::test]
async fn each_event_type_is_parsed_once_and_shared() {
    let (tx, mut rx) = unbounded_channel::<Arc<Msg>>();
    let (tx_id, mut rx_id) = unbounded_channel::<String>();
    let d = Dispatcher::new();
    for _ in 0..3 {
        let tx = tx.clone();
        d.add_handler(move |e: Arc<Msg>, _ctx: Context| {
            let _ = tx.send(e);
            async {}
        });
    }
    // A second type for the same kind gets its own parse of the original bytes.
    d.add_handler(move |e: Arc<MsgId>, _ctx: Context| {
        let _ = tx_id.send(e.id.clone());
        async {}
    });
    assert_eq!(
        d.dispatch(frame(
            EventKind::MessageCreate,
            r#"{"id":"77","content":"c"}"#
        )),
        4
    );
    let got = collect(&mut rx, 3).await;
    assert!(Arc::ptr_eq(&got[0], &got[1]) && Arc::ptr_eq(&got[1], &got[2]));
    assert_eq!(got[0].content, "c");
    assert_eq!(collect(&mut rx_id, 1).await, ["77"]);
}

#[tokio::test]
async fn raw_handlers_get_every_dispatch_unknown_names_and_parse_failures() {
    let (tx, mut rx) = unbounded_channel::<RawEvent>();
    let d = Dispatcher::new();
    let mut failures = hook_channel(&d);
    d.add_raw_handler(move |raw: RawEvent, _ctx: Context| {
        let _ = tx.send(raw);
        async {}
    });
    let typed = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&typed);
    d.add_handler(move |_e: Arc<Reaction>, _ctx: Context| {
        counter.fetch_add(1, Ordering::SeqCst);
        async {}
    });
    assert!(d.wants(None) && d.wants_raw());

    // Unknown name: raw only.
    assert_eq!(
        d.dispatch(unknown_frame("BRAND_NEW_EVENT", r#"{"x":1}"#)),
        1
    );
    let raw = collect(&mut rx, 1).await.remove(0);
    assert_eq!(
        (&*raw.name, raw.kind, raw.shard_id, raw.seq),
        ("BRAND_NEW_EVENT", None, 3, 9)
    );
    assert_eq!(raw.json(), Some(r#"{"x":1}"#));
    assert_eq!(raw.parse::<serde_json::Value>().unwrap()["x"], 1);

    // A payload that does not fit the typed event: no typed call, raw gets it with the error
    // and the bytes as received.
    let bad = r#"{"emoji":12}"#;
    assert_eq!(d.dispatch(frame(EventKind::MessageReactionAdd, bad)), 1);
    let raw = collect(&mut rx, 1).await.remove(0);
    assert_eq!(raw.json(), Some(bad));
    let Some(err) = raw.parse_error.as_deref() else {
        panic!("no parse error")
    };
    assert!(matches!(err, DispatchError::Parse { event, .. } if event == "MESSAGE_REACTION_ADD"));
    assert!(err.to_string().contains("Reaction"), "{err}");

    // Valid payload: both.
    assert_eq!(
        d.dispatch(frame(EventKind::MessageReactionAdd, r#"{"emoji":"x"}"#)),
        2
    );
    let raw = collect(&mut rx, 1).await.remove(0);
    assert!(raw.parse_error.is_none());
    tokio::task::yield_now().await;
    // Handler failures are not involved in any of this.
    assert!(failures.try_recv().is_err());
}

#[tokio::test]
async fn malformed_json_never_panics() {
    let d = Dispatcher::new();
    d.add_handler(|_e: Arc<Msg>, _ctx: Context| async {});
    for junk in [
        "",
        "{",
        "nul",
        "[1,2",
        "\"\\u12\"",
        "{\"content\":1}",
        "\u{0}",
    ] {
        assert_eq!(
            d.dispatch(frame(EventKind::MessageCreate, junk)),
            0,
            "{junk:?}"
        );
    }
    let mut invalid_utf8 = frame(EventKind::MessageCreate, "");
    invalid_utf8.data = b"{\"content\":\"\xff\xfe\"}"[..].into();
    assert_eq!(d.dispatch(invalid_utf8), 0);
}

#[tokio::test(start_paused = true)]
async fn wait_for_returns_the_first_matching_event() {
    let d = Dispatcher::new();
    let waiter = {
        let d = d.clone();
        tokio::spawn(async move {
            d.wait_for::<Msg>(|m| m.content == "yes", Duration::from_secs(30))
                .await
        })
    };
    tokio::task::yield_now().await;
    assert!(
        d.wants(Some(EventKind::MessageCreate)),
        "a pending wait_for wants its event"
    );
    assert!(d.wanted_events().contains(EventKind::MessageCreate));
    d.dispatch(frame(EventKind::MessageCreate, r#"{"content":"no"}"#));
    d.dispatch(frame(EventKind::MessageCreate, r#"{"content":"yes"}"#));
    let got = waiter.await.unwrap().unwrap();
    assert_eq!(got.content, "yes");
    assert!(
        !d.wants(Some(EventKind::MessageCreate)),
        "done waiters are removed"
    );
}

#[tokio::test(start_paused = true)]
async fn wait_for_times_out_and_unregisters() {
    let d = Dispatcher::new();
    let err = d
        .wait_for::<Msg>(|_| true, Duration::from_secs(5))
        .await
        .unwrap_err();
    assert_eq!(
        err,
        WaitError::Timeout {
            event: "MESSAGE_CREATE",
            after: Duration::from_secs(5)
        }
    );
    assert!(!d.wants(Some(EventKind::MessageCreate)));
}

#[tokio::test(start_paused = true)]
async fn wait_for_from_inside_a_handler() {
    let (tx, mut rx) = unbounded_channel::<String>();
    let d = Dispatcher::new();
    d.add_argument("tx", tx);
    d.add_handler(ask);
    d.dispatch(frame(EventKind::MessageCreate, r#"{"content":"question"}"#));
    tokio::task::yield_now().await;
    d.dispatch(frame(EventKind::MessageReactionAdd, r#"{"emoji":"no"}"#));
    d.dispatch(frame(EventKind::MessageReactionAdd, r#"{"emoji":"ok"}"#));
    assert_eq!(collect(&mut rx, 1).await, ["question answered with ok"]);
}

#[handler]
async fn ask(event: Msg, tx: Tx, dispatcher: Dispatcher) -> HandlerResult {
    let reply = dispatcher
        .wait_for::<Reaction>(|r| r.emoji == "ok", Duration::from_secs(60))
        .await?;
    tx.send(format!("{} answered with {}", event.content, reply.emoji))?;
    Ok(())
}

#[tokio::test(start_paused = true)]
async fn in_flight_limit_bounds_concurrent_handlers() {
    let d = Dispatcher::new();
    d.set_max_in_flight(Some(2));
    let running = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let (done_tx, mut done_rx) = unbounded_channel::<()>();
    {
        let (running, peak) = (running.clone(), peak.clone());
        d.add_handler(move |_e: Arc<Msg>, _ctx: Context| {
            let (running, peak, done_tx) = (running.clone(), peak.clone(), done_tx.clone());
            async move {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(now, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(100)).await;
                running.fetch_sub(1, Ordering::SeqCst);
                let _ = done_tx.send(());
            }
        });
    }
    for _ in 0..10 {
        d.dispatch(frame(EventKind::MessageCreate, "{}"));
    }
    collect(&mut done_rx, 10).await;
    assert_eq!(peak.load(Ordering::SeqCst), 2);
}

#[tokio::test(start_paused = true)]
async fn in_flight_counts_calls_until_they_end_and_saturation_pushes_back() {
    use asyncord::gateway::EventSink;

    let d = Dispatcher::new();
    let gate = Arc::new(tokio::sync::Semaphore::new(0));
    {
        let gate = gate.clone();
        d.add_handler(move |_e: Arc<Msg>, _ctx: Context| {
            let gate = gate.clone();
            async move {
                let _ = gate
                    .acquire()
                    .await
                    .map(tokio::sync::SemaphorePermit::forget);
            }
        });
    }
    let n = asyncord::dispatcher::SATURATED_AT + 1;
    for _ in 0..n {
        d.deliver(frame(EventKind::MessageCreate, r#"{"content":"x"}"#));
    }
    // Queued and running calls count alike.
    assert_eq!(d.in_flight(), n);
    assert!(d.is_saturated());
    let resumed = d.unsaturated();
    tokio::pin!(resumed);
    assert!(
        tokio::time::timeout(Duration::from_secs(1), resumed.as_mut())
            .await
            .is_err(),
        "still saturated"
    );
    // Saturation is left at the count that entered it: once two of them finish (one below
    // the bound), the sink is ready again.
    gate.add_permits(1);
    assert!(
        tokio::time::timeout(Duration::from_secs(1), resumed.as_mut())
            .await
            .is_err(),
        "still at the bound"
    );
    gate.add_permits(1);
    tokio::time::timeout(Duration::from_secs(10), resumed)
        .await
        .expect("unsaturated once below the bound");
    assert!(!d.is_saturated());
    assert_eq!(d.in_flight(), asyncord::dispatcher::SATURATED_AT - 1);
    // A shut-down dispatcher takes nothing: it is saturated until reopened.
    let shut = d.clone();
    let shutting = tokio::spawn(async move { shut.shutdown(Duration::from_secs(3600)).await });
    tokio::task::yield_now().await;
    assert!(d.is_saturated());
    d.reopen();
    assert!(!d.is_saturated());
    gate.add_permits(n);
    shutting.abort();
    tokio::time::timeout(Duration::from_secs(10), async {
        while d.in_flight() > 0 {
            tokio::task::yield_now().await;
        }
    })
    .await
    .expect("every call counted out");
}

#[tokio::test]
async fn payloads_larger_than_the_kept_parser_buffers_parse_too() {
    let (tx, mut rx) = unbounded_channel::<String>();
    let d = Dispatcher::new();
    d.add_argument("tx", tx);
    d.add_handler(works);
    // Above the size whose parser buffers a thread keeps (64 KiB), then an ordinary one.
    let large = "x".repeat(200_000);
    for content in [large.as_str(), "small", large.as_str()] {
        let json = format!(r#"{{"content":"{content}"}}"#);
        assert_eq!(d.dispatch(frame(EventKind::MessageCreate, &json)), 1);
        assert_eq!(collect(&mut rx, 1).await, [format!("ok {content}")]);
    }
}
