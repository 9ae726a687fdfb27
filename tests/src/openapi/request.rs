//! [`RecordedRequest`]: a request as the emulator (or a test) saw it, and the parsing the checks
//! need: query strings, percent-decoding, `application/json`, `multipart/form-data`
//! (<https://discord.com/developers/docs/reference#uploading-files>) and form bodies.

use serde_json::Value;

/// A request as sent on the wire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedRequest {
    /// HTTP method, any case.
    pub method: String,
    /// The request target: `/api/v10/channels/1/messages?limit=5`, without the base, or a full
    /// URL.
    pub path: String,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The raw body (empty for none).
    pub body: Vec<u8>,
}

impl RecordedRequest {
    /// A request without a body.
    pub fn new(method: impl Into<String>, path: impl Into<String>) -> Self {
        Self {
            method: method.into(),
            path: path.into(),
            content_type: None,
            body: Vec::new(),
        }
    }

    /// A request with a JSON body.
    pub fn json(method: impl Into<String>, path: impl Into<String>, body: &Value) -> Self {
        Self::new(method, path).with_body("application/json", body.to_string())
    }

    /// The same request with a body of the given content type.
    pub fn with_body(mut self, content_type: impl Into<String>, body: impl Into<Vec<u8>>) -> Self {
        self.content_type = Some(content_type.into());
        self.body = body.into();
        self
    }
}

/// One part of a `multipart/form-data` body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// The form field name (`payload_json`, `files[0]`).
    pub name: String,
    /// The file name, for file parts.
    pub filename: Option<String>,
    /// The part's `Content-Type`, if given.
    pub content_type: Option<String>,
    /// The part's bytes.
    pub data: Vec<u8>,
}

/// A body, parsed according to its content type.
#[derive(Clone, Debug, PartialEq)]
pub enum ParsedBody {
    /// No body.
    Empty,
    /// `application/json`.
    Json(Value),
    /// `multipart/form-data`.
    Multipart(Vec<Part>),
    /// `application/x-www-form-urlencoded`, as decoded pairs.
    Form(Vec<(String, String)>),
    /// Anything else: the media type.
    Other(String),
}

/// The media type of a `Content-Type` value, lower-cased, without parameters.
pub fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Parses a body by its content type.
pub fn parse_body(content_type: Option<&str>, body: &[u8]) -> Result<ParsedBody, String> {
    if body.is_empty() {
        return Ok(ParsedBody::Empty);
    }
    let Some(content_type) = content_type else {
        return Err(format!(
            "a body of {} bytes without a Content-Type",
            body.len()
        ));
    };
    match media_type(content_type).as_str() {
        "application/json" => serde_json::from_slice(body)
            .map(ParsedBody::Json)
            .map_err(|e| format!("invalid JSON: {e}")),
        "multipart/form-data" => {
            let boundary = parameter(content_type, "boundary")
                .ok_or("multipart/form-data without a boundary parameter")?;
            parse_multipart(&boundary, body).map(ParsedBody::Multipart)
        }
        "application/x-www-form-urlencoded" => Ok(ParsedBody::Form(parse_query(
            &String::from_utf8_lossy(body),
        ))),
        other => Ok(ParsedBody::Other(other.to_owned())),
    }
}

/// A `name=value` parameter of a header value (quotes removed).
fn parameter(header: &str, name: &str) -> Option<String> {
    header.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim().eq_ignore_ascii_case(name).then(|| {
            let value = value.trim();
            value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(value)
                .to_owned()
        })
    })
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from > haystack.len() {
        return None;
    }
    haystack[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// Splits a multipart body into parts (RFC 7578).
pub fn parse_multipart(boundary: &str, body: &[u8]) -> Result<Vec<Part>, String> {
    let delimiter = format!("--{boundary}").into_bytes();
    let mut next = b"\r\n".to_vec();
    next.extend_from_slice(&delimiter);
    let mut pos = find(body, &delimiter, 0).ok_or("multipart body without its opening boundary")?
        + delimiter.len();
    let mut parts = Vec::new();
    loop {
        let rest = &body[pos..];
        if rest.starts_with(b"--") {
            return Ok(parts);
        }
        if rest.starts_with(b"\r\n") {
            pos += 2;
        } else {
            return Err("multipart boundary not followed by CRLF".to_owned());
        }
        let end = find(body, &next, pos).ok_or("multipart part without a closing boundary")?;
        parts.push(parse_part(&body[pos..end])?);
        pos = end + next.len();
    }
}

fn parse_part(raw: &[u8]) -> Result<Part, String> {
    let split = find(raw, b"\r\n\r\n", 0);
    let (head, data) = match split {
        Some(i) => (&raw[..i], &raw[i + 4..]),
        // a part with headers and an empty body may end right after the blank line's first CRLF
        None if raw.ends_with(b"\r\n") => (&raw[..raw.len() - 2], &raw[raw.len()..]),
        None => return Err("multipart part without a blank line after its headers".to_owned()),
    };
    let head = String::from_utf8_lossy(head);
    let mut name = None;
    let mut filename = None;
    let mut content_type = None;
    for line in head.split("\r\n") {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        if key.trim().eq_ignore_ascii_case("content-disposition") {
            name = parameter(value, "name");
            filename = parameter(value, "filename");
        } else if key.trim().eq_ignore_ascii_case("content-type") {
            content_type = Some(value.trim().to_owned());
        }
    }
    Ok(Part {
        name: name.ok_or("multipart part without a Content-Disposition name")?,
        filename,
        content_type,
        data: data.to_vec(),
    })
}

/// Decodes `%XX` escapes (invalid escapes are kept as written; invalid UTF-8 is replaced).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Parses `a=1&b=x+y&c` into decoded pairs (`+` is a space; a name without `=` has an empty
/// value).
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (
                percent_decode(&name.replace('+', " ")),
                percent_decode(&value.replace('+', " ")),
            )
        })
        .collect()
}
