//! Interactions over HTTP, measured against a bare hyper server in the same run: signed
//! requests per second through the whole endpoint (Ed25519 verification, dispatch to a
//! `#[handler]`, its `respond` into the HTTP answer) and the latency it adds at p50/p99.
//!
//! `cargo run -p asyncord --features testkit,http-interactions --profile bench --example
//! bench_interactions -- --requests 5000 --rounds 5 --concurrency 8`
//!
//! Both servers run on loopback in this process, on the same runtime, and are driven by the same
//! client: keep-alive HTTP/1.1 connections sending pre-signed POSTs of the captured
//! INTERACTION_CREATE payload (2.1 KB, a distinct id per request). The bare server reads each
//! body and answers the same JSON the bot's handler answers; the difference is what asyncord
//! adds. Latency: one connection, sequential requests. Throughput: `--concurrency` connections
//! at once. The two servers alternate in each round, so drift hits them alike.

#[path = "../../asyncord-model/benches/support/payloads.rs"]
mod payloads;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use asyncord::dispatcher::Dispatcher;
use asyncord::interactions::{InteractionsConfig, InteractionsServer, PublicKey};
use asyncord::model::interaction::InteractionResponse;
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

#[handler]
async fn pong(event: InteractionCreateEvent, client: RestClient) -> HandlerResult {
    let answer = InteractionResponse::message("pong");
    client
        .interactions
        .respond(event.id, event.token.as_str(), answer)
        .await?;
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

async fn bare_server() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let _ = stream.set_nodelay(true);
            tokio::spawn(http1::Builder::new().serve_connection(
                TokioIo::new(stream),
                service_fn(
                    |request: hyper::Request<hyper::body::Incoming>| async move {
                        let _body = request.into_body().collect().await;
                        let mut response =
                            hyper::Response::new(Full::new(Bytes::from_static(ANSWER.as_bytes())));
                        response.headers_mut().insert(
                            http::header::CONTENT_TYPE,
                            http::HeaderValue::from_static("application/json"),
                        );
                        Ok::<_, Infallible>(response)
                    },
                ),
            ));
        }
    });
    addr
}

async fn asyncord_server(signer: &InteractionSigner) -> InteractionsServer {
    let key = PublicKey::from_hex(signer.public_key()).unwrap();
    let client = RestClient::new("bench-token"); // answers go into the HTTP response
    let dispatcher = Dispatcher::new();
    dispatcher.add_argument("client", client.clone());
    dispatcher.add_handler(pong);
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
    let Ok(response) = sender.send_request(request).await else {
        return false;
    };
    let ok = response.status() == 200;
    let body = response
        .into_body()
        .collect()
        .await
        .map(http_body_util::Collected::to_bytes);
    ok && body.is_ok_and(|b| b.as_ref() == ANSWER.as_bytes())
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
        let bare = bare_server().await;
        let server = asyncord_server(&signer).await;
        let ours = server.local_addr();

        // Ed25519 verification alone, for scale.
        let key = PublicKey::from_hex(signer.public_key()).unwrap();
        let start = Instant::now();
        for s in signed.iter() {
            assert!(key.verify(s.timestamp.as_bytes(), &s.body, s.signature.as_bytes()));
        }
        let verify_us = start.elapsed().as_secs_f64() * 1e6 / requests as f64;

        // Warm-up.
        latencies(bare, &signed[..200.min(requests)]).await;
        latencies(ours, &signed[..200.min(requests)]).await;

        println!(
            "{requests} requests x {rounds} rounds, payload {} bytes, throughput with {concurrency} connections",
            signed[0].body.len()
        );
        println!("round | bare p50 | bare p99 | asyncord p50 | asyncord p99 | added p50 | added p99 | bare req/s | asyncord req/s | ratio");
        let (mut all_bare, mut all_ours) = (Vec::new(), Vec::new());
        let (mut rate_bare, mut rate_ours) = (Vec::new(), Vec::new());
        for round in 1..=rounds {
            let mut b = latencies(bare, &signed).await;
            let mut o = latencies(ours, &signed).await;
            let rb = throughput(bare, &signed, concurrency).await;
            let ro = throughput(ours, &signed, concurrency).await;
            b.sort_by(f64::total_cmp);
            o.sort_by(f64::total_cmp);
            let (b50, b99, o50, o99) = (
                percentile(&b, 0.5),
                percentile(&b, 0.99),
                percentile(&o, 0.5),
                percentile(&o, 0.99),
            );
            println!(
                "{round} | {b50:.1} | {b99:.1} | {o50:.1} | {o99:.1} | {:+.1} | {:+.1} | {rb:.0} | {ro:.0} | {:.2}",
                o50 - b50,
                o99 - b99,
                ro / rb
            );
            all_bare.extend(b);
            all_ours.extend(o);
            rate_bare.push(rb);
            rate_ours.push(ro);
        }
        all_bare.sort_by(f64::total_cmp);
        all_ours.sort_by(f64::total_cmp);
        rate_bare.sort_by(f64::total_cmp);
        rate_ours.sort_by(f64::total_cmp);
        let median = |v: &[f64]| v[v.len() / 2];
        println!(
            "all rounds: bare p50 {:.1} p99 {:.1} µs; asyncord p50 {:.1} p99 {:.1} µs; added p50 {:+.1} p99 {:+.1} µs; \
             median req/s bare {:.0} asyncord {:.0} (ratio {:.2}); Ed25519 verify alone {verify_us:.1} µs",
            percentile(&all_bare, 0.5),
            percentile(&all_bare, 0.99),
            percentile(&all_ours, 0.5),
            percentile(&all_ours, 0.99),
            percentile(&all_ours, 0.5) - percentile(&all_bare, 0.5),
            percentile(&all_ours, 0.99) - percentile(&all_bare, 0.99),
            median(&rate_bare),
            median(&rate_ours),
            median(&rate_ours) / median(&rate_bare),
        );
        server.shutdown(Duration::from_secs(1)).await;
    });
}
