//! A hostile gateway server, written by hand (raw bytes, not the emulator): decompression bombs,
//! an oversized frame, endless fragments, an endless `zlib-stream` message, binary garbage,
//! invalid UTF-8, a truncated frame then silence, a slow drip, deep nesting. For each: no
//! panic; memory bounded (the shard's largest receive buffer stays within the message size
//! limit); a clear log line; and the shard either recovers (reconnects after its backoff and
//! resumes) or, for a frame it can skip, keeps its connection.

mod gateway_fake;

use std::time::Duration;

use asyncord::gateway::{Compression, Gateway, GatewayConfig, GatewayHandle, GatewayLimits};
use gateway_fake::{BINARY, CONTINUATION, FakeConn, FakeGateway, Logs, TEXT};
use tokio::time::Instant;

/// The message size limit of these tests.
const LIMIT: usize = 1 << 20;

fn limited(config: GatewayConfig) -> GatewayConfig {
    config.limits(GatewayLimits {
        max_message_size: LIMIT,
        ..GatewayLimits::default()
    })
}

/// What the hostile server sends once the session is up.
#[derive(Clone, Copy, Debug)]
enum Hostile {
    /// A `zlib-stream` message that inflates to 64 MiB.
    ZlibBomb,
    /// A `zstd-stream` message that decompresses to 64 MiB.
    ZstdBomb,
    /// `zlib-stream` binary frames (of 50,000 bytes) that never end their message (no
    /// sync-flush suffix).
    EndlessZlibMessage,
    /// One frame whose header announces 2 MiB.
    OversizedFrame,
    /// A text message whose continuation frames (of 50,000 bytes) never end.
    EndlessFragments,
    /// Random bytes in a binary frame of a `zstd-stream` connection.
    BinaryGarbage,
    /// A text frame that is not UTF-8.
    InvalidUtf8,
    /// A frame header announcing 100 bytes, 10 of them, then nothing.
    TruncatedThenSilence,
    /// A dispatch sent one byte every 3 s.
    SlowDrip,
}

impl Hostile {
    fn compression(self) -> Compression {
        match self {
            Self::ZlibBomb | Self::EndlessZlibMessage => Compression::ZlibStream,
            Self::ZstdBomb | Self::BinaryGarbage => Compression::ZstdStream,
            _ => Compression::None,
        }
    }

    /// The heartbeat interval the server announces: short where only the heartbeat can tell
    /// that the connection is dead.
    fn heartbeat_ms(self) -> u64 {
        match self {
            Self::TruncatedThenSilence | Self::SlowDrip => 1_000,
            _ => 41_250,
        }
    }

    /// What the log must say about it.
    fn log(self) -> &'static [&'static str] {
        match self {
            Self::ZlibBomb | Self::ZstdBomb => &["more than 1048576 bytes once decompressed"],
            Self::EndlessZlibMessage => &["more than 1048576 bytes compressed"],
            Self::OversizedFrame | Self::EndlessFragments => {
                &["more than 1048576 bytes", "max_message_size"]
            }
            Self::BinaryGarbage => &["decompression failed"],
            Self::InvalidUtf8 => &["UTF-8"],
            Self::TruncatedThenSilence | Self::SlowDrip => &["no heartbeat ACK"],
        }
    }

    /// Sends it on `conn` (in a task of its own: the client stops reading half way).
    fn send(self, mut conn: FakeConn) {
        let mut rng = fastrand::Rng::with_seed(7);
        tokio::spawn(async move {
            let zeros = vec![0u8; 64 * 1024];
            let _ = match self {
                Self::ZlibBomb | Self::ZstdBomb => {
                    let bomb = conn.packer.pack(std::iter::repeat_n(&zeros[..], 1024));
                    assert!(bomb.len() < LIMIT, "the bomb itself is small");
                    conn.frame(true, BINARY, &bomb).await
                }
                Self::EndlessZlibMessage => {
                    let mut sent = Ok(());
                    for _ in 0..64 {
                        let garbage: Vec<u8> = (0..50_000).map(|_| rng.u8(1..)).collect();
                        sent = conn.frame(true, BINARY, &garbage).await;
                        if sent.is_err() {
                            break;
                        }
                    }
                    sent
                }
                Self::OversizedFrame => {
                    let mut bytes = FakeConn::header(true, TEXT, 2 << 20);
                    bytes.extend_from_slice(&[b' '; 1024]);
                    conn.raw(&bytes).await
                }
                Self::EndlessFragments => {
                    let spaces = vec![b' '; 50_000];
                    let mut sent = conn.frame(false, TEXT, &spaces).await;
                    while sent.is_ok() {
                        sent = conn.frame(false, CONTINUATION, &spaces).await;
                    }
                    sent
                }
                Self::BinaryGarbage => {
                    let garbage: Vec<u8> = (0..4096).map(|_| rng.u8(..)).collect();
                    conn.frame(true, BINARY, &garbage).await
                }
                Self::InvalidUtf8 => conn.frame(true, TEXT, &[b'"', 0xff, 0xfe, b'"']).await,
                Self::TruncatedThenSilence => {
                    let mut bytes = FakeConn::header(true, TEXT, 100);
                    bytes.extend_from_slice(b"{\"t\":null");
                    conn.raw(&bytes).await
                }
                Self::SlowDrip => {
                    let d = r#"{"t":"TYPING_START","s":2,"op":0,"d":{"channel_id":"1"}}"#;
                    let mut frame = FakeConn::header(true, TEXT, d.len());
                    frame.extend_from_slice(d.as_bytes());
                    let mut sent = Ok(());
                    for byte in frame {
                        sent = conn.raw(&[byte]).await;
                        if sent.is_err() {
                            break;
                        }
                        tokio::time::sleep(Duration::from_secs(3)).await;
                    }
                    sent
                }
            };
            // Hold the connection open (silence) until the client goes away.
            while conn.recv().await.is_some() {}
        });
    }
}

/// Waits until the shard is connected again.
async fn connected(handle: &GatewayHandle) {
    tokio::time::timeout(Duration::from_secs(120), handle.wait_connected())
        .await
        .expect("the shard recovered");
}

/// Runs `hostile` against a fresh client, over `fake`; returns the client's handle.
async fn against(hostile: Hostile) {
    let (logs, _guard) = Logs::capture();
    let mut fake = FakeGateway::new();
    let gw = Gateway::connect(limited(fake.client_config(hostile.compression())))
        .await
        .unwrap();
    let handle = gw.handle();
    let mut conn = fake.accept().await;
    conn.handshake(hostile.heartbeat_ms()).await.unwrap();
    connected(&handle).await;

    let sent = Instant::now();
    hostile.send(conn);

    // The shard gives the connection up, waits its backoff, reconnects and resumes.
    let mut again = fake.accept().await;
    let waited = sent.elapsed();
    assert!(
        waited >= Duration::from_millis(500),
        "{hostile:?}: reconnected after {waited:?}, without backing off"
    );
    again.hello(41_250).await.unwrap();
    let resume = again.expect_op(6).await.expect("RESUME");
    assert_eq!(resume["d"]["session_id"], "fake-session", "{hostile:?}");
    again.dispatch(2, "RESUMED", "{}").await.unwrap();
    connected(&handle).await;

    let lines = logs.lines_with(hostile.log());
    assert!(
        !lines.is_empty(),
        "{hostile:?}: no clear log line:\n{}",
        logs.text()
    );
    let peak = handle.info(0).unwrap().receive_buffer_peak;
    assert!(
        peak <= LIMIT + 1,
        "{hostile:?}: a receive buffer grew to {peak} bytes"
    );
    handle.shutdown();
    drop(again);
    gw.join().await;
}

#[tokio::test(start_paused = true)]
async fn a_zlib_bomb_fails_the_connection_within_the_limit() {
    against(Hostile::ZlibBomb).await;
}

#[tokio::test(start_paused = true)]
async fn a_zstd_bomb_fails_the_connection_within_the_limit() {
    against(Hostile::ZstdBomb).await;
}

#[tokio::test(start_paused = true)]
async fn an_endless_zlib_message_fails_the_connection_within_the_limit() {
    against(Hostile::EndlessZlibMessage).await;
}

#[tokio::test(start_paused = true)]
async fn an_oversized_frame_is_refused_from_its_header() {
    against(Hostile::OversizedFrame).await;
}

#[tokio::test(start_paused = true)]
async fn endless_continuation_fragments_fail_the_connection_within_the_limit() {
    against(Hostile::EndlessFragments).await;
}

#[tokio::test(start_paused = true)]
async fn binary_garbage_in_a_compressed_stream_fails_the_connection() {
    against(Hostile::BinaryGarbage).await;
}

#[tokio::test(start_paused = true)]
async fn invalid_utf8_in_a_text_frame_fails_the_connection() {
    against(Hostile::InvalidUtf8).await;
}

#[tokio::test(start_paused = true)]
async fn a_truncated_frame_then_silence_is_a_dead_connection() {
    against(Hostile::TruncatedThenSilence).await;
}

#[tokio::test(start_paused = true)]
async fn a_slow_drip_is_a_dead_connection() {
    against(Hostile::SlowDrip).await;
}

/// Deep nesting and a fragmented message are no reason to drop the connection: the first is
/// skipped, the second joined.
#[tokio::test(start_paused = true)]
async fn deep_nesting_is_skipped_and_fragments_are_joined_on_the_same_connection() {
    let (logs, _guard) = Logs::capture();
    let mut fake = FakeGateway::new();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let record = seen.clone();
    let config = limited(fake.client_config(Compression::None)).sink(
        move |frame: asyncord::gateway::DispatchFrame| record.lock().unwrap().push(frame.seq),
    );
    let gw = Gateway::connect(config).await.unwrap();
    let handle = gw.handle();
    let mut conn = fake.accept().await;
    conn.handshake(41_250).await.unwrap();
    connected(&handle).await;

    let deep = "[".repeat(20_000) + &"]".repeat(20_000);
    conn.dispatch(2, "MESSAGE_CREATE", &format!(r#"{{"x":{deep}}}"#))
        .await
        .unwrap();
    let fragmented = r#"{"t":"TYPING_START","s":3,"op":0,"d":{"channel_id":"1"}}"#.as_bytes();
    conn.frame(false, TEXT, &fragmented[..10]).await.unwrap();
    conn.frame(false, CONTINUATION, &fragmented[10..30])
        .await
        .unwrap();
    conn.frame(true, CONTINUATION, &fragmented[30..])
        .await
        .unwrap();
    tokio::time::timeout(Duration::from_secs(60), async {
        while !seen.lock().unwrap().contains(&3) {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .expect("the fragmented dispatch arrived");
    assert_eq!(*seen.lock().unwrap(), [1, 3], "READY, then the joined one");
    assert_eq!(
        logs.lines_with(&["MESSAGE_CREATE", "nested deeper than 128"])
            .len(),
        1,
        "{}",
        logs.text()
    );
    assert!(
        fake.accept_within(Duration::from_secs(5)).await.is_none(),
        "the connection was kept"
    );
    handle.shutdown();
}

/// The same checks over a real socket: an oversized frame from a TCP server on 127.0.0.1.
#[tokio::test]
async fn an_oversized_frame_over_tcp_is_refused_and_the_shard_reconnects() {
    let (logs, _guard) = Logs::capture();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("ws://{}", listener.local_addr().unwrap());
    let config = limited(
        GatewayConfig::new(gateway_fake::TOKEN, asyncord::model::Intents::GUILDS)
            .url(url.clone())
            .shards(asyncord::gateway::Shards::all(1))
            .compression(Compression::None),
    );
    let gw = Gateway::connect(config).await.unwrap();
    let handle = gw.handle();
    let accept = async || {
        let (tcp, _) = tokio::time::timeout(Duration::from_secs(30), listener.accept())
            .await
            .expect("the client connected")
            .unwrap();
        let mut conn = FakeConn::new(Box::new(tcp));
        conn.upgrade().await.unwrap();
        conn
    };
    let mut conn = accept().await;
    conn.resume_url.clone_from(&url);
    conn.handshake(41_250).await.unwrap();
    connected(&handle).await;
    let mut bytes = FakeConn::header(true, TEXT, 2 << 20);
    bytes.extend_from_slice(&[b' '; 1024]);
    conn.raw(&bytes).await.unwrap();
    let mut again = accept().await;
    again.hello(41_250).await.unwrap();
    again.expect_op(6).await.expect("RESUME");
    assert!(!logs.lines_with(&["more than 1048576 bytes"]).is_empty());
    assert!(handle.info(0).unwrap().receive_buffer_peak <= LIMIT + 1);
    handle.shutdown();
    drop(conn);
    drop(again);
    tokio::time::timeout(Duration::from_secs(30), gw.join())
        .await
        .expect("the shard stopped");
}

/// Through the built-in channel, a consumer that keeps up is left to find where `d` ends
/// itself (the reader hands it `d` and the rest of its frame), one that is behind gets it from
/// the reader: either way `next_event` returns `d` exactly, also with keys after it, and skips a
/// frame whose `d` is nested too deep or malformed, keeping the connection.
#[tokio::test(start_paused = true)]
async fn the_channel_returns_exactly_d_whichever_side_finds_its_end() {
    /// A frame's sequence number and its `d` (or the whole frame, when it starts `{"t":`).
    type Sent = (u64, String);
    /// A TYPING_START with a key after `d`, and the `d` it must give.
    fn with_tail(seq: u64) -> (String, String) {
        let d = format!(r#"{{"channel_id":"{seq}","x":"}}]"}}"#);
        let frame =
            format!(r#"{{"t":"TYPING_START","s":{seq},"op":0,"d":{d},"after":[1,{{"a":"}}"}}]}}"#);
        (frame, d)
    }
    let (logs, _guard) = Logs::capture();
    let mut fake = FakeGateway::new();
    // Four frames: an empty channel has room, one holding a frame has not.
    let config = limited(fake.client_config(Compression::None))
        .channel(asyncord::gateway::EventChannel::new().capacity(4));
    let mut gw = Gateway::connect(config).await.unwrap();
    let handle = gw.handle();
    let mut conn = fake.accept().await;
    conn.handshake(41_250).await.unwrap();
    let next = async |gw: &mut Gateway| {
        tokio::time::timeout(Duration::from_secs(60), gw.next_event())
            .await
            .expect("a frame")
            .expect("the gateway runs")
    };
    assert_eq!(next(&mut gw).await.seq, 1, "READY");

    let deep = format!(r#"{{"x":{}{}}}"#, "[".repeat(20_000), "]".repeat(20_000));
    let malformed = r#"{"content":"never ends}"#;
    let normal = r#"{"channel_id":"7"}"#;
    let (tail_3, d_3) = with_tail(3);
    let (tail_5, d_5) = with_tail(5);
    // Each round: three frames sent to an empty channel while the consumer waits; the first is
    // left to the consumer, the next two (the channel then holds one or more) are scanned by the
    // reader. Then what the consumer gets: (seq, d).
    let rounds: [([Sent; 3], Vec<Sent>); 3] = [
        (
            [(2, deep.clone()), (3, tail_3), (4, normal.into())],
            vec![(3, d_3), (4, normal.into())],
        ),
        (
            [(5, tail_5), (6, malformed.into()), (7, normal.into())],
            vec![(5, d_5), (7, normal.into())],
        ),
        (
            [(8, malformed.into()), (9, deep), (10, normal.into())],
            vec![(10, normal.into())],
        ),
    ];
    for (frames, want) in rounds {
        for (seq, d) in &frames {
            if d.starts_with(r#"{"t":"#) {
                conn.send(d).await.unwrap();
            } else {
                conn.dispatch(*seq, "MESSAGE_CREATE", d).await.unwrap();
            }
        }
        // The last frame is queued once the shard has read all three (a skipped one is not
        // queued; one left to the consumer is, until taken).
        let queued = want.len() + usize::from(frames[0].0 != want[0].0);
        tokio::time::timeout(Duration::from_secs(60), async {
            while gw.queued_events() < queued {
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
        })
        .await
        .expect("the shard read the round's frames");
        for (seq, d) in want {
            let frame = next(&mut gw).await;
            assert_eq!((frame.seq, &frame.data[..]), (seq, d.as_bytes()));
        }
        assert_eq!(gw.queued_events(), 0);
    }
    for what in ["nested deeper than 128", "malformed frame skipped"] {
        let lines = logs.lines_with(&["MESSAGE_CREATE", what]);
        assert_eq!(lines.len(), 2, "{}", logs.text());
    }
    assert!(
        fake.accept_within(Duration::from_secs(5)).await.is_none(),
        "the connection was kept"
    );
    handle.shutdown();
}
