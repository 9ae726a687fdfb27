//! A REST request before it is sent: route, query, body, audit-log reason.
//!
//! Bodies are JSON, or multipart with a `payload_json` part and `files[n]` parts
//! (<https://discord.com/developers/docs/reference#uploading-files>).

use asyncord_model::request::{ValidationError, ValidationErrorKind};
use bytes::Bytes;
use serde::Serialize;

use super::error::{RestError, RestResult};
use super::route::Route;

/// A file to upload as a multipart part (`files[n]` for messages). Its form field name, file
/// name and media type become part headers, so [`FilePart::new`] refuses control characters in
/// them (a line break would start a header of its own): a part that exists is safe to encode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilePart {
    pub(crate) name: String,
    pub(crate) filename: String,
    pub(crate) content_type: Option<String>,
    pub(crate) data: Bytes,
}

impl FilePart {
    /// A part named `name` (`files[0]`, or `file` for stickers) holding `data` as the file
    /// `filename`, of type `content_type` (`application/octet-stream` when `None`).
    ///
    /// A control character (U+0000 to U+001F, U+007F) in the name, the file name or the media
    /// type, or a media type that is not printable ASCII, is a validation error of
    /// `{name}.filename`, `{name}.content_type` or `{name}`.
    pub fn new(
        name: impl Into<String>,
        filename: impl Into<String>,
        content_type: Option<String>,
        data: Bytes,
    ) -> Result<Self, ValidationError> {
        let (name, filename) = (name.into(), filename.into());
        refuse_controls(&name, &name)?;
        refuse_controls(&format!("{name}.filename"), &filename)?;
        if let Some(ct) = &content_type {
            let path = format!("{name}.content_type");
            refuse_controls(&path, ct)?;
            if !ct.is_ascii() {
                return Err(invalid(&path, "a media type is ASCII".to_owned()));
            }
        }
        Ok(Self {
            name,
            filename,
            content_type,
            data,
        })
    }

    /// The form field name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The file name Discord shows (and `attachment://name` refers to).
    pub fn filename(&self) -> &str {
        &self.filename
    }

    /// The media type, when known.
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The file content.
    pub fn data(&self) -> &Bytes {
        &self.data
    }
}

/// A validation error of `path`.
fn invalid(path: &str, reason: String) -> ValidationError {
    ValidationError {
        path: path.to_owned(),
        kind: ValidationErrorKind::Invalid { reason },
    }
}

/// Refuses a value with a control character (it would end or split a header line).
fn refuse_controls(path: &str, value: &str) -> Result<(), ValidationError> {
    match value.chars().find(char::is_ascii_control) {
        Some(c) => Err(invalid(
            path,
            format!(
                "contains the control character U+{:04X}, which a header cannot carry",
                u32::from(c)
            ),
        )),
        None => Ok(()),
    }
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
        /// Plain form fields, by name (sticker creation uses them instead of `payload_json`).
        fields: Vec<(&'static str, String)>,
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

    /// Sets a multipart body of files and plain form fields, without `payload_json`.
    pub fn multipart(mut self, files: Vec<FilePart>, fields: Vec<(&'static str, String)>) -> Self {
        self.body = Body::Multipart {
            payload_json: None,
            files,
            fields,
        };
        self
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
