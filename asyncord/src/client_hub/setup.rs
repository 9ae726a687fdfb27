//! What [`connect`](super::connect)'s setup closure may return: nothing, or a `Result` whose
//! error ends `connect` before the bot connects ([`SetupResult`]), reported as a
//! [`SetupError`].
//!
//! The seed's `async with connect(TOKEN) as group:` block may await (for example
//! `group.client.guilds.get(...)`) and fail; in Rust the block is an async closure, and its
//! failure is `connect`'s error.

use std::error::Error as StdError;
use std::fmt;

/// The value of a [`connect`](super::connect) setup closure: `()`, or `Result<(), E>` for any
/// error `E` (an [`asyncord::Error`](crate::Error), a `Box<dyn Error>`, a `String`...).
///
/// ```no_run
/// # async fn demo() -> asyncord::Result<()> {
/// asyncord::connect(std::env::var("DISCORD_TOKEN")?, async |group| -> asyncord::Result<()> {
///     let me = group.client.users.me().await?; // a failure here ends connect
///     println!("connecting as {}", me.username);
///     Ok(())
/// })
/// .await
/// # }
/// ```
pub trait SetupResult {
    /// `Ok(())` to go on connecting; the setup's error otherwise.
    fn into_setup_result(self) -> Result<(), SetupError>;
}

impl SetupResult for () {
    fn into_setup_result(self) -> Result<(), SetupError> {
        Ok(())
    }
}

impl<E> SetupResult for Result<(), E>
where
    E: Into<Box<dyn StdError + Send + Sync + 'static>>,
{
    fn into_setup_result(self) -> Result<(), SetupError> {
        self.map_err(|e| SetupError(e.into()))
    }
}

/// The setup closure given to [`connect`](super::connect) failed; nothing was connected.
///
/// Its message is the setup's error, after "the setup of connect failed"; its
/// [`source`](StdError::source) is that error's own source, and [`SetupError::into_inner`]
/// gives the error back (downcast it to your type).
pub struct SetupError(Box<dyn StdError + Send + Sync + 'static>);

impl SetupError {
    /// The error the setup closure returned.
    pub fn get_ref(&self) -> &(dyn StdError + Send + Sync + 'static) {
        &*self.0
    }

    /// The error the setup closure returned, by value.
    pub fn into_inner(self) -> Box<dyn StdError + Send + Sync + 'static> {
        self.0
    }
}

impl fmt::Display for SetupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the setup of connect failed (nothing connected): {}",
            self.0
        )
    }
}

impl fmt::Debug for SetupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SetupError").field(&self.0).finish()
    }
}

impl StdError for SetupError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        // The inner error's message is already part of ours: its causes come next.
        self.0.source()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_and_ok_go_on() {
        assert!(().into_setup_result().is_ok());
        assert!(Ok::<(), String>(()).into_setup_result().is_ok());
    }

    #[test]
    fn an_error_keeps_its_message_and_its_causes() {
        let inner = std::io::Error::other("the database is down");
        let outer = crate::Error::from(inner);
        let err = Err::<(), _>(outer).into_setup_result().unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("the setup of connect failed"), "{text}");
        assert!(text.ends_with("the database is down"), "{text}");
        let inner = err.into_inner();
        assert!(inner.downcast_ref::<crate::Error>().is_some());
    }
}
