//! The emulator's REST side checked directly with raw requests: it validates auth, user agent,
//! content type and JSON like Discord, sends Discord's rate-limit headers from the configured
//! buckets (shared opaque ids, per top-level resource), and publishes dispatches on changes.

use std::time::Duration;

use asyncord_testkit::GatewayWorld;
use asyncord_testkit::rest::{BucketDef, RestConfig, RestServer, World};
use bytes::Bytes;
use serde_json::{Value, json};

const UA: &str = "DiscordBot (https://example.com, 1.0)";

async fn send(
    server: &RestServer,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, http::HeaderMap, Value) {
    let mut req = http::Request::builder()
        .method(method)
        .uri(format!("{}{path}", server.url()));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let req = req.body(Bytes::from(body.to_owned())).unwrap();
    let resp = server.handle(req).await;
    let status = resp.status().as_u16();
    let json = serde_json::from_slice(resp.body()).unwrap_or(Value::Null);
    (status, resp.headers().clone(), json)
}

fn server(config: RestConfig) -> (RestServer, String, asyncord_testkit::rest::Seed) {
    let (world, seed) = World::seeded();
    let auth = format!("Bot {}", seed.bot.token);
    (RestServer::in_memory(world, config), auth, seed)
}

#[tokio::test]
async fn requires_a_valid_bot_token_and_user_agent() {
    let (server, auth, seed) = server(RestConfig::default());
    let path = format!("/channels/{}", seed.channel_id);
    let (status, _, body) = send(&server, "GET", &path, &[("user-agent", UA)], "").await;
    assert_eq!(status, 401);
    assert_eq!(body["message"], "401: Unauthorized");
    let (status, ..) = send(
        &server,
        "GET",
        &path,
        &[("authorization", "Bot nope"), ("user-agent", UA)],
        "",
    )
    .await;
    assert_eq!(status, 401);
    let (status, ..) = send(&server, "GET", &path, &[("authorization", &auth)], "").await;
    assert_eq!(status, 400, "no DiscordBot user agent");
    let (status, _, body) = send(
        &server,
        "GET",
        &path,
        &[("authorization", &auth), ("user-agent", UA)],
        "",
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["id"], seed.channel_id.to_string());
    let (status, _, body) = send(
        &server,
        "GET",
        "/nope",
        &[("authorization", &auth), ("user-agent", UA)],
        "",
    )
    .await;
    assert_eq!((status, body["code"].as_u64()), (404, Some(0)));
    let (status, _, body) = send(&server, "GET", "/gateway", &[("user-agent", UA)], "").await;
    assert_eq!(status, 200, "Get Gateway needs no token, as on Discord");
    assert!(body["url"].is_string());
    let (status, ..) = send(&server, "GET", "/gateway/bot", &[("user-agent", UA)], "").await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn unknown_paths_are_404_and_known_paths_with_another_method_405() {
    let (server, auth, seed) = server(RestConfig::default());
    let h = [("authorization", auth.as_str()), ("user-agent", UA)];
    let not_found = json!({"message": "404: Not Found", "code": 0});
    let (status, _, body) = send(&server, "GET", "/nope", &[], "").await;
    assert_eq!(
        (status, body),
        (404, not_found.clone()),
        "routed before authentication"
    );
    let (status, _, body) = send(&server, "GET", "/channels/abc", &h, "").await;
    assert_eq!(
        (status, body),
        (404, not_found),
        "an id that is no snowflake"
    );
    let (status, _, body) = send(&server, "DELETE", "/users/@me", &h, "").await;
    assert_eq!(
        (status, body),
        (
            405,
            json!({"message": "405: Method Not Allowed", "code": 0})
        )
    );
    let path = format!("/channels/{}/typing", seed.channel_id);
    let (status, ..) = send(&server, "GET", &path, &h, "").await;
    assert_eq!(status, 405);
    let (status, ..) = send(&server, "POST", &path, &h, "").await;
    assert_eq!(status, 204);
    let recorded = server.requests();
    let routes: Vec<&str> = recorded.iter().map(|r| r.route.as_str()).collect();
    assert_eq!(
        routes,
        ["", "GET channels/{}", "", "", "POST channels/{}/typing"]
    );
}

#[tokio::test]
async fn checks_content_type_and_json() {
    let (server, auth, seed) = server(RestConfig::default());
    let path = format!("/channels/{}/messages", seed.channel_id);
    let h = |ct: &'static str| {
        vec![
            ("authorization", auth.as_str()),
            ("user-agent", UA),
            ("content-type", ct),
        ]
    };
    let (status, _, body) = send(&server, "POST", &path, &h("text/plain"), "{}").await;
    assert_eq!((status, body["code"].as_u64()), (400, Some(50035)));
    let (status, _, body) = send(&server, "POST", &path, &h("application/json"), "{not json").await;
    assert_eq!((status, body["code"].as_u64()), (400, Some(50109)));
    let (status, _, body) = send(&server, "POST", &path, &h("application/json"), "{}").await;
    assert_eq!(
        (status, body["code"].as_u64()),
        (400, Some(50006)),
        "empty message"
    );
    let long = json!({"content": "x".repeat(2001)}).to_string();
    let (status, _, body) = send(&server, "POST", &path, &h("application/json"), &long).await;
    assert_eq!(status, 400);
    assert_eq!(
        body["errors"]["content"]["_errors"][0]["code"],
        "BASE_TYPE_MAX_LENGTH"
    );
}

#[tokio::test]
async fn routes_in_one_bucket_share_its_id_and_count_per_resource() {
    let config = RestConfig::default().buckets(vec![BucketDef::new(
        "feedc0de",
        3,
        Duration::from_secs(60),
        &["GET channels/{}", "GET channels/{}/messages"],
    )]);
    let (server, auth, seed) = server(config);
    let other = server.world().add_channel(seed.guild_id, "other", 0);
    let h = [("authorization", auth.as_str()), ("user-agent", UA)];
    let get = |p: String| {
        let server = &server;
        async move { send(server, "GET", &p, &h, "").await }
    };
    let (_, h1, _) = get(format!("/channels/{}", seed.channel_id)).await;
    let (_, h2, _) = get(format!("/channels/{}/messages", seed.channel_id)).await;
    assert_eq!(h1["x-ratelimit-bucket"], "feedc0de");
    assert_eq!(h2["x-ratelimit-bucket"], "feedc0de");
    assert_eq!(h1["x-ratelimit-limit"], "3");
    assert_eq!(
        h2["x-ratelimit-remaining"], "1",
        "both routes count in one bucket"
    );
    let (_, h3, _) = get(format!("/channels/{other}")).await;
    assert_eq!(
        h3["x-ratelimit-remaining"], "2",
        "another channel is another limit"
    );
    get(format!("/channels/{}", seed.channel_id)).await;
    let (status, h4, body) = get(format!("/channels/{}", seed.channel_id)).await;
    assert_eq!(status, 429);
    assert_eq!(h4["x-ratelimit-scope"], "user");
    assert!(h4.contains_key("retry-after"));
    assert_eq!(body["global"], false);
    assert!(body["retry_after"].as_f64().unwrap() > 0.0);
    let (_, h5, _) = get("/users/@me".into()).await;
    assert_ne!(h5["x-ratelimit-bucket"], "feedc0de");
}

#[tokio::test]
async fn global_limit_answers_with_a_global_429() {
    let (server, auth, seed) = server(RestConfig::default().global_limit(2));
    let h = [("authorization", auth.as_str()), ("user-agent", UA)];
    let path = format!("/channels/{}", seed.channel_id);
    send(&server, "GET", &path, &h, "").await;
    send(&server, "GET", "/users/@me", &h, "").await;
    let (status, headers, body) = send(&server, "GET", "/gateway/bot", &h, "").await;
    assert_eq!(status, 429);
    assert_eq!(headers["x-ratelimit-global"], "true");
    assert_eq!(headers["x-ratelimit-scope"], "global");
    assert_eq!(body["global"], true);
}

#[tokio::test]
async fn world_serves_the_gateway_side() {
    let (world, seed) = World::seeded();
    let bot = world
        .authenticate(&seed.bot.token)
        .expect("the bot authenticates");
    assert_eq!(bot.user_id, seed.bot.user_id);
    assert!(world.authenticate("wrong").is_none());
    let guilds = world.guild_creates(seed.bot.user_id);
    assert_eq!(guilds.len(), 1);
    let (id, d) = &guilds[0];
    assert_eq!(*id, seed.guild_id);
    assert_eq!(d["channels"][0]["id"], seed.channel_id.to_string());
    assert_eq!(d["member_count"], 2);
    assert!(d["roles"].as_array().is_some_and(|r| !r.is_empty()));
    // A message posted by a user is published for the gateway.
    let mut rx = world.dispatch_bus().subscribe();
    let m = world
        .add_message(seed.channel_id, seed.user_id, "hello")
        .unwrap();
    let d = rx.recv().await.unwrap();
    assert_eq!(d.event, "MESSAGE_CREATE");
    assert_eq!(d.data["id"], m.to_string());
    assert!(d.data["member"].is_object());
}
