//! Ctrl-C style shutdown (`stop()`) while handlers run: handlers that finish within the
//! shutdown timeout complete, the others are cancelled at the bound, gateways close, and
//! `start()` returns its summary.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use asyncord::ClientHub;
use asyncord::client_hub::{HubConfig, StopReason};
use asyncord::dispatcher::{HandlerResult, handler};
use asyncord::model::Intents;
use asyncord::model::gateway::events::MessageCreateEvent;
use asyncord::testkit::gateway::ServerEventKind;
use asyncord::testkit::{Emulator, EmulatorBots};
use tokio::sync::Notify;

/// What the slow handler reports through its arguments.
#[derive(Clone, Default)]
struct Progress {
    started: Arc<Notify>,
    finished: Arc<AtomicUsize>,
}

#[handler]
async fn slow(event: MessageCreateEvent, progress: Progress, work_secs: u64) -> HandlerResult {
    if event.content == "!work" {
        progress.started.notify_one();
        tokio::time::sleep(Duration::from_secs(work_secs)).await;
        progress.finished.fetch_add(1, Ordering::SeqCst);
    }
    Ok(())
}

async fn run_with_work(
    work_secs: u64,
    keep_sessions: bool,
) -> (asyncord::client_hub::RunSummary, Progress, Emulator) {
    let emu = Emulator::start().await.expect("emulator");
    let mut hub = ClientHub::with_config(HubConfig {
        shutdown_timeout: Duration::from_secs(10),
        handle_signals: false,
        ..HubConfig::default()
    });
    let group = hub
        .create_client_group_with(
            "worker",
            emu.token(),
            emu.group_config()
                .keep_sessions(keep_sessions)
                .add_intents(Intents::MESSAGE_CONTENT),
        )
        .unwrap();
    let progress = Progress::default();
    group.dispatcher.add_argument("progress", progress.clone());
    group.dispatcher.add_argument("work_secs", work_secs);
    group.dispatcher.add_handler(slow);

    let (summary, ()) = tokio::join!(hub.start(), async {
        emu.wait_for_sessions(1).await.unwrap();
        let started = progress.started.notified();
        emu.users()[0]
            .send_message(emu.channel_id(), "!work")
            .unwrap();
        started.await;
        assert_eq!(group.dispatcher.in_flight(), 1);
        hub.stop();
    });
    // The bound: a stop never takes much more than the shutdown timeout, whatever handlers do.
    (summary.expect("a clean run"), progress, emu)
}

#[tokio::test(start_paused = true)]
async fn handlers_in_flight_finish_within_the_shutdown_timeout() {
    let (summary, progress, emu) =
        tokio::time::timeout(Duration::from_mins(1), run_with_work(3, false))
            .await
            .expect("stop completed within its bound");
    assert_eq!(summary.reason, StopReason::Requested);
    assert_eq!(
        progress.finished.load(Ordering::SeqCst),
        1,
        "the handler ran to its end"
    );
    let report = summary.group("worker").unwrap();
    assert_eq!(report.cancelled_handlers, 0);
    assert!(report.events >= 1);
    assert!(report.sessions.is_empty(), "the session was ended");
    // The gateway was closed with 1000: Discord ends the session and the bot goes offline.
    assert!(
        emu.gateway()
            .events()
            .iter()
            .any(|e| matches!(e.kind, ServerEventKind::ClientClosed { code: Some(1000) }))
    );
}

#[tokio::test(start_paused = true)]
async fn handlers_past_the_timeout_are_cancelled_and_stop_still_completes() {
    let (summary, progress, _emu) =
        tokio::time::timeout(Duration::from_mins(1), run_with_work(3600, false))
            .await
            .expect("stop completed within its bound despite a one-hour handler");
    assert_eq!(
        progress.finished.load(Ordering::SeqCst),
        0,
        "the handler was cancelled"
    );
    let report = summary.group("worker").unwrap();
    assert_eq!(report.cancelled_handlers, 1);
    assert!(report.outcome.is_ok());
}

#[tokio::test(start_paused = true)]
async fn keeping_sessions_closes_resumably_and_reports_the_session() {
    let (summary, _progress, emu) =
        tokio::time::timeout(Duration::from_mins(1), run_with_work(1, true))
            .await
            .expect("stop completed");
    let report = summary.group("worker").unwrap();
    let session = report
        .sessions
        .get(&0)
        .expect("shard 0's session is reported");
    assert_eq!(
        Some(session.session_id.clone()),
        emu.gateway().session_id(0)
    );
    assert!(
        !emu.gateway()
            .events()
            .iter()
            .any(|e| matches!(e.kind, ServerEventKind::ClientClosed { code: Some(1000) })),
        "a resumable close is not 1000"
    );
}

#[tokio::test(start_paused = true)]
async fn stop_requested_before_start_returns_right_after_connecting_nothing_leaks() {
    let emu = Emulator::start().await.expect("emulator");
    let mut hub = ClientHub::with_config(HubConfig {
        handle_signals: false,
        ..HubConfig::default()
    });
    hub.create_client_group_with("early", emu.token(), emu.group_config())
        .unwrap();
    hub.stop();
    let summary = tokio::time::timeout(Duration::from_secs(30), hub.start())
        .await
        .expect("start returned")
        .expect("clean");
    assert_eq!(summary.reason, StopReason::Requested);
    // The hub can start again after a stop.
    let stop = hub.stop_handle();
    let (again, ()) = tokio::join!(hub.start(), async {
        emu.wait_for_sessions(1).await.unwrap();
        stop.stop();
    });
    assert!(again.is_ok());
}
