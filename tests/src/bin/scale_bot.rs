//! One process of a bot scaled out on Redis, for the integration tests that need real OS
//! processes (`tests/tests/redis_processes.rs`, which reaches it through
//! `env!("CARGO_BIN_EXE_scale_bot")`). Everything comes from environment variables:
//!
//! - `SCALE_ROLE`: `gateway` (runs shards; identify queue, sessions and event bus in Redis),
//!   `rest` (sends `SCALE_REQUESTS` messages to `SCALE_CHANNEL` and reads as many channels
//!   through the shared rate limiter, then exits) or `worker` (handles the event bus's dispatches,
//!   printing `handled SHARD SEQ` for each once its handler ends).
//! - `SCALE_REDIS` (URL), `SCALE_NAMESPACE`, `SCALE_TOKEN`, `SCALE_API` (REST base),
//!   `SCALE_GATEWAY` (gateway URL), `SCALE_SHARDS` (`from..to/count`), `SCALE_CONCURRENCY`
//!   (`max_concurrency`), `SCALE_HANDLER_MS` (how long a worker's handler takes),
//!   `SCALE_CLAIM_MS` (a worker's claim idle time).
//!
//! It prints `started` once running; a gateway or worker runs until killed.

use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use asyncord::dispatcher::{Dispatcher, RawEvent};
use asyncord::gateway::{Delivery, EventSink, Gateway, GatewayConfig, Shards};
use asyncord::model::Intents;
use asyncord::model::request::CreateMessage;
use asyncord::redis::{
    BusConfig, BusPublisher, BusWorker, Namespace, RedisIdentifyQueue, RedisLink, RedisRateLimiter,
    RedisSessionStore,
};
use asyncord::rest::RestClient;

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set"))
}

fn number<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

#[tokio::main]
async fn main() {
    let link = RedisLink::open(&var("SCALE_REDIS")).expect("a Redis URL");
    let namespace = Namespace::new(var("SCALE_NAMESPACE"));
    match var("SCALE_ROLE").as_str() {
        "gateway" => gateway(link, namespace).await,
        "rest" => rest(link, &namespace).await,
        "worker" => worker(link, &namespace).await,
        other => panic!("unknown SCALE_ROLE {other}"),
    }
}

fn shards() -> (u32, std::ops::Range<u32>) {
    let text = var("SCALE_SHARDS");
    let (range, count) = text.split_once('/').expect("from..to/count");
    let (from, to) = range.split_once("..").expect("from..to/count");
    (
        count.parse().expect("count"),
        from.parse().expect("from")..to.parse().expect("to"),
    )
}

async fn gateway(link: RedisLink, namespace: Namespace) {
    let (count, range) = shards();
    let store = RedisSessionStore::new(link.clone(), namespace.clone());
    let sessions = store.load(count, range.clone()).await.expect("sessions");
    let queue = RedisIdentifyQueue::new(
        link.clone(),
        namespace.clone(),
        number("SCALE_CONCURRENCY", 1),
    );
    let publisher = Arc::new(BusPublisher::start(
        link,
        namespace,
        &BusConfig::new(),
        count,
        sessions.clone(),
        BusPublisher::everything(),
    ));
    let mut config = GatewayConfig::new(
        var("SCALE_TOKEN"),
        Intents::GUILDS | Intents::GUILD_MESSAGES,
    )
    .url(var("SCALE_GATEWAY"))
    .shards(Shards::Fixed { count, range })
    .identify_queue(Arc::new(queue));
    config.sessions = sessions;
    config.delivery = Delivery::Sink(publisher as Arc<dyn EventSink>);
    let gateway = Gateway::connect(config).await.expect("connected");
    say("started");
    let _ = gateway.join().await;
}

async fn rest(link: RedisLink, namespace: &Namespace) {
    let client = RestClient::builder(var("SCALE_TOKEN"))
        .base_url(var("SCALE_API"))
        .rate_limiter(Arc::new(RedisRateLimiter::new(link, namespace)))
        .build();
    let channel: u64 = number("SCALE_CHANNEL", 0);
    let n: usize = number("SCALE_REQUESTS", 10);
    say("started");
    let mut tasks = Vec::new();
    for i in 0..n {
        let poster = client.clone();
        tasks.push(tokio::spawn(async move {
            poster
                .channels
                .messages(channel)
                .create(CreateMessage::content(format!("m{i}")))
                .await
                .map(drop)
        }));
        let reader = client.clone();
        tasks.push(tokio::spawn(async move {
            reader.channels.get(channel).await.map(drop)
        }));
    }
    let mut failed = 0;
    for task in tasks {
        if !matches!(task.await, Ok(Ok(()))) {
            failed += 1;
        }
    }
    say(&format!("done {failed}"));
}

async fn worker(link: RedisLink, namespace: &Namespace) {
    let dispatcher = Dispatcher::new();
    let pause = Duration::from_millis(number("SCALE_HANDLER_MS", 0));
    dispatcher.add_raw_handler(move |event: RawEvent, _ctx| async move {
        tokio::time::sleep(pause).await;
        say(&format!("handled {} {}", event.shard_id, event.seq));
    });
    let claim = Duration::from_millis(number("SCALE_CLAIM_MS", 30_000));
    let config = BusConfig::new()
        .consumer(format!("worker-{}", std::process::id()))
        .claim(claim, claim / 4);
    let worker = BusWorker::start(link, namespace, config, dispatcher);
    say("started");
    std::future::pending::<()>().await;
    drop(worker);
}
