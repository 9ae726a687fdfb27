//! Fidelity: every dispatch the emulator sends a connected bot parses into the model's typed
//! events, and has the fields the real Discord frames captured live
//! (`testdata/discord-api/payloads/captured-accord-jl/`) carry — compared recursively, key set
//! against key set. Fields of the real frames the emulator does not send must be on the list
//! below, each with its reason (and in `asyncord-testkit/README.md`); anything else missing fails.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use asyncord::dispatcher::RawEvent;
use asyncord::model::Intents;
use asyncord::model::component::{ActionRow, Button, TextInput};
use asyncord::model::gateway::events::Event;
use asyncord::model::interaction::InteractionResponse;
use asyncord::model::request::{CreateCommand, CreateMessage};
use asyncord::testkit::{Emulator, EmulatorBots};
use serde_json::Value;

/// Real-frame fields the emulator does not send: `(event, path)`; `*` matches every event.
/// Paths under these are skipped too.
const NOT_EMULATED: &[(&str, &str, &str)] = &[
    (
        "*",
        "version",
        "internal revision counters, in no docs field table",
    ),
    (
        "GUILD_CREATE",
        "channels[].version",
        "internal revision counter, undocumented",
    ),
    (
        "GUILD_CREATE",
        "roles[].version",
        "internal revision counter, undocumented",
    ),
    (
        "GUILD_CREATE",
        "channels[].status",
        "voice channel status text, not emulated",
    ),
    (
        "GUILD_CREATE",
        "roles[].tags",
        "no managed role is created for a bot that joins",
    ),
    (
        "GUILD_CREATE",
        "activity_instances",
        "activities are not emulated",
    ),
    (
        "GUILD_CREATE",
        "embedded_activities",
        "activities are not emulated",
    ),
    ("GUILD_CREATE", "application_command_counts", "undocumented"),
    ("GUILD_CREATE", "home_header", "undocumented (server guide)"),
    ("GUILD_CREATE", "hub_type", "undocumented (student hubs)"),
    (
        "GUILD_CREATE",
        "incidents_data",
        "raid-protection state, not emulated",
    ),
    ("GUILD_CREATE", "inventory_settings", "undocumented"),
    (
        "GUILD_CREATE",
        "latest_onboarding_question_id",
        "onboarding is not emulated",
    ),
    ("GUILD_CREATE", "lazy", "undocumented"),
    ("GUILD_CREATE", "moderator_reporting", "undocumented"),
    ("GUILD_CREATE", "nsfw", "undocumented (nsfw_level is sent)"),
    (
        "GUILD_CREATE",
        "owner_configured_content_level",
        "undocumented",
    ),
    ("GUILD_CREATE", "premium_features", "undocumented"),
    (
        "GUILD_CREATE",
        "premium_progress_bar_enabled_user_updated_at",
        "undocumented",
    ),
    (
        "GUILD_CREATE",
        "profile",
        "undocumented (guild tag profile)",
    ),
    ("GUILD_CREATE", "region", "deprecated"),
    (
        "INTERACTION_CREATE",
        "channel.icon_emoji",
        "undocumented channel cosmetics",
    ),
    (
        "INTERACTION_CREATE",
        "channel.theme_color",
        "undocumented channel cosmetics",
    ),
    ("READY", "_trace", "Discord's debug trace, undocumented"),
    ("READY", "auth", "undocumented"),
    ("READY", "game_relationships", "undocumented"),
    ("READY", "geo_ordered_rtc_regions", "undocumented"),
    ("READY", "guild_join_requests", "undocumented"),
    ("READY", "session_type", "undocumented"),
    ("READY", "user_settings", "undocumented"),
    (
        "READY",
        "presences",
        "user-account field, not in the bot READY table",
    ),
    (
        "READY",
        "relationships",
        "user-account field, not in the bot READY table",
    ),
    (
        "READY",
        "private_channels",
        "deprecated, always empty for bots; gateway side omits it",
    ),
];

/// User-profile decorations the emulator never sends (`clan` and `display_name_styles` are in
/// no docs field table; the others are documented optional profile cosmetics).
const PROFILE_KEYS: &[&str] = &[
    "clan",
    "collectibles",
    "display_name_styles",
    "primary_guild",
    "display_name",
    "unusual_dm_activity_until",
];

fn captured_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/discord-api/payloads/captured-accord-jl")
}

/// Every key path of `v` (objects recursively; arrays through their elements), and the paths
/// whose value is `null` or an empty array (nothing below them can be compared).
fn paths(v: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    paths_with_leaves(v, prefix, out, &mut BTreeSet::new());
}

fn paths_with_leaves(
    v: &Value,
    prefix: &str,
    out: &mut BTreeSet<String>,
    empty: &mut BTreeSet<String>,
) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                out.insert(p.clone());
                paths_with_leaves(child, &p, out, empty);
            }
        }
        Value::Array(items) if items.is_empty() => {
            empty.insert(prefix.to_owned());
        }
        Value::Array(items) => {
            for item in items {
                paths_with_leaves(item, &format!("{prefix}[]"), out, empty);
            }
        }
        Value::Null => {
            empty.insert(prefix.to_owned());
        }
        _ => {}
    }
}

/// Whether `path` is below `base` (or is it).
fn under(path: &str, base: &str) -> bool {
    path == base
        || path
            .strip_prefix(base)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with("[]"))
}

/// Why a real-frame path missing from the emulator's frames is acceptable, if it is.
fn excused(event: &str, path: &str, ours_empty: &BTreeSet<String>) -> bool {
    if ours_empty
        .iter()
        .any(|e| !e.is_empty() && under(path, e) && path != e)
    {
        return true; // our value there is null or [] (a nullable field or an empty list)
    }
    if path
        .split(['.', '['])
        .any(|segment| PROFILE_KEYS.contains(&segment.trim_end_matches(']')))
    {
        return true;
    }
    NOT_EMULATED
        .iter()
        .any(|(e, p, _)| (*e == "*" || *e == event) && under(path, p))
}

/// The key paths present in every sample.
fn common_paths(samples: &[Value]) -> BTreeSet<String> {
    let mut sets = samples.iter().map(|s| {
        let mut out = BTreeSet::new();
        paths(s, "", &mut out);
        out
    });
    let first = sets.next().unwrap_or_default();
    sets.fold(first, |acc, s| acc.intersection(&s).cloned().collect())
}

/// The real `d` payloads by event name.
fn real_frames() -> BTreeMap<String, Vec<Value>> {
    let mut out: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut files = 0;
    for entry in std::fs::read_dir(captured_dir()).expect("captured payloads") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("accordjl-gateway_") {
            continue;
        }
        files += 1;
        let frames: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for f in frames.as_array().into_iter().flatten() {
            if let Some(t) = f["t"].as_str() {
                out.entry(t.to_owned()).or_default().push(f["d"].clone());
            }
        }
    }
    // The vendored capture holds 14 gateway files; fewer means the data is missing, and the
    // comparison below would pass over nothing.
    assert!(
        files >= 14,
        "found only {files} captured gateway files in {} (see testdata/SOURCES.md)",
        captured_dir().display()
    );
    out
}

#[tokio::test(start_paused = true)]
async fn emitted_dispatches_parse_and_match_the_captured_frames() {
    let emu = Emulator::builder()
        .guild(
            asyncord::testkit::GuildSpec::new("Fidelity")
                .text_channel("general")
                .channel("voice", 2)
                .thread("general", "existing thread"),
        )
        .start()
        .await
        .unwrap();
    let seen: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
    let sink = seen.clone();
    let bot = emu
        .run_bot_with(
            emu.token(),
            emu.group_config().intents(
                Intents::GUILDS
                    | Intents::GUILD_MEMBERS
                    | Intents::GUILD_MESSAGES
                    | Intents::GUILD_MESSAGE_REACTIONS
                    | Intents::MESSAGE_CONTENT,
            ),
            move |g| {
                let sink = sink.clone();
                g.dispatcher.add_raw_handler(move |e: RawEvent, _ctx| {
                    let sink = sink.clone();
                    async move {
                        sink.lock()
                            .unwrap()
                            .push((e.name.to_string(), e.json().unwrap_or("").to_owned()));
                    }
                });
            },
        )
        .await
        .unwrap();
    let general = emu.channel_id();
    let client = emu.rest_client();
    let alice = emu.user_named("alice").unwrap();
    // MESSAGE_CREATE / UPDATE / DELETE, MESSAGE_REACTION_ADD from a user.
    let m = alice.send_message(general, "hello <@&1> world").unwrap();
    alice.edit_message(general, m, "hello again").unwrap();
    alice.react(general, m, "👍").unwrap();
    let gone = alice.send_message(general, "bye").unwrap();
    alice.delete_message(general, gone).unwrap();
    // INTERACTION_CREATE.
    client
        .applications
        .commands(emu.bot().application_id)
        .create(CreateCommand::chat_input("ping", "Ping"))
        .await
        .unwrap();
    alice
        .invoke_slash_command(general, "ping", Value::Null)
        .await
        .unwrap();
    // INTERACTION_CREATE of a button click and of a modal submit.
    let buttons = client
        .channels
        .messages(general)
        .create(
            CreateMessage::content("buttons")
                .component(ActionRow::new([Button::primary("b", "B")])),
        )
        .await
        .unwrap();
    let click = alice.click_button(general, buttons.id, "b").unwrap();
    client
        .interactions
        .respond(
            click.id(),
            click.token(),
            InteractionResponse::modal("m", "Modal", [ActionRow::new([TextInput::short("field")])]),
        )
        .await
        .unwrap();
    alice
        .submit_modal(&click, &[("field", "value")])
        .await
        .unwrap();
    // THREAD_CREATE and GUILD_MEMBER_UPDATE from the bot's REST calls.
    client
        .channels
        .threads(general)
        .start(asyncord::model::request::StartThreadWithoutMessage::new(
            "new thread",
            asyncord::model::channel::ChannelType::PublicThread,
        ))
        .await
        .unwrap();
    client
        .guilds
        .members(emu.guild_id())
        .edit(
            alice.id(),
            asyncord::model::request::ModifyGuildMember::new().nick(Some("ally")),
        )
        .await
        .unwrap();
    emu.wait_for_dispatches(|d| d.iter().any(|d| d.event == "GUILD_MEMBER_UPDATE"))
        .await
        .unwrap();
    // Let the gateway deliver everything.
    for _ in 0..50 {
        tokio::task::yield_now().await;
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    bot.stop().await.unwrap();

    let seen = seen.lock().unwrap().clone();
    let mut emitted: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for (name, json) in &seen {
        // Every payload parses into its typed event (not Unknown).
        let event = Event::from_json_str(name, json)
            .unwrap_or_else(|e| panic!("{name} does not parse: {e}\n{json}"));
        assert!(
            !matches!(event, Event::Unknown { .. }),
            "{name} is not a known event"
        );
        emitted
            .entry(name.clone())
            .or_default()
            .push(serde_json::from_str(json).unwrap());
    }
    let mut kinds: Vec<u64> = emitted["INTERACTION_CREATE"]
        .iter()
        .filter_map(|i| i["type"].as_u64())
        .collect();
    kinds.sort_unstable();
    assert_eq!(
        kinds,
        vec![2, 3, 5],
        "command, component and modal interactions"
    );
    let mut problems = Vec::new();
    for (event, real) in real_frames() {
        let Some(ours) = emitted.get(&event) else {
            continue;
        };
        let real_paths = common_paths(&real);
        let mut our_paths = BTreeSet::new();
        let mut ours_empty = BTreeSet::new();
        for o in ours {
            paths_with_leaves(o, "", &mut our_paths, &mut ours_empty);
        }
        for p in real_paths.difference(&our_paths) {
            if !excused(&event, p, &ours_empty) {
                problems.push(format!("{event} {p}"));
            }
        }
    }
    let covered: Vec<&String> = emitted.keys().collect();
    for needed in [
        "READY",
        "GUILD_CREATE",
        "MESSAGE_CREATE",
        "MESSAGE_UPDATE",
        "MESSAGE_DELETE",
        "MESSAGE_REACTION_ADD",
        "INTERACTION_CREATE",
        "THREAD_CREATE",
        "GUILD_MEMBER_UPDATE",
    ] {
        assert!(
            emitted.contains_key(needed),
            "{needed} was not emitted; got {covered:?}"
        );
    }
    assert!(
        problems.is_empty(),
        "fields of real frames the emulator does not send:\n{}",
        problems.join("\n")
    );
}
