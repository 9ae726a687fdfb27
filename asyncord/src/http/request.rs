//! A REST request before it is sent: route, query, body, audit-log reason.
//!
//! Bodies are JSON, or multipart with a `payload_json` part and `files[n]` parts
//! (<https://discord.com/developers/docs/reference#uploading-files>).

use bytes::Bytes;
use serde::Serialize;

use super::error::{RestError, RestResult};
use super::route::Route;

/// A file to upload as a multipart part (`files[n]` for messages).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilePart {
    /// The form field name (`files[0]`, or `file` for stickers).
    pub name: String,
    /// The file name Discord shows (and `attachment://name` refers to).
    pub filename: String,
    /// The MIME type; `application/octet-stream` when unknown.
    pub content_type: Option<String>,
    /// The file content.
    pub data: Bytes,
}

/// The body of a request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Body {
    /// No body.
    #[default]
    Empty,
    /// A JSON document.
    Json(Bytes),
    /// A multipart form: an optional `payload_json` and the files, numbered from 0.
    Multipart {
        /// The JSON part.
        payload_json: Option<Bytes>,
        /// The files, sent as `files[0]`, `files[1]`...
        files: Vec<FilePart>,
        /// Extra plain form fields (sticker creation uses them instead of `payload_json`).
        fields: Vec<(String, String)>,
    },
}

/// A request ready for [`HttpClient::execute`](super::HttpClient::execute).
#[derive(Clone, Debug)]
pub struct Request {
    /// The route.
    pub route: Route,
    /// Query parameters (already stringified; encoded when sent).
    pub query: Vec<(&'static str, String)>,
    /// The body.
    pub body: Body,
    /// The audit-log reason (sent percent-encoded as `X-Audit-Log-Reason`).
    pub reason: Option<String>,
}

impl Request {
    /// A request without body.
    pub fn new(route: Route) -> Self {
        Self {
            route,
            query: Vec::new(),
            body: Body::Empty,
            reason: None,
        }
    }

    /// Sets a JSON body.
    pub fn json<T: Serialize + ?Sized>(mut self, body: &T) -> RestResult<Self> {
        let bytes = serde_json::to_vec(body).map_err(|e| {
            RestError::InvalidRequest(format!("the body could not be serialised: {e}"))
        })?;
        self.body = Body::Json(Bytes::from(bytes));
        Ok(self)
    }

    /// Sets a JSON body, or a multipart body when `files` is not empty.
    pub fn json_with_files<T: Serialize + ?Sized>(
        self,
        body: &T,
        files: Vec<FilePart>,
    ) -> RestResult<Self> {
        let mut this = self.json(body)?;
        if !files.is_empty() {
            let payload_json = match std::mem::take(&mut this.body) {
                Body::Json(b) => Some(b),
                _ => None,
            };
            this.body = Body::Multipart {
                payload_json,
                files,
                fields: Vec::new(),
            };
        }
        Ok(this)
    }

    /// Adds a query parameter when `value` is `Some`.
    pub fn query_opt(mut self, name: &'static str, value: Option<impl std::fmt::Display>) -> Self {
        if let Some(v) = value {
            self.query.push((name, v.to_string()));
        }
        self
    }

    /// Adds a query parameter.
    pub fn query(mut self, name: &'static str, value: impl std::fmt::Display) -> Self {
        self.query.push((name, value.to_string()));
        self
    }

    /// Sets the audit-log reason (when `Some`).
    pub fn reason(mut self, reason: Option<String>) -> Self {
        self.reason = reason;
        self
    }
}
