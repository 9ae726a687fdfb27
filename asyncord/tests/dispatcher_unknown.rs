//! Unknown-event handlers: they see the dispatches whose name this version does not know, with
//! the registered arguments, and make the dispatcher want nothing else.

mod dispatcher_common;

use std::sync::Arc;

use asyncord::dispatcher::{Context, Dispatcher, UnknownEvent};
use asyncord::model::gateway::EventKind;
use dispatcher_common::{Msg, collect, frame, unknown_frame};
use tokio::sync::mpsc::unbounded_channel;

#[tokio::test]
async fn unknown_handlers_get_unknown_names_only_with_arguments() {
    let (tx, mut rx) = unbounded_channel::<(UnknownEvent, u32)>();
    let d = Dispatcher::new();
    d.add_argument("bonus", 7_u32);
    assert!(!d.wants(None), "nothing registered wants unknown events");
    let handle = d.add_unknown_handler(move |event: UnknownEvent, ctx: Context| {
        let tx = tx.clone();
        async move {
            let bonus: u32 = ctx.arg("bonus")?;
            assert_eq!(ctx.event_name(), &*event.name);
            assert_eq!(ctx.event_kind(), None);
            let _ = tx.send((event, bonus));
            Ok::<(), asyncord::dispatcher::InjectError>(())
        }
    });
    assert_eq!(d.handler_count(), 1);
    // Unknown names are wanted; known events without handlers are not (no raw handler: their
    // frames are never copied for it).
    assert!(d.wants(None));
    assert!(!d.wants_raw());
    assert!(!d.wants(Some(EventKind::MessageCreate)));
    assert_eq!(d.dispatch(frame(EventKind::MessageCreate, "{}")), 0);

    assert_eq!(
        d.dispatch(unknown_frame("BRAND_NEW_EVENT", r#"{"x":1}"#)),
        1
    );
    let (event, bonus) = collect(&mut rx, 1).await.remove(0);
    assert_eq!(bonus, 7);
    assert_eq!(
        (&*event.name, event.shard_id, event.seq),
        ("BRAND_NEW_EVENT", 3, 9)
    );
    assert_eq!(event.json(), Some(r#"{"x":1}"#));
    assert_eq!(event.parse::<serde_json::Value>().unwrap()["x"], 1);
    assert!(format!("{event:?}").contains("<7 bytes>"));

    assert!(handle.remove());
    assert!(!d.wants(None));
    assert_eq!(d.dispatch(unknown_frame("BRAND_NEW_EVENT", "{}")), 0);
}

#[tokio::test]
async fn unknown_handlers_leave_typed_handlers_alone() {
    let (tx, mut rx) = unbounded_channel::<String>();
    let d = Dispatcher::new();
    let typed = tx.clone();
    d.add_handler(move |e: Arc<Msg>, _ctx: Context| {
        let _ = typed.send(format!("typed {}", e.content));
        async {}
    });
    d.add_unknown_handler(move |e: UnknownEvent, _ctx: Context| {
        let _ = tx.send(format!("unknown {}", e.name));
        async {}
    });
    assert_eq!(
        d.dispatch(frame(EventKind::MessageCreate, r#"{"content":"a"}"#)),
        1
    );
    assert_eq!(collect(&mut rx, 1).await, ["typed a"]);
    assert_eq!(d.dispatch(unknown_frame("SOON", "{}")), 1);
    assert_eq!(collect(&mut rx, 1).await, ["unknown SOON"]);
}
