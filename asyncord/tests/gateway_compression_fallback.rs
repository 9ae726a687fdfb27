//! Gateway servers that are not discord.com: text frames are plain JSON whatever compression
//! was requested; a shard falls back (zstd-stream, then zlib-stream, then none) when the
//! handshake is refused or the first message cannot be decoded, at once and resuming, and keeps
//! the mode it settled on; a corrupt frame later in a stream is a reconnect, not a fallback.

mod gateway_support;

use std::time::Duration;

use asyncord::gateway::{Compression, Gateway, GatewayConfig};
use asyncord::testkit::gateway::{GatewayCompressionSupport, GatewayServerConfig, ServerEventKind};
use gateway_support::*;
use serde_json::json;
use tokio::time::Instant;

/// The smallest reconnect backoff a failure costs (attempt 1: 1 s, halved at most by jitter).
const LEAST_BACKOFF: Duration = Duration::from_millis(500);

fn serving(support: GatewayCompressionSupport) -> GatewayServerConfig {
    GatewayServerConfig {
        compression: support,
        ..server_config()
    }
}

/// Each handshake in order: whether it was accepted, and its `compress` parameter.
fn handshakes(env: &Env) -> Vec<(bool, Option<String>)> {
    env.server
        .events()
        .into_iter()
        .filter_map(|e| match e.kind {
            ServerEventKind::Connected { compress } => Some((true, compress)),
            ServerEventKind::HandshakeRefused { compress } => Some((false, compress)),
            _ => None,
        })
        .collect()
}

fn accepted(compress: Option<&str>) -> (bool, Option<String>) {
    (true, compress.map(str::to_owned))
}

fn refused(compress: &str) -> (bool, Option<String>) {
    (false, Some(compress.to_owned()))
}

fn settled(gw: &Gateway) -> Compression {
    gw.handle().info(0).unwrap().compression
}

/// Sends a dispatch and waits for it.
async fn round_trip(env: &Env, gw: &mut Gateway, id: &str) {
    let seq = env
        .server
        .dispatch(0, "MESSAGE_CREATE", &json!({ "id": id }))
        .unwrap();
    let f = until(gw, "MESSAGE_CREATE").await;
    assert_eq!(
        (f.seq, &f.data[..]),
        (seq, format!(r#"{{"id":"{id}"}}"#).as_bytes())
    );
}

#[tokio::test(start_paused = true)]
async fn text_frames_are_plain_json_whatever_compression_was_requested() {
    for compression in [Compression::ZlibStream, Compression::ZstdStream] {
        let env = setup(serving(GatewayCompressionSupport::IgnoresCompress)).await;
        let mut gw = Gateway::connect(client_config(&env, compression))
            .await
            .unwrap();
        until(&mut gw, "GUILD_CREATE").await;
        until(&mut gw, "GUILD_CREATE").await;
        round_trip(&env, &mut gw, "1").await;
        let asked = compression.query_value();
        assert_eq!(
            handshakes(&env),
            [accepted(asked)],
            "read on the first connection"
        );
        assert_eq!(settled(&gw), Compression::None, "{compression:?}");

        // later connections stop asking for it, and resume
        env.server.drop_connection(0);
        round_trip(&env, &mut gw, "2").await;
        assert_eq!(handshakes(&env), [accepted(asked), accepted(None)]);
        let events = env.server.events();
        assert_eq!((identifies(&events), resumes(&events)), (1, 1));
    }
}

#[tokio::test(start_paused = true)]
async fn refused_handshakes_fall_back_zstd_then_zlib_then_none_without_backoff() {
    let env = setup(serving(GatewayCompressionSupport::RefusesCompress)).await;
    let start = Instant::now();
    let mut gw = Gateway::connect(client_config(&env, Compression::ZstdStream))
        .await
        .unwrap();
    until(&mut gw, "READY").await;
    assert!(
        start.elapsed() < LEAST_BACKOFF,
        "fallbacks are not failures to back off from: {:?}",
        start.elapsed()
    );
    assert_eq!(
        handshakes(&env),
        [
            refused("zstd-stream"),
            refused("zlib-stream"),
            accepted(None)
        ]
    );
    assert_eq!(settled(&gw), Compression::None);
    until(&mut gw, "GUILD_CREATE").await;
    round_trip(&env, &mut gw, "1").await;
}

#[tokio::test(start_paused = true)]
async fn undecodable_first_messages_fall_back_zstd_then_zlib_then_none_without_backoff() {
    let env = setup(serving(GatewayCompressionSupport::UncompressedBinary)).await;
    let start = Instant::now();
    let mut gw = Gateway::connect(client_config(&env, Compression::ZstdStream))
        .await
        .unwrap();
    until(&mut gw, "READY").await;
    assert!(start.elapsed() < LEAST_BACKOFF, "{:?}", start.elapsed());
    assert_eq!(
        handshakes(&env),
        [
            accepted(Some("zstd-stream")),
            accepted(Some("zlib-stream")),
            accepted(None)
        ]
    );
    assert_eq!(settled(&gw), Compression::None);
    let events = env.server.events();
    assert_eq!(identifies(&events), 1, "nothing was sent before HELLO");
    // the abandoned connections were closed with a code that keeps a session
    assert_eq!(
        count(&events, |k| matches!(
            k,
            ServerEventKind::ClientClosed { code: Some(4000) }
        )),
        2
    );
    until(&mut gw, "GUILD_CREATE").await;
    round_trip(&env, &mut gw, "1").await;
}

#[tokio::test(start_paused = true)]
async fn a_zlib_only_server_settles_the_shard_on_zlib_for_good() {
    let env = setup(serving(GatewayCompressionSupport::ZlibOnly)).await;
    let mut gw = Gateway::connect(client_config(&env, Compression::ZstdStream))
        .await
        .unwrap();
    until(&mut gw, "GUILD_CREATE").await;
    until(&mut gw, "GUILD_CREATE").await;
    assert_eq!(settled(&gw), Compression::ZlibStream);
    // reconnects and resumes use it without probing zstd again
    env.server.drop_connection(0);
    round_trip(&env, &mut gw, "1").await;
    assert_eq!(env.server.send_reconnect(0), 1);
    env.server.wait_for(|ev| resumes(ev) == 2).await;
    round_trip(&env, &mut gw, "2").await;
    assert_eq!(
        handshakes(&env),
        [
            refused("zstd-stream"),
            accepted(Some("zlib-stream")),
            accepted(Some("zlib-stream")),
            accepted(Some("zlib-stream"))
        ]
    );
    let events = env.server.events();
    assert_eq!((identifies(&events), resumes(&events)), (1, 2));
    assert_eq!(settled(&gw), Compression::ZlibStream);
}

#[tokio::test(start_paused = true)]
async fn a_corrupt_binary_frame_mid_stream_reconnects_without_falling_back() {
    for compression in [Compression::ZstdStream, Compression::ZlibStream] {
        let env = setup(server_config()).await;
        let mut gw = Gateway::connect(client_config(&env, compression))
            .await
            .unwrap();
        until(&mut gw, "GUILD_CREATE").await;
        until(&mut gw, "GUILD_CREATE").await;
        // a reserved block type for both zstd and deflate, ended by zlib's sync-flush suffix
        assert_eq!(env.server.send_raw_binary(0, &[0x07, 0, 0, 0xff, 0xff]), 1);
        round_trip(&env, &mut gw, "1").await;
        let asked = compression.query_value();
        assert_eq!(
            handshakes(&env),
            [accepted(asked), accepted(asked)],
            "{compression:?}"
        );
        assert_eq!(settled(&gw), compression);
        let events = env.server.events();
        assert_eq!((identifies(&events), resumes(&events)), (1, 1));
    }
}

#[tokio::test(start_paused = true)]
async fn a_fallback_with_a_saved_session_resumes_it() {
    for (support, first) in [
        (GatewayCompressionSupport::ZlibOnly, Compression::ZlibStream),
        (
            GatewayCompressionSupport::UncompressedBinary,
            Compression::None,
        ),
    ] {
        let env = setup(serving(support)).await;
        let mut gw = Gateway::connect(client_config(&env, first)).await.unwrap();
        until(&mut gw, "GUILD_CREATE").await;
        until(&mut gw, "GUILD_CREATE").await;
        let saved = gw.shutdown().await[&0].clone();
        // events that happen while no process is connected
        env.server
            .dispatch(0, "TYPING_START", &json!({"channel_id": "1"}))
            .unwrap();
        let cfg: GatewayConfig = client_config(&env, Compression::ZstdStream).resume_from(0, saved);
        let mut gw = Gateway::connect(cfg).await.unwrap();
        let typing = next(&mut gw).await;
        assert_eq!((typing.name.as_ref(), typing.seq), ("TYPING_START", 4));
        assert_eq!(until(&mut gw, "RESUMED").await.seq, 5, "{support:?}");
        let events = env.server.events();
        assert_eq!(
            (identifies(&events), resumes(&events)),
            (1, 1),
            "{support:?}: nothing lost, no new session"
        );
        assert_eq!(settled(&gw), first);
    }
}
