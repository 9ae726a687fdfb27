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

#[path = "conformance/calls_guild.rs"]
mod calls_guild;

#[path = "conformance/calls_api.rs"]
mod calls_api;

#[path = "conformance/values.rs"]
mod values;

#[path = "conformance/round_trip.rs"]
mod round_trip;

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
    let newcomer = calls_guild::run(&mut run, &client, &server, &seed).await;
    calls_api::run(&mut run, &client, &server, &seed, newcomer).await;
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
    println!(
        "{} parsed values compared with their response body",
        run.round_trips
    );
    for failure in &run.round_trip_failures {
        println!("ROUND TRIP {failure}");
    }
    // covered operations whose parsed value was not compared: no JSON body (204, an image, a
    // CSV), or a call that made several requests (a pager)
    let not_compared: Vec<&str> = run
        .spec
        .operations()
        .iter()
        .filter(|op| run.coverage.hits(&op.id) > 0 && !run.compared.contains(&op.id))
        .map(|op| op.id.as_str())
        .collect();
    println!(
        "{} covered operations compared; not compared (no JSON body, or several requests): {}",
        run.compared.len(),
        not_compared.join(", ")
    );
    assert!(
        run.reasons.iter().any(|r| r == AUDIT_LOG_REASON),
        "the audit-log reason did not arrive intact: {:?}",
        run.reasons
    );
    assert!(
        run.round_trip_failures.is_empty(),
        "{} parsed values differ from their response body (see above)",
        run.round_trip_failures.len()
    );
    assert!(
        run.failures.is_empty(),
        "{} conformance failures (see above)",
        run.failures.len()
    );
    assert!(verdict.is_ok(), "operations neither covered nor excluded");
}

#[test]
fn round_trip_differences_name_lost_and_altered_fields() {
    #[derive(serde::Serialize)]
    struct Kept {
        id: &'static str,
        at: &'static str,
        n: f64,
    }
    let kept = Kept {
        id: "1",
        at: "2026-01-01T00:00:00+00:00",
        n: 2.0,
    };
    let body = br#"{"id": "1", "at": "2026-01-01T00:00:00.000000+00:00", "n": 2,
        "gone": "x", "empty": [], "none": null, "no": false}"#;
    assert_eq!(
        round_trip::differences("op", body, &kept).unwrap(),
        [".gone lost (\"x\")"]
    );
    let body = br#"{"id": "2", "at": "2026-01-01T00:00:01+00:00", "n": 2}"#;
    assert_eq!(
        round_trip::differences("op", body, &kept).unwrap(),
        [
            ".at altered: \"2026-01-01T00:00:01+00:00\" came back as \"2026-01-01T00:00:00+00:00\"",
            ".id altered: \"2\" came back as \"1\"",
        ]
    );
    // the list of fields not kept applies by operation and path
    assert!(
        round_trip::differences("execute_slack_compatible_webhook", b"\"ok\"", &())
            .unwrap()
            .is_empty()
    );
    assert!(
        !round_trip::differences("op", b"\"ok\"", &())
            .unwrap()
            .is_empty()
    );
}
