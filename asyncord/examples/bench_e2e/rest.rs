//! REST latency over loopback against the emulator's REST server (in another process): a bare
//! hyper request, the same request through asyncord's rate limiter and transport
//! (`HttpClient::execute`), and the typed `client.channels.get(id)` (which also parses the
//! channel). Sequential requests on one keep-alive connection; the three paths are interleaved
//! in rounds so drift in machine load hits them alike.

use std::time::{Duration, Instant};

use asyncord::http::{Request, Route};
use asyncord::model::ChannelId;
use asyncord::model::route::GET_CHANNEL;
use asyncord::rest::RestClient;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

const ROUNDS: usize = 10;

fn percentiles(mut v: Vec<f64>) -> String {
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    format!("{:.1} {:.1} {:.1}", at(0.5), at(0.9), at(0.99))
}

/// `requests` per path (after a warm-up); returns p50/p90/p99 in µs per path, one line each.
pub async fn run(url: &str, token: &str, channel: u64, requests: usize) -> String {
    let mut http = HttpConnector::new();
    http.set_nodelay(true);
    let bare: Client<HttpConnector, Full<Bytes>> =
        Client::builder(TokioExecutor::new()).build(http);
    let client = RestClient::builder(token)
        .base_url(url)
        .global_limit(0)
        .build();
    let uri: http::Uri = format!("{url}/channels/{channel}").parse().expect("uri");
    let auth = format!("Bot {token}");

    let bare_once = || async {
        let req = http::Request::builder()
            .method("GET")
            .uri(uri.clone())
            .header("authorization", &auth)
            .header("user-agent", "DiscordBot (https://example.com, 1)")
            .body(Full::new(Bytes::new()))
            .expect("request");
        let resp = bare.request(req).await.expect("bare request");
        assert!(resp.status().is_success());
        resp.into_body().collect().await.expect("body").to_bytes()
    };
    let execute_once = || async {
        let req = Request::new(Route::new(&GET_CHANNEL, [&ChannelId::new(channel)]));
        client.http().execute(req).await.expect("execute")
    };
    let typed_once = || async { client.channels.get(channel).await.expect("typed get") };

    for _ in 0..200 {
        std::hint::black_box(bare_once().await);
        std::hint::black_box(execute_once().await);
        std::hint::black_box(typed_once().await);
    }
    let per_round = (requests / ROUNDS).max(1);
    let (mut b, mut e, mut t) = (Vec::new(), Vec::new(), Vec::new());
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    for _ in 0..ROUNDS {
        for _ in 0..per_round {
            let s = Instant::now();
            std::hint::black_box(bare_once().await);
            b.push(us(s.elapsed()));
        }
        for _ in 0..per_round {
            let s = Instant::now();
            std::hint::black_box(execute_once().await);
            e.push(us(s.elapsed()));
        }
        for _ in 0..per_round {
            let s = Instant::now();
            std::hint::black_box(typed_once().await);
            t.push(us(s.elapsed()));
        }
    }
    format!("{}\n{}\n{}", percentiles(b), percentiles(e), percentiles(t))
}
