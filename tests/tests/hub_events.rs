//! Which dispatches reach a client group: the gateway drops kinds nobody handles right after
//! its envelope peek (they never count as events), and a handler added while the bot runs gets
//! its kind from the next frame on.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use asyncord::ClientHub;
use asyncord::client_hub::HubConfig;
use asyncord::dispatcher::{HandlerResult, handler};
use asyncord::model::Intents;
use asyncord::model::gateway::events::{MessageCreateEvent, MessageReactionAddEvent};
use asyncord::testkit::{Emulator, EmulatorBots};

#[derive(Clone, Default)]
struct Seen {
    messages: Arc<AtomicUsize>,
    reactions: Arc<AtomicUsize>,
}

#[handler]
async fn on_message(_event: MessageCreateEvent, seen: Seen) -> HandlerResult {
    seen.messages.fetch_add(1, Ordering::SeqCst);
    Ok(())
}

#[handler]
async fn on_reaction(_event: MessageReactionAddEvent, seen: Seen) -> HandlerResult {
    seen.reactions.fetch_add(1, Ordering::SeqCst);
    Ok(())
}

/// Waits (virtual time) until `counter` reaches `n`.
async fn reach(counter: &AtomicUsize, n: usize) {
    tokio::time::timeout(Duration::from_mins(1), async {
        while counter.load(Ordering::SeqCst) < n {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .expect("the handlers did not run in time");
}

#[tokio::test(start_paused = true)]
async fn unhandled_kinds_are_dropped_and_handlers_added_while_running_are_honoured() {
    let emu = Emulator::start().await.expect("emulator");
    let mut hub = ClientHub::with_config(HubConfig {
        handle_signals: false,
        ..HubConfig::default()
    });
    let group = hub
        .create_client_group_with(
            "bot",
            emu.token(),
            emu.group_config()
                .add_intents(Intents::MESSAGE_CONTENT | Intents::GUILD_MESSAGE_REACTIONS),
        )
        .unwrap();
    let seen = Seen::default();
    group.dispatcher.add_argument("seen", seen.clone());
    group.dispatcher.add_handler(on_message);

    let (summary, ()) = tokio::join!(hub.start(), async {
        emu.wait_for_sessions(1).await.unwrap();
        let alice = emu.user_named("alice").unwrap();
        let first = alice.send_message(emu.channel_id(), "one").unwrap();
        reach(&seen.messages, 1).await;
        // Nobody handles reactions yet: this one is dropped by the gateway.
        alice.react(emu.channel_id(), first, "👍").unwrap();
        alice.send_message(emu.channel_id(), "two").unwrap();
        reach(&seen.messages, 2).await;
        assert_eq!(seen.reactions.load(Ordering::SeqCst), 0);

        group.dispatcher.add_handler(on_reaction);
        alice.react(emu.channel_id(), first, "🎉").unwrap();
        reach(&seen.reactions, 1).await;
        hub.stop();
    });
    let summary = summary.expect("a clean run");
    let report = summary.group("bot").unwrap();
    // READY, the GUILD_CREATEs and the first reaction were never handed on.
    assert_eq!(report.events, 3, "two messages and the second reaction");
    assert_eq!(seen.messages.load(Ordering::SeqCst), 2);
    assert_eq!(seen.reactions.load(Ordering::SeqCst), 1);
}
