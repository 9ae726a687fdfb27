//! Start-up checks: missing and mistyped arguments (direct and through `#[inject]`) and intents
//! that cannot deliver a handler's event are reported before connecting.

mod dispatcher_common;

use std::sync::Arc;

use asyncord::dispatcher::{ArgumentProblem, Context, DispatchError, Dispatcher, handler, inject};
use asyncord::model::Intents;
use asyncord::model::gateway::EventKind;
use dispatcher_common::{MemberAdd, Msg, Reaction};

#[derive(Clone)]
struct Db;

#[inject]
struct Deps {
    db: Db,
    prefix: String,
}

#[handler]
async fn on_message(_event: Msg, my_number: i32, client_name: String, deps: Deps) {
    let _ = (my_number, client_name, deps.db, deps.prefix);
}

#[handler]
async fn on_member(_event: &MemberAdd) {}

#[handler]
async fn on_reaction(_event: Arc<Reaction>) {}

#[test]
fn missing_and_mistyped_arguments_are_reported_with_names_and_types() {
    let d = Dispatcher::new();
    d.add_handler(on_message);
    d.add_argument("my_number", 42_u64); // wrong type
    d.add_argument("prefix", "!".to_owned());
    let Err(DispatchError::Arguments(problems)) = d.check_arguments() else {
        panic!("expected argument problems");
    };
    assert_eq!(
        problems,
        [
            ArgumentProblem {
                handler: "on_message",
                parameter: "my_number",
                via: None,
                argument: "my_number",
                expected: "i32",
                registered: Some("u64"),
            },
            ArgumentProblem {
                handler: "on_message",
                parameter: "client_name",
                via: None,
                argument: "client_name",
                expected: "alloc::string::String",
                registered: None,
            },
            ArgumentProblem {
                handler: "on_message",
                parameter: "deps",
                via: Some(std::any::type_name::<Deps>()),
                argument: "db",
                expected: std::any::type_name::<Db>(),
                registered: None,
            },
        ]
    );
    let text = DispatchError::Arguments(problems).to_string();
    assert!(text.contains("handler `on_message`, parameter `my_number`: argument `my_number` is registered as `u64` but the handler expects `i32`"), "{text}");
    assert!(
        text.contains("add_argument(\"client_name\", value)"),
        "{text}"
    );

    d.add_argument("my_number", 1_i32);
    d.add_argument("client_name", String::new());
    d.add_argument("db", Db);
    d.check_arguments().unwrap();
}

#[test]
fn closures_need_no_declared_arguments() {
    let d = Dispatcher::new();
    d.add_handler(|_e: Arc<Msg>, _ctx: Context| async {});
    d.check_arguments().unwrap();
}

#[test]
fn intents_that_cannot_deliver_an_event_are_an_error_naming_the_intent() {
    let d = Dispatcher::new();
    d.add_handler(on_member);
    d.add_handler(on_reaction);
    assert_eq!(
        d.required_intents(),
        Intents::GUILD_MEMBERS | Intents::GUILD_MESSAGE_REACTIONS
    );
    let Err(DispatchError::Intents(problems)) = d.check_intents(Intents::GUILDS) else {
        panic!("expected intent problems");
    };
    assert_eq!(problems.len(), 2);
    assert_eq!(problems[0].event, EventKind::GuildMemberAdd);
    assert_eq!(problems[0].handlers, ["on_member"]);
    assert_eq!(problems[0].missing, Intents::GUILD_MEMBERS);
    let text = DispatchError::Intents(problems).to_string();
    assert!(
        text.contains("`GUILD_MEMBER_ADD` (handled by `on_member`) needs the intent GUILD_MEMBERS"),
        "{text}"
    );
    assert!(
        text.contains("GUILD_MESSAGE_REACTIONS or DIRECT_MESSAGE_REACTIONS"),
        "{text}"
    );
}

#[test]
fn events_delivered_by_several_intents_warn_when_only_some_are_enabled() {
    let d = Dispatcher::new();
    d.add_handler(on_reaction);
    let warnings = d.check_intents(Intents::GUILD_MESSAGE_REACTIONS).unwrap();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].missing, Intents::DIRECT_MESSAGE_REACTIONS);
    assert!(
        warnings[0]
            .to_string()
            .contains("add DIRECT_MESSAGE_REACTIONS")
    );
    assert!(
        d.check_intents(Intents::GUILD_MESSAGE_REACTIONS | Intents::DIRECT_MESSAGE_REACTIONS)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn wanted_events_follow_registration() {
    let d = Dispatcher::new();
    assert!(d.wanted_events().is_empty());
    assert!(!d.wants(None) && !d.wants_raw());
    let h = d.add_handler(on_member);
    d.add_handler(on_reaction);
    let wanted = d.wanted_events();
    assert_eq!(
        wanted.iter().collect::<Vec<_>>(),
        [EventKind::GuildMemberAdd, EventKind::MessageReactionAdd]
    );
    h.remove();
    assert_eq!(
        d.wanted_events().iter().collect::<Vec<_>>(),
        [EventKind::MessageReactionAdd]
    );
    let raw = d.add_raw_handler(|_r, _c| async {});
    assert!(d.wants(None) && d.wants(Some(EventKind::Ready)));
    raw.remove();
    assert!(!d.wants(None));
}
