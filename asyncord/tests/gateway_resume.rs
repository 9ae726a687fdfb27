//! Resuming: 10,000 events through a dropped connection, op 7 and a zombie arrive exactly once and
//! in order; op 9 both ways; close codes that resume or start a new session; handing a session
//! over to a new client.

mod gateway_support;

use std::time::Duration;

use asyncord::gateway::{Compression, Gateway};
use asyncord::testkit::gateway::ServerEventKind;
use gateway_support::*;
use serde_json::json;

const MESSAGE: &str = r#"{"id":"1","channel_id":"2","guild_id":"81384788765712384","author":{"id":"7","username":"u"},"content":"hello","embeds":[],"attachments":[],"mentions":[]}"#;

/// Collects dispatches until `last` arrives; returns their sequence numbers.
async fn collect_until(gw: &mut Gateway, last: u64, seqs: &mut Vec<u64>) {
    loop {
        let f = next(gw).await;
        seqs.push(f.seq);
        if f.seq >= last {
            return;
        }
    }
}

#[tokio::test(start_paused = true)]
async fn ten_thousand_events_through_drop_reconnect_and_zombie_arrive_once_in_order() {
    for compression in [
        Compression::ZstdStream,
        Compression::ZlibStream,
        Compression::None,
    ] {
        let env = setup(server_config()).await;
        let mut gw = Gateway::connect(client_config(&env, compression))
            .await
            .unwrap();
        let mut seqs = Vec::new();
        let s = &env.server;
        collect_until(&mut gw, 3, &mut seqs).await; // READY + 2 GUILD_CREATE
        let batch = || std::iter::repeat_n(("MESSAGE_CREATE", MESSAGE), 2_500);

        // 1. the connection drops with events in flight
        s.flood(0, batch()).unwrap();
        s.drop_connection(0);
        // a stale duplicate must be ignored
        s.send_raw(0, r#"{"t":"MESSAGE_CREATE","s":5,"op":0,"d":{}}"#);
        let last = s.flood(0, batch()).unwrap();
        collect_until(&mut gw, last, &mut seqs).await;
        s.send_raw(0, r#"{"t":"MESSAGE_CREATE","s":5,"op":0,"d":{}}"#);

        // 2. op 7 RECONNECT in the middle of a burst
        s.flood(0, batch().take(1_000)).unwrap();
        s.send_reconnect(0);
        let last = s.flood(0, batch().take(1_500)).unwrap();
        collect_until(&mut gw, last, &mut seqs).await;

        // 3. a zombie: ACKs stop, the client notices, closes and resumes
        s.set_acking(0, false);
        s.flood(0, batch().take(1_000)).unwrap();
        // The third connection to end (after the drop and op 7). Not "the client's close frame
        // arrived": the server may still be writing the flood and never read it.
        s.wait_for(|ev| count(ev, |k| matches!(k, ServerEventKind::Disconnected)) >= 3)
            .await;
        s.set_acking(0, true);
        let last = s.flood(0, batch().take(1_500)).unwrap();
        collect_until(&mut gw, last, &mut seqs).await;

        let expected: Vec<u64> = (1..=last).collect();
        assert_eq!(seqs.len(), expected.len(), "{compression:?}");
        assert!(
            seqs == expected,
            "sequence numbers out of order or repeated ({compression:?})"
        );
        let events = s.events();
        let messages = seqs.len() - 3 - resumes(&events);
        assert_eq!(messages, 10_000);
        assert_eq!(identifies(&events), 1, "no new session was needed");
        assert_eq!(resumes(&events), 3);
        let replayed: usize = events
            .iter()
            .map(|e| match e.kind {
                ServerEventKind::Resumed { replayed, .. } => replayed,
                _ => 0,
            })
            .sum();
        assert!(replayed > 0, "some events were lost in flight and replayed");
    }
}

#[tokio::test(start_paused = true)]
async fn invalid_session_resumable_resumes() {
    let env = setup(server_config()).await;
    let mut gw = Gateway::connect(client_config(&env, Compression::ZstdStream))
        .await
        .unwrap();
    until(&mut gw, "GUILD_CREATE").await;
    env.server.invalidate_session(0, true);
    until(&mut gw, "RESUMED").await;
    let events = env.server.events();
    assert_eq!((identifies(&events), resumes(&events)), (1, 1));
}

#[tokio::test(start_paused = true)]
async fn invalid_session_not_resumable_identifies_again_after_1_to_5_s() {
    let env = setup(server_config()).await;
    let mut gw = Gateway::connect(client_config(&env, Compression::ZstdStream))
        .await
        .unwrap();
    until(&mut gw, "GUILD_CREATE").await;
    let old = gw.handle().session(0).unwrap();
    env.server.invalidate_session(0, false);
    let ready = until(&mut gw, "READY").await;
    assert_eq!(ready.seq, 1, "a new session starts from 1");
    let events = env.server.events();
    assert_eq!((identifies(&events), resumes(&events)), (2, 0));
    let closed = events
        .iter()
        .find(|e| matches!(e.kind, ServerEventKind::Disconnected))
        .unwrap()
        .at;
    let second = events
        .iter()
        .filter(|e| matches!(e.kind, ServerEventKind::Identified { .. }))
        .nth(1)
        .unwrap()
        .at;
    let waited = second - closed;
    assert!(
        waited >= Duration::from_secs(1) && waited <= Duration::from_secs(6),
        "{waited:?}"
    );
    assert_ne!(gw.handle().session(0).unwrap().session_id, old.session_id);
}

#[tokio::test(start_paused = true)]
async fn resume_of_a_forgotten_session_falls_back_to_identify() {
    let env = setup(server_config()).await;
    let cfg = client_config(&env, Compression::None).resume_from(
        0,
        asyncord::gateway::Session {
            session_id: "no-such-session".into(),
            sequence: 42,
            resume_url: env.server.url(),
        },
    );
    let mut gw = Gateway::connect(cfg).await.unwrap();
    let ready = until(&mut gw, "READY").await;
    assert_eq!(ready.seq, 1);
    let events = env.server.events();
    assert_eq!(
        count(&events, |k| matches!(k, ServerEventKind::ResumeRejected)),
        1
    );
    assert_eq!(identifies(&events), 1);
}

#[tokio::test(start_paused = true)]
async fn close_codes_4003_4007_4009_start_a_new_session() {
    for code in [4003, 4007, 4009] {
        let env = setup(server_config()).await;
        let mut gw = Gateway::connect(client_config(&env, Compression::ZlibStream))
            .await
            .unwrap();
        until(&mut gw, "GUILD_CREATE").await;
        env.server.close(0, code);
        let ready = until(&mut gw, "READY").await;
        assert_eq!(ready.seq, 1, "{code}");
        let events = env.server.events();
        assert_eq!((identifies(&events), resumes(&events)), (2, 0), "{code}");
    }
}

#[tokio::test(start_paused = true)]
async fn other_close_codes_resume() {
    for code in [4000, 4001, 4002, 4005, 4008, 1011] {
        let env = setup(server_config()).await;
        let mut gw = Gateway::connect(client_config(&env, Compression::ZlibStream))
            .await
            .unwrap();
        until(&mut gw, "GUILD_CREATE").await;
        until(&mut gw, "GUILD_CREATE").await;
        env.server.close(0, code);
        let f = until(&mut gw, "RESUMED").await;
        assert_eq!(f.seq, 4, "{code}");
        let events = env.server.events();
        assert_eq!((identifies(&events), resumes(&events)), (1, 1), "{code}");
    }
}

#[tokio::test(start_paused = true)]
async fn session_handover_resumes_without_identify() {
    let env = setup(server_config()).await;
    let mut first = Gateway::connect(client_config(&env, Compression::ZstdStream))
        .await
        .unwrap();
    until(&mut first, "GUILD_CREATE").await;
    until(&mut first, "GUILD_CREATE").await;
    let sessions = first.shutdown().await;
    let saved = sessions[&0].clone();
    assert_eq!(saved.sequence, 3);
    // events that happen while no process is connected
    for i in 0..3 {
        env.server
            .dispatch(0, "TYPING_START", &json!({"channel_id": i.to_string()}))
            .unwrap();
    }
    let cfg = client_config(&env, Compression::ZstdStream).resume_from(0, saved);
    let mut second = Gateway::connect(cfg).await.unwrap();
    let got: Vec<_> = [
        next(&mut second).await,
        next(&mut second).await,
        next(&mut second).await,
        next(&mut second).await,
    ]
    .into_iter()
    .map(|f| (f.name.into_owned(), f.seq))
    .collect();
    assert_eq!(
        got,
        [
            ("TYPING_START".to_owned(), 4),
            ("TYPING_START".to_owned(), 5),
            ("TYPING_START".to_owned(), 6),
            ("RESUMED".to_owned(), 7)
        ]
    );
    let events = env.server.events();
    assert_eq!((identifies(&events), resumes(&events)), (1, 1));
    // the first client closed with a code that keeps the session
    assert!(
        events
            .iter()
            .any(|e| matches!(e.kind, ServerEventKind::ClientClosed { code: Some(4000) }))
    );
}

#[tokio::test(start_paused = true)]
async fn a_server_that_keeps_closing_is_met_with_growing_backoff() {
    let env = setup(server_config()).await;
    let mut gw = Gateway::connect(client_config(&env, Compression::ZstdStream))
        .await
        .unwrap();
    until(&mut gw, "GUILD_CREATE").await;
    until(&mut gw, "GUILD_CREATE").await;
    for _ in 0..5 {
        env.server.close(0, 4000);
        until(&mut gw, "RESUMED").await;
    }
    let events = env.server.events();
    let at = |conn: u64, f: fn(&ServerEventKind) -> bool| {
        events
            .iter()
            .find(|e| e.conn == conn && f(&e.kind))
            .unwrap()
            .at
    };
    for k in 1..=5u32 {
        let gone = at(u64::from(k), |e| matches!(e, ServerEventKind::Disconnected));
        let back = at(u64::from(k) + 1, |e| {
            matches!(e, ServerEventKind::Connected { .. })
        });
        let nominal = Duration::from_millis(500 * (1 << k));
        let gap = back - gone;
        assert!(
            gap >= nominal / 2 && gap <= nominal,
            "reconnect {k}: {gap:?}"
        );
    }
    assert_eq!(identifies(&events), 1);
}
