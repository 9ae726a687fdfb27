//! Conformance of the REST client and the emulator with Discord's OpenAPI spec.
//!
//! Calls every implemented REST method against the emulator through a recording proxy; checks
//! each request (method + path match an operation, query parameters declared, body validates)
//! and each response (status declared, body validates against the response schema) and that
//! the client parsed it; every request's headers (`Authorization`, `User-Agent`,
//! `X-Audit-Log-Reason`, `Content-Type`) are checked too, and request bodies may carry only
//! fields Discord's schemas declare. Prints `covered N of 223 operations` and fails if an operation is
//! neither covered nor in [`EXCLUDED`] with its reason. `conformance_routes.rs` holds the route
//! table (`asyncord::model::route`) against the same spec.
//!
//! Run: `cargo test -p asyncord-tests --test conformance -- --nocapture`.

#[path = "conformance/run.rs"]
mod run;

#[path = "conformance/calls_core.rs"]
mod calls_core;

#[path = "conformance/calls_api.rs"]
mod calls_api;

use std::time::Duration;

use asyncord::rest::RestClient;
use asyncord::testkit::rest::{RestServer, World};
use asyncord_tests::openapi::EXCLUDED;
use asyncord_tests::proxy::RecordingProxy;
use run::Run;

/// An audit-log reason one call sends: non-ASCII, a comma, a percent sign and a space, which
/// must arrive percent-encoded as UTF-8 and decode to exactly this.
const AUDIT_LOG_REASON: &str = "Grüße, 100% ✓ (test)";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_operation_is_implemented_and_conforms() {
    let (world, seed) = World::seeded();
    let server = RestServer::start(world).await.expect("emulator starts");
    let addr = server.addr().expect("socket emulator");
    let base = server.config().base_path.clone();
    let proxy = RecordingProxy::start(addr).await.expect("proxy starts");
    let client = RestClient::builder(&seed.bot.token)
        .base_url(proxy.url(&base))
        .timeout(Duration::from_secs(10))
        .max_retries(0)
        .build();
    let mut run = Run::new(proxy, &base);

    calls_core::run(&mut run, &client, &server, &seed).await;
    calls_api::run(&mut run, &client, &server, &seed).await;
    run.step("leave guild", client.users.leave_guild(seed.guild_id))
        .await;

    println!("{} client calls", run.calls);
    let verdict = run.coverage.verdict(EXCLUDED);
    match &verdict {
        Ok(report) | Err(report) => println!("{report}"),
    }
    for failure in &run.failures {
        println!("FAIL {failure}");
    }
    assert!(
        run.reasons.iter().any(|r| r == AUDIT_LOG_REASON),
        "the audit-log reason did not arrive intact: {:?}",
        run.reasons
    );
    assert!(
        run.failures.is_empty(),
        "{} conformance failures (see above)",
        run.failures.len()
    );
    assert!(verdict.is_ok(), "operations neither covered nor excluded");
}
