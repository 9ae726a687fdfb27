//! Finding the operation a recorded request calls: strip the base (`/api/v10`, or a full URL),
//! the query string, then match the path against the templates. `{x}` matches one segment;
//! where several templates match, literal segments win over parameters from left to right, so
//! `/users/@me` is `get_my_user`, not `get_user`.

use super::operation::{Operation, Segment};
use super::request::percent_decode;
use super::spec::Spec;

/// The base path the SDK's requests carry.
pub const DEFAULT_BASE: &str = "/api/v10";

/// Splits `raw` (a path, `/api/v10/...`, or `https://discord.com/api/v10/...?a=b`) into the
/// operation-relative path and the query string (without `?`).
pub fn split_path<'r>(raw: &'r str, base: &str) -> (&'r str, &'r str) {
    let mut rest = raw;
    for scheme in ["https://", "http://"] {
        if let Some(after) = rest.strip_prefix(scheme) {
            rest = after.find('/').map_or("/", |i| &after[i..]);
        }
    }
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let path = path.split_once('#').map_or(path, |(p, _)| p);
    let base = base.trim_end_matches('/');
    let path = match path.strip_prefix(base) {
        Some(after) if !base.is_empty() && (after.is_empty() || after.starts_with('/')) => after,
        _ => path,
    };
    (path, query)
}

/// The path's segments, percent-decoded (`%40me` is `@me`). A trailing slash is ignored.
pub fn path_segments(path: &str) -> Vec<String> {
    path.split('/')
        .filter(|s| !s.is_empty())
        .map(percent_decode)
        .collect()
}

/// How well a template matches decoded segments: `None` if it does not, else one flag per
/// segment, true for a literal (compared lexicographically: literals first, leftmost first).
fn score(template: &[Segment], segments: &[String]) -> Option<Vec<bool>> {
    if template.len() != segments.len() {
        return None;
    }
    template
        .iter()
        .zip(segments)
        .map(|(t, s)| match t {
            Segment::Literal(l) => (l == s).then_some(true),
            Segment::Param(_) => Some(false),
        })
        .collect()
}

impl Spec {
    /// The operation for `method` and `path` (under [`DEFAULT_BASE`] or without a base; a
    /// query string is ignored).
    pub fn match_request(&self, method: &str, path: &str) -> Option<&Operation> {
        self.match_request_under(DEFAULT_BASE, method, path)
    }

    /// [`Spec::match_request`] with another base prefix.
    pub fn match_request_under(&self, base: &str, method: &str, path: &str) -> Option<&Operation> {
        let (path, _) = split_path(path, base);
        let segments = path_segments(path);
        self.operations()
            .iter()
            .filter(|op| op.method.eq_ignore_ascii_case(method))
            .filter_map(|op| score(op.segments(), &segments).map(|s| (s, op)))
            .max_by(|(a, _), (b, _)| a.cmp(b))
            .map(|(_, op)| op)
    }

    /// Every operation whose template matches the path, whatever its method (for "wrong
    /// method" diagnostics).
    pub fn match_path_any_method(&self, base: &str, path: &str) -> Vec<&Operation> {
        let (path, _) = split_path(path, base);
        let segments = path_segments(path);
        self.operations()
            .iter()
            .filter(|op| score(op.segments(), &segments).is_some())
            .collect()
    }
}

/// The values of the operation's path parameters in `path` (decoded), by name.
pub fn path_values(op: &Operation, path: &str) -> Vec<(String, String)> {
    op.segments()
        .iter()
        .zip(path_segments(path))
        .filter_map(|(t, s)| match t {
            Segment::Param(name) => Some((name.clone(), s)),
            Segment::Literal(_) => None,
        })
        .collect()
}
