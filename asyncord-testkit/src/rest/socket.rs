//! One TCP connection to the REST side (on its own port or handed over by the front port):
//! HTTP/1.1 with the [`ConnectionLimits`](crate::ConnectionLimits) timeouts, the
//! [`OriginPolicy`](crate::OriginPolicy) check, and the body size cap — a body declared or
//! found longer than [`RestConfig::max_body_bytes`](super::RestConfig::max_body_bytes) is not
//! read and is answered `413` as Discord answers it
//! ([docs](https://discord.com/developers/docs/reference#uploading-files)).

use std::convert::Infallible;
use std::sync::Arc;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite};

use super::core::{Body, Core};
use crate::access;
use crate::connections::{self, Admission};
use crate::idle::IdleTimeout;

/// Serves `stream` until the client or a limit ends it; `admission` is its place among the
/// open connections, freed on return.
pub(crate) async fn serve<S>(core: Arc<Core>, stream: S, admission: Admission)
where
    S: AsyncRead + AsyncWrite + Send + Unpin + 'static,
{
    let limits = &core.config.connections;
    let io = TokioIo::new(IdleTimeout::new(stream, limits.idle_timeout));
    let http = connections::http1(limits);
    let serving = Arc::clone(&core);
    let service = service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
        let core = Arc::clone(&serving);
        async move { Ok::<_, Infallible>(answer(&core, req).await.map(Full::new)) }
    });
    if let Err(e) = http.serve_connection(io, service).await {
        tracing::debug!(error = %e, "emulator REST connection ended with an error");
    }
    drop(admission);
}

/// Checks the request's origin and body size, then runs the pipeline.
async fn answer(core: &Core, req: hyper::Request<hyper::body::Incoming>) -> http::Response<Bytes> {
    if let Err(reason) = core.config.origin_policy.check(req.headers()) {
        tracing::warn!(%reason, "emulator REST: request refused");
        return access::forbidden(&reason);
    }
    let (parts, body) = req.into_parts();
    let max = core.config.max_body_bytes;
    let declared = parts
        .headers
        .get(http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return core.serve(parts, Body::TooLarge).await;
    }
    let body = match Limited::new(body, max).collect().await {
        Ok(collected) => Body::Complete(collected.to_bytes()),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => Body::TooLarge,
        Err(e) => {
            // The client went away (or stalled) mid-body: the request is not handled, so a
            // truncated body changes nothing.
            tracing::debug!(error = %e, "emulator REST: the request body did not arrive");
            let mut response = http::Response::new(Bytes::new());
            *response.status_mut() = http::StatusCode::BAD_REQUEST;
            return response;
        }
    };
    core.serve(parts, body).await
}
