//! One malformed element of a large event's collection is left out and reported; the event and
//! every other element survive (see `asyncord_model::lenient`).
//!
//! Starts from the live `GUILD_CREATE` captures, breaks one element of each collection (a
//! field given a value of the wrong type), and checks the event through every parse function
//! (which read collections strictly first and again leniently when an element fails) and the
//! direct serde path (lenient from the start): the other elements are all there, `skipped` names each broken element,
//! and a warning names the event, the collection, the index and serde's message.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use asyncord_model::gateway::{
    Event, GatewayEvent, GuildCreateEvent, GuildMembersChunkEvent, LARGE_DOCUMENT, ParseBuffers,
    ReadyEvent, ThreadListSyncEvent,
};
use asyncord_model::lenient::{SkippedElement, WARNINGS_PER_COLLECTION};
use serde_json::{Value, json};

fn captured_guild_creates() -> Vec<Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "../testdata/discord-api/payloads/captured-accord-jl/accordjl-gateway_guild_create.json",
    );
    let frames: Vec<Value> = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    frames.into_iter().map(|f| f["d"].clone()).collect()
}

/// A value no field of these objects accepts where `key` is.
fn break_element(element: &mut Value, key: &str) {
    element[key] = json!([[1]]);
}

/// How many ways [`parse_all_ways`] parses: one warning per way for each broken element.
const WAYS: usize = 6;

/// Parses `d` of `name` every way a bot can: serde_json, the model's JSON reader (with and
/// without kept buffers, on its own and after a long run of whitespace), the model's lenient
/// `from_slice`, and the event type directly with serde_json.
fn parse_all_ways<T: GatewayEvent + Clone>(name: &str, d: &Value) -> Vec<T> {
    let text = d.to_string();
    let json = Event::from_json_str(name, &text).unwrap();
    let read = Event::from_slice(name, text.as_bytes()).unwrap();
    let mut buffers = ParseBuffers::new();
    let kept = Event::from_slice_with_buffers(name, text.as_bytes(), &mut buffers).unwrap();
    let mut padded = " ".repeat(LARGE_DOCUMENT).into_bytes();
    padded.extend_from_slice(text.as_bytes());
    let large = Event::from_slice_with_buffers(name, &padded, &mut buffers).unwrap();
    let model: T = asyncord_model::lenient::from_slice(text.as_bytes()).unwrap();
    let direct: T = serde_json::from_str(&text).unwrap();
    let ways = vec![
        T::from_event(&json).unwrap().clone(),
        T::from_event(&read).unwrap().clone(),
        T::from_event(&kept).unwrap().clone(),
        T::from_event(&large).unwrap().clone(),
        model,
        direct,
    ];
    assert_eq!(ways.len(), WAYS);
    ways
}

/// Captures what the library logs while `f` runs.
fn logs_of(f: impl FnOnce()) -> String {
    #[derive(Clone, Default)]
    struct Buffer(Arc<Mutex<Vec<u8>>>);
    impl Write for Buffer {
        fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .extend_from_slice(data);
            Ok(data.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let buffer = Buffer::default();
    let writer = buffer.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    tracing::subscriber::with_default(subscriber, f);
    let bytes = buffer
        .0
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    String::from_utf8(bytes).unwrap()
}

fn at(skipped: &[SkippedElement]) -> Vec<(&'static str, usize)> {
    skipped.iter().map(|s| (s.collection, s.index)).collect()
}

#[test]
fn a_bad_element_of_each_guild_create_collection_costs_only_itself() {
    let captures = captured_guild_creates();
    // (capture, collection, index, key to break)
    let cases = [
        (1, "channels", 3, "id"),
        (1, "members", 1, "user"),
        (1, "roles", 0, "id"),
        (1, "voice_states", 0, "user_id"),
        (1, "threads", 0, "id"),
        (1, "soundboard_sounds", 2, "sound_id"),
        (0, "stickers", 0, "id"),
        (0, "emojis", 0, "id"),
    ];
    for (capture, collection, index, key) in cases {
        let original = &captures[capture];
        let mut d = original.clone();
        break_element(&mut d[collection][index], key);
        let before = original[collection].as_array().unwrap().len();
        let mut logged = String::new();
        let events = {
            let mut events = Vec::new();
            logged.push_str(&logs_of(|| {
                events = parse_all_ways::<GuildCreateEvent>("GUILD_CREATE", &d);
            }));
            events
        };
        let intact = serde_json::from_value::<GuildCreateEvent>(original.clone()).unwrap();
        for event in events {
            assert_eq!(at(&event.skipped), [(collection, index)], "{collection}");
            assert!(
                event.skipped[0].error.contains("invalid type"),
                "{:?}",
                event.skipped[0]
            );
            // every other element is there, in order, equal to the unbroken parse
            let kept = serde_json::to_value(&event.guild).unwrap()[collection].clone();
            let mut expected = serde_json::to_value(&intact.guild).unwrap()[collection].clone();
            expected.as_array_mut().unwrap().remove(index);
            assert_eq!(kept.as_array().unwrap().len(), before - 1, "{collection}");
            assert_eq!(kept, expected, "{collection}");
            // the rest of the guild too
            assert_eq!(event.id, intact.id);
            assert_eq!(
                event.roles.len() + usize::from(collection == "roles"),
                intact.roles.len()
            );
        }
        for part in [
            "WARN",
            "event=\"GUILD_CREATE\"",
            &format!("collection=\"{collection}\""),
            &format!("index={index}"),
            "invalid type",
        ] {
            assert!(
                logged.contains(part),
                "{collection}: no `{part}` in {logged}"
            );
        }
        assert_eq!(
            logged.lines().count(),
            WAYS,
            "one warning per parse: {logged}"
        );
    }
}

#[test]
fn bad_presences_and_stage_instances_cost_only_themselves() {
    let mut d = captured_guild_creates()[1].clone();
    let presence = json!({"user": {"id": "900000000000000001"}, "status": "online",
                          "activities": [], "client_status": {"desktop": "online"}});
    let mut bad = presence.clone();
    break_element(&mut bad, "user");
    d["presences"] = json!([presence, bad, presence]);
    d["stage_instances"] = json!([{"id": {}}]);
    for event in parse_all_ways::<GuildCreateEvent>("GUILD_CREATE", &d) {
        let mut skipped = at(&event.skipped);
        skipped.sort_unstable();
        assert_eq!(skipped, [("presences", 1), ("stage_instances", 0)]);
        assert_eq!(event.presences.as_ref().unwrap().len(), 2);
        assert!(event.stage_instances.as_ref().unwrap().is_empty());
    }
}

#[test]
fn member_chunks_ready_and_thread_syncs_keep_their_good_elements() {
    let member = captured_guild_creates()[1]["members"][0].clone();
    let mut bad_member = member.clone();
    break_element(&mut bad_member, "user");
    let chunk = json!({
        "guild_id": "900000000000000001", "chunk_index": 0, "chunk_count": 1,
        "members": [member, bad_member, member, bad_member],
        "presences": [{"user": {"id": "1"}, "status": "idle"}, {"user": 7}]
    });
    for event in parse_all_ways::<GuildMembersChunkEvent>("GUILD_MEMBERS_CHUNK", &chunk) {
        assert_eq!(event.members.len(), 2);
        assert_eq!(event.presences.as_ref().unwrap().len(), 1);
        assert_eq!(
            at(&event.skipped),
            [("members", 1), ("members", 3), ("presences", 1)]
        );
    }

    let ready = json!({
        "v": 10, "user": {"id": "1", "username": "bot", "discriminator": "0"},
        "guilds": [{"id": "2", "unavailable": true}, {"id": "x"}, {"unavailable": true}],
        "session_id": "s", "resume_gateway_url": "wss://example", "application": {"id": "3", "flags": 0}
    });
    for event in parse_all_ways::<ReadyEvent>("READY", &ready) {
        assert_eq!(event.guilds.len(), 1);
        assert_eq!(at(&event.skipped), [("guilds", 1), ("guilds", 2)]);
    }

    let thread = captured_guild_creates()[1]["threads"][0].clone();
    let sync = json!({
        "guild_id": "900000000000000001",
        "threads": [thread, {"id": false}],
        "members": [{"id": "1", "user_id": "2", "join_timestamp": "2024-02-27T19:50:51.701000+00:00", "flags": 0}, {"join_timestamp": 3}]
    });
    for event in parse_all_ways::<ThreadListSyncEvent>("THREAD_LIST_SYNC", &sync) {
        assert_eq!((event.threads.len(), event.members.len()), (1, 1));
        assert_eq!(at(&event.skipped), [("members", 1), ("threads", 1)]);
    }
}

#[test]
fn an_intact_event_skips_nothing_and_serialises_without_the_report() {
    for d in captured_guild_creates() {
        for event in parse_all_ways::<GuildCreateEvent>("GUILD_CREATE", &d) {
            assert!(event.skipped.is_empty());
            let out = serde_json::to_value(&event).unwrap();
            assert!(out.get("skipped").is_none());
            assert_eq!(out["id"], d["id"]);
        }
    }
}

#[test]
fn many_bad_elements_are_summed_up_in_the_log_but_all_counted() {
    let member = captured_guild_creates()[1]["members"][0].clone();
    let mut bad = member.clone();
    break_element(&mut bad, "user");
    let mut members = vec![member.clone()];
    members.extend(std::iter::repeat_n(bad, 50));
    let chunk = json!({"guild_id": "1", "chunk_index": 0, "chunk_count": 1, "members": members});
    let mut events = Vec::new();
    let logged = logs_of(|| {
        events.push(serde_json::from_value::<GuildMembersChunkEvent>(chunk.clone()).unwrap());
    });
    assert_eq!(events[0].members.len(), 1);
    assert_eq!(events[0].skipped.len(), 50);
    assert_eq!(
        logged.lines().count(),
        WARNINGS_PER_COLLECTION + 1,
        "{logged}"
    );
    assert!(logged.contains("skipped=50"), "{logged}");
    assert!(logged.contains("40 more"), "{logged}");
}

#[test]
fn a_malformed_collection_still_fails_the_event() {
    let mut d = captured_guild_creates()[1].clone();
    d["members"] = json!({"not": "an array"});
    assert!(Event::from_json_str("GUILD_CREATE", &d.to_string()).is_err());
}
