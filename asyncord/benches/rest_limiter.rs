//! The rate limiter's overhead per request, against the emulator.
//!
//! - `limiter/acquire_update_release`: the in-process limiter alone (bucket lookup, FIFO lock,
//!   header update, global window), with and without the global limit's bookkeeping.
//! - `in_memory/*`: the same `GET /channels/{id}` through the emulator's in-memory transport,
//!   once handed straight to the transport and once through `HttpClient::execute` (limiter,
//!   header parsing, retry loop); the difference is the client's overhead.
//! - `socket/*`: the same over a loopback socket (hyper transport, keep-alive).
//!
//! The emulator's limits are raised so nothing ever waits. Run:
//! `cargo bench -p asyncord --features testkit --bench rest_limiter`.

// criterion_group! expands to undocumented functions.
#![allow(missing_docs)]

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use asyncord::http::{
    HyperTransport, InMemoryRateLimiter, RateLimitHeaders, RateLimiter, Request, Route, Transport,
};
use asyncord::model::ChannelId;
use asyncord::model::route::GET_CHANNEL;
use asyncord::rest::RestClient;
use asyncord::testkit::rest::{RestConfig, RestServer, World};
use bytes::Bytes;
use criterion::{Criterion, criterion_group, criterion_main};

fn config() -> RestConfig {
    RestConfig::default()
        .buckets(vec![])
        .default_limit(u32::MAX, Duration::from_secs(1))
        .global_limit(0)
}

fn raw_request(url: &str, token: &str, channel: u64) -> http::Request<Bytes> {
    http::Request::builder()
        .method("GET")
        .uri(format!("{url}/channels/{channel}"))
        .header("authorization", format!("Bot {token}"))
        .header("user-agent", "DiscordBot (https://example.com, 1)")
        .body(Bytes::new())
        .expect("request")
}

fn limiter(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let headers = RateLimitHeaders {
        status: 200,
        limit: Some(u32::MAX),
        remaining: Some(u32::MAX - 1),
        reset_after: Some(Duration::from_secs(1)),
        bucket: Some("abcdef".into()),
        ..RateLimitHeaders::default()
    };
    let route = Route::new(&GET_CHANNEL, [&ChannelId::new(1234)]);
    let mut group = c.benchmark_group("limiter");
    for (name, global) in [
        ("acquire_update_release/no_global", 0),
        ("acquire_update_release/global_1e9", 1_000_000_000),
    ] {
        let l = InMemoryRateLimiter::with_global_limit(global);
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                rt.block_on(async {
                    let start = Instant::now();
                    for _ in 0..iters {
                        let mut t = l.acquire(black_box(&route)).await;
                        t.update(&headers);
                    }
                    start.elapsed()
                })
            });
        });
    }
    group.finish();
}

fn in_memory(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let (world, seed) = World::seeded();
    let server = RestServer::in_memory(world, config());
    server.set_recording(false);
    let transport: Arc<dyn Transport> = Arc::new(server.endpoint());
    let client = RestClient::builder(&seed.bot.token)
        .base_url(server.url())
        .transport(Arc::clone(&transport))
        .global_limit(0)
        .build();
    let url = server.url();
    let channel = seed.channel_id.get();
    let mut group = c.benchmark_group("in_memory");
    group.bench_function("transport_only", |b| {
        b.iter_custom(|iters| {
            rt.block_on(async {
                let start = Instant::now();
                for _ in 0..iters {
                    black_box(
                        transport
                            .send(raw_request(&url, &seed.bot.token, channel))
                            .await
                            .expect("ok"),
                    );
                }
                start.elapsed()
            })
        });
    });
    group.bench_function("http_client_execute", |b| {
        b.iter_custom(|iters| {
            rt.block_on(async {
                let start = Instant::now();
                for _ in 0..iters {
                    let req = Request::new(Route::new(&GET_CHANNEL, [&ChannelId::new(channel)]));
                    black_box(client.http().execute(req).await.expect("ok"));
                }
                start.elapsed()
            })
        });
    });
    group.finish();
}

fn socket(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let (world, seed) = World::seeded();
    let server = rt
        .block_on(RestServer::start_with(world, config()))
        .expect("server");
    server.set_recording(false);
    let transport: Arc<dyn Transport> = Arc::new(HyperTransport::new().expect("transport"));
    let client = RestClient::builder(&seed.bot.token)
        .base_url(server.url())
        .global_limit(0)
        .build();
    let url = server.url();
    let channel = seed.channel_id.get();
    let mut group = c.benchmark_group("socket");
    group.bench_function("transport_only", |b| {
        b.iter_custom(|iters| {
            rt.block_on(async {
                let start = Instant::now();
                for _ in 0..iters {
                    black_box(
                        transport
                            .send(raw_request(&url, &seed.bot.token, channel))
                            .await
                            .expect("ok"),
                    );
                }
                start.elapsed()
            })
        });
    });
    group.bench_function("http_client_execute", |b| {
        b.iter_custom(|iters| {
            rt.block_on(async {
                let start = Instant::now();
                for _ in 0..iters {
                    let req = Request::new(Route::new(&GET_CHANNEL, [&ChannelId::new(channel)]));
                    black_box(client.http().execute(req).await.expect("ok"));
                }
                start.elapsed()
            })
        });
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = limiter, in_memory, socket
}
criterion_main!(benches);
