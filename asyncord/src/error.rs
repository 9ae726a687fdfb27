//! The crate-wide [`Error`] and [`Result`]: what `main` and scripts return
//! (`async fn main() -> asyncord::Result<()>`), so that `?` works on every asyncord error and on
//! the environment and I/O errors a bot meets while starting. Each layer keeps its own error
//! type (http, rest, gateway, dispatcher, hub); this one only gathers them.

use std::fmt;

use crate::client_hub::{HubError, SetupError};
use crate::dispatcher::DispatchError;
use crate::gateway::GatewayError;
use crate::http::RestError;

/// The error type for `main` and scripts: any asyncord error, plus environment and I/O errors,
/// so that `?` works on all of them (`async fn main() -> asyncord::Result<()>`).
///
/// Its `Debug` output is the readable message with its causes (what `main` prints on error);
/// match on the variants for details.
#[derive(thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The hub could not start or a group failed.
    #[error(transparent)]
    Hub(#[from] HubError),
    /// The setup closure given to [`connect`](crate::connect) failed; nothing connected.
    #[error(transparent)]
    Setup(#[from] SetupError),
    /// A REST request failed.
    #[error(transparent)]
    Rest(#[from] RestError),
    /// The gateway failed.
    #[error(transparent)]
    Gateway(#[from] GatewayError),
    /// A dispatcher check failed, or an event did not parse.
    #[error(transparent)]
    Dispatch(#[from] DispatchError),
    /// A request body is invalid.
    #[error(transparent)]
    Validation(#[from] asyncord_model::request::ValidationError),
    /// An environment variable is missing or not UTF-8 (`std::env::var("DISCORD_TOKEN")?`).
    #[error("environment variable: {0}")]
    Env(#[from] std::env::VarError),
    /// An I/O error.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// Any other error ([`Error::other`]).
    #[error(transparent)]
    Other(Box<dyn std::error::Error + Send + Sync + 'static>),
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self}")?;
        let mut source = std::error::Error::source(self);
        while let Some(cause) = source {
            write!(f, "\n  caused by: {cause}")?;
            source = cause.source();
        }
        Ok(())
    }
}

impl Error {
    /// Wraps any other error.
    pub fn other(error: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>) -> Self {
        Self::Other(error.into())
    }
}

/// `Result<T, asyncord::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;
