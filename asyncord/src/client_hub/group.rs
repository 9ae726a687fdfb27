//! [`ClientGroup`]: one bot — its `dispatcher`, `gateway` and `client` (REST), as in the seed's
//! "Client" page — and [`GroupGateway`], the group's view of its gateway, which exists only
//! while the hub runs.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::watch;

use super::config::GroupConfig;
use super::dispatcher::GroupDispatcher;
use super::groups::StopHandle;
use crate::gateway::GatewayHandle;
use crate::rest::RestClient;

/// One bot in a hub: the seed's client group.
///
/// Cheap to clone: clones share everything. `dispatcher` and `client` are usable as soon as
/// the group is created; `gateway` has a handle while the hub runs.
#[derive(Clone)]
pub struct ClientGroup {
    /// The event dispatcher: register handlers and arguments here.
    pub dispatcher: GroupDispatcher,
    /// The REST client of this bot.
    pub client: RestClient,
    /// The gateway of this bot (a [`GatewayHandle`] while the hub runs).
    pub gateway: GroupGateway,
    inner: Arc<GroupInner>,
}

struct GroupInner {
    name: String,
    token: String,
    config: Mutex<GroupConfig>,
    stop: StopHandle,
}

impl fmt::Debug for ClientGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientGroup")
            .field("name", &self.inner.name)
            .field("token", &"<redacted>")
            .field("dispatcher", &self.dispatcher)
            .field("client", &self.client)
            .field("gateway", &self.gateway)
            .finish()
    }
}

impl ClientGroup {
    pub(crate) fn new(name: &str, token: &str, config: GroupConfig, stop: StopHandle) -> Self {
        let token = token.trim();
        let token = token.strip_prefix("Bot ").unwrap_or(token).to_owned();
        let mut rest = RestClient::builder(&token).base_url(config.api_base.clone());
        if let Some(transport) = &config.rest_transport {
            rest = rest.transport(Arc::clone(transport));
        }
        Self {
            dispatcher: GroupDispatcher::new(),
            client: rest.build(),
            gateway: GroupGateway::default(),
            inner: Arc::new(GroupInner {
                name: name.to_owned(),
                token,
                config: Mutex::new(config),
                stop,
            }),
        }
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

    pub(crate) fn token(&self) -> &str {
        &self.inner.token
    }

    /// Whether two values are the same group.
    pub fn same_group(&self, other: &ClientGroup) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }
}

/// A group's gateway: a [`GatewayHandle`] while the hub runs, nothing before or after.
///
/// Cheap to clone; clones see the same state.
#[derive(Clone)]
pub struct GroupGateway {
    handle: Arc<watch::Sender<Option<GatewayHandle>>>,
}

impl Default for GroupGateway {
    fn default() -> Self {
        Self {
            handle: Arc::new(watch::Sender::new(None)),
        }
    }
}

impl fmt::Debug for GroupGateway {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GroupGateway")
            .field("running", &self.is_running())
            .finish()
    }
}

impl GroupGateway {
    /// The handle of the running gateway (`None` before the hub started it and after it
    /// stopped).
    pub fn handle(&self) -> Option<GatewayHandle> {
        self.handle.borrow().clone()
    }

    /// Whether the gateway runs.
    pub fn is_running(&self) -> bool {
        self.handle.borrow().is_some()
    }

    /// Waits until the hub started the gateway and every shard of this process is connected
    /// (identified or resumed), at most `timeout`; returns the handle, or `None` on timeout.
    pub async fn wait_connected(&self, timeout: Duration) -> Option<GatewayHandle> {
        let mut rx = self.handle.subscribe();
        let wait = async {
            loop {
                let current = rx.borrow_and_update().clone();
                if let Some(handle) = current {
                    // Connected, or the group's gateway was replaced or removed meanwhile (the
                    // sender lives in `self`, so `changed` cannot fail here).
                    tokio::select! {
                        () = handle.wait_connected() => return handle,
                        _ = rx.changed() => {}
                    }
                } else if rx.changed().await.is_err() {
                    std::future::pending::<()>().await;
                }
            }
        };
        tokio::time::timeout(timeout, wait).await.ok()
    }

    pub(crate) fn set(&self, handle: Option<GatewayHandle>) {
        self.handle.send_replace(handle);
    }
}
