//! The offline switch: `Offline::play` runs a scene once the bots are connected and ends the
//! run with the scene's outcome — `Ok` when it passes, the scene's failure (or panic) as
//! `connect`'s error otherwise — and the tokens and configuration it hands out reach the
//! emulator's bots.

use asyncord::client_hub::HubError;
use asyncord::dispatcher::{HandlerResult, handler};
use asyncord::model::Intents;
use asyncord::model::gateway::events::MessageCreateEvent;
use asyncord::model::request::CreateMessage;
use asyncord::rest::RestClient;
use asyncord::testkit::{Offline, Scene, SceneResult, check};
use asyncord::{ClientHub, connect_with};

#[handler]
async fn pong(event: MessageCreateEvent, client: RestClient) -> HandlerResult {
    if event.content == "!ping" {
        let reply = CreateMessage::content("pong");
        client
            .channels
            .messages(event.channel_id)
            .create(reply)
            .await?;
    }
    Ok(())
}

async fn expects_pong(s: Scene) -> SceneResult {
    s.say("alice", "!ping")?;
    check(s.reply().await?.content == "pong", "the bot answers pong")
}

async fn expects_ping_back(s: Scene) -> SceneResult {
    s.say("alice", "!ping")?;
    check(s.reply().await?.content == "ping", "the bot answers ping")
}

async fn panics(_s: Scene) -> SceneResult {
    panic!("a scene bug")
}

/// Runs the pong bot with `scene` through `connect`, as an example does.
async fn run_pong<F, Fut>(scene: F) -> asyncord::Result<()>
where
    F: FnOnce(Scene) -> Fut + Send + 'static,
    Fut: Future<Output = SceneResult> + Send + 'static,
{
    let bot = Offline::emulated().await?;
    assert!(bot.is_offline());
    let config = bot.config().add_intents(Intents::MESSAGE_CONTENT);
    connect_with(bot.token(), config, async |group| {
        group.dispatcher.add_handler(pong);
        bot.play(group, scene);
    })
    .await
}

#[tokio::test(start_paused = true)]
async fn a_scene_that_passes_ends_the_run_cleanly() {
    run_pong(expects_pong).await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn a_scene_whose_expectation_fails_fails_connect() {
    let err = run_pong(expects_ping_back).await.unwrap_err();
    assert!(
        matches!(err, asyncord::Error::Hub(HubError::StoppedWithError(_))),
        "{err:?}"
    );
    let text = err.to_string();
    assert!(
        text.contains("the offline scene failed: the bot answers ping"),
        "{text}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_scene_that_panics_fails_connect() {
    let err = run_pong(panics).await.unwrap_err().to_string();
    assert!(err.contains("the offline scene panicked"), "{err}");
}

#[tokio::test(start_paused = true)]
async fn a_scene_against_a_bot_that_never_connects_fails_the_run_with_the_wait() {
    // Two bots expected, only one started: the scene never begins, and the run says why.
    let bots = Offline::emulated_for(&["one", "two"]).await.unwrap();
    let mut hub = ClientHub::new();
    hub.set_group_defaults(bots.config());
    let one = hub
        .create_client_group("one", bots.token_of("one").unwrap())
        .unwrap();
    bots.play(&one, expects_pong);
    let err = hub.start().await.unwrap_err().to_string();
    assert!(
        err.contains("the offline scene failed") && err.contains("2 identified gateway sessions"),
        "{err}"
    );
}

#[tokio::test(start_paused = true)]
async fn named_bots_get_their_own_tokens_and_bot_users() {
    let bots = Offline::emulated_for(&["listener", "speaker"])
        .await
        .unwrap();
    let emulator = bots.emulator().unwrap();
    assert_eq!(bots.token(), bots.token_of("listener").unwrap());
    for name in ["listener", "speaker"] {
        let account = emulator.bot_by_token(bots.token_of(name).unwrap()).unwrap();
        assert_eq!(account.user["username"], name);
    }
    let err = bots.token_of("other").unwrap_err().to_string();
    assert!(
        err.contains("\"other\"") && err.contains("listener"),
        "{err}"
    );
    assert!(Offline::emulated_for(&[]).await.is_err());
}

#[tokio::test(start_paused = true)]
async fn the_rest_client_and_ids_point_at_the_emulator() {
    let bot = Offline::emulated().await.unwrap();
    let emulator = bot.emulator().unwrap();
    assert_eq!(bot.guild_id().unwrap(), emulator.guild_id());
    assert_eq!(bot.channel_id().unwrap(), emulator.channel_id());
    let client = bot.rest_client();
    let me = client.users.me().await.unwrap();
    assert_eq!(me.id, emulator.bot().user_id);
    let channel = client
        .channels
        .get(bot.channel_id().unwrap())
        .await
        .unwrap();
    assert_eq!(channel.name.as_deref(), Some("general"));
}

#[tokio::test(start_paused = true)]
async fn debug_output_names_the_bots_without_their_tokens() {
    let bots = Offline::emulated_for(&["listener", "speaker"])
        .await
        .unwrap();
    let shown = format!("{bots:?}");
    assert!(
        shown.contains("listener") && shown.contains("speaker"),
        "{shown}"
    );
    for name in ["listener", "speaker"] {
        let token = bots.token_of(name).unwrap();
        assert!(!shown.contains(token), "{shown}");
    }
}
