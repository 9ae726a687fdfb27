//! The WebSocket opening handshake of a gateway connection, client side
//! ([RFC 6455 §4.1](https://www.rfc-editor.org/rfc/rfc6455#section-4.1)), over hyper's HTTP/1.1
//! client connection: send the upgrade request, check the `101 Switching Protocols` answer,
//! take the upgraded byte stream.
//!
//! Written here rather than taken from fastwebsockets' helper, which prints connection errors
//! to stderr: the library only logs, through `tracing`.

use bytes::Bytes;
use http::StatusCode;
use http_body_util::Empty;
use hyper::upgrade::Upgraded;
use hyper_util::rt::TokioIo;

use super::transport::{BoxedStream, ConnectError};

/// Sends `request` (an upgrade request) over `stream` and returns the upgraded stream.
pub(crate) async fn upgrade(
    stream: BoxedStream,
    request: http::Request<Empty<Bytes>>,
) -> Result<TokioIo<Upgraded>, ConnectError> {
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(async move {
        if let Err(error) = connection.with_upgrades().await {
            tracing::debug!(%error, "gateway upgrade connection ended with an error");
        }
    });
    let mut response = sender.send_request(request).await?;
    check(&response)?;
    let upgraded = hyper::upgrade::on(&mut response).await?;
    Ok(TokioIo::new(upgraded))
}

/// A `Sec-WebSocket-Key`: 16 random bytes, base64-encoded.
pub(crate) fn key() -> String {
    let bytes: [u8; 16] = std::array::from_fn(|_| fastrand::u8(..));
    base64(&bytes)
}

/// The answer must switch protocols to `websocket` (RFC 6455 §4.1, items 1-3 of the client's
/// checks).
fn check<B>(response: &http::Response<B>) -> Result<(), ConnectError> {
    if response.status() != StatusCode::SWITCHING_PROTOCOLS {
        return Err(ConnectError::Refused(response.status().as_u16()));
    }
    let header_is = |name: http::header::HeaderName, value: &str| {
        response
            .headers()
            .get(name)
            .and_then(|h| h.to_str().ok())
            .is_some_and(|h| h.eq_ignore_ascii_case(value))
    };
    if !header_is(http::header::UPGRADE, "websocket") {
        return Err(ConnectError::NotWebSocket("Upgrade"));
    }
    if !header_is(http::header::CONNECTION, "upgrade") {
        return Err(ConnectError::NotWebSocket("Connection"));
    }
    Ok(())
}

/// Standard base64 with padding (RFC 4648 §4).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (input, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), encoded);
        }
        let key = key();
        assert_eq!(key.len(), 24);
        assert!(key.ends_with("=="));
    }

    #[test]
    fn the_answer_must_switch_to_websocket() {
        let answer = |status: u16, upgrade: &str, connection: &str| {
            http::Response::builder()
                .status(status)
                .header("upgrade", upgrade)
                .header("connection", connection)
                .body(())
                .unwrap()
        };
        assert!(check(&answer(101, "websocket", "Upgrade")).is_ok());
        assert!(check(&answer(101, "WebSocket", "upgrade")).is_ok());
        assert!(matches!(
            check(&answer(400, "websocket", "upgrade")),
            Err(ConnectError::Refused(400))
        ));
        assert!(matches!(
            check(&answer(101, "h2c", "upgrade")),
            Err(ConnectError::NotWebSocket("Upgrade"))
        ));
        assert!(matches!(
            check(&answer(101, "websocket", "keep-alive")),
            Err(ConnectError::NotWebSocket("Connection"))
        ));
    }
}
