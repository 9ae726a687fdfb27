//! A bot with the default configuration (zstd-stream requested) against gateway servers that
//! are not discord.com (the emulator's `GatewayCompressionSupport` switches): it connects,
//! receives a user's message and replies over REST; its shard reports the compression it
//! settled on, and says so in one warning naming the server.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use asyncord::client_hub::{ClientGroups, HubConfig};
use asyncord::dispatcher::{HandlerResult, handler};
use asyncord::gateway::{Compression, GatewayHandle};
use asyncord::model::gateway::events::MessageCreateEvent;
use asyncord::model::request::CreateMessage;
use asyncord::rest::RestClient;
use asyncord::testkit::gateway::ServerEventKind;
use asyncord::testkit::{Emulator, EmulatorBots, GatewayCompressionSupport};
use asyncord::{ClientHub, connect_with};
use tracing::field::{Field, Visit};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

/// Replies with the compression its shard uses.
#[handler]
async fn pong(
    event: MessageCreateEvent,
    client: RestClient,
    gateway: GatewayHandle,
) -> HandlerResult {
    if event.author.bot {
        return Ok(());
    }
    let mode = gateway
        .info(0)
        .map_or_else(|| "no shard".to_owned(), |i| i.compression.to_string());
    client
        .channels
        .messages(event.channel_id)
        .create(CreateMessage::content(format!("pong over {mode}")))
        .await?;
    Ok(())
}

/// The warnings the gateway logs about the compression a shard settled on, as `field=value`
/// text (set as the test thread's subscriber: the test runtimes run every task on it).
#[derive(Clone, Default)]
struct SettledWarnings(Arc<Mutex<Vec<String>>>);

struct Fields(String);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        let _ = write!(self.0, "{}={value:?} ", field.name());
    }
}

impl<S: tracing::Subscriber> Layer<S> for SettledWarnings {
    fn on_event(&self, event: &tracing::Event<'_>, _ctx: Context<'_, S>) {
        let meta = event.metadata();
        if *meta.level() == tracing::Level::WARN
            && meta.target().starts_with("asyncord::gateway")
            && meta.fields().field("settled").is_some()
        {
            let mut fields = Fields(String::new());
            event.record(&mut fields);
            self.0.lock().unwrap().push(fields.0);
        }
    }
}

impl SettledWarnings {
    fn capture() -> (Self, tracing::subscriber::DefaultGuard) {
        let warnings = Self::default();
        let subscriber = tracing_subscriber::registry().with(warnings.clone());
        (warnings, tracing::subscriber::set_default(subscriber))
    }

    fn take(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }
}

/// Each gateway handshake in order: whether it was accepted, and its `compress` parameter.
fn handshakes(emu: &Emulator) -> Vec<(bool, Option<String>)> {
    emu.gateway()
        .events()
        .into_iter()
        .filter_map(|e| match e.kind {
            ServerEventKind::Connected { compress } => Some((true, compress)),
            ServerEventKind::HandshakeRefused { compress } => Some((false, compress)),
            _ => None,
        })
        .collect()
}

const ZSTD: (bool, Option<&str>) = (true, Some("zstd-stream"));
const ZLIB: (bool, Option<&str>) = (true, Some("zlib-stream"));
const PLAIN: (bool, Option<&str>) = (true, None);
const NO_ZSTD: (bool, Option<&str>) = (false, Some("zstd-stream"));
const NO_ZLIB: (bool, Option<&str>) = (false, Some("zlib-stream"));

/// Runs a default-configured bot against a gateway with `support`; checks its reply, its
/// handshakes and its warnings.
async fn bot_against(
    support: GatewayCompressionSupport,
    settled: Compression,
    expected: &[(bool, Option<&str>)],
) {
    let (warnings, _guard) = SettledWarnings::capture();
    let emu = Emulator::builder()
        .gateway_compression(support)
        .start()
        .await
        .expect("emulator");
    let config = emu.group_config();
    assert_eq!(config.compression, Compression::ZstdStream, "the default");
    let mut hub = ClientHub::with_config(HubConfig {
        handle_signals: false,
        ..HubConfig::default()
    });
    let group = hub
        .create_client_group_with("bot", emu.token(), config)
        .unwrap();
    group.dispatcher.add_handler(pong);
    let (summary, reply) = tokio::join!(hub.start(), async {
        emu.wait_for_sessions(1).await.unwrap();
        let alice = emu.user_named("alice").unwrap();
        alice.send_message(emu.channel_id(), "ping").unwrap();
        let reply = emu.next_message_in(emu.channel_id()).await.unwrap();
        hub.stop();
        reply
    });
    summary.expect("a clean run");
    assert_eq!(reply.content, format!("pong over {settled}"), "{support:?}");
    let expected: Vec<_> = expected
        .iter()
        .map(|(ok, c)| (*ok, c.map(str::to_owned)))
        .collect();
    assert_eq!(handshakes(&emu), expected, "{support:?}");
    assert_eq!(emu.gateway().identify_count(), 1, "{support:?}");
    let warnings = warnings.take();
    if settled == Compression::ZstdStream {
        assert!(warnings.is_empty(), "{warnings:?}");
    } else {
        assert_eq!(warnings.len(), 1, "exactly one warning: {warnings:?}");
        let server = emu.gateway().url().replace("ws://", "");
        assert!(
            warnings[0].contains(&format!("server={server} ")),
            "{warnings:?}"
        );
        assert!(
            warnings[0].contains(&format!("settled={settled} ")),
            "{warnings:?}"
        );
        assert!(!warnings[0].contains(emu.token()), "{warnings:?}");
    }
}

#[tokio::test(start_paused = true)]
async fn a_bot_against_discord_compression_keeps_zstd_quietly() {
    bot_against(
        GatewayCompressionSupport::All,
        Compression::ZstdStream,
        &[ZSTD],
    )
    .await;
}

#[tokio::test(start_paused = true)]
async fn a_bot_against_a_zlib_only_server_refusing_zstd_settles_on_zlib() {
    bot_against(
        GatewayCompressionSupport::ZlibOnly,
        Compression::ZlibStream,
        &[NO_ZSTD, ZLIB],
    )
    .await;
}

#[tokio::test(start_paused = true)]
async fn a_bot_against_a_zlib_only_server_ignoring_zstd_reads_its_text_frames() {
    bot_against(
        GatewayCompressionSupport::ZlibOnlyIgnoringOthers,
        Compression::None,
        &[ZSTD],
    )
    .await;
}

#[tokio::test(start_paused = true)]
async fn a_bot_against_a_server_ignoring_compress_reads_its_text_frames() {
    bot_against(
        GatewayCompressionSupport::IgnoresCompress,
        Compression::None,
        &[ZSTD],
    )
    .await;
}

#[tokio::test(start_paused = true)]
async fn a_bot_against_a_server_refusing_compress_settles_on_none() {
    bot_against(
        GatewayCompressionSupport::RefusesCompress,
        Compression::None,
        &[NO_ZSTD, NO_ZLIB, PLAIN],
    )
    .await;
}

#[tokio::test(start_paused = true)]
async fn a_bot_against_a_server_sending_uncompressed_binary_settles_on_none() {
    bot_against(
        GatewayCompressionSupport::UncompressedBinary,
        Compression::None,
        &[ZSTD, ZLIB, PLAIN],
    )
    .await;
}

/// The quickstart's situation: `connect_with` pointed at a foreign server's REST base only
/// (the gateway URL comes from its `GET /gateway/bot`), over loopback TCP, the shared bench's
/// kind of server (zlib-stream only, anything else refused with HTTP 400).
#[tokio::test]
async fn connect_with_over_tcp_reaches_a_zlib_only_server() {
    let emu = Emulator::builder()
        .gateway_compression(GatewayCompressionSupport::ZlibOnly)
        .start()
        .await
        .expect("emulator");
    let general = emu.channel_id();
    let seen = Arc::new(AtomicUsize::new(0));
    let seen_in_handler = seen.clone();
    let bot = connect_with(emu.token(), emu.tcp_group_config(), async move |group| {
        group
            .dispatcher
            .add_handler_for::<MessageCreateEvent, _>(move |event, ctx| {
                let seen = seen_in_handler.clone();
                async move {
                    if event.author.bot {
                        return HandlerResult::Ok(());
                    }
                    seen.fetch_add(1, Ordering::SeqCst);
                    let gateway: GatewayHandle = ctx.arg("gateway")?;
                    let client: RestClient = ctx.arg("client")?;
                    let groups: ClientGroups = ctx.arg("client_groups")?;
                    let mode = gateway.info(0).map(|i| i.compression);
                    client
                        .channels
                        .messages(event.channel_id)
                        .create(CreateMessage::content(format!("{mode:?}")))
                        .await?;
                    groups.stop_handle().stop();
                    HandlerResult::Ok(())
                }
            });
    });
    let (result, ()) = tokio::join!(tokio::time::timeout(Duration::from_secs(30), bot), async {
        emu.wait_for_sessions(1).await.unwrap();
        emu.users()[0].send_message(general, "ping").unwrap();
    });
    result
        .expect("connect returned after the stop")
        .expect("a clean run");
    assert_eq!(seen.load(Ordering::SeqCst), 1);
    assert_eq!(
        emu.next_message_in(general).await.unwrap().content,
        "Some(ZlibStream)"
    );
    assert_eq!(
        handshakes(&emu),
        [
            (false, Some("zstd-stream".to_owned())),
            (true, Some("zlib-stream".to_owned()))
        ]
    );
}
