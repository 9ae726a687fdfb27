//! Recorded requests (for assertions) and the multipart parser the emulator uses.

use bytes::Bytes;
use percent_encoding::percent_decode_str;
use serde_json::Value;
use tokio::time::Instant;

/// One part of a multipart body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// The form field name (`payload_json`, `files[0]`...).
    pub name: String,
    /// The file name, for files.
    pub filename: Option<String>,
    /// The part's `Content-Type`.
    pub content_type: Option<String>,
    /// The content.
    pub data: Bytes,
}

/// A request the emulator received.
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    /// The method (`GET`...).
    pub method: String,
    /// The path relative to the API base, percent-decoded, starting with `/` (`/channels/1/messages`).
    pub path: String,
    /// The route key of the operation called: its method and its path in Discord's route table
    /// ([`asyncord_model::route`]) without the leading `/`, each parameter written `{}`
    /// (`"POST channels/{}/messages"`); `""` for a path the table does not have or a method it
    /// has not for the path.
    pub route: String,
    /// Query parameters, decoded, in order.
    pub query: Vec<(String, String)>,
    /// Headers with lower-case names, in order.
    pub headers: Vec<(String, String)>,
    /// The raw body.
    pub body: Bytes,
    /// The status the emulator answered.
    pub status: u16,
    /// When it arrived (tokio clock).
    pub at: Instant,
}

impl RecordedRequest {
    /// The first value of a header.
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first value of a query parameter.
    pub fn query_param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON: the body itself, or the `payload_json` part of a multipart body.
    pub fn json(&self) -> Option<Value> {
        if let Some(parts) = self.multipart() {
            let p = parts.iter().find(|p| p.name == "payload_json")?;
            return serde_json::from_slice(&p.data).ok();
        }
        serde_json::from_slice(&self.body).ok()
    }

    /// The parts of a multipart body.
    pub fn multipart(&self) -> Option<Vec<Part>> {
        parse_multipart(self.header("content-type")?, &self.body)
    }

    /// The decoded `X-Audit-Log-Reason`.
    pub fn audit_log_reason(&self) -> Option<String> {
        decode(self.header("x-audit-log-reason")?)
    }
}

/// Percent-decodes a string (`None` when the bytes are not UTF-8).
pub(crate) fn decode(s: &str) -> Option<String> {
    percent_decode_str(s)
        .decode_utf8()
        .ok()
        .map(std::borrow::Cow::into_owned)
}

/// Parses a query string.
pub(crate) fn parse_query(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let plus = |s: &str| s.replace('+', " ");
            (
                decode(&plus(k)).unwrap_or_default(),
                decode(&plus(v)).unwrap_or_default(),
            )
        })
        .collect()
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

/// A quoted or bare parameter of a `Content-Disposition` header.
fn disposition_param(header: &str, name: &str) -> Option<String> {
    let key = format!("{name}=");
    let mut rest = header;
    loop {
        let pos = rest.find(&key)?;
        let before = rest[..pos].chars().last();
        let value = &rest[pos + key.len()..];
        rest = value;
        if !matches!(before, Some(' ' | ';')) {
            continue;
        }
        if let Some(q) = value.strip_prefix('"') {
            let mut out = String::new();
            let mut chars = q.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => out.extend(chars.next()),
                    '"' => return Some(out),
                    c => out.push(c),
                }
            }
            return Some(out);
        }
        return Some(value.split(';').next().unwrap_or("").trim().to_owned());
    }
}

/// Parses a `multipart/form-data` body; `None` when the content type or framing is wrong.
pub fn parse_multipart(content_type: &str, body: &[u8]) -> Option<Vec<Part>> {
    let (mime, params) = content_type.split_once(';')?;
    if mime.trim() != "multipart/form-data" {
        return None;
    }
    let boundary = params
        .split(';')
        .find_map(|p| p.trim().strip_prefix("boundary="))?
        .trim_matches('"');
    let delimiter = format!("--{boundary}");
    let mut parts = Vec::new();
    let mut pos = find(body, delimiter.as_bytes(), 0)? + delimiter.len();
    loop {
        if body.get(pos..pos + 2) == Some(b"--") {
            return Some(parts);
        }
        pos += 2; // CRLF after the delimiter
        let header_end = find(body, b"\r\n\r\n", pos)?;
        let head = std::str::from_utf8(body.get(pos..header_end)?).ok()?;
        let data_start = header_end + 4;
        let next = find(body, format!("\r\n{delimiter}").as_bytes(), data_start)?;
        let mut part = Part {
            name: String::new(),
            filename: None,
            content_type: None,
            data: Bytes::copy_from_slice(&body[data_start..next]),
        };
        for line in head.split("\r\n") {
            let (k, v) = line.split_once(':')?;
            match k.trim().to_ascii_lowercase().as_str() {
                "content-disposition" => {
                    part.name = disposition_param(v, "name")?;
                    part.filename = disposition_param(v, "filename");
                }
                "content-type" => part.content_type = Some(v.trim().to_owned()),
                _ => {}
            }
        }
        parts.push(part);
        pos = next + 2 + delimiter.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_parts_with_quoted_names() {
        let body = b"--b\r\nContent-Disposition: form-data; name=\"payload_json\"\r\nContent-Type: application/json\r\n\r\n{}\r\n--b\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"a \\\"b\\\".txt\"\r\n\r\nhi\r\n\r\n--b--\r\n";
        let parts = parse_multipart("multipart/form-data; boundary=b", body).unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name, "payload_json");
        assert_eq!(parts[1].filename.as_deref(), Some("a \"b\".txt"));
        assert_eq!(&parts[1].data[..], b"hi\r\n");
    }

    #[test]
    fn query_is_decoded() {
        assert_eq!(
            parse_query("a=1&b=x%20y"),
            vec![("a".into(), "1".into()), ("b".into(), "x y".into())]
        );
    }
}
