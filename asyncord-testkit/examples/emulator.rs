//! The offline Discord emulator as a program: serves REST and the gateway on one loopback port
//! with a seeded world, prints the tokens and URLs, and runs until Ctrl-C.
//!
//! ```text
//! cargo run -p asyncord-testkit --example emulator -- --port 7878
//! ```
//!
//! Any Discord client works against it: REST base `http://127.0.0.1:PORT/api/v10`, and
//! `GET /api/v10/gateway/bot` returns the gateway URL (`ws://127.0.0.1:PORT`). It only answers
//! requests naming a loopback host and no foreign web origin (`--allow-host`, `--allow-origin`
//! for a proxy), and bounds what clients can make it hold (`--max-connections`,
//! `--max-body-bytes`, `--resume-window-secs`; the rest as the crate's defaults).

use std::process::ExitCode;
use std::time::Duration;

use asyncord_model::Intents;
use asyncord_testkit::gateway::{GatewayCompressionSupport, GatewayServerConfig};
use asyncord_testkit::rest::DEFAULT_MAX_BODY_BYTES;
use asyncord_testkit::{BotSpec, ConnectionLimits, Emulator, GuildSpec};

const HELP: &str = "\
asyncord emulator: an offline Discord (REST + gateway v10) on 127.0.0.1

USAGE:
    emulator [OPTIONS]

OPTIONS:
    --port <PORT>              Port for REST and the gateway (default 7878; 0 = any free port)
    --bots <N>                 Bots to seed, tokens bot-token-1..N (default 1)
    --users <N>                Human users to seed, user1..N (default 2)
    --guilds <N>               Guilds to seed, each with #general and #random (default 1)
    --heartbeat-ms <MS>        Heartbeat interval sent in HELLO (default 41250)
    --shards <N>               Shard count GET /gateway/bot recommends (default 1)
    --no-privileged            Grant the bots no privileged intents (IDENTIFY with
                               GUILD_MEMBERS, GUILD_PRESENCES or MESSAGE_CONTENT gets 4014)
    --no-gateway-rate-limit    Do not enforce 120 gateway commands per 60 s (close 4008)
    --gateway-compression <S>  Transport compression the gateway supports (default all):
                                 all                zlib-stream and zstd-stream, as Discord
                                 zlib-only          zlib-stream; other compress values get
                                                    HTTP 400 at the handshake
                                 zlib-only-ignoring-others
                                                    zlib-stream; other values get plain text
                                 ignores-compress   none; every message a JSON text frame
                                 refuses-compress   none; any compress value gets HTTP 400
                                 uncompressed-binary
                                                    none; every message a JSON binary frame
    --allow-host <HOST>        Also answer requests naming this host (repeatable; default
                               only 127.0.0.1, localhost and [::1], any port); for a proxy
    --allow-origin <ORIGIN>    Also answer requests from web pages of this origin
                               (repeatable; default only loopback origins)
    --max-connections <N>      Connections served at once per listener (default 256)
    --max-body-bytes <N>       Largest REST request body, larger ones get 413 (default
                               26214400, 25 MiB)
    --resume-window-secs <S>   How long a gateway session outlives its connection,
                               resumable (default 180)
    -h, --help                 Print this help

Compression: clients choose it per connection with ?compress=zlib-stream or zstd-stream in
the gateway URL, as on Discord; both are served unless --gateway-compression says otherwise
(to behave like a Discord-compatible server that supports less).

Users are simulated from code (asyncord::testkit::SimUser); this program seeds them so bots
see members, and serves until Ctrl-C, then closes every gateway session with 1001.
";

/// The parsed command line.
struct Options {
    port: u16,
    bots: usize,
    users: usize,
    guilds: usize,
    heartbeat: Duration,
    shards: u32,
    privileged: bool,
    rate_limit: bool,
    compression: GatewayCompressionSupport,
    allowed_hosts: Vec<String>,
    allowed_origins: Vec<String>,
    max_connections: usize,
    max_body_bytes: usize,
    resume_window: Duration,
}

fn compression_support(value: Option<String>) -> Result<GatewayCompressionSupport, String> {
    let value = value.ok_or("--gateway-compression needs a value")?;
    Ok(match value.as_str() {
        "all" => GatewayCompressionSupport::All,
        "zlib-only" => GatewayCompressionSupport::ZlibOnly,
        "zlib-only-ignoring-others" => GatewayCompressionSupport::ZlibOnlyIgnoringOthers,
        "ignores-compress" => GatewayCompressionSupport::IgnoresCompress,
        "refuses-compress" => GatewayCompressionSupport::RefusesCompress,
        "uncompressed-binary" => GatewayCompressionSupport::UncompressedBinary,
        _ => {
            return Err(format!(
                "--gateway-compression: unknown value {value:?} (see --help)"
            ));
        }
    })
}

fn number<T: std::str::FromStr>(flag: &str, value: Option<String>) -> Result<T, String> {
    let value = value.ok_or_else(|| format!("{flag} needs a value"))?;
    value
        .parse()
        .map_err(|_| format!("{flag}: {value:?} is not a valid number"))
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Option<Options>, String> {
    let mut o = Options {
        port: 7878,
        bots: 1,
        users: 2,
        guilds: 1,
        heartbeat: Duration::from_millis(41_250),
        shards: 1,
        privileged: true,
        rate_limit: true,
        compression: GatewayCompressionSupport::All,
        allowed_hosts: Vec::new(),
        allowed_origins: Vec::new(),
        max_connections: ConnectionLimits::default().max_connections,
        max_body_bytes: DEFAULT_MAX_BODY_BYTES,
        resume_window: GatewayServerConfig::default().resume_window,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f.to_owned(), Some(v.to_owned())),
            None => (arg.clone(), None),
        };
        let mut value = || inline.clone().or_else(|| args.next());
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "--port" => o.port = number(&flag, value())?,
            "--bots" => o.bots = number(&flag, value())?,
            "--users" => o.users = number(&flag, value())?,
            "--guilds" => o.guilds = number(&flag, value())?,
            "--heartbeat-ms" => o.heartbeat = Duration::from_millis(number(&flag, value())?),
            "--shards" => o.shards = number(&flag, value())?,
            "--no-privileged" => o.privileged = false,
            "--no-gateway-rate-limit" => o.rate_limit = false,
            "--gateway-compression" => o.compression = compression_support(value())?,
            "--allow-host" => o
                .allowed_hosts
                .push(value().ok_or("--allow-host needs a value")?),
            "--allow-origin" => o
                .allowed_origins
                .push(value().ok_or("--allow-origin needs a value")?),
            "--max-connections" => o.max_connections = number(&flag, value())?,
            "--max-body-bytes" => o.max_body_bytes = number(&flag, value())?,
            "--resume-window-secs" => {
                o.resume_window = Duration::from_secs(number(&flag, value())?);
            }
            other => return Err(format!("unknown option {other:?} (see --help)")),
        }
    }
    if o.bots == 0 {
        return Err("--bots must be at least 1".to_owned());
    }
    if o.shards == 0 || o.heartbeat.is_zero() {
        return Err("--shards and --heartbeat-ms must be at least 1".to_owned());
    }
    if o.max_connections == 0 {
        return Err("--max-connections must be at least 1".to_owned());
    }
    Ok(Some(o))
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .init();
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Some(o)) => o,
        Ok(None) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut builder = Emulator::builder()
        .port(options.port)
        .gateway_config(GatewayServerConfig {
            heartbeat_interval: options.heartbeat,
            shards: options.shards,
            rate_limit: options.rate_limit,
            compression: options.compression,
            resume_window: options.resume_window,
            ..GatewayServerConfig::default()
        })
        .connection_limits(ConnectionLimits {
            max_connections: options.max_connections,
            ..ConnectionLimits::default()
        })
        .max_body_bytes(options.max_body_bytes);
    for host in &options.allowed_hosts {
        builder = builder.allow_host(host);
    }
    for origin in &options.allowed_origins {
        builder = builder.allow_origin(origin);
    }
    for i in 1..=options.bots {
        let privileged = if options.privileged {
            Intents::PRIVILEGED
        } else {
            Intents::empty()
        };
        builder = builder.bot(
            BotSpec::new(format!("bot-token-{i}"))
                .name(format!("Bot{i}"))
                .privileged(privileged),
        );
    }
    builder = builder.no_users();
    for i in 1..=options.users {
        builder = builder.user(format!("user{i}"));
    }
    for i in 1..=options.guilds.max(1) {
        let name = if options.guilds <= 1 {
            "Test Guild".to_owned()
        } else {
            format!("Test Guild {i}")
        };
        builder = builder.guild(
            GuildSpec::new(name)
                .text_channel("general")
                .text_channel("random"),
        );
    }
    let emu = match builder.start().await {
        Ok(emu) => emu,
        Err(e) => {
            eprintln!("error: cannot listen on 127.0.0.1:{}: {e}", options.port);
            return ExitCode::FAILURE;
        }
    };
    println!("asyncord emulator running (Ctrl-C to stop)");
    println!("  REST base    {}", emu.rest_url());
    println!("  gateway      {}", emu.gateway_url());
    for bot in emu.bots() {
        println!(
            "  bot token    {}  (user {}, application {})",
            bot.token, bot.user_id, bot.application_id
        );
    }
    for guild in emu.guilds() {
        let channels: Vec<String> = guild
            .channels
            .iter()
            .map(|(n, id)| format!("#{n} {id}"))
            .collect();
        println!(
            "  guild        {} {}: {}",
            guild.name,
            guild.id,
            channels.join(", ")
        );
    }
    for (name, id) in emu.seeded_users() {
        println!("  user         {name} {id}");
    }
    println!(
        "Point a Discord client at the REST base with a bot token; it finds the gateway \
         through GET /gateway/bot."
    );
    if let Err(e) = tokio::signal::ctrl_c().await {
        eprintln!("error: cannot wait for Ctrl-C: {e}");
    }
    println!("stopping: closing gateway sessions");
    emu.shutdown().await;
    println!("stopped");
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn parses_options() {
        let o = parse_args(args(
            "--port 0 --bots=2 --users 3 --heartbeat-ms 500 --no-privileged",
        ))
        .unwrap()
        .unwrap();
        assert_eq!((o.port, o.bots, o.users), (0, 2, 3));
        assert_eq!(o.heartbeat, Duration::from_millis(500));
        assert!(!o.privileged);
        assert_eq!(o.compression, GatewayCompressionSupport::All);
        let o = parse_args(args("--gateway-compression zlib-only"))
            .unwrap()
            .unwrap();
        assert_eq!(o.compression, GatewayCompressionSupport::ZlibOnly);
        assert!(parse_args(args("--gateway-compression brotli")).is_err());
        assert!(parse_args(args("--gateway-compression")).is_err());
        assert!(parse_args(args("--help")).unwrap().is_none());
        assert!(parse_args(args("--port x")).is_err());
        assert!(parse_args(args("--bots 0")).is_err());
        assert!(parse_args(args("--what")).is_err());
        let o = parse_args(args(
            "--allow-host a.example --allow-host=b.example --allow-origin https://c.example \
             --max-connections 8 --max-body-bytes 1024 --resume-window-secs 60",
        ))
        .unwrap()
        .unwrap();
        assert_eq!(o.allowed_hosts, ["a.example", "b.example"]);
        assert_eq!(o.allowed_origins, ["https://c.example"]);
        assert_eq!((o.max_connections, o.max_body_bytes), (8, 1024));
        assert_eq!(o.resume_window, Duration::from_secs(60));
        assert!(parse_args(args("--max-connections 0")).is_err());
        assert!(parse_args(args("--allow-host")).is_err());
    }
}
