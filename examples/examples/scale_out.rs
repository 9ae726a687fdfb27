//! One bot in three processes, as at scale: a gateway process runs the shards and publishes
//! their dispatches to Redis; two worker processes run the handlers, each event in exactly one
//! of them, their REST requests sharing the bot's rate limits through Redis. One binary, three
//! roles: `scale_out gateway`, `scale_out worker` (or `both`), configured by
//! `GroupConfig::scale_out`.
//!
//! `cargo run --example scale_out` runs it all offline: it starts a `redis-server` (it must be
//! installed) and the emulator, launches the gateway and two workers as child processes of its
//! own, lets a simulated user send 20 messages, waits for the 20 answers, and stops them all.
//! Against Discord, start the roles yourself with `DISCORD_TOKEN` and `REDIS_URL` set.

use std::error::Error;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use asyncord::prelude::*;
use asyncord::redis::{Role, ScaleOut};
use asyncord::testkit::{Emulator, RedisServer};

/// Answers every message of a user, saying which worker process did.
#[handler]
async fn on_message(event: MessageCreateEvent, client: RestClient) -> HandlerResult {
    if event.author.bot {
        return Ok(());
    }
    let text = format!("handled by worker {}", std::process::id());
    client
        .channels
        .messages(event.channel_id)
        .create(CreateMessage::content(text))
        .await?;
    Ok(())
}

/// One process of the bot, in `role`: `DISCORD_TOKEN`, `REDIS_URL` and (offline)
/// `DISCORD_API_URL` say where.
async fn run(role: Role) -> asyncord::Result<()> {
    let token = std::env::var("DISCORD_TOKEN")?;
    let redis = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/".into());
    let config = GroupConfig::from_env()?.scale_out(ScaleOut::new(redis).role(role));
    asyncord::connect_with(token, config, async |group| {
        group.dispatcher.add_handler(on_message);
    })
    .await
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    tracing_subscriber::fmt::init();
    match std::env::args().nth(1) {
        Some(role) => Ok(run(role.parse()?).await?),
        None => launch().await,
    }
}

/// Offline: Redis, the emulator, a gateway and two workers; 20 messages, 20 answers.
async fn launch() -> Result<(), Box<dyn Error>> {
    let redis = RedisServer::start()?;
    let emu = Emulator::start().await?;
    let exe = std::env::current_exe()?;
    let start = |role: &str| -> std::io::Result<Child> {
        Command::new(&exe)
            .arg(role)
            .env("DISCORD_TOKEN", emu.token())
            .env("DISCORD_API_URL", emu.rest_url())
            .env("REDIS_URL", redis.url())
            .stdin(Stdio::null())
            .spawn()
    };
    let mut children = vec![start("gateway")?, start("worker")?, start("worker")?];
    let outcome = talk(&emu).await;
    for child in &mut children {
        let _ = child.kill();
        let _ = child.wait();
    }
    outcome
}

async fn talk(emu: &Emulator) -> Result<(), Box<dyn Error>> {
    emu.wait_for_sessions(1).await?;
    let alice = emu.user_named("alice")?;
    // A little apart, so that each goes to whichever worker waits longest. (The bot's answers
    // are events too, handed to the workers in turn: one worker may get every user message.)
    for i in 0..20 {
        alice.send_message(emu.channel_id(), &format!("message {i}"))?;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let answers = tokio::time::timeout(Duration::from_mins(1), async {
        loop {
            let answers: Vec<String> = emu
                .rest()
                .requests()
                .into_iter()
                .filter(|r| r.method == "POST" && r.status == 200)
                .map(|r| String::from_utf8_lossy(&r.body).into_owned())
                .collect();
            if answers.len() >= 20 {
                return answers;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await
    .map_err(|_| "the workers did not answer the 20 messages in time")?;
    println!("{} answers:", answers.len());
    for answer in answers {
        println!("  {answer}");
    }
    Ok(())
}
