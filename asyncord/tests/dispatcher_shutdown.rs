//! `Dispatcher::shutdown`: it stops taking dispatches at once, waits up to its grace for the
//! handler calls in flight, cancels the ones still running (their futures are dropped) and
//! reports how many; `reopen` takes dispatches again.

mod dispatcher_common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use asyncord::dispatcher::{Dispatcher, HandlerResult};
use asyncord::model::gateway::EventKind;
use dispatcher_common::{Msg, frame};
use tokio::time::Instant;

/// Counts the calls that ran to their end and the ones whose future was dropped unfinished.
#[derive(Default)]
struct Outcomes {
    finished: AtomicUsize,
    dropped: AtomicUsize,
}

/// Increments `dropped` when dropped before `finish`.
struct DropProbe(Arc<Outcomes>, bool);

impl DropProbe {
    fn finish(mut self) {
        self.1 = true;
        self.0.finished.fetch_add(1, Ordering::SeqCst);
    }
}

impl Drop for DropProbe {
    fn drop(&mut self) {
        if !self.1 {
            self.0.dropped.fetch_add(1, Ordering::SeqCst);
        }
    }
}

/// A dispatcher whose MESSAGE_CREATE handler sleeps for the number of seconds in `content`.
fn sleeper(outcomes: &Arc<Outcomes>) -> Dispatcher {
    let dispatcher = Dispatcher::new();
    let outcomes = Arc::clone(outcomes);
    dispatcher.add_handler_for::<Msg, _>(move |event, _ctx| {
        let probe = DropProbe(Arc::clone(&outcomes), false);
        async move {
            let secs: u64 = event.content.parse().unwrap_or(0);
            if secs > 0 {
                tokio::time::sleep(Duration::from_secs(secs)).await;
            }
            probe.finish();
            HandlerResult::Ok(())
        }
    });
    dispatcher
}

fn message(secs: u64) -> asyncord::gateway::DispatchFrame {
    frame(
        EventKind::MessageCreate,
        &format!(r#"{{"content":"{secs}"}}"#),
    )
}

#[tokio::test(start_paused = true)]
async fn shutdown_waits_for_quick_calls_then_cancels_and_counts_the_slow_ones() {
    let outcomes = Arc::new(Outcomes::default());
    let dispatcher = sleeper(&outcomes);
    for secs in [1, 2, 3600, 3600, 7200] {
        assert_eq!(dispatcher.dispatch(message(secs)), 1);
    }
    assert_eq!(dispatcher.in_flight(), 5);

    let start = Instant::now();
    let cancelled = dispatcher.shutdown(Duration::from_secs(10)).await;
    let took = start.elapsed();

    assert_eq!(
        cancelled, 3,
        "the three calls still running at the grace were cancelled"
    );
    assert_eq!(outcomes.finished.load(Ordering::SeqCst), 2);
    assert_eq!(
        outcomes.dropped.load(Ordering::SeqCst),
        3,
        "their futures were dropped"
    );
    assert_eq!(dispatcher.in_flight(), 0);
    assert!(
        took >= Duration::from_secs(10),
        "waited the whole grace: {took:?}"
    );
    assert!(
        took < Duration::from_secs(12),
        "did not wait for the slow calls: {took:?}"
    );

    // Shut: nothing more is taken, and the gateway is told so.
    assert!(dispatcher.is_shut_down());
    assert!(!dispatcher.wants(Some(EventKind::MessageCreate)));
    assert_eq!(dispatcher.dispatch(message(0)), 0);

    // Reopened: dispatches run again, and a later cancellation does not reach them.
    dispatcher.reopen();
    assert!(dispatcher.wants(Some(EventKind::MessageCreate)));
    assert_eq!(dispatcher.dispatch(message(1)), 1);
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(outcomes.finished.load(Ordering::SeqCst), 3);
}

#[tokio::test(start_paused = true)]
async fn shutdown_with_nothing_running_returns_at_once_having_cancelled_nothing() {
    let outcomes = Arc::new(Outcomes::default());
    let dispatcher = sleeper(&outcomes);
    // A call that finishes at its first poll never waits on the cancel signal.
    assert_eq!(dispatcher.dispatch(message(0)), 1);
    tokio::task::yield_now().await;
    let start = Instant::now();
    assert_eq!(dispatcher.shutdown(Duration::from_secs(10)).await, 0);
    assert_eq!(start.elapsed(), Duration::ZERO);
    assert_eq!(outcomes.finished.load(Ordering::SeqCst), 1);
}

#[tokio::test(start_paused = true)]
async fn calls_waiting_for_an_in_flight_slot_are_cancelled_too() {
    let outcomes = Arc::new(Outcomes::default());
    let dispatcher = sleeper(&outcomes);
    dispatcher.set_max_in_flight(Some(1));
    for _ in 0..3 {
        dispatcher.dispatch(message(3600));
    }
    assert_eq!(dispatcher.shutdown(Duration::from_secs(1)).await, 3);
    assert_eq!(dispatcher.in_flight(), 0);
    assert_eq!(outcomes.finished.load(Ordering::SeqCst), 0);
}
