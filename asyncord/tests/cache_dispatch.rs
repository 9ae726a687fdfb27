//! The cache inside the dispatcher: it is fed the events it needs even without handlers for
//! them, without asking for intents, and before handlers run, so a handler sees its own event
//! in the cache; a message is kept as received, so its handler owns the parsed event.

use std::borrow::Cow;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use asyncord::cache::{Cache, CacheConfig};
use asyncord::dispatcher::{Dispatcher, HandlerResult, handler};
use asyncord::gateway::DispatchFrame;
use asyncord::model::gateway::EventKind;
use asyncord::model::gateway::events::{MessageCreateEvent, MessageDeleteEvent};
use asyncord::model::{ChannelId, Intents, MessageId};
use serde_json::json;
use tokio::sync::mpsc;

fn frame(kind: EventKind, d: &serde_json::Value) -> DispatchFrame {
    DispatchFrame {
        shard_id: 0,
        seq: 1,
        kind: Some(kind),
        name: Cow::Borrowed(kind.name()),
        data: d.to_string().as_str().into(),
    }
}

fn message(id: u64, content: &str) -> serde_json::Value {
    json!({
        "id": id.to_string(), "channel_id": "10", "author": {"id": "2", "username": "alice",
        "discriminator": "0"}, "content": content, "timestamp": "2024-01-01T00:00:00+00:00",
        "tts": false, "mention_everyone": false, "mentions": [], "mention_roles": [],
        "attachments": [], "embeds": [], "pinned": false, "type": 0
    })
}

#[test]
fn the_cache_wants_its_events_without_asking_for_intents() {
    let dispatcher = Dispatcher::new();
    assert!(!dispatcher.wants(Some(EventKind::GuildCreate)));
    let cache = Cache::new(CacheConfig::default());
    cache.attach(&dispatcher);
    for kind in [
        EventKind::GuildCreate,
        EventKind::GuildMemberAdd,
        EventKind::MessageCreate,
        EventKind::ChannelUpdate,
        EventKind::Ready,
    ] {
        assert!(dispatcher.wants(Some(kind)), "{kind:?}");
    }
    assert!(!dispatcher.wants(Some(EventKind::TypingStart)));
    assert!(
        !dispatcher.wants(Some(EventKind::PresenceUpdate)),
        "presences are off by default"
    );
    assert!(dispatcher.wanted_events().is_empty());
    assert_eq!(dispatcher.required_intents(), Intents::empty());
    dispatcher.check_intents(Intents::empty()).unwrap();
}

#[tokio::test(start_paused = true)]
async fn events_without_handlers_still_reach_the_cache() {
    let dispatcher = Dispatcher::new();
    let cache = Cache::new(CacheConfig::default());
    cache.attach(&dispatcher);
    assert_eq!(
        dispatcher.dispatch(frame(EventKind::MessageCreate, &message(5, "hi"))),
        0
    );
    assert_eq!(
        cache
            .message(ChannelId::new(10), MessageId::new(5))
            .unwrap()
            .content,
        "hi"
    );
}

#[handler]
async fn sees_itself(
    event: MessageCreateEvent,
    cache: Cache,
    seen: mpsc::UnboundedSender<bool>,
) -> HandlerResult {
    let cached = cache.message(event.channel_id, event.id);
    let _ = seen.send(cached.is_some_and(|m| m.content == event.content));
    Ok(())
}

#[handler]
async fn reads_the_deleted(
    event: MessageDeleteEvent,
    cache: Cache,
    deleted: mpsc::UnboundedSender<Option<String>>,
) -> HandlerResult {
    assert!(cache.message(event.channel_id, event.id).is_none());
    let before = cache
        .deleted_message(event.channel_id, event.id)
        .map(|m| m.content.clone());
    let _ = deleted.send(before);
    Ok(())
}

#[tokio::test(start_paused = true)]
async fn handlers_see_the_state_including_their_own_event() {
    let dispatcher = Dispatcher::new();
    let cache = Cache::new(CacheConfig::default());
    cache.attach(&dispatcher);
    let (seen_tx, mut seen) = mpsc::unbounded_channel();
    let (deleted_tx, mut deleted) = mpsc::unbounded_channel();
    dispatcher.add_argument("seen", seen_tx);
    dispatcher.add_argument("deleted", deleted_tx);
    dispatcher.add_handler(sees_itself);
    dispatcher.add_handler(reads_the_deleted);
    dispatcher.check_arguments().unwrap();

    for id in 1..=20 {
        dispatcher.dispatch(frame(
            EventKind::MessageCreate,
            &message(id, &format!("m{id}")),
        ));
    }
    for _ in 0..20 {
        let ok = tokio::time::timeout(Duration::from_secs(5), seen.recv())
            .await
            .unwrap();
        assert_eq!(ok, Some(true));
    }
    dispatcher.dispatch(frame(
        EventKind::MessageDelete,
        &json!({"id": "7", "channel_id": "10"}),
    ));
    let before = tokio::time::timeout(Duration::from_secs(5), deleted.recv())
        .await
        .unwrap();
    assert_eq!(before, Some(Some("m7".to_owned())));
}

#[tokio::test(start_paused = true)]
async fn a_message_is_cached_as_received_so_its_handler_owns_the_parsed_event() {
    let dispatcher = Dispatcher::new();
    let cache = Cache::new(CacheConfig::default());
    cache.attach(&dispatcher);
    let unique = Arc::new(AtomicUsize::new(0));
    let (tx, mut rx) = mpsc::unbounded_channel();
    let counter = Arc::clone(&unique);
    let cache2 = cache.clone();
    dispatcher.add_handler_for::<MessageCreateEvent, _>(move |event, ctx| {
        let cache = cache2.clone();
        let counter = Arc::clone(&counter);
        let tx = tx.clone();
        async move {
            // Once the handler's context is gone, nobody else holds the event: the cache kept
            // the received bytes, so a handler taking its event by value moves it, no clone.
            drop(ctx);
            if Arc::strong_count(&event) == 1 {
                counter.fetch_add(1, Ordering::SeqCst);
            }
            // Read back from the cache (parsed on this first read), it is the same message.
            let cached = cache.message(event.channel_id, event.id).unwrap();
            let again = cache.message(event.channel_id, event.id).unwrap();
            assert_eq!(*cached, event.0);
            assert!(
                std::ptr::eq(std::ptr::from_ref(&*cached), std::ptr::from_ref(&*again)),
                "parsed once, on the first read"
            );
            let _ = tx.send(());
            HandlerResult::Ok(())
        }
    });
    dispatcher.dispatch(frame(EventKind::MessageCreate, &message(1, "x")));
    tokio::time::timeout(Duration::from_secs(5), rx.recv())
        .await
        .unwrap();
    assert_eq!(unique.load(Ordering::SeqCst), 1);
}
