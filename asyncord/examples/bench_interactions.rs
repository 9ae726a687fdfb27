//! Interactions over HTTP, measured against a bare hyper server in the same run: signed
//! requests per second through the whole endpoint (Ed25519 verification, dispatch, routing to a
//! trivial `#[command]`, its reply into the HTTP answer) and the latency it adds at p50/p99.
//!
//! `cargo run -p asyncord --features testkit,http-interactions --profile bench --example
//! bench_interactions -- --requests 5000 --rounds 5 --concurrency 8`
//!
//! Both servers run on loopback in this process, on the same runtime, and are driven by the same
//! client: keep-alive HTTP/1.1 connections sending pre-signed POSTs of the captured
//! INTERACTION_CREATE payload (2.1 KB, a distinct id per request). The bare server reads each
//! body and answers the same JSON the bot's command answers; the difference is what asyncord
//! adds. Latency: one connection, sequential requests. Throughput: `--concurrency` connections
//! at once. The two servers alternate in each round, so drift hits them alike.

#[path = "../../asyncord-model/benches/support/payloads.rs"]
mod payloads;

use std::convert::Infallible;
use std::fmt::Write as _;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use asyncord::dispatcher::Dispatcher;
use asyncord::interactions::{InteractionsConfig, InteractionsServer, PublicKey};
use asyncord::prelude::*;
use asyncord::testkit::{InteractionSigner, unix_now};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};

/// What both servers answer.
const ANSWER: &str = r#"{"type":4,"data":{"content":"pong"}}"#;

/// Answers pong (named as the captured interaction's command).
#[command(name = "name_48")]
async fn pong(ctx: CommandContext) -> CommandResult {
    ctx.reply("pong").await?;
    Ok(())
}

/// One pre-signed request.
#[derive(Clone)]
struct Signed {
    body: Bytes,
    signature: String,
    timestamp: String,
}

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(default)
}

/// A bare hyper server answering [`ANSWER`]; with `key`, it first checks the signature as any
/// endpoint must (ring, as asyncord does), answering 401 when it is wrong.
async fn bare_server(key: Option<PublicKey>) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let _ = stream.set_nodelay(true);
            let service = service_fn(move |request: hyper::Request<hyper::body::Incoming>| {
                bare_answer(key, request)
            });
            tokio::spawn(http1::Builder::new().serve_connection(TokioIo::new(stream), service));
        }
    });
    addr
}

async fn bare_answer(
    key: Option<PublicKey>,
    request: hyper::Request<hyper::body::Incoming>,
) -> Result<hyper::Response<Full<Bytes>>, Infallible> {
    let (parts, body) = request.into_parts();
    let body = body
        .collect()
        .await
        .map(http_body_util::Collected::to_bytes);
    if let (Some(key), Ok(body)) = (key, body) {
        let header = |name| parts.headers.get(name).map_or(&b""[..], |v| v.as_bytes());
        let signature = header("x-signature-ed25519");
        if !key.verify(header("x-signature-timestamp"), &body, signature) {
            let mut refused = hyper::Response::new(Full::new(Bytes::new()));
            *refused.status_mut() = http::StatusCode::UNAUTHORIZED;
            return Ok(refused);
        }
    }
    let mut response = hyper::Response::new(Full::new(Bytes::from_static(ANSWER.as_bytes())));
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    Ok(response)
}

async fn asyncord_server(signer: &InteractionSigner) -> InteractionsServer {
    let key = PublicKey::from_hex(signer.public_key()).unwrap();
    let client = RestClient::new("bench-token"); // answers go into the HTTP response
    let dispatcher = Dispatcher::new();
    dispatcher.add_argument("client", client.clone());
    dispatcher.add_commands([pong()]);
    dispatcher.check_arguments().unwrap();
    let config = InteractionsConfig::new(key, ([127, 0, 0, 1], 0).into());
    InteractionsServer::bind(config, dispatcher, &client)
        .await
        .unwrap()
}

type Sender = hyper::client::conn::http1::SendRequest<Full<Bytes>>;

async fn connect(addr: SocketAddr) -> Sender {
    let stream = TcpStream::connect(addr).await.unwrap();
    stream.set_nodelay(true).unwrap();
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .unwrap();
    tokio::spawn(connection);
    sender
}

/// Sends one request and reads the answer; returns whether it was the expected answer.
async fn send(sender: &mut Sender, addr: SocketAddr, request: &Signed) -> bool {
    let request = hyper::Request::post("/")
        .header(http::header::HOST, addr.to_string())
        .header(http::header::CONTENT_TYPE, "application/json")
        .header("x-signature-ed25519", request.signature.as_str())
        .header("x-signature-timestamp", request.timestamp.as_str())
        .body(Full::new(request.body.clone()))
        .unwrap();
    if sender.ready().await.is_err() {
        eprintln!("{addr}: the connection closed");
        return false;
    }
    let response = match sender.send_request(request).await {
        Ok(response) => response,
        Err(e) => {
            eprintln!("{addr}: {e:?}");
            return false;
        }
    };
    let status = response.status();
    let body = response
        .into_body()
        .collect()
        .await
        .map(http_body_util::Collected::to_bytes);
    match body {
        Ok(b) if status == 200 && b.as_ref() == ANSWER.as_bytes() => true,
        Ok(b) => {
            eprintln!("{addr}: {status} {}", String::from_utf8_lossy(&b));
            false
        }
        Err(e) => {
            eprintln!("{addr}: {status} {e}");
            false
        }
    }
}

/// Sequential requests on one connection: each one's latency, in µs.
async fn latencies(addr: SocketAddr, requests: &[Signed]) -> Vec<f64> {
    let mut sender = connect(addr).await;
    let mut out = Vec::with_capacity(requests.len());
    for request in requests {
        let start = Instant::now();
        assert!(send(&mut sender, addr, request).await, "a request failed");
        out.push(start.elapsed().as_secs_f64() * 1e6);
    }
    out
}

/// `concurrency` connections sending their share at once: requests per second.
async fn throughput(addr: SocketAddr, requests: &Arc<Vec<Signed>>, concurrency: usize) -> f64 {
    let start = Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..concurrency {
        let requests = Arc::clone(requests);
        tasks.push(tokio::spawn(async move {
            let mut sender = connect(addr).await;
            let mut sent = 0;
            for request in requests.iter().skip(worker).step_by(concurrency) {
                assert!(send(&mut sender, addr, request).await, "a request failed");
                sent += 1;
            }
            sent
        }));
    }
    let mut total = 0;
    for task in tasks {
        total += task.await.unwrap();
    }
    f64::from(total) / start.elapsed().as_secs_f64()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn main() {
    let requests = arg("--requests", 5000);
    let rounds = arg("--rounds", 5);
    let concurrency = arg("--concurrency", 8).max(1);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        let signer = InteractionSigner::generate();
        let timestamp = unix_now().to_string();
        let signed: Arc<Vec<Signed>> = Arc::new(
            (0..requests)
                .map(|i| {
                    let body = payloads::interaction_create(i);
                    Signed {
                        signature: signer.sign(&timestamp, body.as_bytes()),
                        body: Bytes::from(body),
                        timestamp: timestamp.clone(),
                    }
                })
                .collect(),
        );
        let key = PublicKey::from_hex(signer.public_key()).unwrap();
        let bare = bare_server(None).await;
        let verifying = bare_server(Some(key)).await;
        let server = asyncord_server(&signer).await;
        let ours = server.local_addr();

        // Ed25519 verification alone, for scale.
        let start = Instant::now();
        for s in signed.iter() {
            assert!(key.verify(s.timestamp.as_bytes(), &s.body, s.signature.as_bytes()));
        }
        let verify_us = start.elapsed().as_secs_f64() * 1e6 / requests as f64;

        // Warm-up.
        for addr in [bare, verifying, ours] {
            latencies(addr, &signed[..200.min(requests)]).await;
        }

        println!(
            "{requests} requests x {rounds} rounds, payload {} bytes, throughput with {concurrency} connections; µs",
            signed[0].body.len()
        );
        println!(
            "round | bare p50/p99 | bare+verify p50/p99 | asyncord p50/p99 | bare req/s | bare+verify req/s | asyncord req/s"
        );
        let targets = [bare, verifying, ours];
        let mut all: [Vec<f64>; 3] = Default::default();
        let mut rates: [Vec<f64>; 3] = Default::default();
        for round in 1..=rounds {
            let mut line = format!("{round}");
            let mut rate_line = String::new();
            for (i, addr) in targets.iter().enumerate() {
                let mut l = latencies(*addr, &signed).await;
                l.sort_by(f64::total_cmp);
                let _ = write!(line, " | {:.1} / {:.1}", percentile(&l, 0.5), percentile(&l, 0.99));
                all[i].extend(l);
            }
            for (i, addr) in targets.iter().enumerate() {
                let rate = throughput(*addr, &signed, concurrency).await;
                let _ = write!(rate_line, " | {rate:.0}");
                rates[i].push(rate);
            }
            println!("{line}{rate_line}");
        }
        let names = ["bare hyper", "bare hyper + ring verify", "asyncord endpoint"];
        for (i, name) in names.iter().enumerate() {
            all[i].sort_by(f64::total_cmp);
            rates[i].sort_by(f64::total_cmp);
            println!(
                "{name}: p50 {:.1} µs, p99 {:.1} µs, median {:.0} req/s",
                percentile(&all[i], 0.5),
                percentile(&all[i], 0.99),
                rates[i][rates[i].len() / 2]
            );
        }
        let p = |i: usize, q| percentile(&all[i], q);
        let rate = |i: usize| rates[i][rates[i].len() / 2];
        println!(
            "asyncord vs bare: added p50 {:+.1} µs, p99 {:+.1} µs, req/s ratio {:.2}; \
             vs bare+verify: added p50 {:+.1} µs, p99 {:+.1} µs, req/s ratio {:.2}; \
             Ed25519 verify alone {verify_us:.1} µs",
            p(2, 0.5) - p(0, 0.5),
            p(2, 0.99) - p(0, 0.99),
            rate(2) / rate(0),
            p(2, 0.5) - p(1, 0.5),
            p(2, 0.99) - p(1, 0.99),
            rate(2) / rate(1),
        );
        server.shutdown(Duration::from_secs(1)).await;
    });
}
