//! The dispatcher as a shard's sink starts each handler call where the gateway delivers (here,
//! on a current-thread runtime, the shard's reader task; on a multi-thread one its delivery
//! thread, `gateway_delivery_thread.rs`): a call
//! that finishes at its first poll is done when `deliver` returns (in the order the frames
//! came), one still pending goes on on its own task and is woken normally, and a panic is
//! isolated as on a spawned task.

mod dispatcher_common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use asyncord::dispatcher::{Context, Dispatcher, FailureKind, UnknownEvent, handler};
use asyncord::gateway::EventSink;
use asyncord::model::gateway::EventKind;
use dispatcher_common::{Msg, collect, frame, unknown_frame};
use tokio::sync::mpsc::unbounded_channel;
use tokio::sync::{Mutex, oneshot};

#[handler]
async fn record(event: &Msg, seen: Arc<std::sync::Mutex<Vec<String>>>) {
    seen.lock().unwrap().push(event.content.clone());
}

#[tokio::test]
async fn calls_that_finish_at_once_are_done_when_deliver_returns_in_order() {
    let seen = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let d = Dispatcher::new();
    d.add_argument("seen", Arc::clone(&seen));
    d.add_handler(record);
    let unknown = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&unknown);
    d.add_unknown_handler(move |_e: UnknownEvent, _ctx: Context| {
        counter.fetch_add(1, Ordering::SeqCst);
        async {}
    });
    for i in 0..5 {
        EventSink::deliver(
            &d,
            frame(EventKind::MessageCreate, &format!(r#"{{"content":"{i}"}}"#)),
        );
        // No await in between: the call ran inside `deliver`.
        assert_eq!(seen.lock().unwrap().len(), i + 1);
    }
    EventSink::deliver(&d, unknown_frame("SOON", "{}"));
    assert_eq!(unknown.load(Ordering::SeqCst), 1);
    assert_eq!(*seen.lock().unwrap(), ["0", "1", "2", "3", "4"]);
    assert_eq!(d.in_flight(), 0);
}

#[tokio::test]
async fn a_pending_call_continues_on_its_own_task_and_is_woken() {
    let gate = Arc::new(Mutex::new(None::<oneshot::Receiver<String>>));
    let (done_tx, mut done_rx) = unbounded_channel::<String>();
    let d = Dispatcher::new();
    let slot = Arc::clone(&gate);
    d.add_handler(move |_e: Arc<Msg>, _ctx: Context| {
        let slot = Arc::clone(&slot);
        let done_tx = done_tx.clone();
        async move {
            let rx = slot.lock().await.take().expect("a gate per call");
            // Pending at the first poll: the value is sent after `deliver` returned.
            let value = rx.await.unwrap_or_default();
            let _ = done_tx.send(value);
        }
    });
    let (tx, rx) = oneshot::channel();
    *gate.lock().await = Some(rx);
    EventSink::deliver(&d, frame(EventKind::MessageCreate, "{}"));
    assert_eq!(d.in_flight(), 1, "the call waits on its own task");
    tx.send("opened".to_owned()).unwrap();
    assert_eq!(collect(&mut done_rx, 1).await, ["opened"]);
    tokio::task::yield_now().await;
    assert_eq!(d.in_flight(), 0);
}

#[handler]
async fn explodes(event: Msg) {
    panic!("boom on {}", event.content);
}

#[tokio::test]
async fn a_panic_at_the_first_poll_is_isolated_and_reported() {
    let (tx, mut failures) = unbounded_channel();
    let d = Dispatcher::new();
    d.set_error_hook(move |failure| {
        let _ = tx.send(failure);
    });
    d.add_handler(explodes);
    let seen = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    d.add_argument("seen", Arc::clone(&seen));
    d.add_handler(record);
    EventSink::deliver(&d, frame(EventKind::MessageCreate, r#"{"content":"x"}"#));
    let failure = collect(&mut failures, 1).await.remove(0);
    assert_eq!(failure.handler, "explodes");
    assert!(matches!(&failure.kind, FailureKind::Panic(m) if m == "boom on x"));
    // The other handler of the frame ran, and nothing is left in flight.
    assert_eq!(*seen.lock().unwrap(), ["x"]);
    assert_eq!(d.in_flight(), 0);
}

static CLONES: AtomicUsize = AtomicUsize::new(0);

/// An event that counts its clones.
#[derive(serde::Deserialize)]
struct Counted {
    n: u32,
}

impl Clone for Counted {
    fn clone(&self) -> Self {
        CLONES.fetch_add(1, Ordering::SeqCst);
        Counted { n: self.n }
    }
}

impl asyncord::model::gateway::GatewayEvent for Counted {
    const KIND: EventKind = EventKind::TypingStart;
}

#[handler]
async fn takes_counted(event: Counted, sum: Arc<AtomicUsize>) {
    sum.fetch_add(event.n as usize, Ordering::SeqCst);
}

#[tokio::test]
async fn a_by_value_event_is_moved_to_its_last_handler_at_the_first_poll() {
    let sum = Arc::new(AtomicUsize::new(0));
    let d = Dispatcher::new();
    d.add_argument("sum", Arc::clone(&sum));
    d.add_handler(takes_counted);
    EventSink::deliver(&d, frame(EventKind::TypingStart, r#"{"n":1}"#));
    assert_eq!(sum.load(Ordering::SeqCst), 1);
    assert_eq!(CLONES.load(Ordering::SeqCst), 0, "sole handler: moved");

    d.add_handler(takes_counted);
    EventSink::deliver(&d, frame(EventKind::TypingStart, r#"{"n":2}"#));
    assert_eq!(sum.load(Ordering::SeqCst), 5);
    assert_eq!(CLONES.load(Ordering::SeqCst), 1, "two handlers: one clone");
}
