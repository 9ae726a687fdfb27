//! Every example, run offline: the example's own handlers and scene against the emulator, on
//! tokio's paused clock. A scene fails when the bot does not do what it shows.

use asyncord_examples::{
    custom_arguments, inject_argument, quickstart, rest_script, run_offline, slash_button, two_bots,
};

#[tokio::test(start_paused = true)]
async fn quickstart_echoes_and_ignores_bots() {
    run_offline(&["quickstart"], quickstart::setup, quickstart::scene)
        .await
        .unwrap();
}

#[tokio::test(start_paused = true)]
async fn custom_arguments_reach_both_handler_forms() {
    run_offline(
        &["custom_arguments"],
        custom_arguments::setup,
        custom_arguments::scene,
    )
    .await
    .unwrap();
}

#[tokio::test(start_paused = true)]
async fn inject_argument_resolves_fields_and_event_values() {
    run_offline(
        &["inject_argument"],
        inject_argument::setup,
        inject_argument::scene,
    )
    .await
    .unwrap();
}

#[tokio::test(start_paused = true)]
async fn two_bots_relay_through_client_groups() {
    run_offline(&two_bots::BOTS, two_bots::setup, two_bots::scene)
        .await
        .unwrap();
}

#[tokio::test(start_paused = true)]
async fn rest_script_posts_and_lists() {
    rest_script::offline().await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn slash_command_button_and_wait_for() {
    run_offline(&["slash_button"], slash_button::setup, slash_button::scene)
        .await
        .unwrap();
}

/// A scene that expects something the bot does not do fails the run (the tests above are not
/// vacuous).
#[tokio::test(start_paused = true)]
async fn a_scene_whose_expectation_fails_fails_the_run() {
    let result = run_offline(&["quickstart"], quickstart::setup, async |s| {
        s.say("alice", "hi")?;
        let reply = s.reply().await?;
        asyncord_examples::check(reply.content == "something else", "an impossible reply")
    })
    .await;
    let err = result.unwrap_err().to_string();
    assert!(err.contains("an impossible reply"), "{err}");
}
