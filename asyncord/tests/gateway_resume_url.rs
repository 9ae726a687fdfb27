//! A session whose resume URL no longer answers (a stale `resume_from`, a resume host that went
//! away) is not retried forever: after a bounded number of failed connections the shard drops
//! the session and identifies on the main gateway URL, with a warning. A resume URL on a host
//! the bot token was not configured for (another domain, or `ws://` after `wss://`) is never
//! contacted: the shard resumes on the main URL.

mod gateway_fake;
mod gateway_support;

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use asyncord::gateway::{
    BoxedStream, Compression, ConnectFuture, Connector, Gateway, GatewayAddress, Session,
};
use asyncord::testkit::gateway::GatewayEndpoint;
use gateway_fake::Logs;
use gateway_support::*;

/// How a dead resume host behaves.
#[derive(Clone, Copy, Debug)]
enum Dead {
    /// Refuses the connection at once.
    Refuses,
    /// Never answers (the shard's connect timeout ends each attempt).
    Hangs,
}

/// The main gateway host of these tests (routed to the emulator).
const MAIN: &str = "ws://gateway.test";
/// A resume host of the same domain as [`MAIN`], which does not answer.
const DEAD_HOST: &str = "resume.gateway.test";

/// Connects to the emulator, except for the host [`DEAD_HOST`] and hosts outside `gateway.test`
/// (counted as foreign, refused).
#[derive(Debug)]
struct Routed {
    live: GatewayEndpoint,
    dead: Dead,
    dead_attempts: AtomicUsize,
    foreign_attempts: AtomicUsize,
}

impl Connector for Routed {
    fn connect<'a>(&'a self, url: &'a GatewayAddress) -> ConnectFuture<'a> {
        Box::pin(async move {
            if url.host == "gateway.test" {
                return Ok(Box::new(self.live.connect()) as BoxedStream);
            }
            if url.host != DEAD_HOST {
                self.foreign_attempts.fetch_add(1, Ordering::SeqCst);
                return Err(io::Error::new(io::ErrorKind::ConnectionRefused, "foreign"));
            }
            self.dead_attempts.fetch_add(1, Ordering::SeqCst);
            match self.dead {
                Dead::Refuses => Err(io::Error::new(io::ErrorKind::ConnectionRefused, "refused")),
                Dead::Hangs => std::future::pending().await,
            }
        })
    }
}

#[tokio::test(start_paused = true)]
async fn a_dead_resume_url_is_given_up_for_a_new_session_on_the_main_url() {
    for dead in [Dead::Refuses, Dead::Hangs] {
        let (logs, _guard) = Logs::capture();
        let env = setup(server_config()).await;
        let connector = Arc::new(Routed {
            live: env.server.endpoint(),
            dead,
            dead_attempts: AtomicUsize::new(0),
            foreign_attempts: AtomicUsize::new(0),
        });
        let stale = Session {
            session_id: "stale".into(),
            sequence: 42,
            resume_url: format!("ws://{DEAD_HOST}"),
        };
        let config = client_config(&env, Compression::ZstdStream)
            .url(MAIN)
            .connector(connector.clone())
            .resume_from(0, stale);
        let attempts = config.limits.resume_attempts;
        let mut gw = Gateway::connect(config).await.unwrap();
        let ready = tokio::time::timeout(Duration::from_secs(3600), until(&mut gw, "READY"))
            .await
            .unwrap_or_else(|_| panic!("{dead:?}: the shard never identified"));
        assert_eq!(ready.seq, 1);
        assert_eq!(
            connector.dead_attempts.load(Ordering::SeqCst),
            attempts as usize,
            "{dead:?}"
        );
        assert_eq!(identifies(&env.server.events()), 1);
        let warned = logs.lines_with(&["WARN", DEAD_HOST, "identifying"]);
        assert_eq!(warned.len(), 1, "{dead:?}:\n{}", logs.text());
        gw.handle().shutdown();
    }
}

#[tokio::test(start_paused = true)]
async fn a_resume_url_on_a_foreign_host_never_receives_the_token() {
    for foreign in [
        "ws://evil.example",
        "ws://gateway.test.evil.example",
        "ws://127.0.0.1:9",
    ] {
        let (logs, _guard) = Logs::capture();
        let env = setup(server_config()).await;
        let connector = Arc::new(Routed {
            live: env.server.endpoint(),
            dead: Dead::Refuses,
            dead_attempts: AtomicUsize::new(0),
            foreign_attempts: AtomicUsize::new(0),
        });
        let config = client_config(&env, Compression::ZstdStream)
            .url(MAIN)
            .connector(connector.clone());
        let mut gw = Gateway::connect(config).await.unwrap();
        until(&mut gw, "READY").await;
        // The emulator's READY names its own resume URL; make the session point elsewhere, as a
        // hostile or broken server could, then drop the connection.
        let mut session = gw.handle().session(0).expect("a session after READY");
        session.resume_url = foreign.to_owned();
        gw.handle().shutdown();
        drop(gw);

        let config = client_config(&env, Compression::ZstdStream)
            .url(MAIN)
            .connector(connector.clone())
            .resume_from(0, session);
        let mut gw = Gateway::connect(config).await.unwrap();
        tokio::time::timeout(Duration::from_secs(3600), until(&mut gw, "RESUMED"))
            .await
            .unwrap_or_else(|_| panic!("{foreign}: the shard did not resume on the main URL"));
        assert_eq!(
            connector.foreign_attempts.load(Ordering::SeqCst),
            0,
            "{foreign}"
        );
        assert_eq!(
            identifies(&env.server.events()),
            1,
            "{foreign}: resumed, not identified"
        );
        let warned = logs.lines_with(&["WARN", "resume URL", "main URL"]);
        assert_eq!(warned.len(), 1, "{foreign}:\n{}", logs.text());
        gw.handle().shutdown();
    }
}
