//! Malformed frames and unknown events are logged and skipped and the shard stays up; events
//! nobody asked for are dropped after the envelope peek.

mod gateway_support;

use asyncord::gateway::{Compression, EventChannel, Gateway};
use asyncord::model::gateway::{EventKind, EventSet};
use gateway_support::*;
use serde_json::json;

#[tokio::test(start_paused = true)]
async fn malformed_frames_are_skipped_and_the_shard_stays_up() {
    for compression in [
        Compression::None,
        Compression::ZlibStream,
        Compression::ZstdStream,
    ] {
        let env = setup(server_config()).await;
        let mut gw = Gateway::connect(client_config(&env, compression))
            .await
            .unwrap();
        until(&mut gw, "GUILD_CREATE").await;
        until(&mut gw, "GUILD_CREATE").await;
        for junk in [
            "not json at all",
            "",
            "[1,2,3]",
            r#"{"t":"MESSAGE_CREATE","s":99,"d":{}}"#,
            r#"{"op":0,"s":"x","t":"A","d":{}}"#,
            r#"{"op":10,"d":{"nope":1}}"#,
            r#"{"op":999,"d":null}"#,
        ] {
            env.server.send_raw(0, junk);
        }
        // sequenced dispatches whose d is broken: the shard does not parse d, it hands the bytes
        // on (the dispatcher reports the parse error) and keeps going
        env.server
            .dispatch_raw(0, "MESSAGE_CREATE", r#"{"unterminated": "#)
            .unwrap();
        env.server
            .dispatch_raw(0, "MESSAGE_CREATE", "{\"x\u{1F600}\":tru")
            .unwrap();
        let seq = env
            .server
            .dispatch(0, "MESSAGE_CREATE", &json!({"id": "1"}))
            .unwrap();
        let f = loop {
            let f = next(&mut gw).await;
            if f.seq == seq {
                break f;
            }
            assert!(serde_json::from_slice::<serde_json::Value>(&f.data).is_err());
        };
        assert_eq!(&f.data[..], br#"{"id":"1"}"#, "{compression:?}");
        assert_eq!(
            env.server.connection_count(),
            1,
            "{compression:?}: no reconnect needed"
        );
    }
}

#[tokio::test(start_paused = true)]
async fn unknown_events_are_delivered_raw_or_dropped() {
    let env = setup(server_config()).await;
    let mut gw = Gateway::connect(client_config(&env, Compression::ZstdStream))
        .await
        .unwrap();
    until(&mut gw, "GUILD_CREATE").await;
    until(&mut gw, "GUILD_CREATE").await;
    let seq = env
        .server
        .dispatch(
            0,
            "SOMETHING_DISCORD_ADDED_LATER",
            &json!({"a": [1, {"b": null}]}),
        )
        .unwrap();
    let f = next(&mut gw).await;
    assert_eq!(
        (f.kind, f.name.as_ref(), f.seq),
        (None, "SOMETHING_DISCORD_ADDED_LATER", seq)
    );
    assert_eq!(&f.data[..], br#"{"a":[1,{"b":null}]}"#);

    // a consumer that wants only MESSAGE_CREATE sees nothing else, READY included
    let env = setup(server_config()).await;
    let wanted: EventSet = [EventKind::MessageCreate].into_iter().collect();
    let cfg = client_config(&env, Compression::ZlibStream)
        .channel(EventChannel::new().events(wanted, false));
    let mut gw = Gateway::connect(cfg).await.unwrap();
    env.server.wait_for(|ev| identifies(ev) == 1).await;
    env.server.dispatch(0, "SOMETHING_NEW", &json!({})).unwrap();
    env.server
        .dispatch(0, "TYPING_START", &json!({"channel_id": "1"}))
        .unwrap();
    // an unwanted event whose d is broken is dropped without looking at d
    env.server
        .dispatch_raw(0, "TYPING_START", r#"{"broken"#)
        .unwrap();
    let seq = env
        .server
        .dispatch(0, "MESSAGE_CREATE", &json!({"id": "2"}))
        .unwrap();
    let f = next(&mut gw).await;
    assert_eq!((f.kind, f.seq), (Some(EventKind::MessageCreate), seq));
    // the session's sequence still counts every event, wanted or not
    assert_eq!(gw.handle().session(0).unwrap().sequence, seq);
    assert_eq!(env.server.connection_count(), 1);
}
