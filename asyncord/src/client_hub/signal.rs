//! Waiting for Ctrl-C (SIGINT) or SIGTERM with `tokio::signal`.

/// Resolves with the signal's name when the process receives SIGINT or (on Unix) SIGTERM;
/// never resolves when `enabled` is false or no signal handler can be installed.
pub(crate) async fn wait(enabled: bool) -> &'static str {
    if !enabled {
        return std::future::pending().await;
    }
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = match signal(SignalKind::terminate()) {
            Ok(s) => Some(s),
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM");
                None
            }
        };
        let term = async {
            match term.as_mut() {
                Some(s) => {
                    s.recv().await;
                }
                None => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            () = ctrl_c() => "SIGINT",
            () = term => "SIGTERM",
        }
    }
    #[cfg(not(unix))]
    {
        ctrl_c().await;
        "SIGINT"
    }
}

async fn ctrl_c() {
    if let Err(e) = tokio::signal::ctrl_c().await {
        tracing::warn!(error = %e, "cannot listen for Ctrl-C");
        std::future::pending::<()>().await;
    }
}
