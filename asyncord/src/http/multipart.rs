//! Encodes a multipart/form-data body (RFC 7578) for file uploads.
//!
//! Part headers carry a field name, a file name and a media type. A [`FilePart`] cannot hold a
//! control character in any of them ([`FilePart::new`] refuses it before anything is sent), and
//! the quoted parameters escape `"` and `\`; a form field name (static text of the REST layer)
//! is quoted the same way, its control characters percent-encoded.

use std::fmt::Write as _;

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

/// Escapes a value for a quoted `Content-Disposition` parameter: `\\` and `"` with a
/// backslash, control characters (none reach here from a [`FilePart`]) as `%XX`.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '"' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_ascii_control() => {
                let _ = write!(out, "%{:02X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Builds the body; returns the `Content-Type` header value and the bytes.
pub fn encode(
    payload_json: Option<&Bytes>,
    files: &[FilePart],
    fields: &[(&'static str, String)],
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_parameters_cannot_end_their_header() {
        assert_eq!(quote(r#"a"b\c"#), r#"a\"b\\c"#);
        assert_eq!(quote("a\r\nb\0"), "a%0D%0Ab%00");
        assert_eq!(quote("ünï"), "ünï");
    }

    #[test]
    fn parts_are_framed_by_the_boundary() {
        let file = FilePart::new(
            "files[0]",
            "a.png",
            Some("image/png".into()),
            Bytes::from_static(b"x"),
        )
        .unwrap();
        let fields = [("name", "a\r\nb".to_owned())];
        let (content_type, body) = encode(None, &[file], &fields);
        let boundary = content_type
            .strip_prefix("multipart/form-data; boundary=")
            .unwrap();
        let text = String::from_utf8(body.to_vec()).unwrap();
        assert_eq!(
            text,
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\na\r\nb\r\n\
                 --{boundary}\r\nContent-Disposition: form-data; name=\"files[0]\"; \
                 filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\nx\r\n--{boundary}--\r\n"
            )
        );
    }

    #[test]
    fn a_file_part_refuses_what_a_header_cannot_carry() {
        let part = |name: &str, filename: &str, ct: Option<&str>| {
            FilePart::new(name, filename, ct.map(str::to_owned), Bytes::new())
        };
        assert!(part("files[0]", "ünï 😀.png", Some("image/png")).is_ok());
        assert_eq!(
            part("files[0]", "a\u{7f}", None).unwrap_err().path,
            "files[0].filename"
        );
        assert_eq!(
            part("file", "a", Some("image/pngé")).unwrap_err().path,
            "file.content_type"
        );
        assert_eq!(part("fi\nle", "a", None).unwrap_err().path, "fi\nle");
    }
}
