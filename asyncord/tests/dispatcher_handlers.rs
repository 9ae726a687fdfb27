//! Handlers of every shape receive the right events with the right arguments.

mod dispatcher_common;

use std::sync::Arc;

use asyncord::dispatcher::{
    Context, Dispatcher, HandlerResult, Inject, InjectError, Named, handler, inject,
};
use asyncord::model::gateway::EventKind;
use dispatcher_common::{Msg, Reaction, collect, frame};
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};

type Tx = UnboundedSender<String>;

#[handler]
async fn by_value(event: Msg, tx: Tx, my_number: i32) -> HandlerResult {
    tx.send(format!("value {} {my_number}", event.content))?;
    Ok(())
}

#[handler]
async fn by_ref(event: &Msg, tx: Tx) {
    let _ = tx.send(format!("ref {}", event.content));
}

#[handler]
async fn by_arc(event: Arc<Msg>, tx: Tx) -> Result<(), std::io::Error> {
    let _ = tx.send(format!("arc {}", event.content));
    Ok(())
}

type MsgAlias = Msg;

#[handler]
async fn by_alias(event: MsgAlias, r#tx: Tx) {
    let _ = tx.send(format!("alias {}", event.content));
}

#[handler]
async fn on_reaction(event: Reaction, tx: Tx) {
    let _ = tx.send(format!("reaction {}", event.emoji));
}

#[tokio::test]
async fn every_event_shape_receives_the_event_and_its_arguments() {
    let (tx, mut rx) = unbounded_channel::<String>();
    let d = Dispatcher::new();
    d.add_argument("tx", tx).add_argument("my_number", 42_i32);
    d.add_handler(by_value);
    d.add_handler(by_ref);
    d.add_handler(by_arc);
    d.add_handler(by_alias);
    d.add_handler(on_reaction);
    d.check_arguments().unwrap();

    assert_eq!(
        d.dispatch(frame(
            EventKind::MessageCreate,
            r#"{"content":"hi","id":"1"}"#
        )),
        4
    );
    let mut got = collect(&mut rx, 4).await;
    got.sort();
    assert_eq!(got, ["alias hi", "arc hi", "ref hi", "value hi 42"]);

    assert_eq!(
        d.dispatch(frame(EventKind::MessageReactionAdd, r#"{"emoji":"👍"}"#)),
        1
    );
    assert_eq!(collect(&mut rx, 1).await, ["reaction 👍"]);
    // No handler: not wanted, nothing spawned.
    assert_eq!(d.dispatch(frame(EventKind::GuildCreate, "{}")), 0);
}

/// Handlers written by a `macro_rules!`, their names and argument types given by the caller,
/// one with a return type and one without: the attribute's own locals must resolve whatever
/// hygiene those tokens carry.
macro_rules! echo_handlers {
    ($with_result:ident, $without:ident, $tx:ty, $prefix:literal) => {
        #[handler]
        async fn $with_result(event: &Msg, tx: $tx) -> HandlerResult {
            tx.send(format!("{} {}", $prefix, event.content))?;
            Ok(())
        }

        #[handler]
        async fn $without(event: &Msg, tx: $tx) {
            let _ = tx.send(format!("{} too {}", $prefix, event.content));
        }
    };
}

echo_handlers!(from_macro, from_macro_too, Tx, "macro");

#[tokio::test]
async fn handlers_written_by_a_macro_rules_run() {
    let (tx, mut rx) = unbounded_channel::<String>();
    let d = Dispatcher::new();
    d.add_argument("tx", tx);
    d.add_handler(from_macro);
    d.add_handler(from_macro_too);
    d.check_arguments().unwrap();
    assert_eq!(
        d.dispatch(frame(
            EventKind::MessageCreate,
            r#"{"content":"hi","id":"1"}"#
        )),
        2
    );
    let mut got = collect(&mut rx, 2).await;
    got.sort();
    assert_eq!(got, ["macro hi", "macro too hi"]);
}

#[tokio::test]
async fn explicit_closure_form_reads_arguments_from_the_context() {
    let (tx, mut rx) = unbounded_channel::<String>();
    let d = Dispatcher::new();
    d.add_argument("my_number", 7_i32);
    d.add_argument("tx", tx);
    d.add_handler_for::<Msg, _>(|event, ctx| async move {
        let n: i32 = ctx.arg("my_number")?;
        let tx: Tx = ctx.arg("tx")?;
        tx.send(format!("{} {n} {}", event.content, ctx.event_name()))?;
        HandlerResult::Ok(())
    });
    d.add_handler(Named::new(
        "annotated",
        |event: Arc<Msg>, ctx: Context| async move {
            let tx: Tx = ctx.arg("tx").unwrap();
            tx.send(format!("{} from {}", event.content, ctx.handler_name()))
                .unwrap();
        },
    ));
    d.dispatch(frame(EventKind::MessageCreate, r#"{"content":"yo"}"#));
    let mut got = collect(&mut rx, 2).await;
    got.sort();
    assert_eq!(got, ["yo 7 MESSAGE_CREATE", "yo from annotated"]);
}

/// Fields resolved by name, one of them itself injected.
#[inject]
struct Services {
    tx: Tx,
    my_number: i32,
    author: Author,
}

/// Computed from the event.
struct Author(String);

impl Inject for Author {
    async fn inject(ctx: &Context) -> Result<Self, InjectError> {
        let msg = ctx.event_for::<Msg, Self>()?;
        Ok(Author(msg.author.clone().unwrap_or_default()))
    }
}

#[handler]
async fn with_services(_event: Msg, services: Services, ctx: Context, author: Author) {
    let _ = services.tx.send(format!(
        "{} {} {} {}",
        services.my_number,
        services.author.0,
        author.0,
        ctx.seq()
    ));
}

#[tokio::test]
async fn injected_parameters_are_computed_per_call() {
    let (tx, mut rx) = unbounded_channel::<String>();
    let d = Dispatcher::new();
    d.add_argument("tx", tx).add_argument("my_number", 5_i32);
    d.add_handler(with_services);
    d.check_arguments().unwrap();
    d.dispatch(frame(
        EventKind::MessageCreate,
        r#"{"content":"x","author":"ann"}"#,
    ));
    assert_eq!(collect(&mut rx, 1).await, ["5 ann ann 1"]);
}

static CLONES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// An event that counts its clones.
#[derive(serde::Deserialize)]
struct Counted {
    n: u32,
}

impl Clone for Counted {
    fn clone(&self) -> Self {
        CLONES.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Counted { n: self.n }
    }
}

impl asyncord::model::gateway::GatewayEvent for Counted {
    const KIND: EventKind = EventKind::TypingStart;
}

#[handler]
async fn takes_counted(event: Counted, tx: Tx) {
    let _ = tx.send(event.n.to_string());
}

#[tokio::test]
async fn a_by_value_event_is_cloned_only_for_handlers_that_share_it() {
    let (tx, mut rx) = unbounded_channel::<String>();
    let d = Dispatcher::new();
    d.add_argument("tx", tx);
    d.add_handler(takes_counted);
    d.dispatch(frame(EventKind::TypingStart, r#"{"n":1}"#));
    assert_eq!(collect(&mut rx, 1).await, ["1"]);
    assert_eq!(
        CLONES.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "sole handler: moved"
    );

    d.add_handler(takes_counted);
    d.dispatch(frame(EventKind::TypingStart, r#"{"n":2}"#));
    assert_eq!(collect(&mut rx, 2).await, ["2", "2"]);
    assert_eq!(
        CLONES.load(std::sync::atomic::Ordering::SeqCst),
        1,
        "two handlers: one clone"
    );
}
