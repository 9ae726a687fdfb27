//! Every one of the 79 dispatch events parses from a payload shaped like Discord's docs (the
//! event field tables; objects from the docs examples), into its own `Event` variant, with both
//! parsers agreeing, a lossless round trip, unknown fields and enum values tolerated, and each
//! field Discord may leave out or null (by its spec, see `fixtures/spec.rs`) left out and nulled
//! in turn without losing the event or an element of it.
//!
//! The samples are a `match` over `EventKind` without a wildcard, so a new kind does not
//! compile until it has a sample.

#[path = "fixtures/check.rs"]
#[allow(dead_code)]
mod check;
#[path = "fixtures/mutate.rs"]
mod mutate;
#[path = "fixtures/spec.rs"]
mod spec;

use std::fs;
use std::path::Path;

use asyncord_model::gateway::{
    Event, EventKind, GatewayEvent, GuildCreateEvent, MessageCreateEvent, MessageReactionAddEvent,
    ReadyEvent,
};

fn docs(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/discord-api/payloads/docs")
        .join(format!("docs-{file}.json"));
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `base` with extra fields merged in (what the gateway adds to an object).
fn with(base: &str, extra: &str) -> String {
    let mut value: serde_json::Value = serde_json::from_str(base).unwrap();
    let extra: serde_json::Value = serde_json::from_str(extra).unwrap();
    for (k, v) in extra.as_object().unwrap() {
        value[k] = v.clone();
    }
    value.to_string()
}

const USER: &str = r#"{"id": "80351110224678912", "username": "nelly", "discriminator": "0", "global_name": "Nelly", "avatar": "8342729096ea3675442027381ff50dfe", "public_flags": 64}"#;
const GUILD: &str = r#""41771983423143937""#;

fn member() -> String {
    format!(
        r#"{{"user": {USER}, "nick": "NOT API SUPPORT", "roles": ["41771983423143936"], "joined_at": "2015-04-26T06:26:56.936000+00:00", "deaf": false, "mute": false, "flags": 0}}"#
    )
}

fn scheduled_event() -> String {
    format!(
        r#"{{"id": "947656305244532806", "guild_id": {GUILD}, "channel_id": null, "creator_id": "80351110224678912", "name": "Picnic", "description": "Bring food", "scheduled_start_time": "2026-06-01T12:00:00+00:00", "scheduled_end_time": "2026-06-01T15:00:00+00:00", "privacy_level": 2, "status": 1, "entity_type": 3, "entity_id": null, "entity_metadata": {{"location": "The park"}}, "user_count": 3}}"#
    )
}

fn presence() -> String {
    format!(
        r#"{{"user": {{"id": "80351110224678912"}}, "guild_id": {GUILD}, "status": "dnd", "activities": [{}], "client_status": {{"desktop": "dnd", "mobile": "idle"}}}}"#,
        docs("events-gateway-events-example-activity")
    )
}

fn thread_member() -> String {
    r#"{"id": "41771983423143937", "user_id": "80351110224678912", "join_timestamp": "2021-04-12T23:40:39.855793+00:00", "flags": 1}"#.to_owned()
}

#[allow(clippy::too_many_lines)]
fn sample(kind: EventKind) -> String {
    use EventKind as K;
    let ids = format!(
        r#""channel_id": "155101607195836416", "message_id": "155117677105512449", "guild_id": {GUILD}"#
    );
    match kind {
        K::Ready => format!(
            r#"{{"v": 10, "user": {USER}, "guilds": [{}], "session_id": "d1f7a0c3", "resume_gateway_url": "wss://gateway-us-east1-b.discord.gg", "shard": [0, 1], "application": {{"id": "172150183260323840", "flags": 8192}}}}"#,
            docs("resources-guild-example-unavailable-guild")
        ),
        K::Resumed => "null".to_owned(),
        K::RateLimited => format!(
            r#"{{"opcode": 8, "retry_after": 27.5, "meta": {{"guild_id": {GUILD}, "nonce": "n1"}}}}"#
        ),
        K::ApplicationCommandPermissionsUpdate => format!(
            r#"{{"id": "866818195033292850", "application_id": "775799577604522054", "guild_id": {GUILD}, "permissions": [{{"id": "41771983423143936", "type": 1, "permission": true}}]}}"#
        ),
        K::AutoModerationRuleCreate | K::AutoModerationRuleUpdate | K::AutoModerationRuleDelete => {
            docs("resources-auto-moderation-example-auto-moderation-rule")
        }
        K::AutoModerationActionExecution => format!(
            r#"{{"guild_id": {GUILD}, "action": {{"type": 1, "metadata": {{"custom_message": "no"}}}}, "rule_id": "969707018069872670", "rule_trigger_type": 1, "user_id": "80351110224678912", "channel_id": "155101607195836416", "message_id": "155117677105512449", "content": "buy now", "matched_keyword": "buy", "matched_content": "buy"}}"#
        ),
        K::ChannelCreate | K::ChannelUpdate | K::ChannelDelete => {
            docs("resources-channel-example-guild-text-channel")
        }
        K::ChannelInfo => format!(
            r#"{{"guild_id": {GUILD}, "channels": [{{"id": "155101607195836416", "status": "raid night", "voice_start_time": 1772236618}}, {{"id": "155101607195836417"}}]}}"#
        ),
        K::ChannelPinsUpdate => format!(
            r#"{{"guild_id": {GUILD}, "channel_id": "155101607195836416", "last_pin_timestamp": "2021-04-12T23:40:39.855793+00:00"}}"#
        ),
        K::ThreadCreate => with(
            &docs("resources-channel-example-thread-channel"),
            r#"{"newly_created": true}"#,
        ),
        K::ThreadUpdate => docs("resources-channel-example-thread-channel"),
        K::ThreadDelete => format!(
            r#"{{"id": "41771983423143937", "guild_id": {GUILD}, "parent_id": "155101607195836416", "type": 11}}"#
        ),
        K::ThreadListSync => format!(
            r#"{{"guild_id": {GUILD}, "channel_ids": ["155101607195836416"], "threads": [{}], "members": [{}]}}"#,
            docs("resources-channel-example-thread-channel"),
            thread_member()
        ),
        K::ThreadMemberUpdate => with(&thread_member(), &format!(r#"{{"guild_id": {GUILD}}}"#)),
        K::ThreadMembersUpdate => format!(
            r#"{{"id": "41771983423143937", "guild_id": {GUILD}, "member_count": 5, "added_members": [{}], "removed_member_ids": ["80351110224678913"]}}"#,
            with(&thread_member(), &format!(r#"{{"member": {}}}"#, member()))
        ),
        K::EntitlementCreate | K::EntitlementUpdate | K::EntitlementDelete => {
            docs("resources-entitlement-entitlement-example")
        }
        K::GuildCreate => with(
            &docs("resources-guild-example-guild"),
            &format!(
                r#"{{"joined_at": "2021-04-12T23:40:39.855793+00:00", "large": false, "member_count": 1, "members": [{}], "channels": [{}], "threads": [], "presences": [], "voice_states": [], "stage_instances": [], "guild_scheduled_events": [{}], "soundboard_sounds": []}}"#,
                member(),
                docs("resources-channel-example-guild-text-channel"),
                scheduled_event()
            ),
        ),
        K::GuildUpdate => docs("resources-guild-example-guild"),
        K::GuildDelete => docs("resources-guild-example-unavailable-guild"),
        K::GuildAuditLogEntryCreate => format!(
            r#"{{"id": "1101527279384829962", "user_id": "80351110224678912", "target_id": "80351110224678913", "action_type": 24, "changes": [{{"key": "nick", "old_value": "a", "new_value": "b"}}], "reason": "spam", "guild_id": {GUILD}}}"#
        ),
        K::GuildBanAdd | K::GuildBanRemove | K::GuildMemberRemove => {
            format!(r#"{{"guild_id": {GUILD}, "user": {USER}}}"#)
        }
        K::GuildEmojisUpdate => format!(
            r#"{{"guild_id": {GUILD}, "emojis": [{}]}}"#,
            docs("resources-emoji-emoji-example")
        ),
        K::GuildStickersUpdate => format!(
            r#"{{"guild_id": {GUILD}, "stickers": [{}]}}"#,
            docs("resources-sticker-example-sticker")
        ),
        K::GuildIntegrationsUpdate => format!(r#"{{"guild_id": {GUILD}}}"#),
        K::GuildMemberAdd | K::GuildMemberUpdate => {
            with(&member(), &format!(r#"{{"guild_id": {GUILD}}}"#))
        }
        K::GuildMembersChunk => format!(
            r#"{{"guild_id": {GUILD}, "members": [{}], "chunk_index": 0, "chunk_count": 1, "not_found": ["1"], "presences": [{}], "nonce": "n1"}}"#,
            member(),
            presence()
        ),
        K::GuildRoleCreate | K::GuildRoleUpdate => format!(
            r#"{{"guild_id": {GUILD}, "role": {}}}"#,
            docs("topics-permissions-example-role")
        ),
        K::GuildRoleDelete => format!(r#"{{"guild_id": {GUILD}, "role_id": "41771983423143936"}}"#),
        K::GuildScheduledEventCreate
        | K::GuildScheduledEventUpdate
        | K::GuildScheduledEventDelete => scheduled_event(),
        K::GuildScheduledEventUserAdd | K::GuildScheduledEventUserRemove => format!(
            r#"{{"guild_scheduled_event_id": "947656305244532806", "user_id": "80351110224678912", "guild_id": {GUILD}}}"#
        ),
        K::GuildSoundboardSoundCreate | K::GuildSoundboardSoundUpdate => {
            docs("resources-soundboard-example-guild-soundboard-sound")
        }
        K::GuildSoundboardSoundDelete => {
            format!(r#"{{"sound_id": "1106714396018884649", "guild_id": {GUILD}}}"#)
        }
        K::GuildSoundboardSoundsUpdate | K::SoundboardSounds => format!(
            r#"{{"guild_id": {GUILD}, "soundboard_sounds": [{}]}}"#,
            docs("resources-soundboard-example-guild-soundboard-sound")
        ),
        K::IntegrationCreate | K::IntegrationUpdate => with(
            &docs("resources-audit-log-example-partial-integration-object"),
            &format!(r#"{{"guild_id": {GUILD}, "enabled": true}}"#),
        ),
        K::IntegrationDelete => format!(
            r#"{{"id": "33590653072239123", "guild_id": {GUILD}, "application_id": "94651234501213162"}}"#
        ),
        K::InteractionCreate => {
            docs("interactions-application-commands-example-interaction-slash-command-interaction")
        }
        K::InviteCreate => format!(
            r#"{{"channel_id": "155101607195836416", "code": "0vCdhLbwjZZTWZLD", "created_at": "2016-03-31T19:15:39.954000+00:00", "guild_id": {GUILD}, "inviter": {USER}, "max_age": 86400, "max_uses": 0, "target_type": 1, "target_user": {USER}, "temporary": false, "uses": 0, "expires_at": "2016-04-01T19:15:39.954000+00:00", "role_ids": ["41771983423143936"]}}"#
        ),
        K::InviteDelete => format!(
            r#"{{"channel_id": "155101607195836416", "guild_id": {GUILD}, "code": "0vCdhLbwjZZTWZLD"}}"#
        ),
        K::MessageCreate | K::MessageUpdate => with(
            &docs("resources-message-example-message"),
            &format!(
                r#"{{"guild_id": {GUILD}, "member": {}, "channel_type": 0}}"#,
                member()
            ),
        ),
        K::MessageDelete => format!(
            r#"{{"id": "155117677105512449", "channel_id": "155101607195836416", "guild_id": {GUILD}}}"#
        ),
        K::MessageDeleteBulk => format!(
            r#"{{"ids": ["155117677105512449", "155117677105512450"], "channel_id": "155101607195836416", "guild_id": {GUILD}}}"#
        ),
        K::MessageReactionAdd => format!(
            r##"{{"user_id": "80351110224678912", {ids}, "member": {}, "emoji": {{"id": null, "name": "🔥"}}, "message_author_id": "80351110224678913", "burst": true, "burst_colors": ["#ff0000"], "type": 1}}"##,
            member()
        ),
        K::MessageReactionRemove => format!(
            r#"{{"user_id": "80351110224678912", {ids}, "emoji": {{"id": "41771983429993937", "name": "LUL", "animated": true}}, "burst": false, "type": 0}}"#
        ),
        K::MessageReactionRemoveAll => format!("{{{ids}}}"),
        K::MessageReactionRemoveEmoji => {
            format!(r#"{{{ids}, "emoji": {{"id": null, "name": "🔥"}}}}"#)
        }
        K::PresenceUpdate => presence(),
        K::StageInstanceCreate | K::StageInstanceUpdate | K::StageInstanceDelete => {
            docs("resources-stage-instance-example-stage-instance")
        }
        K::SubscriptionCreate | K::SubscriptionUpdate | K::SubscriptionDelete => {
            docs("resources-subscription-subscription-example")
        }
        K::TypingStart => format!(
            r#"{{"channel_id": "155101607195836416", "guild_id": {GUILD}, "user_id": "80351110224678912", "timestamp": 1772236618, "member": {}}}"#,
            member()
        ),
        K::UserUpdate => USER.to_owned(),
        K::VoiceChannelEffectSend => format!(
            r#"{{"channel_id": "155101607195836416", "guild_id": {GUILD}, "user_id": "80351110224678912", "emoji": {{"id": null, "name": "🦆"}}, "animation_type": 1, "animation_id": 7, "sound_id": 1, "sound_volume": 0.5}}"#
        ),
        K::VoiceChannelStartTimeUpdate => format!(
            r#"{{"id": "155101607195836416", "guild_id": {GUILD}, "voice_start_time": 1772236618}}"#
        ),
        K::VoiceChannelStatusUpdate => {
            format!(
                r#"{{"id": "155101607195836416", "guild_id": {GUILD}, "status": "raid night"}}"#
            )
        }
        K::VoiceStateUpdate => with(
            &docs("resources-voice-example-voice-state"),
            &format!(r#"{{"guild_id": {GUILD}, "member": {}}}"#, member()),
        ),
        K::VoiceServerUpdate => docs("events-gateway-events-example-voice-server-update-payload"),
        K::WebhooksUpdate => {
            format!(r#"{{"guild_id": {GUILD}, "channel_id": "155101607195836416"}}"#)
        }
        K::MessagePollVoteAdd | K::MessagePollVoteRemove => {
            format!(r#"{{"user_id": "80351110224678912", {ids}, "answer_id": 2}}"#)
        }
    }
}

#[test]
fn every_event_parses_into_its_own_variant() {
    let mut failures = Vec::new();
    for &kind in EventKind::ALL {
        let json = sample(kind);
        let name = kind.name();
        let event = match Event::from_json_str(name, &json) {
            Ok(event) => event,
            Err(e) => {
                failures.push(format!("{e}"));
                continue;
            }
        };
        if event.kind() != Some(kind) || event.name() != name {
            failures.push(format!("{name}: parsed as {:?}", event.kind()));
        }
        match Event::from_slice(name, json.as_bytes()) {
            Ok(read) if read == event => {}
            Ok(_) => failures.push(format!("{name}: the JSON reader and serde_json differ")),
            Err(e) => failures.push(format!("the JSON reader: {e}")),
        }
        let out = serde_json::to_string(&event).unwrap();
        let mut dropped = Vec::new();
        check::diff_fields(
            name,
            &serde_json::from_str(&json).unwrap(),
            &serde_json::from_str(&out).unwrap(),
            &mut dropped,
        );
        // `is_pending`: a legacy member field of the docs' interaction example, in no table.
        dropped.retain(|f| !f.ends_with(".is_pending"));
        if !dropped.is_empty() {
            failures.push(format!("fields dropped: {}", dropped.join(", ")));
        }
        match Event::from_json_str(name, &out) {
            Ok(again) if again == event => {}
            Ok(_) => failures.push(format!("{name}: round trip differs: {out}")),
            Err(e) => failures.push(format!("round trip: {e}")),
        }
        let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
        mutate::add_unknown_fields(&mut value);
        if let Err(e) = Event::from_json_str(name, &value.to_string()) {
            failures.push(format!("with unknown fields: {e}"));
        }
        let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
        mutate::unknown_enum_values(&mut value);
        if let Err(e) = Event::from_json_str(name, &value.to_string()) {
            failures.push(format!("with unknown enum values: {e}"));
        }
        // each field Discord may leave out or null (by its spec), one at a time: no event and
        // no element of it lost
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let lost = check::check_optional_fields(name, &value, |mutated| {
            let (result, skipped) = check::count_skipped(|| {
                Event::from_json_str(name, mutated)
                    .and_then(|_| Event::from_slice(name, mutated.as_bytes()))
                    .map_err(|e| e.to_string())
            });
            match (result, skipped) {
                (Err(e), _) => Err(e),
                (Ok(_), 0) => Ok(()),
                (Ok(_), n) => Err(format!("{n} element(s) left out")),
            }
        });
        if let Err(lost) = lost {
            failures.push(format!("{name} with an optional field changed:\n{lost}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn typed_access_through_the_event() {
    let event = Event::from_json_str("MESSAGE_CREATE", &sample(EventKind::MessageCreate)).unwrap();
    let message = MessageCreateEvent::from_event(&event).unwrap();
    assert_eq!(message.author.username, "Mason");
    assert!(message.member.is_some() && message.guild_id.is_some());
    assert!(ReadyEvent::from_event(&event).is_none());

    let ready = Event::from_json_str("READY", &sample(EventKind::Ready)).unwrap();
    let ready = ReadyEvent::from_event(&ready).unwrap();
    assert_eq!(ready.session_id, "d1f7a0c3");
    assert_eq!(ready.shard, Some([0, 1]));

    let reaction = Event::from_json_str(
        "MESSAGE_REACTION_ADD",
        &sample(EventKind::MessageReactionAdd),
    )
    .unwrap();
    let reaction = MessageReactionAddEvent::from_event(&reaction).unwrap();
    assert!(reaction.burst);
    assert_eq!(reaction.emoji.name.as_deref(), Some("🔥"));
}

#[test]
fn an_unavailable_guild_create_still_parses() {
    // During an outage GUILD_CREATE carries only {id, unavailable}.
    let json = docs("resources-guild-example-unavailable-guild");
    let event = Event::from_json_str("GUILD_CREATE", &json).unwrap();
    let guild = GuildCreateEvent::from_event(&event).unwrap();
    assert_eq!(guild.unavailable, Some(true));
    assert_eq!(guild.id.get(), 41_771_983_423_143_937);
}

#[test]
fn event_metadata_matches_the_kind() {
    assert_eq!(MessageCreateEvent::NAME, "MESSAGE_CREATE");
    assert_eq!(
        <MessageCreateEvent as GatewayEvent>::KIND,
        EventKind::MessageCreate
    );
    assert!(!MessageCreateEvent::INTENTS.is_empty());
    assert!(ReadyEvent::INTENTS.is_empty());
}

/// The events whose samples the damage tests below spoil: the mix of a busy bot, and an
/// interaction.
const DAMAGED_KINDS: [EventKind; 6] = [
    EventKind::MessageCreate,
    EventKind::GuildMemberUpdate,
    EventKind::PresenceUpdate,
    EventKind::MessageReactionAdd,
    EventKind::InteractionCreate,
    EventKind::TypingStart,
];

/// Payloads damaged one byte at a time (a structural character, a quote, a digit, a letter, a
/// control or non-ASCII byte in every position): the gateway's reader refuses exactly what
/// serde_json refuses and reads the same event from the rest, without panicking.
#[test]
fn a_damaged_payload_is_refused_or_read_as_serde_json_reads_it() {
    let replacements = b"\"\\{}[],:0-9.eEan \x01\xc3";
    let mut checked = 0;
    for kind in DAMAGED_KINDS {
        let value: serde_json::Value = serde_json::from_str(&sample(kind)).unwrap();
        let json = value.to_string();
        let name = kind.name();
        for at in 0..json.len() {
            for &r in replacements {
                let mut bytes = json.clone().into_bytes();
                bytes[at] = r;
                let read = Event::from_slice(name, &bytes);
                let Ok(text) = std::str::from_utf8(&bytes) else {
                    assert!(read.is_err(), "{name}: invalid UTF-8 read at {at}");
                    continue;
                };
                let want = Event::from_json_str(name, text);
                match (&read, &want) {
                    (Ok(a), Ok(b)) => assert_eq!(a, b, "{name}: {text}"),
                    (Err(_), Err(_)) => {}
                    _ => panic!("{name}: reader {read:?}, serde_json {want:?}: {text}"),
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 10_000, "{checked}");
}

/// Every value of a payload replaced in turn by one of another type, and every key removed in
/// turn: where the gateway's reader refuses the result, it names the value put there, one holding
/// it (a missing field names its object) or one inside it. The path comes from the reader's own
/// offset, without a second reading, and is serde_json's (from its line and column) in more than
/// nine cases of ten; where they differ, one path lies inside the other (serde_json names the
/// first element of an array refused whole, the reader the array; where a value is read from a
/// buffered copy, serde_json names the last key of its object, the reader the object).
#[test]
fn a_value_that_does_not_fit_is_named_by_its_json_path() {
    #[derive(Clone)]
    enum Step {
        Key(String),
        Index(usize),
    }
    fn walk(value: &serde_json::Value, out: &mut Vec<Vec<Step>>, path: &mut Vec<Step>) {
        out.push(path.clone());
        let inner: Vec<(Step, &serde_json::Value)> = match value {
            serde_json::Value::Object(map) => {
                map.iter().map(|(k, v)| (Step::Key(k.clone()), v)).collect()
            }
            serde_json::Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (Step::Index(i), v))
                .collect(),
            _ => Vec::new(),
        };
        for (step, v) in inner {
            path.push(step);
            walk(v, out, path);
            path.pop();
        }
    }
    fn at<'a>(value: &'a mut serde_json::Value, path: &[Step]) -> &'a mut serde_json::Value {
        path.iter().fold(value, |v, step| match step {
            Step::Key(k) => &mut v[k.as_str()],
            Step::Index(i) => &mut v[*i],
        })
    }
    fn render(path: &[Step]) -> String {
        let mut out = String::new();
        for step in path {
            match step {
                Step::Key(k) => {
                    out.push('.');
                    out.push_str(k);
                }
                Step::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        if out.is_empty() { ".".to_owned() } else { out }
    }
    /// Whether `inner` is `outer` or a path inside it.
    fn within(inner: &str, outer: &str) -> bool {
        outer == "."
            || inner == outer
            || inner
                .strip_prefix(outer)
                .is_some_and(|rest| rest.starts_with(['.', '[']))
    }

    let wrong = [
        serde_json::json!(true),
        serde_json::json!("text"),
        serde_json::json!(-7),
        serde_json::json!(1.5),
        serde_json::json!({"k": [1]}),
        serde_json::json!([{"k": 1}]),
        serde_json::Value::Null,
    ];
    let (mut refused, mut named_inside, mut as_serde_json) = (0, 0, 0);
    for kind in DAMAGED_KINDS {
        let original: serde_json::Value = serde_json::from_str(&sample(kind)).unwrap();
        let name = kind.name();
        let mut paths = Vec::new();
        walk(&original, &mut paths, &mut Vec::new());
        let mut variants = Vec::new();
        for path in &paths {
            for replacement in &wrong {
                let mut v = original.clone();
                *at(&mut v, path) = replacement.clone();
                variants.push((render(path), v));
            }
            if let Some((Step::Key(key), parent)) = path.split_last() {
                let mut v = original.clone();
                if let Some(object) = at(&mut v, parent).as_object_mut() {
                    object.remove(key);
                }
                variants.push((render(parent), v));
            }
        }
        for (edited, variant) in variants {
            // Pretty-printed too: offsets then differ from lines and columns.
            for text in [
                variant.to_string(),
                serde_json::to_string_pretty(&variant).unwrap(),
            ] {
                let Err(read) = Event::from_slice(name, text.as_bytes()) else {
                    continue;
                };
                refused += 1;
                let path = read.path.clone().unwrap_or_default();
                assert!(
                    within(&edited, &path) || within(&path, &edited),
                    "{name}, {edited} edited: {read}: {text}"
                );
                named_inside += usize::from(path != ".");
                let want = Event::from_json_str(name, &text).unwrap_err();
                let want = want.path.unwrap_or_default();
                assert!(
                    within(&path, &want) || within(&want, &path),
                    "{name}: {read} / {want}: {text}"
                );
                as_serde_json += usize::from(path == want);
            }
        }
    }
    // 1,930 refused, 1,824 named below the root, 1,790 named as serde_json names them.
    assert!(
        refused > 1_000 && named_inside * 10 > refused * 9,
        "{refused} {named_inside}"
    );
    assert!(
        as_serde_json * 10 > refused * 9,
        "{refused} {as_serde_json}"
    );
}
