//! [`OriginPolicy`]: which `Host` and `Origin` headers the emulator's sockets accept.
//!
//! The emulator prints fixed bot tokens and listens on 127.0.0.1, so a web page open in a
//! browser on the same machine could reach it: through DNS rebinding (a name the attacker
//! controls resolving to 127.0.0.1, so the browser sends `Host: attacker.example`) or a
//! cross-site request or WebSocket (the browser sends `Origin: https://attacker.example`).
//! Non-browser clients (bots, `curl`) send no `Origin` and a `Host` naming the address they
//! connected to. So every request that arrives over a socket — REST calls, `GET /gateway/bot`
//! and WebSocket upgrades, on the front port and on each side's own port — must name a loopback
//! host (`127.0.0.1`, any `127.x.y.z`, `localhost`, `[::1]`, with any port) and carry either no
//! `Origin` or a loopback one (`http://localhost:3000`); anything else is answered
//! `403 Forbidden` with a JSON body saying why. In-memory connections are not checked (no
//! browser can reach them). People who put the emulator behind a proxy allow the names it uses
//! with [`OriginPolicy::allow_host`] and [`OriginPolicy::allow_origin`].

use std::net::IpAddr;

use http::HeaderMap;
use serde_json::json;

/// Which `Host` and `Origin` headers requests over a socket may carry (see the module docs):
/// loopback ones, plus the ones allowed here. `"*"` allows any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OriginPolicy {
    /// Host names allowed besides loopback ones, compared without case; a name without a port
    /// allows it with any port (`"emulator.internal"` allows `emulator.internal:8080`), one
    /// with a port only that port. `"*"`: any host.
    pub hosts: Vec<String>,
    /// Origins allowed besides loopback ones (`"https://proxy.example"`, compared without case
    /// and without a trailing `/`). `"*"`: any origin, including `null`.
    pub origins: Vec<String>,
}

impl OriginPolicy {
    /// Loopback hosts and origins only (the default).
    pub fn loopback() -> Self {
        Self::default()
    }

    /// Also allows this host name (see [`OriginPolicy::hosts`]).
    #[must_use]
    pub fn allow_host(mut self, host: impl Into<String>) -> Self {
        self.hosts.push(host.into());
        self
    }

    /// Also allows this origin (see [`OriginPolicy::origins`]).
    #[must_use]
    pub fn allow_origin(mut self, origin: impl Into<String>) -> Self {
        self.origins.push(origin.into());
        self
    }

    /// Checks a request's headers; `Err` says why it is refused.
    pub(crate) fn check(&self, headers: &HeaderMap) -> Result<(), String> {
        for host in headers.get_all(http::header::HOST) {
            let Ok(host) = host.to_str() else {
                return Err("the Host header is not text".to_owned());
            };
            if !self.host_allowed(host) {
                return Err(format!(
                    "Host {host:?} is not a loopback address; the emulator only answers \
                     requests for 127.0.0.1, localhost or [::1] unless the host is allowed \
                     (OriginPolicy::allow_host, --allow-host)"
                ));
            }
        }
        for origin in headers.get_all(http::header::ORIGIN) {
            let Ok(origin) = origin.to_str() else {
                return Err("the Origin header is not text".to_owned());
            };
            if !self.origin_allowed(origin) {
                return Err(format!(
                    "Origin {origin:?} is not a loopback origin; the emulator refuses \
                     requests from web pages unless the origin is allowed \
                     (OriginPolicy::allow_origin, --allow-origin)"
                ));
            }
        }
        Ok(())
    }

    fn host_allowed(&self, host: &str) -> bool {
        let host = host.trim();
        if is_loopback_authority(host) {
            return true;
        }
        let name = strip_port(host);
        self.hosts.iter().any(|allowed| {
            allowed == "*"
                || allowed.eq_ignore_ascii_case(host)
                || (strip_port(allowed) == allowed && allowed.eq_ignore_ascii_case(name))
        })
    }

    fn origin_allowed(&self, origin: &str) -> bool {
        let origin = origin.trim().trim_end_matches('/');
        if let Some((scheme, authority)) = origin.split_once("://")
            && matches!(
                scheme.to_ascii_lowercase().as_str(),
                "http" | "https" | "ws" | "wss"
            )
            && is_loopback_authority(authority)
        {
            return true;
        }
        self.origins.iter().any(|allowed| {
            allowed == "*" || allowed.trim_end_matches('/').eq_ignore_ascii_case(origin)
        })
    }
}

/// `host[:port]` without its port (`[::1]:80` → `[::1]`, `a:80` → `a`, `a` → `a`).
fn strip_port(authority: &str) -> &str {
    if let Some(rest) = authority.strip_prefix('[') {
        return rest
            .split_once(']')
            .map_or(authority, |(ip, _)| &authority[..ip.len() + 2]);
    }
    match authority.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => authority,
    }
}

/// Whether `host[:port]` names the loopback interface: `localhost`, an IPv4 address in
/// 127.0.0.0/8 or `[::1]`, with any port.
fn is_loopback_authority(authority: &str) -> bool {
    let name = strip_port(authority);
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let ip = name
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .unwrap_or(name);
    ip.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The `403 Forbidden` answered to a refused request, in Discord's error shape; the connection
/// is closed after it.
pub(crate) fn forbidden(reason: &str) -> http::Response<bytes::Bytes> {
    let body = json!({"message": format!("403: Forbidden ({reason})"), "code": 0});
    let mut response = http::Response::new(bytes::Bytes::from(body.to_string()));
    *response.status_mut() = http::StatusCode::FORBIDDEN;
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    response.headers_mut().insert(
        http::header::CONNECTION,
        http::HeaderValue::from_static("close"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(
                http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                http::HeaderValue::from_str(v).unwrap(),
            );
        }
        h
    }

    #[test]
    fn loopback_hosts_with_any_port_pass_others_do_not() {
        let p = OriginPolicy::loopback();
        for host in [
            "127.0.0.1",
            "127.0.0.1:7878",
            "127.1.2.3:1",
            "localhost",
            "LOCALHOST:80",
            "[::1]",
            "[::1]:7878",
        ] {
            assert!(p.check(&headers(&[("host", host)])).is_ok(), "{host}");
        }
        for host in [
            "attacker.example",
            "attacker.example:7878",
            "localhost.attacker.example",
            "10.0.0.1:7878",
            "[::2]:7878",
            "0.0.0.0",
            "",
        ] {
            assert!(p.check(&headers(&[("host", host)])).is_err(), "{host}");
        }
        assert!(p.check(&HeaderMap::new()).is_ok(), "no Host: not a browser");
    }

    #[test]
    fn only_absent_or_loopback_origins_pass() {
        let p = OriginPolicy::loopback();
        let host = ("host", "127.0.0.1:7878");
        for origin in [
            "http://localhost:3000",
            "http://127.0.0.1:7878",
            "https://[::1]",
        ] {
            assert!(p.check(&headers(&[host, ("origin", origin)])).is_ok());
        }
        for origin in [
            "https://attacker.example",
            "null",
            "file://",
            "http://localhost.attacker.example",
        ] {
            assert!(
                p.check(&headers(&[host, ("origin", origin)])).is_err(),
                "{origin}"
            );
        }
    }

    #[test]
    fn allowed_hosts_and_origins_pass() {
        let p = OriginPolicy::loopback()
            .allow_host("emulator.internal")
            .allow_host("proxy.example:8443")
            .allow_origin("https://app.example/");
        assert!(
            p.check(&headers(&[("host", "emulator.internal:80")]))
                .is_ok()
        );
        assert!(p.check(&headers(&[("host", "proxy.example:8443")])).is_ok());
        assert!(p.check(&headers(&[("host", "proxy.example:1")])).is_err());
        assert!(
            p.check(&headers(&[("origin", "https://app.example")]))
                .is_ok()
        );
        let any = OriginPolicy::loopback().allow_host("*").allow_origin("*");
        assert!(
            any.check(&headers(&[("host", "x.example"), ("origin", "null")]))
                .is_ok()
        );
    }
}
