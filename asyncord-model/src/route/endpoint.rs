//! The types of the table: [`Operation`] (the data of one operation), [`Endpoint`] (an
//! operation with its parameter count in its type, built and checked in `const` context),
//! [`Method`], [`Major`], [`Auth`], [`Segment`].

use std::fmt;

/// An HTTP method of Discord's API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`.
    Get,
    /// `POST`.
    Post,
    /// `PUT`.
    Put,
    /// `PATCH`.
    Patch,
    /// `DELETE`.
    Delete,
}

impl Method {
    /// The method as sent: `GET`, `POST`...
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }

    /// The method named `name` (any case); `None` for one the API does not use.
    pub fn parse(name: &str) -> Option<Self> {
        [Self::Get, Self::Post, Self::Put, Self::Patch, Self::Delete]
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The path parameters that make a route's rate limit its own: requests that differ in them
/// do not share a bucket ([docs](https://discord.com/developers/docs/topics/rate-limits)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Major {
    /// None: every request of the route shares its limit.
    None,
    /// `channel_id`.
    ChannelId,
    /// `guild_id`.
    GuildId,
    /// `webhook_id`.
    WebhookId,
    /// `webhook_id` and `webhook_token`.
    WebhookIdAndToken,
    /// `interaction_id` and `interaction_token`.
    InteractionIdAndToken,
}

impl Major {
    /// The names of the parameters, in path order.
    pub const fn params(self) -> &'static [&'static str] {
        match self {
            Self::None => &[],
            Self::ChannelId => &["channel_id"],
            Self::GuildId => &["guild_id"],
            Self::WebhookId => &["webhook_id"],
            Self::WebhookIdAndToken => &["webhook_id", "webhook_token"],
            Self::InteractionIdAndToken => &["interaction_id", "interaction_token"],
        }
    }
}

/// How a request proves who sends it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Auth {
    /// `Authorization: Bot <token>`.
    Bot,
    /// `Authorization: Bot <token>` when a bot sends it, but Discord answers without one too
    /// (Get Gateway).
    OptionalBot,
    /// No `Authorization` header: the webhook or interaction token in the path is the credential.
    PathToken,
}

impl Auth {
    /// Whether a bot's client sends its token (every kind but [`Auth::PathToken`]).
    pub const fn sends_bot_token(self) -> bool {
        !matches!(self, Self::PathToken)
    }

    /// Whether Discord refuses the request without the bot's token (only [`Auth::Bot`]).
    pub const fn requires_bot_token(self) -> bool {
        matches!(self, Self::Bot)
    }
}

/// One segment of a path template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    /// Text that must appear as it is (`channels`, `@me`, `widget.json`).
    Literal(&'static str),
    /// A parameter, by name (`channel_id`).
    Param(&'static str),
}

/// One operation of Discord's HTTP API: method, path template and the facts the client needs
/// to send it. Every constant of the table is one; [`ALL`](super::ALL) lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Operation {
    method: Method,
    path: &'static str,
    major: Major,
    auth: Auth,
    global_exempt: bool,
}

impl Operation {
    /// The HTTP method.
    pub const fn method(&self) -> Method {
        self.method
    }

    /// The path template, as the OpenAPI spec writes it: `/channels/{channel_id}/messages`.
    pub const fn path(&self) -> &'static str {
        self.path
    }

    /// The parameters that make the route's rate limit its own.
    pub const fn major(&self) -> Major {
        self.major
    }

    /// How the request is authenticated.
    pub const fn auth(&self) -> Auth {
        self.auth
    }

    /// Whether the request does not count toward the bot's global limit (interactions).
    pub const fn is_global_exempt(&self) -> bool {
        self.global_exempt
    }

    /// How many parameters the path has.
    pub const fn param_count(&self) -> usize {
        count_params(self.path.as_bytes())
    }

    /// The segments of the path template, in order.
    pub fn segments(&self) -> impl Iterator<Item = Segment> + '_ {
        self.path.split('/').skip(1).map(|s| {
            match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) => Segment::Param(name),
                None => Segment::Literal(s),
            }
        })
    }

    /// The names of the path parameters, in order.
    pub fn params(&self) -> impl Iterator<Item = &'static str> {
        let path: &'static str = self.path;
        path.split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
    }

    /// Matches decoded path segments (`["channels", "1", "messages"]`, no base path, no query)
    /// against the template: the parameters' values by name, or `None` when it does not match.
    pub fn match_segments<'p>(&self, segments: &[&'p str]) -> Option<Vec<(&'static str, &'p str)>> {
        let mut values = Vec::with_capacity(self.param_count());
        let mut given = segments.iter();
        for segment in self.segments() {
            let value = given.next()?;
            match segment {
                Segment::Literal(text) if text == *value => {}
                Segment::Literal(_) => return None,
                Segment::Param(name) => values.push((name, *value)),
            }
        }
        given.next().is_none().then_some(values)
    }
}

impl fmt::Display for Operation {
    /// `GET /channels/{channel_id}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

/// An [`Operation`] whose number of path parameters, `N`, is part of its type: the REST client
/// takes exactly `N` parameters to build its request. Built in `const` context, where a path
/// whose parameter count is not `N`, a malformed path, a major parameter the path lacks, or
/// an authentication that does not match the path's token stops the build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Endpoint<const N: usize> {
    operation: Operation,
}

impl<const N: usize> Endpoint<N> {
    /// An operation sent with the bot token, limited as a whole, counted toward the global
    /// limit; `path` as the spec writes it, with exactly `N` parameters.
    pub const fn new(method: Method, path: &'static str) -> Self {
        assert!(
            well_formed(path.as_bytes()),
            "a path starts with `/` and has no empty segment or brace out of place"
        );
        assert!(
            count_params(path.as_bytes()) == N,
            "the path does not have N parameters"
        );
        Self {
            operation: Operation {
                method,
                path,
                major: Major::None,
                auth: Auth::Bot,
                global_exempt: false,
            },
        }
    }

    /// The same operation, limited per `major` (whose parameters the path must have).
    pub const fn major(mut self, major: Major) -> Self {
        let names = major.params();
        let mut i = 0;
        while i < names.len() {
            assert!(
                has_param(self.operation.path.as_bytes(), names[i].as_bytes()),
                "the path lacks a major parameter"
            );
            i += 1;
        }
        self.operation.major = major;
        self
    }

    /// The same operation, authenticated by the webhook or interaction token in its path.
    pub const fn path_token(mut self) -> Self {
        let path = self.operation.path.as_bytes();
        assert!(
            has_param(path, b"webhook_token") || has_param(path, b"interaction_token"),
            "a path-token operation has a token in its path"
        );
        self.operation.auth = Auth::PathToken;
        self
    }

    /// The same operation, answered with or without the bot token (the bot still sends it).
    pub const fn token_optional(mut self) -> Self {
        assert!(
            matches!(self.operation.auth, Auth::Bot),
            "only a bot-token operation can make its token optional"
        );
        self.operation.auth = Auth::OptionalBot;
        self
    }

    /// The same operation, exempt from the global limit.
    pub const fn global_exempt(mut self) -> Self {
        self.operation.global_exempt = true;
        self
    }

    /// The operation.
    pub const fn operation(&'static self) -> &'static Operation {
        &self.operation
    }
}

impl<const N: usize> std::ops::Deref for Endpoint<N> {
    type Target = Operation;

    fn deref(&self) -> &Operation {
        &self.operation
    }
}

/// The number of `{name}` parameters of a path.
pub(super) const fn count_params(path: &[u8]) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < path.len() {
        if path[i] == b'{' {
            count += 1;
        }
        i += 1;
    }
    count
}

/// Whether a path starts with `/`, has no empty segment, and each parameter is a whole segment
/// `{name}` with a non-empty name.
pub(super) const fn well_formed(path: &[u8]) -> bool {
    if path.is_empty() || path[0] != b'/' {
        return false;
    }
    let mut i = 1;
    let mut segment_start = 1;
    while i <= path.len() {
        if i == path.len() || path[i] == b'/' {
            let len = i - segment_start;
            if len == 0 {
                return false;
            }
            let open = path[segment_start] == b'{';
            let close = path[i - 1] == b'}';
            if open != close || (open && len < 3) {
                return false;
            }
            let mut j = segment_start + 1;
            while j + 1 < i {
                if path[j] == b'{' || path[j] == b'}' {
                    return false;
                }
                j += 1;
            }
            segment_start = i + 1;
        }
        i += 1;
    }
    true
}

/// Whether the path has the parameter `{name}`.
pub(super) const fn has_param(path: &[u8], name: &[u8]) -> bool {
    let mut i = 0;
    while i + name.len() + 2 <= path.len() {
        if path[i] == b'{' && path[i + name.len() + 1] == b'}' {
            let mut j = 0;
            while j < name.len() && path[i + 1 + j] == name[j] {
                j += 1;
            }
            if j == name.len() {
                return true;
            }
        }
        i += 1;
    }
    false
}
