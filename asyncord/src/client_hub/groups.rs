//! [`ClientGroups`]: every group of a hub by name — the default handler argument
//! `client_groups`, through which a handler of one bot acts through another.
//!
//! It holds the groups weakly: each group's dispatcher holds `client_groups` as an argument, so
//! a strong hold would make every group keep itself alive. The hub and your own `ClientGroup`
//! values keep the groups; `client_groups` finds them while they exist.

use std::fmt;
use std::sync::{Arc, PoisonError, RwLock};

use super::group::{ClientGroup, WeakGroup};
use super::stop::StopHandle;

/// Every client group of a hub, by name: the default argument `client_groups`.
///
/// Cheap to clone; clones see groups created later too.
///
/// ```ignore
/// #[handler]
/// async fn relay(event: MessageCreateEvent, client_groups: ClientGroups) -> HandlerResult {
///     if let Some(other) = client_groups.get("MyBot2") {
///         other.client.channels.messages(event.channel_id).create(CreateMessage::content("hi")).await?;
///     }
///     Ok(())
/// }
/// ```
#[derive(Clone, Default)]
pub struct ClientGroups {
    inner: Arc<GroupsInner>,
}

#[derive(Default)]
struct GroupsInner {
    groups: RwLock<Vec<WeakGroup>>,
    stop: StopHandle,
}

impl fmt::Debug for ClientGroups {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.names()).finish()
    }
}

impl ClientGroups {
    /// The group called `name`.
    pub fn get(&self, name: &str) -> Option<ClientGroup> {
        self.read(|groups| groups.iter().find(|g| g.name() == name)?.upgrade())
    }

    /// Whether a group is called `name`.
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The groups' names, in creation order.
    pub fn names(&self) -> Vec<String> {
        self.all().iter().map(|g| g.name().to_owned()).collect()
    }

    /// Every group, in creation order.
    pub fn all(&self) -> Vec<ClientGroup> {
        self.read(|groups| groups.iter().filter_map(WeakGroup::upgrade).collect())
    }

    /// How many groups there are.
    pub fn len(&self) -> usize {
        self.all().len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The hub's stop handle (a handler can stop the whole hub with
    /// `client_groups.stop_handle().stop()`).
    pub fn stop_handle(&self) -> &StopHandle {
        &self.inner.stop
    }

    fn read<R>(&self, f: impl FnOnce(&[WeakGroup]) -> R) -> R {
        f(&self
            .inner
            .groups
            .read()
            .unwrap_or_else(PoisonError::into_inner))
    }

    /// Adds a group unless the name is taken by a live group; returns whether it was added.
    pub(crate) fn insert(&self, group: &ClientGroup) -> bool {
        let mut groups = self
            .inner
            .groups
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        groups.retain(WeakGroup::is_alive);
        if groups.iter().any(|g| g.name() == group.name()) {
            return false;
        }
        groups.push(group.downgrade());
        true
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};

    use super::*;
    use crate::ClientHub;

    /// Sets its flag when the last clone is dropped.
    struct Probe(Arc<AtomicBool>);

    impl Drop for Probe {
        fn drop(&mut self) {
            self.0.store(true, Ordering::SeqCst);
        }
    }

    #[test]
    fn groups_are_freed_with_the_hub_though_their_dispatchers_hold_client_groups() {
        let freed = Arc::new(AtomicBool::new(false));
        let mut hub = ClientHub::new();
        let group = hub.create_client_group("a", "token").unwrap();
        group
            .dispatcher
            .add_argument("probe", Arc::new(Probe(freed.clone())));
        let groups = hub.client_groups().clone();
        assert!(groups.get("a").is_some_and(|g| g.same_group(&group)));
        assert_eq!(groups.names(), ["a"]);

        drop(group);
        assert!(!freed.load(Ordering::SeqCst), "the hub keeps its groups");
        drop(hub);
        assert!(
            freed.load(Ordering::SeqCst),
            "the group (its dispatcher and arguments) was freed"
        );
        assert!(groups.get("a").is_none() && groups.is_empty());
    }
}
