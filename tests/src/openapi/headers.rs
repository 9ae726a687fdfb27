//! The request headers Discord requires or constrains
//! (<https://discord.com/developers/docs/reference#authentication>,
//! <https://discord.com/developers/docs/reference#user-agent>,
//! <https://discord.com/developers/docs/resources/audit-log#audit-log-entry-object>,
//! <https://discord.com/developers/docs/reference#http-api>): checked on every recorded
//! request, next to the body.
//!
//! - `Authorization`: present unless the operation allows no auth (`security` lists `{}`);
//!   `Bot <token>` where the operation accepts a bot token, `Bearer <token>` where it accepts
//!   only OAuth2.
//! - `User-Agent`: `DiscordBot ($url, $versionNumber)`, optionally followed by more text.
//! - `X-Audit-Log-Reason`: percent-encoded UTF-8 (visible ASCII only; each `%` followed by two
//!   hex digits; decoding gives valid UTF-8).
//! - `Content-Type`: a request with a body must say what the body is.

use super::operation::Operation;
use super::problem::Problem;

/// The first value of header `name` (names compare case-insensitively).
pub fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Checks the headers of a request to `op` with `body` (empty for none).
pub fn check_request_headers(
    op: &Operation,
    headers: &[(String, String)],
    body: &[u8],
) -> Vec<Problem> {
    let mut out = Vec::new();
    check_authorization(op, header(headers, "authorization"), &mut out);
    match header(headers, "user-agent") {
        None => out.push(Problem::new("header.User-Agent", "missing")),
        Some(agent) if !is_discord_bot_agent(agent) => out.push(Problem::new(
            "header.User-Agent",
            format!("`{agent}` is not of the form `DiscordBot ($url, $versionNumber)`"),
        )),
        Some(_) => {}
    }
    if let Some(reason) = header(headers, "x-audit-log-reason")
        && let Err(message) = percent_decode_utf8(reason)
    {
        out.push(Problem::new("header.X-Audit-Log-Reason", message));
    }
    if !body.is_empty() && header(headers, "content-type").is_none() {
        out.push(Problem::new(
            "header.Content-Type",
            format!("missing on a request with a {}-byte body", body.len()),
        ));
    }
    out
}

fn check_authorization(op: &Operation, value: Option<&str>, out: &mut Vec<Problem>) {
    let at = "header.Authorization";
    let bot = op.auth.iter().any(|a| a == "BotToken");
    let oauth2 = op.auth.iter().any(|a| a == "OAuth2");
    let optional = op.auth.is_empty() || op.auth.iter().any(|a| a == "none");
    let Some(value) = value else {
        if !optional {
            out.push(Problem::new(
                at,
                format!("missing; {} requires {}", op.id, op.auth.join(" or ")),
            ));
        }
        return;
    };
    let (scheme, token) = value.split_once(' ').unwrap_or((value, ""));
    if token.is_empty() || token.contains(char::is_whitespace) {
        out.push(Problem::new(
            at,
            format!("not `<scheme> <token>` (scheme `{scheme}`)"),
        ));
        return;
    }
    match scheme {
        "Bot" if bot => {}
        "Bearer" if oauth2 => {}
        "Bot" | "Bearer" => out.push(Problem::new(
            at,
            format!(
                "a `{scheme}` token, but {} accepts {}",
                op.id,
                op.auth.join(" or ")
            ),
        )),
        other => out.push(Problem::new(
            at,
            format!("scheme `{other}`; Discord takes `Bot` (or `Bearer` for OAuth2)"),
        )),
    }
}

/// `DiscordBot ($url, $versionNumber)`: a URL and a version, then anything.
pub fn is_discord_bot_agent(agent: &str) -> bool {
    let Some(rest) = agent.strip_prefix("DiscordBot (") else {
        return false;
    };
    let Some((inside, _after)) = rest.split_once(')') else {
        return false;
    };
    let Some((url, version)) = inside.split_once(", ") else {
        return false;
    };
    let url_ok = (url.starts_with("https://") || url.starts_with("http://"))
        && !url.contains(char::is_whitespace);
    let version_ok = !version.is_empty()
        && version.chars().next().is_some_and(|c| c.is_ascii_digit())
        && !version.contains(char::is_whitespace);
    url_ok && version_ok
}

/// Decodes a percent-encoded UTF-8 header value; an error says what is wrong with it.
pub fn percent_decode_utf8(value: &str) -> Result<String, String> {
    let bytes = value.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| format!("`%` not followed by two hex digits at byte {i}"))?;
                decoded.push(hex);
                i += 3;
            }
            b @ 0x21..=0x7e => {
                decoded.push(b);
                i += 1;
            }
            b => {
                return Err(format!(
                    "byte {b:#04x} at {i} is not percent-encoded (only visible ASCII may be sent as is)"
                ));
            }
        }
    }
    String::from_utf8(decoded).map_err(|e| format!("does not decode to UTF-8: {e}"))
}
