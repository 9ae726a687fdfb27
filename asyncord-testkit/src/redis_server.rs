//! [`RedisServer`]: a throwaway `redis-server` for tests of code that shares state through Redis
//! (asyncord's `redis` feature): started from `PATH` on a free port of 127.0.0.1, without
//! persistence (`--save '' --appendonly no`), in a directory of its own that goes with it, and
//! killed when dropped. No mock: the real server, so Lua scripts, streams and consumer groups
//! behave as in production.
//!
//! [`RedisServer::start_tls`] also listens with TLS (`rediss://`) on a second port, with the
//! certificate files given ([`RedisServerTls`]), for tests of a bot's TLS settings.
//!
//! Where `redis-server` is not installed, [`RedisServer::start_or_skip`] says so on stderr and
//! returns `None`, so a developer's `cargo test` passes without it; with
//! [`REQUIRE_REDIS_VAR`] set (CI sets it, and installs the server), the absence is a failure.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The environment variable that turns a missing `redis-server` into a test failure (set to
/// anything but `0` or an empty string). `.ci/run` sets it.
pub const REQUIRE_REDIS_VAR: &str = "ASYNCORD_REQUIRE_REDIS";

/// How long a started server may take to answer `PING`.
const READY_WITHIN: Duration = Duration::from_secs(10);

/// Why a Redis server could not be started.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RedisServerError {
    /// `redis-server` is not on `PATH`.
    #[error(
        "redis-server is not installed (not found on PATH); install it (Debian/Ubuntu: \
         apt-get install redis-server)"
    )]
    NotInstalled,
    /// It could not be run, or its directory not be made.
    #[error("redis-server could not be started: {0}")]
    Io(#[from] std::io::Error),
    /// It did not answer `PING` in time.
    #[error("redis-server did not answer PING on {addr} within {within:?}")]
    NotReady {
        /// Where it should listen.
        addr: SocketAddr,
        /// How long it was given.
        within: Duration,
    },
}

/// A running `redis-server` on 127.0.0.1 (see the module docs). Killed when dropped.
#[derive(Debug)]
pub struct RedisServer {
    child: Option<Child>,
    port: u16,
    dir: PathBuf,
    tls: Option<Tls>,
}

/// The TLS listener of a server started with [`RedisServer::start_tls`]: its files (PEM).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RedisServerTls {
    /// The server's certificate; it must name 127.0.0.1.
    pub certificate: PathBuf,
    /// The server certificate's private key.
    pub key: PathBuf,
    /// The certificate of the authority that signed it (and any client certificate).
    pub authority: PathBuf,
    /// Whether clients must present a certificate the authority signed (`tls-auth-clients
    /// yes`); otherwise they may (`optional`).
    pub require_client_certificate: bool,
}

impl RedisServerTls {
    /// A listener with these files; clients need no certificate.
    pub fn new(certificate: &Path, key: &Path, authority: &Path) -> Self {
        Self {
            certificate: certificate.to_owned(),
            key: key.to_owned(),
            authority: authority.to_owned(),
            require_client_certificate: false,
        }
    }

    /// Makes clients present a certificate the authority signed.
    #[must_use]
    pub fn require_client_certificate(mut self) -> Self {
        self.require_client_certificate = true;
        self
    }
}

/// A TLS listener and its port.
#[derive(Clone, Debug)]
struct Tls {
    port: u16,
    files: RedisServerTls,
}

impl RedisServer {
    /// Whether `redis-server` is on `PATH`.
    pub fn is_installed() -> bool {
        Command::new("redis-server")
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    /// Whether the environment asks for the Redis tests to run ([`REQUIRE_REDIS_VAR`]).
    pub fn is_required() -> bool {
        std::env::var(REQUIRE_REDIS_VAR).is_ok_and(|v| !v.is_empty() && v != "0")
    }

    /// Starts a server on a free port of 127.0.0.1 and waits until it answers `PING`.
    ///
    /// # Errors
    /// [`RedisServerError::NotInstalled`] without `redis-server` on `PATH`; otherwise when it
    /// could not be started or did not answer in time.
    pub fn start() -> Result<Self, RedisServerError> {
        Self::start_with(None)
    }

    /// Starts a server as [`RedisServer::start`] does, also listening with TLS on a second free
    /// port ([`RedisServer::tls_url`]) with `tls`'s files.
    ///
    /// # Errors
    /// As [`RedisServer::start`].
    pub fn start_tls(tls: &RedisServerTls) -> Result<Self, RedisServerError> {
        Self::start_with(Some(tls))
    }

    fn start_with(tls: Option<&RedisServerTls>) -> Result<Self, RedisServerError> {
        if !Self::is_installed() {
            return Err(RedisServerError::NotInstalled);
        }
        let mut last = None;
        // A free port can be taken between finding it and the server binding it: try again.
        for _ in 0..3 {
            let port = free_port()?;
            let dir = std::env::temp_dir().join(format!(
                "asyncord-redis-{}-{port}-{}",
                std::process::id(),
                nanos()
            ));
            std::fs::create_dir_all(&dir)?;
            let tls = match tls {
                Some(files) => Some(Tls {
                    port: free_port()?,
                    files: files.clone(),
                }),
                None => None,
            };
            let mut server = Self {
                child: None,
                port,
                dir,
                tls,
            };
            match server.launch() {
                Ok(()) => return Ok(server),
                Err(e) => last = Some(e),
            }
        }
        Err(last.unwrap_or(RedisServerError::NotReady {
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            within: READY_WITHIN,
        }))
    }

    /// [`RedisServer::start`] for a test: where `redis-server` is not installed, prints why the
    /// test `name` is skipped and returns `None` — unless [`REQUIRE_REDIS_VAR`] is set.
    ///
    /// # Panics
    /// When the server is installed but cannot be started, or is missing while required.
    pub fn start_or_skip(name: &str) -> Option<Self> {
        match Self::start() {
            Ok(server) => Some(server),
            Err(RedisServerError::NotInstalled) if !Self::is_required() => {
                eprintln!(
                    "SKIPPED {name}: redis-server is not installed (not found on PATH). Install \
                     it to run the Redis tests (Debian/Ubuntu: apt-get install redis-server); \
                     set {REQUIRE_REDIS_VAR}=1 to make its absence fail, as CI does."
                );
                None
            }
            Err(e) => panic!("{name}: {e}"),
        }
    }

    /// The URL to connect to (`redis://127.0.0.1:PORT/`).
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/", self.port)
    }

    /// The URL of its TLS listener (`rediss://127.0.0.1:PORT/`), for a server started with
    /// [`RedisServer::start_tls`].
    pub fn tls_url(&self) -> Option<String> {
        self.tls
            .as_ref()
            .map(|tls| format!("rediss://127.0.0.1:{}/", tls.port))
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Whether the server process is running.
    pub fn is_running(&self) -> bool {
        self.child.is_some()
    }

    /// Kills the server (SIGKILL: everything it held is gone, as after a crash). Its port stays
    /// reserved for [`RedisServer::restart`] in the sense that nothing of this process takes it.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts the server again on the same port (after [`RedisServer::kill`]; kills it first
    /// otherwise), empty, and waits until it answers `PING`.
    ///
    /// # Errors
    /// When it could not be started or did not answer in time (another program may have taken
    /// the port meanwhile).
    pub fn restart(&mut self) -> Result<(), RedisServerError> {
        self.kill();
        self.launch()
    }

    fn launch(&mut self) -> Result<(), RedisServerError> {
        let mut command = Command::new("redis-server");
        if let Some(tls) = &self.tls {
            let clients = if tls.files.require_client_certificate {
                "yes"
            } else {
                "optional"
            };
            command
                .args(["--tls-port", &tls.port.to_string()])
                .arg("--tls-cert-file")
                .arg(&tls.files.certificate)
                .arg("--tls-key-file")
                .arg(&tls.files.key)
                .arg("--tls-ca-cert-file")
                .arg(&tls.files.authority)
                .args(["--tls-auth-clients", clients]);
        }
        let mut child = command
            .args(["--port", &self.port.to_string()])
            .args(["--bind", "127.0.0.1"])
            .args(["--save", ""])
            .args(["--appendonly", "no"])
            .arg("--dir")
            .arg(&self.dir)
            .args(["--loglevel", "warning"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, self.port));
        let deadline = Instant::now() + READY_WITHIN;
        while Instant::now() < deadline {
            if let Ok(Some(_)) = child.try_wait() {
                // It exited (the port was taken, most likely).
                break;
            }
            if ping(addr) {
                self.child = Some(child);
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = child.kill();
        let _ = child.wait();
        Err(RedisServerError::NotReady {
            addr,
            within: READY_WITHIN,
        })
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.kill();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Whether a server at `addr` answers `PING` with `+PONG`.
fn ping(addr: SocketAddr) -> bool {
    let Ok(mut stream) = TcpStream::connect_timeout(&addr, Duration::from_millis(200)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    if stream.write_all(b"PING\r\n").is_err() {
        return false;
    }
    let mut reply = [0_u8; 7];
    stream.read_exact(&mut reply).is_ok() && &reply == b"+PONG\r\n"
}

fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?
        .local_addr()?
        .port())
}

fn nanos() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_answers_restarts_and_goes_away() {
        let Some(mut server) = RedisServer::start_or_skip("starts_answers_restarts_and_goes_away")
        else {
            return;
        };
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, server.port()));
        assert!(ping(addr));
        assert!(server.url().starts_with("redis://127.0.0.1:"));
        server.kill();
        assert!(!ping(addr), "killed");
        server.restart().unwrap();
        assert!(ping(addr), "restarted on the same port");
        let dir = server.dir.clone();
        drop(server);
        assert!(!ping(addr), "dropped");
        assert!(!dir.exists(), "its directory is removed");
    }
}
