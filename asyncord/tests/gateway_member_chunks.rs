//! `GatewayHandle::fetch_guild_members` against a server whose GUILD_MEMBERS_CHUNK replies make
//! no sense (an index past the count, at `u32::MAX`; a count of 0): the call fails with a clear
//! error instead of overflowing or waiting for chunks that cannot come.

mod gateway_fake;

use std::time::Duration;

use asyncord::gateway::{Compression, Gateway, GatewayError};
use asyncord::model::GuildId;
use asyncord::model::gateway::RequestGuildMembers;
use gateway_fake::FakeGateway;

#[tokio::test(start_paused = true)]
async fn nonsensical_chunk_indexes_are_rejected() {
    let replies = [
        r#""chunk_index":4294967295,"chunk_count":1"#,
        r#""chunk_index":4294967295,"chunk_count":4294967295"#,
        r#""chunk_index":0,"chunk_count":0"#,
        r#""chunk_index":3,"chunk_count":2"#,
    ];
    let mut fake = FakeGateway::new();
    let gw = Gateway::connect(fake.client_config(Compression::None))
        .await
        .unwrap();
    let mut conn = fake.accept().await;
    conn.handshake(41_250).await.unwrap();
    let handle = gw.handle();
    tokio::time::timeout(Duration::from_secs(60), handle.wait_connected())
        .await
        .unwrap();
    for (seq, reply) in (2..).zip(replies) {
        let fetch = tokio::spawn({
            let handle = handle.clone();
            async move {
                handle
                    .fetch_guild_members(RequestGuildMembers::all(GuildId::new(
                        81_384_788_765_712_384,
                    )))
                    .await
            }
        });
        let request = conn.expect_op(8).await.expect("the request was sent");
        let nonce = request["d"]["nonce"].as_str().unwrap().to_owned();
        let d =
            format!(r#"{{"guild_id":"81384788765712384","members":[],{reply},"nonce":"{nonce}"}}"#);
        conn.dispatch(seq, "GUILD_MEMBERS_CHUNK", &d).await.unwrap();
        let result = tokio::time::timeout(Duration::from_secs(5), fetch)
            .await
            .unwrap_or_else(|_| panic!("{reply}: still waiting for chunks"))
            .unwrap_or_else(|e| panic!("{reply}: the call panicked: {e}"));
        let err = result.expect_err(reply);
        assert!(
            matches!(
                err,
                GatewayError::InvalidReply {
                    event: "GUILD_MEMBERS_CHUNK",
                    ..
                }
            ),
            "{reply}: {err:?}"
        );
        assert!(err.to_string().contains("chunk"), "{err}");
    }
    handle.shutdown();
}
