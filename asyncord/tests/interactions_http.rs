//! Interactions over HTTP end to end: the emulator delivers signed interactions to an
//! `InteractionsServer` over loopback, as Discord does once the application's "Interactions
//! Endpoint URL" is set, and the bot's ordinary `#[handler]` answers with
//! `client.interactions.respond(..)`, which goes into the HTTP answer.

use std::sync::Arc;
use std::time::Duration;

use asyncord::dispatcher::{Dispatcher, HandlerResult, handler};
use asyncord::interactions::{InteractionsConfig, InteractionsServer, PublicKey};
use asyncord::model::command::{ApplicationCommandOption, ApplicationCommandOptionChoice};
use asyncord::model::component::{ActionRow, Button, Component};
use asyncord::model::gateway::events::InteractionCreateEvent;
use asyncord::model::interaction::{InteractionData, InteractionMessageData, InteractionResponse};
use asyncord::model::request::{CreateCommand, ExecuteWebhook};
use asyncord::rest::RestClient;
use asyncord::testkit::{Emulator, EmulatorBots, InteractionSigner, post_interaction, unix_now};
use serde_json::{Value, json};
use tokio::sync::Notify;

/// `/slow` says when it started, and finishes when the test releases it.
#[derive(Debug, Default)]
struct Slow {
    started: Notify,
    release: Notify,
}

type Gate = Arc<Slow>;

#[handler]
async fn on_interaction(
    event: InteractionCreateEvent,
    client: RestClient,
    gate: Gate,
) -> HandlerResult {
    let response = match &event.data {
        Some(InteractionData::ApplicationCommand(cmd)) => {
            match cmd.name.as_str() {
                "greet" => {
                    let who = cmd
                        .option("name")
                        .and_then(|o| o.value.as_ref()?.as_str().map(str::to_owned));
                    if event.kind == asyncord::model::interaction::InteractionType::ApplicationCommandAutocomplete {
                    let typed = cmd.focused().and_then(|o| o.value.as_ref()?.as_str()).unwrap_or("");
                    InteractionResponse::autocomplete(
                        ["alice", "albert", "bob"]
                            .into_iter()
                            .filter(|n| n.starts_with(typed))
                            .map(|n| ApplicationCommandOptionChoice::new(n, n)),
                    )
                } else {
                    InteractionResponse::message(format!("hello {}", who.unwrap_or_default()))
                }
                }
                "admin" => {
                    let sub = cmd.options.first().map_or("none", |o| o.name.as_str());
                    InteractionResponse::message(format!("admin {sub}"))
                }
                "menu" => InteractionResponse::message_data(InteractionMessageData {
                    content: Some("pick".to_owned()),
                    components: Some(vec![ActionRow::new([Button::primary("go", "Go")]).into()]),
                    ..InteractionMessageData::default()
                }),
                "form" => {
                    let input: Component = serde_json::from_value(json!({
                        "type": 18, "label": "Your name",
                        "component": {"type": 4, "custom_id": "name", "style": 1},
                    }))?;
                    InteractionResponse::modal("form", "Tell me", [input])
                }
                "Inspect" => {
                    let target = cmd.target_id.map(|t| t.to_string()).unwrap_or_default();
                    let resolved = cmd.resolved.as_ref();
                    let name = resolved
                        .and_then(|r| r.users.values().next().map(|u| u.username.clone()))
                        .or_else(|| {
                            resolved
                                .and_then(|r| r.messages.values().next().map(|m| m.content.clone()))
                        })
                        .unwrap_or_default();
                    InteractionResponse::message(format!("inspected {target} {name}"))
                }
                "slow" => {
                    gate.started.notify_one();
                    gate.release.notified().await;
                    InteractionResponse::message("finally")
                }
                _ => return Ok(()),
            }
        }
        Some(InteractionData::MessageComponent(c)) => {
            InteractionResponse::update(InteractionMessageData {
                content: Some(format!("clicked {}", c.custom_id)),
                components: Some(Vec::new()),
                ..InteractionMessageData::default()
            })
        }
        Some(InteractionData::ModalSubmit(m)) => {
            InteractionResponse::message(format!("thanks {}", m.text_value("name").unwrap_or("?")))
        }
        _ => return Ok(()),
    };
    client
        .interactions
        .respond(event.id, event.token.as_str(), response)
        .await?;
    if matches!(&event.data, Some(InteractionData::ApplicationCommand(c)) if c.name == "slow") {
        client
            .interactions
            .create_followup(
                event.application_id,
                event.token.as_str(),
                ExecuteWebhook::content("and more"),
            )
            .await?;
    }
    Ok(())
}

struct Bot {
    emu: Emulator,
    server: InteractionsServer,
    url: String,
    gate: Gate,
}

async fn register(emu: &Emulator) {
    let commands = emu
        .rest_client()
        .applications
        .commands(emu.bot().application_id);
    let name = ApplicationCommandOption::string("name", "Who").autocomplete(true);
    let list = [
        CreateCommand::chat_input("greet", "Greets").option(name),
        CreateCommand::chat_input("admin", "Admin things")
            .option(ApplicationCommandOption::sub_command("ban", "Bans", []))
            .option(ApplicationCommandOption::sub_command("kick", "Kicks", [])),
        CreateCommand::chat_input("menu", "A button"),
        CreateCommand::chat_input("form", "A modal"),
        CreateCommand::chat_input("slow", "Takes its time"),
        CreateCommand::user("Inspect"),
        CreateCommand::message("Inspect"),
    ];
    for command in list {
        commands.create(command).await.unwrap();
    }
}

/// An emulator with the commands registered, and the bot's endpoint (its deadline short, so
/// that `/slow` is deferred without a long wait) saved as the application's endpoint URL.
async fn start() -> Bot {
    let emu = Emulator::start().await.unwrap();
    register(&emu).await;
    let app = emu.bot().application_id;
    let key = PublicKey::from_hex(&emu.interactions_public_key(app)).unwrap();
    let client = emu.rest_client();
    let gate = Gate::default();
    let dispatcher = Dispatcher::new();
    dispatcher.add_argument("client", client.clone());
    dispatcher.add_argument("gate", Arc::clone(&gate));
    dispatcher.add_handler(on_interaction);
    dispatcher.check_arguments().unwrap();
    let config = InteractionsConfig::new(key, ([127, 0, 0, 1], 0).into())
        .path("/interactions")
        .deadline(Duration::from_millis(200));
    let server = InteractionsServer::bind(config, dispatcher, &client)
        .await
        .unwrap();
    let url = format!("http://{}/interactions", server.local_addr());
    emu.set_interactions_endpoint_url(app, &url).await.unwrap();
    Bot {
        emu,
        server,
        url,
        gate,
    }
}

impl Bot {
    async fn stop(self) {
        self.server.shutdown(Duration::from_secs(5)).await;
        self.emu.shutdown().await;
    }
}

/// Delivers an interaction of `kind` with `data` straight to the endpoint, signed with the
/// application's key (for the shapes simulated users do not start: autocomplete, context
/// menus), and returns the HTTP answer.
async fn deliver(bot: &Bot, kind: u8, id: u64, data: Value) -> Value {
    let app = bot.emu.bot().application_id;
    let body = json!({
        "id": id.to_string(), "application_id": app.to_string(), "type": kind,
        "token": format!("direct-{id}"), "version": 1, "data": data,
        "channel_id": bot.emu.channel_id().to_string(),
        "user": {"id": "601", "username": "alice", "discriminator": "0"},
    });
    let signed = bot
        .emu
        .interactions_signer(app)
        .request(&bot.url, body.to_string());
    let answer = post_interaction(signed.unwrap()).await.unwrap();
    assert_eq!(answer.status(), 200);
    serde_json::from_slice(answer.body()).unwrap()
}

/// Whether the callback of `id` was applied from the endpoint's HTTP answer (not sent by the
/// bot through REST).
#[tokio::test]
async fn every_command_shape_is_answered_in_the_http_response() {
    let bot = start().await;
    let emu = &bot.emu;
    let alice = emu.user_named("alice").unwrap();
    let channel = emu.channel_id();

    let greet = alice
        .invoke_slash_command(channel, "greet", json!({"name": "bob"}))
        .await
        .unwrap();
    assert_eq!(greet.response().await.unwrap().content(), Some("hello bob"));
    assert_eq!(greet.message().await.unwrap().content, "hello bob");
    assert!(emu.answered_over_http(greet.id()));

    let admin = alice
        .invoke_slash_command(
            channel,
            "admin",
            json!([{"name": "kick", "type": 1, "options": []}]),
        )
        .await
        .unwrap();
    assert_eq!(
        admin.response().await.unwrap().content(),
        Some("admin kick")
    );

    // Autocomplete and context menus, delivered straight to the endpoint, signed.
    let typing = json!({"id": "50", "name": "greet", "type": 1,
        "options": [{"name": "name", "type": 3, "value": "al", "focused": true}]});
    let choices = deliver(&bot, 4, 1, typing).await;
    assert_eq!(choices["type"], 8);
    let names: Vec<&str> = choices["data"]["choices"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert_eq!(names, ["alice", "albert"]);

    let bob = json!({"id": "600", "username": "bob", "discriminator": "0"});
    let user_menu = json!({"id": "51", "name": "Inspect", "type": 2, "target_id": "600",
        "resolved": {"users": {"600": bob}}});
    let answer = deliver(&bot, 2, 2, user_menu).await;
    assert_eq!(answer["data"]["content"], "inspected 600 bob");
    let said = json!({"id": "700", "channel_id": "800", "content": "look at me", "type": 0,
        "timestamp": "2025-01-01T00:00:00+00:00", "author": bob});
    let message_menu = json!({"id": "52", "name": "Inspect", "type": 3, "target_id": "700",
        "resolved": {"messages": {"700": said}}});
    let answer = deliver(&bot, 2, 3, message_menu).await;
    assert_eq!(answer["data"]["content"], "inspected 700 look at me");

    let menu = alice
        .invoke_slash_command(channel, "menu", Value::Null)
        .await
        .unwrap();
    let with_button = menu.message().await.unwrap();
    let click = alice.click_button(channel, with_button.id, "go").unwrap();
    let update = click.response().await.unwrap();
    assert_eq!((update.kind, update.content()), (7, Some("clicked go")));
    assert!(emu.answered_over_http(click.id()));

    let form = alice
        .invoke_slash_command(channel, "form", Value::Null)
        .await
        .unwrap();
    assert_eq!(form.response().await.unwrap().kind, 9);
    let submitted = alice
        .submit_modal(&form, &[("name", "Alice")])
        .await
        .unwrap();
    assert_eq!(
        submitted.response().await.unwrap().content(),
        Some("thanks Alice")
    );

    let deliveries = emu.http_deliveries();
    assert_eq!(deliveries.len(), 6);
    assert!(
        deliveries
            .iter()
            .all(|d| d.status == Some(200) && d.error.is_none()),
        "{deliveries:?}"
    );
    bot.stop().await;
}

#[tokio::test]
async fn a_slow_command_is_deferred_automatically_then_finishes_through_rest() {
    let bot = start().await;
    let emu = &bot.emu;
    let alice = emu.user_named("alice").unwrap();
    let slow = alice
        .invoke_slash_command(emu.channel_id(), "slow", Value::Null)
        .await
        .unwrap();
    // The handler waits for the gate: the endpoint answers the deferral itself.
    let deferred = slow.response().await.unwrap();
    assert_eq!(deferred.kind, 5);
    assert!(emu.answered_over_http(slow.id()));
    bot.gate.release.notify_one();
    // The handler's respond(message) became the edit of the original response.
    let message = slow.message().await.unwrap();
    assert_eq!(message.content, "finally");
    let webhook = format!("/webhooks/{}/{}", slow.application_id(), slow.token());
    let original = format!("{webhook}/messages/@original");
    let edit = emu
        .wait_for_request(|r| r.method == "PATCH" && r.path == original)
        .await
        .unwrap();
    assert_eq!(edit.json().unwrap()["content"], "finally");
    let followup = emu
        .wait_for_request(|r| r.method == "POST" && r.path == webhook)
        .await
        .unwrap();
    assert_eq!(followup.json().unwrap()["content"], "and more");
    bot.stop().await;
}

#[tokio::test]
async fn valid_requests_pass_and_tampered_wrong_key_unsigned_and_stale_ones_get_401() {
    let bot = start().await;
    let app = bot.emu.bot().application_id;
    let signer = bot.emu.interactions_signer(app);
    let ping = r#"{"type":1,"id":"1","application_id":"1","token":"t","version":1}"#;

    let ok = post_interaction(signer.request(&bot.url, ping).unwrap())
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    assert_eq!(
        serde_json::from_slice::<Value>(ok.body()).unwrap(),
        json!({"type": 1})
    );

    let (parts, _) = signer.request(&bot.url, ping).unwrap().into_parts();
    let tampered = http::Request::from_parts(parts, ping.replace("\"t\"", "\"u\"").into());
    assert_eq!(
        post_interaction(tampered).await.unwrap().status(),
        401,
        "tampered body"
    );

    let stranger = InteractionSigner::generate();
    let wrong = stranger.request(&bot.url, ping).unwrap();
    assert_eq!(
        post_interaction(wrong).await.unwrap().status(),
        401,
        "wrong key"
    );

    for header in ["x-signature-ed25519", "x-signature-timestamp"] {
        let mut missing = signer.request(&bot.url, ping).unwrap();
        missing.headers_mut().remove(header);
        assert_eq!(
            post_interaction(missing).await.unwrap().status(),
            401,
            "missing {header}"
        );
    }

    let stale = signer
        .request_at(&bot.url, ping, unix_now() - 3600)
        .unwrap();
    assert_eq!(
        post_interaction(stale).await.unwrap().status(),
        401,
        "an hour old"
    );
    let future = signer
        .request_at(&bot.url, ping, unix_now() + 3600)
        .unwrap();
    assert_eq!(
        post_interaction(future).await.unwrap().status(),
        401,
        "an hour ahead"
    );
    bot.stop().await;
}

/// An endpoint that answers PONG to anything: the emulator must refuse to save its URL, as
/// Discord's portal does.
#[tokio::test]
async fn saving_the_endpoint_url_requires_pong_and_refusing_bad_signatures() {
    use http_body_util::Full;
    use hyper::server::conn::http1;
    use hyper::service::service_fn;
    use hyper_util::rt::TokioIo;

    let emu = Emulator::start().await.unwrap();
    let app = emu.bot().application_id;
    let careless = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/", careless.local_addr().unwrap());
    let serving = tokio::spawn(async move {
        while let Ok((stream, _)) = careless.accept().await {
            tokio::spawn(http1::Builder::new().serve_connection(
                TokioIo::new(stream),
                service_fn(|_| async {
                    Ok::<_, std::convert::Infallible>(hyper::Response::new(Full::new(
                        bytes::Bytes::from_static(br#"{"type":1}"#),
                    )))
                }),
            ));
        }
    });
    let refused = emu
        .set_interactions_endpoint_url(app, &url)
        .await
        .unwrap_err();
    assert!(
        refused.to_string().contains("invalid signature"),
        "{refused}"
    );
    serving.abort();

    // Nothing listening: refused too.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let gone = format!("http://{}/", closed.local_addr().unwrap());
    drop(closed);
    assert!(emu.set_interactions_endpoint_url(app, &gone).await.is_err());

    // Without a saved URL, interactions still go over the gateway: nothing was delivered.
    assert!(emu.http_deliveries().is_empty());
    emu.shutdown().await;
}

/// Idle connections cannot hold the endpoint without bound: at its connection limit it accepts
/// nothing more, and the next client is served once a connection closes.
#[tokio::test]
async fn at_its_connection_limit_the_endpoint_serves_the_next_client_once_one_closes() {
    let emu = Emulator::start().await.unwrap();
    let app = emu.bot().application_id;
    let key = PublicKey::from_hex(&emu.interactions_public_key(app)).unwrap();
    let client = emu.rest_client();
    let config = InteractionsConfig::new(key, ([127, 0, 0, 1], 0).into())
        .max_connections(2)
        .read_timeout(Duration::from_secs(60));
    let server = InteractionsServer::bind(config, Dispatcher::new(), &client)
        .await
        .unwrap();
    let addr = server.local_addr();

    // Two clients connect and send nothing (the listen queue hands them over in order).
    let idle = tokio::net::TcpStream::connect(addr).await.unwrap();
    let _other_idle = tokio::net::TcpStream::connect(addr).await.unwrap();
    let ping = json!({"id": "1", "application_id": app.to_string(), "type": 1,
                      "token": "ping-token", "version": 1});
    let signed = emu
        .interactions_signer(app)
        .request(&format!("http://{addr}/"), ping.to_string())
        .unwrap();
    let mut third = tokio::spawn(post_interaction(signed));
    assert!(
        tokio::time::timeout(Duration::from_millis(300), &mut third)
            .await
            .is_err(),
        "a third connection was served beside two open ones"
    );

    drop(idle);
    let answer = tokio::time::timeout(Duration::from_secs(10), third)
        .await
        .expect("the waiting client is served once a connection closes")
        .unwrap()
        .unwrap();
    assert_eq!(answer.status(), 200);
    let pong: Value = serde_json::from_slice(answer.body()).unwrap();
    assert_eq!(pong["type"], 1);
    server.shutdown(Duration::from_secs(1)).await;
    emu.shutdown().await;
}

/// A loopback port nothing listens on (for a group's endpoint, which binds when the hub starts
/// the group).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test]
async fn a_group_runs_its_endpoint_beside_the_gateway_and_the_hub_stops_it_gracefully() {
    let emu = Emulator::start().await.unwrap();
    register(&emu).await;
    let app = emu.bot().application_id;
    let key = PublicKey::from_hex(&emu.interactions_public_key(app)).unwrap();
    let port = free_port();
    let endpoint = InteractionsConfig::new(key, ([127, 0, 0, 1], port).into())
        .deadline(Duration::from_millis(200));
    let config = emu.group_config().http_interactions(endpoint);
    let gate = Gate::default();
    let bot = emu
        .run_bot_with(emu.token(), config, |g| {
            g.dispatcher.add_argument("gate", Arc::clone(&gate));
            g.dispatcher.add_handler(on_interaction);
        })
        .await
        .unwrap();
    let url = format!("http://127.0.0.1:{port}/");
    emu.set_interactions_endpoint_url(app, &url).await.unwrap();
    let alice = emu.user_named("alice").unwrap();
    let greet = alice
        .invoke_slash_command(emu.channel_id(), "greet", json!({"name": "carol"}))
        .await
        .unwrap();
    assert_eq!(
        greet.response().await.unwrap().content(),
        Some("hello carol")
    );
    assert!(emu.answered_over_http(greet.id()));

    // A stop while /slow is in flight: its request is still answered (deferred at the
    // deadline), its handler finishes, and then the endpoint is gone.
    let slow = alice
        .invoke_slash_command(emu.channel_id(), "slow", Value::Null)
        .await
        .unwrap();
    gate.started.notified().await;
    let stopping = tokio::spawn(bot.stop());
    assert_eq!(slow.response().await.unwrap().kind, 5);
    gate.release.notify_one();
    let summary = stopping.await.unwrap().unwrap();
    assert_eq!(summary.groups[0].cancelled_handlers, 0);
    assert_eq!(slow.message().await.unwrap().content, "finally");
    let signer = emu.interactions_signer(app);
    let ping = r#"{"type":1,"id":"1","application_id":"1","token":"t","version":1}"#;
    assert!(
        post_interaction(signer.request(&url, ping).unwrap())
            .await
            .is_err(),
        "closed"
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn a_group_without_gateway_serves_interactions_only() {
    use asyncord::{ClientHub, HubConfig};

    let emu = Emulator::start().await.unwrap();
    register(&emu).await;
    let app = emu.bot().application_id;
    let key = PublicKey::from_hex(&emu.interactions_public_key(app)).unwrap();
    let port = free_port();
    let config = emu
        .group_config()
        .without_gateway()
        .http_interactions(InteractionsConfig::new(key, ([127, 0, 0, 1], port).into()));
    let mut hub = ClientHub::with_config(HubConfig {
        handle_signals: false,
        ..HubConfig::default()
    });
    let group = hub
        .create_client_group_with("http", emu.token(), config)
        .unwrap();
    group.dispatcher.add_argument("gate", Gate::default());
    group.dispatcher.add_handler(on_interaction);
    let stop = hub.stop_handle();
    let running = tokio::spawn(async move { hub.start().await });
    let url = format!("http://127.0.0.1:{port}/");
    // The endpoint binds as the hub starts the group.
    let mut saved = emu.set_interactions_endpoint_url(app, &url).await;
    for _ in 0..100 {
        if saved.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
        saved = emu.set_interactions_endpoint_url(app, &url).await;
    }
    saved.unwrap();
    let greet = emu
        .user_named("alice")
        .unwrap()
        .invoke_slash_command(emu.channel_id(), "greet", json!({"name": "dave"}))
        .await
        .unwrap();
    assert_eq!(
        greet.response().await.unwrap().content(),
        Some("hello dave")
    );
    assert!(
        group.gateway.shard_ids().is_empty(),
        "no gateway connection"
    );
    stop.stop();
    let summary = running.await.unwrap().unwrap();
    assert!(summary.groups[0].outcome.is_ok());
    emu.shutdown().await;
}

#[tokio::test]
async fn serve_interactions_refuses_a_key_that_is_not_the_portal_s() {
    let error = asyncord::serve_interactions("not hex", "token", ([127, 0, 0, 1], 0), async |_| {})
        .await
        .unwrap_err();
    assert!(error.to_string().contains("64 hex digits"), "{error}");
}
