//! The emulator on one real loopback port, as the binary serves it: a plain HTTP client finds the
//! gateway through `GET /api/v10/gateway/bot`, a bot connects over TCP exactly as it would to
//! Discord, and after `shutdown` the port is closed. Real clock (sockets).

use std::time::Duration;

use asyncord::dispatcher::{HandlerResult, handler};
use asyncord::model::Intents;
use asyncord::model::gateway::events::MessageCreateEvent;
use asyncord::model::request::CreateMessage;
use asyncord::rest::RestClient;
use asyncord::testkit::{Emulator, EmulatorBots};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[handler]
async fn pong(event: MessageCreateEvent, client: RestClient) -> HandlerResult {
    if !event.author.bot && event.content == "!ping" {
        client
            .channels
            .messages(event.channel_id)
            .create(CreateMessage::content("pong"))
            .await?;
    }
    Ok(())
}

/// One HTTP/1.1 request over a fresh connection; returns the whole response text.
async fn http(addr: &str, request: &str) -> String {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut out))
        .await
        .unwrap()
        .unwrap();
    String::from_utf8_lossy(&out).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_port_serves_rest_and_the_gateway_to_any_client() {
    let emu = Emulator::builder()
        .port(0)
        .heartbeat_interval(Duration::from_secs(5))
        .start()
        .await
        .unwrap();
    let rest = emu.rest_url();
    let addr = rest
        .strip_prefix("http://")
        .and_then(|r| r.strip_suffix("/api/v10"))
        .unwrap()
        .to_owned();
    assert_eq!(emu.gateway_url(), format!("ws://{addr}"));

    // A client that knows nothing of asyncord: raw HTTP.
    let response = http(
        &addr,
        &format!(
            "GET /api/v10/gateway/bot HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bot {}\r\n\
             User-Agent: DiscordBot (https://example.com, 1.0)\r\nConnection: close\r\n\r\n",
            emu.token()
        ),
    )
    .await;
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(
        response.contains(&format!("\"url\":\"ws://{addr}\"")),
        "{response}"
    );
    let unauthorized = http(
        &addr,
        &format!("GET /api/v10/users/@me HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    )
    .await;
    assert!(unauthorized.starts_with("HTTP/1.1 401"), "{unauthorized}");

    // A bot configured with the REST base only, over TCP, gateway found through /gateway/bot.
    let bot = emu
        .run_bot_with(
            emu.token(),
            emu.tcp_group_config().add_intents(Intents::MESSAGE_CONTENT),
            |g| {
                g.dispatcher.add_handler(pong);
            },
        )
        .await
        .unwrap();
    let alice = emu.user_named("alice").unwrap();
    alice.send_message(emu.channel_id(), "!ping").unwrap();
    assert_eq!(
        emu.next_message_in(emu.channel_id()).await.unwrap().content,
        "pong"
    );
    assert!(emu.requests().iter().any(|r| r.route == "GET gateway/bot"));
    bot.stop().await.unwrap();

    emu.shutdown().await;
    let refused = tokio::time::timeout(
        Duration::from_secs(5),
        tokio::net::TcpStream::connect(&addr),
    )
    .await
    .unwrap();
    assert!(refused.is_err(), "the port is closed after shutdown");
}
