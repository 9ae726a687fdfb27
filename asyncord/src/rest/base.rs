//! What every resource shares: the HTTP client, the audit-log reason, and the helpers that
//! validate a body, attach its files and send it.

use std::sync::Arc;

use asyncord_model::request::{FileUpload, RequestBody, Validate, ValidationError};
use asyncord_model::route::{self, Endpoint};
use bytes::Bytes;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::http::{FilePart, HttpClient, PathParam, Request, RestResult, Route};

/// The HTTP client plus the audit-log reason of a resource handle.
#[derive(Clone, Debug)]
pub(crate) struct Rest {
    pub http: Arc<HttpClient>,
    pub reason: Option<Arc<str>>,
}

/// Declares a resource handle: `rest` plus bound ids, `Clone`, `Debug`, and `with_reason`.
macro_rules! resource {
    ($(#[$meta:meta])* $name:ident { $($field:ident : $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Debug)]
        pub struct $name {
            pub(crate) rest: $crate::rest::base::Rest,
            $(pub(crate) $field: $ty,)*
        }

        impl $name {
            /// The same handle, sending `reason` as the audit-log reason
            /// (`X-Audit-Log-Reason`) with every change made through it.
            pub fn with_reason(&self, reason: impl Into<String>) -> Self {
                let mut this = self.clone();
                this.rest.reason = Some(reason.into().into());
                this
            }
        }
    };
}
pub(crate) use resource;

impl Rest {
    pub fn new(http: Arc<HttpClient>) -> Self {
        Self { http, reason: None }
    }

    /// A request on a route of the table; changes carry the audit-log reason.
    pub fn req<const N: usize>(
        &self,
        endpoint: &'static Endpoint<N>,
        params: [&dyn PathParam; N],
    ) -> Request {
        let request = Request::new(Route::new(endpoint, params));
        if endpoint.method() == route::Method::Get {
            request
        } else {
            request.reason(self.reason.as_deref().map(str::to_owned))
        }
    }

    /// Sends and parses the response.
    pub async fn call<T: DeserializeOwned>(&self, request: Request) -> RestResult<T> {
        self.http.request(request).await
    }

    /// Sends and ignores the response body (204).
    pub async fn call_empty(&self, request: Request) -> RestResult<()> {
        self.http.request_empty(request).await
    }

    /// Validates `body`, attaches its files, sends it and parses the response.
    pub async fn send<T, B>(&self, request: Request, body: &B) -> RestResult<T>
    where
        T: DeserializeOwned,
        B: Serialize + Validate + RequestBody + ?Sized,
    {
        body.validate()?;
        let request = request.json_with_files(body, file_parts(body.files())?)?;
        self.http.request(request).await
    }

    /// Like [`send`](Self::send) for responses without a body.
    pub async fn send_empty<B>(&self, request: Request, body: &B) -> RestResult<()>
    where
        B: Serialize + Validate + RequestBody + ?Sized,
    {
        body.validate()?;
        let request = request.json_with_files(body, file_parts(body.files())?)?;
        self.http.request_empty(request).await
    }

    /// Sends a JSON body that has no limits to check.
    pub async fn send_json<T, B>(&self, request: Request, body: &B) -> RestResult<T>
    where
        T: DeserializeOwned,
        B: Serialize + ?Sized,
    {
        self.http.request(request.json(body)?).await
    }
}

/// A MIME type from a file name's extension.
fn guess_content_type(filename: &str) -> Option<&'static str> {
    let ext = filename.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "apng" => "image/apng",
        "svg" => "image/svg+xml",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        "ogg" => "audio/ogg",
        "wav" => "audio/wav",
        "txt" | "log" => "text/plain; charset=utf-8",
        "json" => "application/json",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        _ => return None,
    })
}

/// The multipart parts `files[n]` of the files of a body (shared bytes, no copy).
pub(crate) fn file_parts(files: &[FileUpload]) -> Result<Vec<FilePart>, ValidationError> {
    files
        .iter()
        .enumerate()
        .map(|(i, f)| file_part(&format!("files[{i}]"), f))
        .collect()
}

/// The multipart part `name` of a file; its media type guessed from its name when not given.
pub(crate) fn file_part(name: &str, file: &FileUpload) -> Result<FilePart, ValidationError> {
    FilePart::new(
        name,
        file.filename.clone(),
        file.content_type
            .clone()
            .or_else(|| guess_content_type(&file.filename).map(str::to_owned)),
        Bytes::from_owner(Arc::clone(&file.data)),
    )
}

/// Any request body of `asyncord_model::request`: serialisable, validated before sending, and
/// possibly carrying files. Each REST method names its own body type; this bound is what the
/// request plumbing needs of them.
pub trait ApiBody: Serialize + Validate + RequestBody + Send + Sync {}

impl<T: Serialize + Validate + RequestBody + Send + Sync + ?Sized> ApiBody for T {}

/// Ids joined with commas (a list in a query parameter), `None` for none.
pub(crate) fn join_ids<M>(ids: &[asyncord_model::Id<M>]) -> Option<String> {
    (!ids.is_empty()).then(|| {
        ids.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(",")
    })
}
