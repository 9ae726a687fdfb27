//! Encodes a multipart/form-data body (RFC 7578) for file uploads.

use bytes::{BufMut, Bytes, BytesMut};

use super::request::FilePart;

/// A boundary unlikely to appear in content; the random suffix keeps it unique per body.
fn boundary() -> String {
    format!(
        "asyncord-{:016x}{:016x}",
        fastrand::u64(..),
        fastrand::u64(..)
    )
}

/// Escapes a value for a quoted `Content-Disposition` parameter.
fn quote(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace(['\r', '\n'], " ")
}

/// Builds the body; returns the `Content-Type` header value and the bytes.
pub fn encode(
    payload_json: Option<&Bytes>,
    files: &[FilePart],
    fields: &[(String, String)],
) -> (String, Bytes) {
    let boundary = boundary();
    let size = payload_json.map_or(0, Bytes::len)
        + files.iter().map(|f| f.data.len() + 200).sum::<usize>()
        + 256;
    let mut out = BytesMut::with_capacity(size);
    let mut part = |headers: &str, data: &[u8]| {
        out.put_slice(b"--");
        out.put_slice(boundary.as_bytes());
        out.put_slice(b"\r\n");
        out.put_slice(headers.as_bytes());
        out.put_slice(b"\r\n\r\n");
        out.put_slice(data);
        out.put_slice(b"\r\n");
    };
    for (name, value) in fields {
        part(
            &format!("Content-Disposition: form-data; name=\"{}\"", quote(name)),
            value.as_bytes(),
        );
    }
    if let Some(json) = payload_json {
        part(
            "Content-Disposition: form-data; name=\"payload_json\"\r\nContent-Type: application/json",
            json,
        );
    }
    for f in files {
        let ct = f
            .content_type
            .as_deref()
            .unwrap_or("application/octet-stream");
        part(
            &format!(
                "Content-Disposition: form-data; name=\"{}\"; filename=\"{}\"\r\nContent-Type: {ct}",
                quote(&f.name),
                quote(&f.filename)
            ),
            &f.data,
        );
    }
    out.put_slice(b"--");
    out.put_slice(boundary.as_bytes());
    out.put_slice(b"--\r\n");
    (
        format!("multipart/form-data; boundary={boundary}"),
        out.freeze(),
    )
}
