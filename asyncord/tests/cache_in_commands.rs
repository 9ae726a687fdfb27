//! The `cache` argument in a `#[command]`, as in a handler: a command reads the guild's roles and
//! the invoking member's from the cache the gateway filled, without a REST call.

use asyncord::cache::{Cache, CacheConfig};
use asyncord::prelude::*;
use asyncord::testkit::{Emulator, EmulatorBots, Invocation};

/// Says what the cache knows about the invoking member.
#[command]
async fn whoami(ctx: CommandContext, cache: Cache) -> CommandResult {
    let guild_id = ctx.guild_id().ok_or("not in a guild")?;
    let roles = cache.roles(guild_id).len();
    let known = cache.member(guild_id, ctx.user().id).is_some();
    ctx.reply(format!(
        "{roles} roles in the guild, member cached: {known}"
    ))
    .await?;
    Ok(())
}

#[tokio::test(start_paused = true)]
async fn a_command_reads_the_cache_argument() {
    let emu = Emulator::start().await.unwrap();
    let _bot = emu
        .run_bot(|g| {
            g.enable_cache(CacheConfig::default());
            g.dispatcher.add_commands([whoami()]);
        })
        .await
        .unwrap();
    let guild = emu.guild_id();
    let roles = emu
        .rest_client()
        .guilds
        .roles(guild)
        .list()
        .await
        .unwrap()
        .len();
    assert!(roles > 0, "the emulator's guild has roles");
    let alice = emu.user_named("alice").unwrap();
    let asked = alice
        .invoke(emu.channel_id(), Invocation::slash("whoami"))
        .await
        .unwrap();
    assert_eq!(
        asked.response().await.unwrap().content(),
        Some(format!("{roles} roles in the guild, member cached: true").as_str())
    );
}
