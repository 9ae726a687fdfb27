//! Collectors: a stream of events of one type with a filter, a timeout and a count, registered
//! like `wait_for` (the dispatcher wants the kind while the stream lives). Paused clock.

use std::borrow::Cow;
use std::time::Duration;

use asyncord::dispatcher::Dispatcher;
use asyncord::gateway::DispatchFrame;
use asyncord::model::gateway::EventKind;
use asyncord::model::gateway::events::MessageCreateEvent;
use futures_util::StreamExt;
use serde_json::json;

fn message(id: u64, channel: u64, content: &str) -> DispatchFrame {
    let d = json!({
        "id": id.to_string(), "channel_id": channel.to_string(),
        "author": {"id": "2", "username": "alice", "discriminator": "0"}, "content": content,
        "timestamp": "2024-01-01T00:00:00+00:00", "tts": false, "mention_everyone": false,
        "mentions": [], "mention_roles": [], "attachments": [], "embeds": [], "pinned": false,
        "type": 0
    });
    DispatchFrame {
        shard_id: 0,
        seq: id,
        kind: Some(EventKind::MessageCreate),
        name: Cow::Borrowed("MESSAGE_CREATE"),
        data: d.to_string().as_str().into(),
    }
}

#[tokio::test(start_paused = true)]
async fn collects_matching_events_up_to_max() {
    let dispatcher = Dispatcher::new();
    assert!(!dispatcher.wants(Some(EventKind::MessageCreate)));
    let stream = dispatcher
        .collect::<MessageCreateEvent>()
        .filter(|m| m.channel_id.get() == 10)
        .timeout(Duration::from_secs(60))
        .max(3);
    assert!(dispatcher.wants(Some(EventKind::MessageCreate)));
    for (id, channel) in [(1, 10), (2, 99), (3, 10), (4, 10), (5, 10), (6, 10)] {
        dispatcher.dispatch(message(id, channel, "x"));
    }
    let got: Vec<u64> = stream.map(|m| m.id.get()).collect().await;
    assert_eq!(got, [1, 3, 4]);
    assert!(
        !dispatcher.wants(Some(EventKind::MessageCreate)),
        "a full collector unregisters"
    );
}

#[tokio::test(start_paused = true)]
async fn the_timeout_ends_the_stream_on_the_paused_clock() {
    let dispatcher = Dispatcher::new();
    let mut stream = dispatcher
        .collect::<MessageCreateEvent>()
        .timeout(Duration::from_secs(30));
    let feeder = dispatcher.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(10)).await;
        feeder.dispatch(message(1, 1, "early"));
        tokio::time::sleep(Duration::from_secs(30)).await;
        feeder.dispatch(message(2, 1, "late"));
    });
    let start = tokio::time::Instant::now();
    assert_eq!(stream.next().await.unwrap().content, "early");
    assert!(stream.next().await.is_none());
    assert_eq!(start.elapsed(), Duration::from_secs(30));
    assert!(stream.next().await.is_none(), "an ended stream stays ended");
    assert!(!dispatcher.wants(Some(EventKind::MessageCreate)));
}

#[tokio::test(start_paused = true)]
async fn dropping_the_stream_unregisters_it() {
    let dispatcher = Dispatcher::new();
    let first = dispatcher.collect::<MessageCreateEvent>();
    let second = dispatcher.collect::<MessageCreateEvent>().max(1);
    drop(first);
    assert!(dispatcher.wants(Some(EventKind::MessageCreate)));
    drop(second);
    assert!(!dispatcher.wants(Some(EventKind::MessageCreate)));
}

#[tokio::test(start_paused = true)]
async fn collectors_and_wait_for_see_the_same_events() {
    let dispatcher = Dispatcher::new();
    let stream = dispatcher.collect::<MessageCreateEvent>().max(2);
    let waiter = dispatcher.clone();
    let waiting = tokio::spawn(async move {
        waiter
            .wait_for::<MessageCreateEvent>(|m| m.content == "b", Duration::from_secs(5))
            .await
    });
    tokio::task::yield_now().await;
    dispatcher.dispatch(message(1, 1, "a"));
    dispatcher.dispatch(message(2, 1, "b"));
    let got: Vec<String> = stream.map(|m| m.content.clone()).collect().await;
    assert_eq!(got, ["a", "b"]);
    assert_eq!(waiting.await.unwrap().unwrap().content, "b");
}

#[tokio::test(start_paused = true)]
async fn an_unread_collector_holds_a_bounded_number_of_events() {
    let dispatcher = Dispatcher::new();
    let stream = dispatcher.collect::<MessageCreateEvent>();
    let n = asyncord::dispatcher::COLLECTOR_BUFFER as u64 + 50;
    for id in 1..=n {
        dispatcher.dispatch(message(id, 1, "x"));
    }
    let got = stream
        .take_until(tokio::time::sleep(Duration::from_secs(1)))
        .count()
        .await;
    assert_eq!(got, asyncord::dispatcher::COLLECTOR_BUFFER);
}
