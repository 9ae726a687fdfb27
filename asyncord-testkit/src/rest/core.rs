//! The request pipeline shared by the socket server and the in-memory transport: routing
//! (through Discord's route table), record, body size, faults, unknown routes and methods,
//! auth, global and bucket limits, body checks, the operation's handler, headers.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use bytes::Bytes;
use serde_json::{Value, json};
use tokio::time::Instant;

use super::config::RestConfig;
use super::faults::{Fault, FaultRule};
use super::handlers::{self, Ctx};
use super::limits::{Limits, secs_ceil};
use super::record::{Part, RecordedRequest, decode, parse_multipart, parse_query};
use super::reply::{Reply, unknown};
use super::request_log::RequestLog;
use super::router::{self, Routed, major_key, route_key};
use crate::account::BotAccount;
use crate::connections::ConnectionGate;
use crate::world::World;
use asyncord_model::rate_limit::RateLimitScope;
use asyncord_model::route::Operation;

/// The emulator's REST state besides the world.
#[derive(Debug)]
pub(crate) struct Core {
    pub world: Arc<World>,
    pub config: RestConfig,
    limits: Limits,
    pub faults: Mutex<Vec<FaultRule>>,
    pub records: Mutex<RequestLog>,
    /// Whether requests are recorded (benchmarks turn it off).
    pub recording: std::sync::atomic::AtomicBool,
    /// The open socket connections (on the REST port or handed over by the front port).
    pub gate: ConnectionGate,
}

/// A request's body as the pipeline gets it.
pub(crate) enum Body {
    /// The whole body.
    Complete(Bytes),
    /// A body longer than [`RestConfig::max_body_bytes`], not read.
    TooLarge,
}

pub(crate) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

type Headers = Vec<(String, String)>;

fn rate_limited(
    scope: RateLimitScope,
    retry_after: Duration,
    mut headers: Headers,
) -> (u16, Headers, Option<Value>) {
    let global = scope == RateLimitScope::Global;
    headers.push((
        "retry-after".into(),
        retry_after.as_secs_f64().ceil().to_string(),
    ));
    headers.push(("x-ratelimit-scope".into(), scope.as_str().into()));
    if global {
        headers.push(("x-ratelimit-global".into(), "true".into()));
    }
    let message = if scope == RateLimitScope::Shared {
        "The resource is being rate limited."
    } else {
        "You are being rate limited."
    };
    let retry: f64 = secs_ceil(retry_after).parse().unwrap_or(0.0);
    (
        429,
        headers,
        Some(json!({"message": message, "retry_after": retry, "global": global})),
    )
}

impl Core {
    pub fn new(world: Arc<World>, config: RestConfig) -> Self {
        Self {
            world,
            limits: Limits::new(config.rate_limit_keys),
            faults: Mutex::default(),
            records: Mutex::new(RequestLog::new(
                config.request_log_capacity,
                config.request_log_bytes,
            )),
            recording: std::sync::atomic::AtomicBool::new(true),
            gate: ConnectionGate::new(config.connections.max_connections),
            config,
        }
    }

    /// How many bucket counters the rate limiter keeps.
    pub fn rate_limit_keys(&self) -> usize {
        self.limits.keys()
    }

    /// Handles one request whose body is complete (a body over the size cap is refused).
    pub async fn handle(&self, request: ::http::Request<Bytes>) -> ::http::Response<Bytes> {
        let (parts, body) = request.into_parts();
        let body = if body.len() > self.config.max_body_bytes {
            Body::TooLarge
        } else {
            Body::Complete(body)
        };
        self.serve(parts, body).await
    }

    /// Handles one request.
    pub async fn serve(
        &self,
        parts: ::http::request::Parts,
        body: Body,
    ) -> ::http::Response<Bytes> {
        let (body, too_large) = match body {
            Body::Complete(bytes) => (bytes, false),
            Body::TooLarge => (Bytes::new(), true),
        };
        let method = parts.method.as_str().to_owned();
        let query = parts.uri.query().map(parse_query).unwrap_or_default();
        let headers: Headers = parts
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let full = parts.uri.path();
        let rel = full.strip_prefix(self.config.base_path.as_str());
        let segs: Vec<String> = rel
            .unwrap_or("")
            .split('/')
            .filter(|s| !s.is_empty())
            .map(|s| decode(s).unwrap_or_else(|| s.to_owned()))
            .collect();
        let segments: Vec<&str> = segs.iter().map(String::as_str).collect();
        let routed = match rel {
            Some(_) => router::route(&self.world, &method, &segments),
            None => Routed::NotFound,
        };
        let route = match &routed {
            Routed::Operation(found) => route_key(found.operation),
            Routed::MethodNotAllowed | Routed::NotFound => String::new(),
        };
        let index = if self.recording.load(std::sync::atomic::Ordering::Relaxed) {
            let mut records = lock(&self.records);
            records.push(RecordedRequest {
                method: method.clone(),
                path: rel.map_or_else(
                    || full.to_owned(),
                    |r| {
                        format!(
                            "/{}",
                            decode(r.trim_start_matches('/'))
                                .unwrap_or_else(|| r.trim_start_matches('/').to_owned())
                        )
                    },
                ),
                route: route.clone(),
                query: query.clone(),
                headers: headers.clone(),
                body: body.clone(),
                status: 0,
                at: Instant::now(),
            })
        } else {
            u64::MAX
        };
        let (status, mut out_headers, reply_body) = if too_large {
            // Discord refuses it at the edge, before authentication or rate limits.
            let r = Reply::error(413, 40005, "Request entity too large");
            (r.status, Vec::new(), r.body)
        } else if rel.is_none() {
            let r = unknown::route();
            (r.status, Vec::new(), r.body)
        } else {
            self.respond(&routed, &route, &query, &headers, &body).await
        };
        lock(&self.records).set_status(index, status);
        let bytes = match reply_body {
            Some(Value::String(raw)) if status != 200 && status != 201 => Bytes::from(raw),
            Some(v) => {
                out_headers.push(("content-type".into(), "application/json".into()));
                Bytes::from(serde_json::to_vec(&v).unwrap_or_default())
            }
            None => Bytes::new(),
        };
        let mut response = ::http::Response::builder().status(status);
        for (k, v) in out_headers {
            response = response.header(k, v);
        }
        response
            .body(bytes.clone())
            .unwrap_or_else(|_| ::http::Response::new(bytes))
    }

    fn take_fault(&self, route: &str) -> Option<Fault> {
        let mut faults = lock(&self.faults);
        let rule = faults.iter_mut().find(|f| f.matches(route))?;
        rule.times -= 1;
        let fault = rule.fault.clone();
        faults.retain(|f| f.times > 0);
        Some(fault)
    }

    fn authenticate(&self, headers: &Headers) -> Option<BotAccount> {
        let auth = headers.iter().find(|(k, _)| k == "authorization")?;
        let token = auth.1.strip_prefix("Bot ")?;
        self.world.bot_by_token(token)
    }

    async fn respond(
        &self,
        routed: &Routed<'_>,
        route: &str,
        query: &[(String, String)],
        headers: &Headers,
        body: &Bytes,
    ) -> (u16, Headers, Option<Value>) {
        let header = |name: &str| {
            headers
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        while let Some(fault) = self.take_fault(route) {
            match fault {
                Fault::Slow(d) => tokio::time::sleep(d).await,
                Fault::RateLimited { scope, retry_after } => {
                    let mut h = Vec::new();
                    if scope != RateLimitScope::Global {
                        let (id, limit, _) = self.config.bucket_for(route);
                        h.push(("x-ratelimit-bucket".into(), id));
                        h.push(("x-ratelimit-limit".into(), limit.to_string()));
                        let remaining = if scope == RateLimitScope::Shared {
                            limit.saturating_sub(1)
                        } else {
                            0
                        };
                        h.push(("x-ratelimit-remaining".into(), remaining.to_string()));
                        h.push(("x-ratelimit-reset-after".into(), secs_ceil(retry_after)));
                    }
                    return rate_limited(scope, retry_after, h);
                }
                Fault::ServerError(status) => {
                    return (
                        status,
                        Vec::new(),
                        Some(json!({"message": "Internal Server Error", "code": 0})),
                    );
                }
                Fault::NonJson { status, body } => {
                    return (
                        status,
                        vec![("content-type".into(), "text/html".into())],
                        Some(Value::String(body)),
                    );
                }
            }
        }
        let found = match routed {
            Routed::Operation(found) => found,
            Routed::MethodNotAllowed => {
                let r = Reply::method_not_allowed();
                return (r.status, Vec::new(), r.body);
            }
            Routed::NotFound => {
                let r = unknown::route();
                return (r.status, Vec::new(), r.body);
            }
        };
        let Some(handler) = handlers::handler(found.operation) else {
            tracing::debug!(operation = %found.operation, "emulator REST: an operation it does not emulate");
            let r = unknown::route();
            return (r.status, Vec::new(), r.body);
        };
        let bot = self.authenticate(headers);
        if needs_bot_token(found.operation) && bot.is_none() {
            return (
                401,
                Vec::new(),
                Some(json!({"message": "401: Unauthorized", "code": 0})),
            );
        }
        if !header("user-agent").is_some_and(|ua| ua.starts_with("DiscordBot (")) {
            let r = Reply::error(
                400,
                0,
                "A User-Agent of the form `DiscordBot ($url, $versionNumber)` is required",
            );
            return (r.status, Vec::new(), r.body);
        }
        if !found.operation.is_global_exempt()
            && let Some(b) = &bot
            && let Err(retry) = self.limits.take_global(&b.token, self.config.global_limit)
        {
            return rate_limited(RateLimitScope::Global, retry, Vec::new());
        }
        let (bucket, limit, per) = self.config.bucket_for(route);
        let mut out = Vec::new();
        match self.limits.take(&bucket, &major_key(found), limit, per) {
            Ok(h) => h.write(&mut out),
            Err(h) => {
                let retry = h.reset_after;
                h.write(&mut out);
                return rate_limited(RateLimitScope::User, retry, out);
            }
        }
        let (json_body, files) = match parse_body(header("content-type"), body) {
            Ok(b) => b,
            Err(r) => return (r.status, out, r.body),
        };
        let reason = header("x-audit-log-reason").map(|r| decode(r).ok_or(()));
        let reason = match reason {
            Some(Err(())) => {
                let r = Reply::form_error(
                    "reason",
                    "BASE_TYPE_BAD_REASON",
                    "The audit log reason is not valid URL-encoded UTF-8.",
                );
                return (r.status, out, r.body);
            }
            Some(Ok(r)) => Some(r),
            None => None,
        };
        let ctx = Ctx {
            world: &self.world,
            config: &self.config,
            operation: found.operation,
            params: &found.params,
            query,
            body: json_body,
            files,
            bot,
            reason,
        };
        let reply = handler(&ctx).unwrap_or_else(|early| early);
        (reply.status, out, reply.body)
    }
}

/// Whether `operation` needs the bot's token (the route table says; Get Gateway does not).
fn needs_bot_token(operation: &Operation) -> bool {
    operation.auth().requires_bot_token()
}

/// Checks the content type and parses a JSON or multipart body.
fn parse_body(content_type: Option<&str>, body: &Bytes) -> Result<(Value, Vec<Part>), Reply> {
    if body.is_empty() {
        return Ok((Value::Null, Vec::new()));
    }
    let ct = content_type.unwrap_or("");
    if ct.starts_with("application/json") {
        return serde_json::from_slice(body)
            .map(|v| (v, Vec::new()))
            .map_err(|_| Reply::error(400, 50109, "The request body contains invalid JSON."));
    }
    if ct.starts_with("multipart/form-data") {
        let parts = parse_multipart(ct, body)
            .ok_or_else(|| Reply::error(400, 50035, "Invalid Form Body"))?;
        let json = match parts.iter().find(|p| p.name == "payload_json") {
            Some(p) => serde_json::from_slice(&p.data).map_err(|_| {
                Reply::form_error("payload_json", "BASE_TYPE_BAD_JSON", "Invalid JSON.")
            })?,
            None => Value::Object(serde_json::Map::new()),
        };
        return Ok((json, parts));
    }
    Err(Reply::form_error(
        "",
        "CONTENT_TYPE_INVALID",
        "Expected Content-Type to be one of {'application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'}.",
    ))
}
