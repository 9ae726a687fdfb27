//! A handler with the event and 16 arguments: every argument arrives in its place, the start-up
//! check sees all 16, and the expansion stays small (compile time is noted in the dispatcher's
//! report; the macro emits a fixed amount of code per parameter).

mod dispatcher_common;

use asyncord::dispatcher::{Dispatcher, HandlerResult, handler};
use asyncord::model::gateway::EventKind;
use dispatcher_common::{Msg, collect, frame};
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};

#[handler]
#[allow(clippy::too_many_arguments)]
async fn wide(
    event: Msg,
    a01: u8,
    a02: u16,
    a03: u32,
    a04: u64,
    a05: i8,
    a06: i16,
    a07: i32,
    a08: i64,
    a09: String,
    a10: bool,
    a11: char,
    a12: f32,
    a13: f64,
    a14: Vec<u8>,
    a15: Option<String>,
    tx: UnboundedSender<String>,
) -> HandlerResult {
    tx.send(format!(
        "{} {a01} {a02} {a03} {a04} {a05} {a06} {a07} {a08} {a09} {a10} {a11} {a12} {a13} {a14:?} {a15:?}",
        event.content
    ))?;
    Ok(())
}

#[tokio::test]
async fn sixteen_arguments_each_arrive_by_name() {
    let (tx, mut rx) = unbounded_channel::<String>();
    let d = Dispatcher::new();
    d.add_handler(wide);
    let Err(err) = d.check_arguments() else {
        panic!("nothing is registered yet")
    };
    assert_eq!(err.to_string().matches("parameter `").count(), 16);

    d.add_argument("a01", 1_u8)
        .add_argument("a02", 2_u16)
        .add_argument("a03", 3_u32)
        .add_argument("a04", 4_u64)
        .add_argument("a05", -5_i8)
        .add_argument("a06", -6_i16)
        .add_argument("a07", -7_i32)
        .add_argument("a08", -8_i64)
        .add_argument("a09", "nine".to_owned())
        .add_argument("a10", true)
        .add_argument("a11", 'k')
        .add_argument("a12", 12.5_f32)
        .add_argument("a13", 13.25_f64)
        .add_argument("a14", vec![1_u8, 4])
        .add_argument("a15", Some("fifteen".to_owned()))
        .add_argument("tx", tx);
    d.check_arguments().unwrap();
    d.dispatch(frame(EventKind::MessageCreate, r#"{"content":"w"}"#));
    assert_eq!(
        collect(&mut rx, 1).await,
        [r#"w 1 2 3 4 -5 -6 -7 -8 nine true k 12.5 13.25 [1, 4] Some("fifteen")"#]
    );
}
