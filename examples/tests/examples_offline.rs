//! Every example, run offline: each example's own `run` — the bot its `main` starts, with the
//! same handlers, setup and scene — against the emulator, on tokio's paused clock. A run fails
//! when the bot does not do what the example's scene expects (see
//! `asyncord/tests/testkit_offline.rs` for a scene that fails).
//!
//! `Offline::emulated` is what `Offline::from_env` returns without `DISCORD_TOKEN`, whatever
//! the environment of the test.

use asyncord::testkit::Offline;

#[path = "../examples/quickstart.rs"]
#[allow(dead_code)]
mod quickstart;

#[path = "../examples/custom_arguments.rs"]
#[allow(dead_code)]
mod custom_arguments;

#[path = "../examples/inject_argument.rs"]
#[allow(dead_code)]
mod inject_argument;

#[path = "../examples/two_bots.rs"]
#[allow(dead_code)]
mod two_bots;

#[path = "../examples/rest_script.rs"]
#[allow(dead_code)]
mod rest_script;

#[path = "../examples/slash_button.rs"]
#[allow(dead_code)]
mod slash_button;

#[path = "../examples/commands.rs"]
#[allow(dead_code)]
mod commands;

#[path = "../examples/gateway_argument.rs"]
#[allow(dead_code)]
mod gateway_argument;

#[path = "../examples/resources.rs"]
#[allow(dead_code)]
mod resources;

#[path = "../examples/http_interactions.rs"]
#[allow(dead_code)]
mod http_interactions;

async fn offline() -> Offline {
    Offline::emulated().await.unwrap()
}

#[tokio::test(start_paused = true)]
async fn quickstart_echoes_and_ignores_bots() {
    quickstart::run(&offline().await).await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn custom_arguments_reach_both_handler_forms() {
    custom_arguments::run(&offline().await).await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn inject_argument_resolves_fields_and_event_values() {
    inject_argument::run(&offline().await).await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn two_bots_relay_through_client_groups() {
    let bots = Offline::emulated_for(&["listener", "speaker"])
        .await
        .unwrap();
    two_bots::run(&bots).await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn rest_script_posts_and_lists() {
    let bot = offline().await;
    rest_script::run(&bot).await.unwrap();
    let emulator = bot.emulator().unwrap();
    let messages = emulator.world().messages(emulator.channel_id());
    assert!(
        messages
            .iter()
            .any(|m| m["content"] == "Hello from a REST script!"),
        "the script's message is in the emulated channel: {messages:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn slash_command_button_and_wait_for() {
    slash_button::run(&offline().await).await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn gateway_argument_sets_presence_and_reads_latency() {
    gateway_argument::run(&offline().await).await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn resources_are_fetched_in_the_setup_before_connecting() {
    resources::run(&offline().await).await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn commands_add_find_show_delete_and_save_tags() {
    commands::run(&offline().await).await.unwrap();
}

/// Over real loopback HTTP (the emulator POSTs to the bot's endpoint), so on the real clock:
/// on the paused one, time would jump ahead while bytes are in flight.
#[tokio::test]
async fn http_interactions_answers_in_the_http_response_and_defers_the_slow_command() {
    http_interactions::run(&offline().await).await.unwrap();
}
