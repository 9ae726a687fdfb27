//! [`ClientGroup`]: one bot — its `dispatcher`, `gateway` and `client` (REST), as in the seed's
//! "Client" page. All three exist from the group's creation: the gateway handle is connected
//! when the hub starts, and registered as the `gateway` handler argument at once.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError, Weak};

use super::config::GroupConfig;
use super::stop::StopHandle;
use crate::Token;
use crate::cache::{Cache, CacheConfig};
use crate::dispatcher::Dispatcher;
use crate::gateway::GatewayHandle;
use crate::http::InvalidRequestLimiter;
use crate::rest::RestClient;

/// The names under which a group registers its default arguments.
pub(crate) const CLIENT: &str = "client";
pub(crate) const GATEWAY: &str = "gateway";
pub(crate) const CLIENT_GROUPS: &str = "client_groups";

/// One bot in a hub: the seed's client group.
///
/// Cheap to clone: clones share everything. `dispatcher`, `client` and `gateway` are usable as
/// soon as the group is created; the gateway's commands fail with
/// [`GatewayError::NotConnected`](crate::gateway::GatewayError::NotConnected) until the hub
/// connects it (wait for that with
/// [`GatewayHandle::wait_connected`](crate::gateway::GatewayHandle::wait_connected)).
#[derive(Clone)]
pub struct ClientGroup {
    /// The event dispatcher: register handlers and arguments here.
    pub dispatcher: Dispatcher,
    /// The REST client of this bot.
    pub client: RestClient,
    /// The gateway of this bot: connected while the hub runs.
    pub gateway: GatewayHandle,
    inner: Arc<GroupInner>,
}

struct GroupInner {
    name: String,
    token: Token,
    config: Mutex<GroupConfig>,
    stop: StopHandle,
    /// The public parts again, so that a [`WeakGroup`] can give the whole group back.
    dispatcher: Dispatcher,
    client: RestClient,
    gateway: GatewayHandle,
    /// Where the group's interactions endpoint listens while the hub runs it.
    #[cfg(feature = "http-interactions")]
    interactions_addr: Mutex<Option<std::net::SocketAddr>>,
}

impl fmt::Debug for ClientGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientGroup")
            .field("name", &self.inner.name)
            .field("token", &self.inner.token)
            .field("dispatcher", &self.dispatcher)
            .field("client", &self.client)
            .field("gateway", &self.gateway)
            .finish()
    }
}

impl ClientGroup {
    /// A group with its REST client, its gateway handle (not connected), and its dispatcher
    /// holding the default arguments `client` and `gateway`. `invalid_requests` is the
    /// invalid-request budget the REST client shares with the hub's other groups (Cloudflare
    /// counts per IP).
    pub(crate) fn new(
        name: &str,
        token: Token,
        config: GroupConfig,
        stop: StopHandle,
        invalid_requests: Option<&Arc<InvalidRequestLimiter>>,
    ) -> Self {
        let mut rest = RestClient::builder(token.clone()).base_url(config.api_base.clone());
        if let Some(transport) = &config.rest_transport {
            rest = rest.transport(Arc::clone(transport));
        }
        if let Some(limiter) = invalid_requests {
            rest = rest.invalid_request_limiter(Arc::clone(limiter));
        }
        #[cfg(feature = "redis")]
        if let Some(scale) = &config.redis {
            match scale.link() {
                Ok(link) => {
                    let namespace = scale
                        .namespace
                        .clone()
                        .unwrap_or_else(|| crate::redis::Namespace::for_token(&token));
                    rest =
                        rest.rate_limiter(Arc::new(crate::redis::RedisRateLimiter::with_config(
                            link,
                            &namespace,
                            scale.rest.clone(),
                        )));
                }
                // The group fails with this error when the hub starts.
                Err(e) => {
                    tracing::error!(group = name, error = %e, "the group's Redis URL is invalid");
                }
            }
        }
        let client = rest.build();
        let gateway = GatewayHandle::new();
        let dispatcher = Dispatcher::new();
        dispatcher.add_argument(CLIENT, client.clone());
        dispatcher.add_argument(GATEWAY, gateway.clone());
        let inner = Arc::new(GroupInner {
            name: name.to_owned(),
            token,
            config: Mutex::new(config),
            stop,
            dispatcher: dispatcher.clone(),
            client: client.clone(),
            gateway: gateway.clone(),
            #[cfg(feature = "http-interactions")]
            interactions_addr: Mutex::new(None),
        });
        Self {
            dispatcher,
            client,
            gateway,
            inner,
        }
    }

    /// Turns on the cache for this bot: it follows the group's gateway events (before the
    /// handlers run) and becomes the `cache` handler argument. Returns it for use outside
    /// handlers. Calling it again replaces the cache.
    pub fn enable_cache(&self, config: CacheConfig) -> Cache {
        let cache = Cache::new(config);
        cache.attach(&self.dispatcher);
        cache
    }

    /// The group's name.
    pub fn name(&self) -> &str {
        &self.inner.name
    }

    /// A copy of the group's configuration.
    pub fn config(&self) -> GroupConfig {
        self.inner
            .config
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Changes the group's configuration; takes effect at the next `start()`.
    ///
    /// ```ignore
    /// group.configure(|c| c.add_intents(Intents::MESSAGE_CONTENT));
    /// ```
    ///
    /// The REST settings (`api_base`, `rest_transport`) were used when the group was created;
    /// pass them to [`ClientHub::create_client_group_with`](super::ClientHub::create_client_group_with)
    /// instead (changing them here is ignored, with a warning).
    pub fn configure(&self, change: impl FnOnce(GroupConfig) -> GroupConfig) -> &Self {
        let mut guard = self
            .inner
            .config
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let before = guard.api_base.clone();
        let had_transport = guard.rest_transport.is_some();
        let after = change(guard.clone());
        if after.api_base != before || after.rest_transport.is_some() != had_transport {
            tracing::warn!(
                group = %self.inner.name,
                "configure() cannot change the REST settings of an existing group; pass them to \
                 create_client_group_with"
            );
        }
        *guard = after;
        self
    }

    /// The stop handle of the hub this group belongs to: it stops every group of that hub
    /// (the same as `client_groups.stop_handle()` in a handler). Useful in a setup that spawns
    /// a task which decides when the bot ends.
    pub fn stop_handle(&self) -> &StopHandle {
        &self.inner.stop
    }

    /// Where the group's interactions endpoint
    /// ([`GroupConfig::http_interactions`](super::GroupConfig::http_interactions)) listens,
    /// once the hub started it (the port chosen, when its address asked for port 0); `None`
    /// before and after.
    #[cfg(feature = "http-interactions")]
    pub fn interactions_addr(&self) -> Option<std::net::SocketAddr> {
        *self
            .inner
            .interactions_addr
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    #[cfg(feature = "http-interactions")]
    pub(crate) fn set_interactions_addr(&self, addr: Option<std::net::SocketAddr>) {
        *self
            .inner
            .interactions_addr
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = addr;
    }

    pub(crate) fn token(&self) -> &Token {
        &self.inner.token
    }

    /// Whether two values are the same group.
    pub fn same_group(&self, other: &ClientGroup) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }

    /// A reference that does not keep the group alive.
    pub(crate) fn downgrade(&self) -> WeakGroup {
        WeakGroup {
            name: Arc::from(self.inner.name.as_str()),
            inner: Arc::downgrade(&self.inner),
        }
    }
}

/// A group held without keeping it alive (what [`ClientGroups`](super::ClientGroups) holds).
pub(crate) struct WeakGroup {
    name: Arc<str>,
    inner: Weak<GroupInner>,
}

impl WeakGroup {
    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    pub(crate) fn is_alive(&self) -> bool {
        self.inner.strong_count() > 0
    }

    /// The group, if something still keeps it.
    pub(crate) fn upgrade(&self) -> Option<ClientGroup> {
        let inner = self.inner.upgrade()?;
        Some(ClientGroup {
            dispatcher: inner.dispatcher.clone(),
            client: inner.client.clone(),
            gateway: inner.gateway.clone(),
            inner,
        })
    }
}
