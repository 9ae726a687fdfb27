//! [`Problem`]: one readable finding of the conformance checks.

use std::fmt;

/// One thing wrong with a request or response, found by checking it against Discord's OpenAPI
/// spec.
///
/// `at` says where: `request` for the request as a whole, `path.channel_id` for a path
/// parameter, `query.limit` for a query parameter, `body.embeds[0].title` for a field of the
/// request body, `response.author.id` for a field of a response body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is, e.g. `body.embeds[0].title`.
    pub at: String,
    /// What is wrong, e.g. `string longer than 256`.
    pub message: String,
}

impl Problem {
    /// A problem at `at`.
    pub fn new(at: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            at: at.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Formats a list of problems one per line (for assertion messages).
pub fn render(problems: &[Problem]) -> String {
    let mut out = String::new();
    for problem in problems {
        out.push_str(&problem.to_string());
        out.push('\n');
    }
    out
}
