//! The emulated gateway's HTTP side, before a connection is a WebSocket: `GET /gateway/bot`
//! (the URL, shard count and session-start limit), the origin check over a socket, the
//! `v`/`compress` query and the upgrade, refused with 400 for a `compress` the server does not
//! support ([docs](https://discord.com/developers/docs/events/gateway#connecting)).

use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::json;
use tokio::io::{AsyncRead, AsyncWrite};

use super::conn::run;
use super::{ServerEventKind, ServerInner};
use crate::access;
use crate::connections::{self, Admission};

/// A connection upgraded to WebSocket.
pub(crate) type Upgraded = TokioIo<hyper::upgrade::Upgraded>;

/// What a connection over a socket is held to, besides what every connection is.
#[derive(Clone, Debug)]
pub(crate) struct Socket {
    /// Its place among the open socket connections, freed when the HTTP connection and any
    /// WebSocket upgraded from it have ended.
    _admission: Arc<Admission>,
    /// How long one frame may take to be accepted by the client.
    write_timeout: Duration,
}

/// Serves a socket connection (on the gateway port or handed over by the front port) with the
/// socket limits and the origin check.
pub(crate) async fn serve_socket<S>(inner: Arc<ServerInner>, stream: S, admission: Admission)
where
    S: AsyncRead + AsyncWrite + Send + Unpin + 'static,
{
    let socket = Socket {
        _admission: Arc::new(admission),
        write_timeout: inner.config.connections.idle_timeout,
    };
    serve(inner, stream, Some(socket)).await;
}

/// Serves HTTP on `stream`: `GET /api/v10/gateway/bot`, and WebSocket upgrades; `socket` for a
/// socket connection, `None` for an in-memory one.
pub(crate) async fn serve<S>(inner: Arc<ServerInner>, stream: S, socket: Option<Socket>)
where
    S: AsyncRead + AsyncWrite + Send + Unpin + 'static,
{
    let http = match &socket {
        Some(_) => connections::http1(&inner.config.connections),
        None => hyper::server::conn::http1::Builder::new(),
    };
    let service = service_fn(move |req| {
        let inner = inner.clone();
        let socket = socket.clone();
        async move { Ok::<_, Infallible>(handle_request(inner, req, socket)) }
    });
    let _ = http
        .serve_connection(TokioIo::new(stream), service)
        .with_upgrades()
        .await;
}

fn text_response(status: StatusCode, body: String) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::from(body)));
    *r.status_mut() = status;
    r.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    r
}

fn query_param<'a>(query: &'a str, key: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

fn handle_request(
    inner: Arc<ServerInner>,
    mut req: Request<Incoming>,
    socket: Option<Socket>,
) -> Response<Full<Bytes>> {
    if socket.is_some()
        && let Err(reason) = inner.config.origin_policy.check(req.headers())
    {
        tracing::warn!(%reason, "emulated gateway: handshake refused");
        return access::forbidden(&reason).map(Full::new);
    }
    let path = req.uri().path().to_owned();
    if path.ends_with("/gateway/bot") {
        let token = req
            .headers()
            .get(http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bot "));
        if token.and_then(|t| inner.world.authenticate(t)).is_none() {
            return text_response(
                StatusCode::UNAUTHORIZED,
                r#"{"message": "401: Unauthorized", "code": 0}"#.into(),
            );
        }
        let c = &inner.config;
        let body = json!({
            "url": inner.url,
            "shards": c.shards,
            "session_start_limit": {
                "total": c.session_start_total,
                "remaining": c.session_start_total,
                "reset_after": 86_400_000,
                "max_concurrency": c.max_concurrency,
            }
        });
        return text_response(StatusCode::OK, body.to_string());
    }
    if !fastwebsockets::upgrade::is_upgrade_request(&req) {
        return text_response(
            StatusCode::NOT_FOUND,
            r#"{"message": "404: Not Found", "code": 0}"#.into(),
        );
    }
    let query = req.uri().query().unwrap_or_default().to_owned();
    let version = query_param(&query, "v").map(str::to_owned);
    let compress = query_param(&query, "compress").map(str::to_owned);
    let Some(framing) = inner.config.compression.framing(compress.as_deref()) else {
        let id = inner.next_conn.fetch_add(1, Ordering::Relaxed) + 1;
        let body = json!({
            "message": format!("compress={} is not supported", compress.as_deref().unwrap_or_default()),
            "code": 0,
        });
        inner.log(id, ServerEventKind::HandshakeRefused { compress });
        return text_response(StatusCode::BAD_REQUEST, body.to_string());
    };
    let Ok((response, upgrade)) = fastwebsockets::upgrade::upgrade(&mut req) else {
        return text_response(StatusCode::BAD_REQUEST, String::new());
    };
    tokio::spawn(async move {
        if let Ok(ws) = upgrade.await {
            let write_timeout = socket.as_ref().map(|s| s.write_timeout);
            run(inner, ws, version, compress, framing, write_timeout).await;
            drop(socket);
        }
    });
    let (parts, _) = response.into_parts();
    Response::from_parts(parts, Full::new(Bytes::new()))
}
