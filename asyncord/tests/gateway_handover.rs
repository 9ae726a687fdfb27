//! `Gateway::shutdown` in the middle of a flood: the session it returns resumes after the last
//! event `next_event` returned, so frames still queued in the channel (or never read) are
//! replayed to the next process, and none is seen twice.

mod gateway_support;

use asyncord::gateway::{Compression, Gateway};
use asyncord::testkit::gateway::GatewayServerConfig;
use gateway_support::*;

const FLOOD: usize = 50_000;
const MESSAGE: &str = r#"{"id":"1","channel_id":"2","author":{"id":"7","username":"u"},"content":"x","embeds":[],"attachments":[],"mentions":[]}"#;

#[tokio::test(start_paused = true)]
async fn a_session_handed_over_mid_flood_resumes_after_the_last_event_taken() {
    for compression in [Compression::ZstdStream, Compression::None] {
        let env = setup(GatewayServerConfig {
            replay_buffer: 2 * FLOOD,
            send_queue_capacity: 2 * FLOOD,
            ..server_config()
        })
        .await;
        let mut first = Gateway::connect(client_config(&env, compression))
            .await
            .unwrap();
        let mut seen = Vec::new();
        while seen.len() < 3 {
            seen.push(next(&mut first).await.seq); // READY, 2 GUILD_CREATE
        }
        let last = env
            .server
            .flood(0, std::iter::repeat_n(("MESSAGE_CREATE", MESSAGE), FLOOD))
            .unwrap();
        for _ in 0..FLOOD / 3 {
            seen.push(next(&mut first).await.seq);
        }
        assert!(first.queued_events() > 0, "frames wait in the channel");
        let sessions = first.shutdown().await;
        assert_eq!(
            sessions[&0].sequence,
            *seen.last().unwrap(),
            "{compression:?}: the session resumes after the last event taken"
        );

        let config = client_config(&env, compression).resume_from(0, sessions[&0].clone());
        let mut second = Gateway::connect(config).await.unwrap();
        loop {
            let frame = next(&mut second).await;
            seen.push(frame.seq);
            if frame.name == "RESUMED" {
                break;
            }
        }
        let end = *seen.last().unwrap();
        assert!(end > last);
        let expected: Vec<u64> = (1..=end).collect();
        assert_eq!(seen.len(), expected.len(), "{compression:?}");
        assert!(seen == expected, "{compression:?}: a gap or a duplicate");
        second.handle().shutdown();
    }
}
