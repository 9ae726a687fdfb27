//! What runs before a command, through the emulator: the permissions the user and the bot need
//! (read from `member.permissions` and `app_permissions`), the bot's own checks, cooldowns per
//! user and per channel on tokio's paused clock, the default ephemeral answers that say what
//! went wrong, the error hook, and the automatic deferral before Discord's deadline.

// Autocomplete functions and checks are `async` by contract; these need no `.await`.
#![allow(clippy::unused_async)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use asyncord::prelude::*;
use asyncord::testkit::{Emulator, EmulatorBots, Invocation};

/// Bans someone.
#[command(
    required_permissions(BAN_MEMBERS),
    required_bot_permissions(BAN_MEMBERS, KICK_MEMBERS)
)]
async fn ban(ctx: CommandContext) -> CommandResult {
    ctx.reply("banned").await?;
    Ok(())
}

async fn is_alice(ctx: CommandContext) -> bool {
    ctx.user().username == "alice"
}

async fn not_on_sunday(_ctx: CommandContext) -> Result<(), String> {
    Err("it is Sunday".to_owned())
}

/// Only for alice.
#[command(check = is_alice)]
async fn secret(ctx: CommandContext) -> CommandResult {
    ctx.reply("welcome, alice").await?;
    Ok(())
}

/// Never on Sundays.
#[command(checks(not_on_sunday))]
async fn work(ctx: CommandContext) -> CommandResult {
    ctx.reply("working").await?;
    Ok(())
}

/// Slow to use again.
#[command(cooldown(user = 10, channel = 3))]
async fn slow(ctx: CommandContext) -> CommandResult {
    ctx.reply("done").await?;
    Ok(())
}

/// Fails on purpose.
#[command]
async fn broken(_ctx: CommandContext) -> CommandResult {
    Err("the database password is wrong".into())
}

/// Takes its time.
#[command(auto_defer(ephemeral))]
async fn ponder(ctx: CommandContext) -> CommandResult {
    tokio::time::sleep(Duration::from_secs(5)).await;
    ctx.reply("pondered").await?;
    Ok(())
}

async fn start(emu: &Emulator) -> asyncord::testkit::RunningBot {
    emu.run_bot(|g| {
        g.dispatcher
            .add_commands([ban(), secret(), work(), slow(), broken(), ponder()]);
    })
    .await
    .unwrap()
}

async fn answer(emu: &Emulator, user: &str, invocation: Invocation) -> (String, bool) {
    let user = emu.user_named(user).unwrap();
    let ask = user.invoke(emu.channel_id(), invocation).await.unwrap();
    let reply = ask.response().await.unwrap();
    (
        reply.content().unwrap_or_default().to_owned(),
        reply.is_ephemeral(),
    )
}

#[tokio::test(start_paused = true)]
async fn permissions_of_the_user_and_the_bot_are_checked_first() {
    let emu = Emulator::start().await.unwrap();
    let _bot = start(&emu).await;
    let (text, ephemeral) = answer(
        &emu,
        "alice",
        Invocation::slash("ban").permissions(Permissions::SEND_MESSAGES),
    )
    .await;
    assert_eq!(
        text,
        "You need the Ban Members permission to use this command."
    );
    assert!(ephemeral);
    let (text, _) = answer(
        &emu,
        "alice",
        Invocation::slash("ban")
            .permissions(Permissions::BAN_MEMBERS)
            .app_permissions(Permissions::SEND_MESSAGES),
    )
    .await;
    assert_eq!(
        text,
        "I need the Kick Members and Ban Members permissions in this channel to do that."
    );
    let (text, _) = answer(
        &emu,
        "alice",
        Invocation::slash("ban").permissions(Permissions::ADMINISTRATOR),
    )
    .await;
    assert_eq!(text, "banned", "administrators lack nothing");
}

#[tokio::test(start_paused = true)]
async fn checks_decide_who_runs_a_command() {
    let emu = Emulator::start().await.unwrap();
    let _bot = start(&emu).await;
    assert_eq!(
        answer(&emu, "alice", Invocation::slash("secret")).await.0,
        "welcome, alice"
    );
    let (text, ephemeral) = answer(&emu, "bob", Invocation::slash("secret")).await;
    assert_eq!(text, "You can't use this command here.");
    assert!(ephemeral);
    let (text, _) = answer(&emu, "alice", Invocation::slash("work")).await;
    assert_eq!(text, "You can't use this command: it is Sunday");
}

#[tokio::test(start_paused = true)]
async fn cooldowns_refuse_with_the_time_left() {
    let emu = Emulator::start().await.unwrap();
    let _bot = start(&emu).await;
    assert_eq!(
        answer(&emu, "alice", Invocation::slash("slow")).await.0,
        "done"
    );
    // Another user in the same channel waits for the channel's cooldown.
    let (text, ephemeral) = answer(&emu, "bob", Invocation::slash("slow")).await;
    assert!(ephemeral);
    assert!(
        text.starts_with("This command is on cooldown: try again in "),
        "{text}"
    );
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert_eq!(
        answer(&emu, "bob", Invocation::slash("slow")).await.0,
        "done"
    );
    // Alice waits for her own, 10 seconds from her use.
    let (text, _) = answer(&emu, "alice", Invocation::slash("slow")).await;
    assert!(text.contains("try again in 6 seconds"), "{text}");
    tokio::time::sleep(Duration::from_secs(7)).await;
    assert_eq!(
        answer(&emu, "alice", Invocation::slash("slow")).await.0,
        "done"
    );
}

#[tokio::test(start_paused = true)]
async fn a_commands_own_error_is_told_generically_and_logged() {
    let emu = Emulator::start().await.unwrap();
    let _bot = start(&emu).await;
    let (text, ephemeral) = answer(&emu, "alice", Invocation::slash("broken")).await;
    assert_eq!(text, "Something went wrong while running this command.");
    assert!(ephemeral);
    assert!(!text.contains("password"));
}

#[tokio::test(start_paused = true)]
async fn the_error_hook_replaces_the_default_answer() {
    let emu = Emulator::start().await.unwrap();
    let failures = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&failures);
    let _bot = emu
        .run_bot(move |g| {
            g.dispatcher.add_commands([broken(), secret()]);
            g.dispatcher.set_command_error_hook(move |failure| {
                let seen = Arc::clone(&seen);
                async move {
                    seen.fetch_add(1, Ordering::SeqCst);
                    let text = match &failure.error {
                        CommandError::CheckFailed { check, .. } => format!("no ({check})"),
                        other => format!("oops: {other}"),
                    };
                    failure.context.ephemeral(text).await.unwrap();
                }
            });
        })
        .await
        .unwrap();
    let (text, _) = answer(&emu, "alice", Invocation::slash("broken")).await;
    assert_eq!(text, "oops: the database password is wrong");
    let (text, _) = answer(&emu, "bob", Invocation::slash("secret")).await;
    assert_eq!(text, "no (is_alice)");
    assert_eq!(failures.load(Ordering::SeqCst), 2);
}

#[tokio::test(start_paused = true)]
async fn a_slow_command_is_deferred_before_the_deadline() {
    let emu = Emulator::start().await.unwrap();
    let _bot = start(&emu).await;
    let alice = emu.user_named("alice").unwrap();
    let started = tokio::time::Instant::now();
    let ask = alice
        .invoke(emu.channel_id(), Invocation::slash("ponder"))
        .await
        .unwrap();
    let reply = ask.response().await.unwrap();
    assert_eq!(reply.kind, 5, "deferred");
    assert!(reply.is_ephemeral());
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(2500) && waited < Duration::from_secs(3),
        "deferred after {waited:?}"
    );
    let message = ask.message().await.unwrap();
    assert_eq!(message.content, "pondered");
}

/// Panics on purpose.
#[command]
async fn explode(_ctx: CommandContext) -> CommandResult {
    panic!("the secret is 42");
}

#[tokio::test(start_paused = true)]
async fn a_panicking_command_is_answered_and_the_bot_goes_on() {
    let emu = Emulator::start().await.unwrap();
    let _bot = emu
        .run_bot(|g| {
            g.dispatcher.add_commands([explode(), secret()]);
        })
        .await
        .unwrap();
    let (text, ephemeral) = answer(&emu, "alice", Invocation::slash("explode")).await;
    assert_eq!(text, "Something went wrong while running this command.");
    assert!(ephemeral);
    assert_eq!(
        answer(&emu, "alice", Invocation::slash("secret")).await.0,
        "welcome, alice"
    );
}
