//! Header values built from the caller's text cannot add headers: a multipart part's file name
//! and media type with a line break or another control character are refused before anything is
//! sent, quotes in a file name stay inside its quoted string, and the audit-log reason is sent
//! percent-encoded.

use std::sync::{Arc, Mutex, PoisonError};

use asyncord::http::{BoxError, BoxFuture, RestError, Transport};
use asyncord::model::request::{CreateMessage, FileUpload};
use asyncord::rest::RestClient;
use bytes::Bytes;
use percent_encoding::percent_decode_str;

/// Records every request and answers `200 {}`.
#[derive(Debug, Default)]
struct Recorder {
    requests: Mutex<Vec<http::Request<Bytes>>>,
}

impl Recorder {
    fn take(&self) -> Vec<http::Request<Bytes>> {
        std::mem::take(&mut *self.requests.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

impl Transport for Recorder {
    fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, BoxError>> {
        self.requests
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(request);
        Box::pin(async { Ok(http::Response::new(Bytes::from_static(b"{}"))) })
    }
}

fn client(recorder: &Arc<Recorder>) -> RestClient {
    RestClient::builder("bot-token")
        .base_url("http://discord.test/api/v10")
        .transport(Arc::clone(recorder) as Arc<dyn Transport>)
        .global_limit(0)
        .max_retries(0)
        .build()
}

/// Sends a message with one file; returns the error (if any) and what was sent.
async fn send_file(file: FileUpload) -> (Option<RestError>, Vec<http::Request<Bytes>>) {
    let recorder = Arc::new(Recorder::default());
    let result = client(&recorder)
        .channels
        .messages(1_u64)
        .create(CreateMessage::content("file").file(file))
        .await;
    (result.err(), recorder.take())
}

/// The header lines of every part of a multipart body.
fn part_headers(body: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8_lossy(body);
    let boundary = text.lines().next().unwrap_or_default().to_owned();
    text.split(boundary.as_str())
        .filter(|part| part.starts_with("\r\n"))
        .map(|part| {
            let head = part[2..].split("\r\n\r\n").next().unwrap_or_default();
            head.split("\r\n").map(str::to_owned).collect()
        })
        .collect()
}

#[tokio::test(start_paused = true)]
async fn a_media_type_with_control_characters_is_refused_before_sending() {
    for content_type in [
        "image/png\r\nX-Injected: yes",
        "image/png\nX-Injected: yes",
        "image/png\r",
        "image/png\0",
        "image/png\t",
    ] {
        let file = FileUpload::new("a.png", b"png".to_vec()).content_type(content_type);
        let (err, sent) = send_file(file).await;
        assert!(sent.is_empty(), "{content_type:?} was sent");
        match err {
            Some(RestError::Validation(v)) => assert_eq!(v.path, "files[0].content_type"),
            other => panic!("{content_type:?}: expected a validation error, got {other:?}"),
        }
    }
}

#[tokio::test(start_paused = true)]
async fn a_file_name_with_control_characters_is_refused_before_sending() {
    for filename in [
        "a\r\nContent-Type: text/html\r\n\r\n<script>.png",
        "a\nb.png",
        "a\rb.png",
        "a\0b.png",
        "a\u{7f}b.png",
        "a\u{1b}[31mb.png",
    ] {
        let (err, sent) = send_file(FileUpload::new(filename, b"png".to_vec())).await;
        assert!(sent.is_empty(), "{filename:?} was sent");
        match err {
            Some(RestError::Validation(v)) => assert_eq!(v.path, "files[0].filename"),
            other => panic!("{filename:?}: expected a validation error, got {other:?}"),
        }
    }
}

#[tokio::test(start_paused = true)]
async fn quotes_in_a_file_name_stay_inside_its_quoted_string() {
    // The answer (`{}`) is not a message: only the request matters.
    let (_, sent) = send_file(FileUpload::new("say \"hi\" \\o/ ü.png", b"png".to_vec())).await;
    let [request] = sent.as_slice() else {
        panic!("{} requests sent", sent.len());
    };
    let parts = part_headers(request.body());
    let file_part = parts
        .iter()
        .find(|h| h[0].contains("name=\"files[0]\""))
        .expect("the file part");
    assert_eq!(
        file_part,
        &[
            r#"Content-Disposition: form-data; name="files[0]"; filename="say \"hi\" \\o/ ü.png""#
                .to_owned(),
            "Content-Type: image/png".to_owned(),
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn the_audit_log_reason_is_sent_percent_encoded() {
    let recorder = Arc::new(Recorder::default());
    let reason = "spam\r\nX-Injected: yes ü";
    let _ = client(&recorder)
        .channels
        .with_reason(reason)
        .delete(1_u64)
        .await;
    let sent = recorder.take();
    let [request] = sent.as_slice() else {
        panic!("{} requests sent", sent.len());
    };
    assert!(request.headers().get("x-injected").is_none());
    let value = request.headers()["x-audit-log-reason"].to_str().unwrap();
    assert!(value.bytes().all(|b| b.is_ascii_graphic()), "{value}");
    assert_eq!(percent_decode_str(value).decode_utf8().unwrap(), reason);
}
