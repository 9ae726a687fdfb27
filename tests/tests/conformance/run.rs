//! The conformance run: each client call goes through the recording proxy; each exchange it
//! caused is checked against the spec (request and response), found in the route table
//! (`asyncord::model::route`) with the spec operation's path, and counted.

use std::fmt::Debug;
use std::future::Future;

use asyncord::http::RestResult;
use asyncord::model::route::{self, Method};
use asyncord_tests::openapi::headers::{check_request_headers, header, percent_decode_utf8};
use asyncord_tests::openapi::matcher::{path_segments, split_path};
use asyncord_tests::openapi::{Coverage, Operation, RecordedRequest, Spec, render};
use asyncord_tests::proxy::RecordingProxy;
use serde::Serialize;

use super::round_trip;

/// The state of a run: the proxy, the coverage so far and every problem found.
pub struct Run {
    pub spec: &'static Spec,
    pub coverage: Coverage<'static>,
    pub proxy: RecordingProxy,
    pub base: String,
    pub failures: Vec<String>,
    pub calls: usize,
    /// The `X-Audit-Log-Reason` values sent, decoded.
    pub reasons: Vec<String>,
    /// How many parsed values were compared with their response body.
    pub round_trips: usize,
    /// The operations whose parsed value was compared with its body at least once.
    pub compared: std::collections::BTreeSet<String>,
    /// Parsed values that differ from the body they were parsed from.
    pub round_trip_failures: Vec<String>,
}

impl Run {
    pub fn new(proxy: RecordingProxy, base: &str) -> Self {
        let spec = Spec::load();
        Self {
            spec,
            coverage: Coverage::new(spec),
            proxy,
            base: base.to_owned(),
            failures: Vec::new(),
            calls: 0,
            reasons: Vec::new(),
            round_trips: 0,
            compared: std::collections::BTreeSet::new(),
            round_trip_failures: Vec::new(),
        }
    }

    /// Awaits one client call: it must succeed (the client parsed the response), and every
    /// exchange it caused must conform to the spec.
    pub async fn step<T: Debug + Serialize>(
        &mut self,
        label: &str,
        call: impl Future<Output = RestResult<T>>,
    ) -> Option<T> {
        self.calls += 1;
        let result = call.await;
        let parsed_from = self.check_exchanges(label);
        match result {
            Ok(value) => {
                if let Some((op, body)) = parsed_from {
                    self.compare(label, op, &body, &value);
                }
                Some(value)
            }
            Err(e) => {
                self.failures.push(format!("{label}: the call failed: {e}"));
                None
            }
        }
    }

    /// [`Run::step`] for a call whose response is not JSON (an image, a CSV file): checked
    /// the same way, but there is no parsed value to compare with the body.
    pub async fn step_raw<T: Debug>(
        &mut self,
        label: &str,
        call: impl Future<Output = RestResult<T>>,
    ) -> Option<T> {
        self.calls += 1;
        let result = call.await;
        self.check_exchanges(label);
        match result {
            Ok(value) => Some(value),
            Err(e) => {
                self.failures.push(format!("{label}: the call failed: {e}"));
                None
            }
        }
    }

    /// [`Run::check_exchanges`] for a call made outside [`Run::step`], comparing the value it
    /// parsed (if it succeeded) with the response body as `step` does.
    pub fn check_parsed<T: Serialize>(&mut self, label: &str, value: Option<&T>) {
        if let (Some((op, body)), Some(value)) = (self.check_exchanges(label), value) {
            self.compare(label, op, &body, value);
        }
    }

    /// Checks and counts the exchanges recorded since the last check. Returns the operation
    /// and JSON body of the response the client parsed, when the call made exactly one
    /// exchange and it has a JSON body.
    pub fn check_exchanges(&mut self, label: &str) -> Option<(&'static Operation, Vec<u8>)> {
        let exchanges = self.proxy.take();
        if exchanges.is_empty() {
            self.failures.push(format!("{label}: no request was sent"));
        }
        let single = exchanges.len() == 1;
        let mut parsed_from = None;
        for ex in exchanges {
            let mut request = RecordedRequest::new(ex.method.clone(), ex.target.clone());
            request.content_type.clone_from(&ex.content_type);
            request.body.clone_from(&ex.body);
            let checked = self.spec.check_under(&self.base, &request);
            let what = format!("{label} ({} {})", ex.method, ex.target);
            if !checked.problems.is_empty() {
                self.failures
                    .push(format!("{what}: request: {}", render(&checked.problems)));
            }
            let Some(op) = checked.operation else {
                continue;
            };
            if let Some(Ok(reason)) =
                header(&ex.headers, "x-audit-log-reason").map(percent_decode_utf8)
            {
                self.reasons.push(reason);
            }
            let problems = check_request_headers(op, &ex.headers, &ex.body);
            if !problems.is_empty() {
                self.failures
                    .push(format!("{what}: request headers: {}", render(&problems)));
            }
            self.coverage.record(op);
            let json = ex
                .response_type
                .as_deref()
                .is_some_and(|t| t.starts_with("application/json"));
            if single && json && !ex.response.is_empty() {
                parsed_from = Some((op, ex.response.clone()));
            }
            if let Err(e) = self.check_table(&ex.method, &ex.target, op) {
                self.failures.push(format!("{what}: route table: {e}"));
            }
            let problems = self.spec.check_response_bytes(op, ex.status, &ex.response);
            if !problems.is_empty() {
                self.failures.push(format!(
                    "{what} -> {} ({}): response: {}",
                    ex.status,
                    op.id,
                    render(&problems)
                ));
            }
            if !(200..300).contains(&ex.status) {
                self.failures.push(format!(
                    "{what}: status {} {}",
                    ex.status,
                    String::from_utf8_lossy(&ex.response)
                ));
            }
        }
        parsed_from
    }

    /// The parsed value, serialised, must equal the response body it was parsed from (except
    /// the fields [`round_trip::NOT_KEPT`] lists).
    fn compare<T: Serialize>(&mut self, label: &str, op: &Operation, body: &[u8], value: &T) {
        self.round_trips += 1;
        self.compared.insert(op.id.clone());
        match round_trip::differences(&op.id, body, value) {
            Ok(found) if found.is_empty() => {}
            Ok(found) => {
                self.round_trip_failures
                    .push(format!("{label} ({}): {}", op.id, found.join("; ")));
            }
            Err(e) => self
                .round_trip_failures
                .push(format!("{label} ({}): {e}", op.id)),
        }
    }

    /// The table operation `route::find` gives for the request must be the spec's operation.
    fn check_table(&self, method: &str, target: &str, op: &Operation) -> Result<(), String> {
        let (path, _) = split_path(target, &self.base);
        let segments = path_segments(path);
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        let method = Method::parse(method).ok_or_else(|| format!("no method {method}"))?;
        match route::find(method, &segments) {
            Some(found) if found.operation.path() == op.path => Ok(()),
            Some(found) => Err(format!(
                "found {}, the spec says {}",
                found.operation, op.path
            )),
            None => Err("no operation of the table matches".to_owned()),
        }
    }
}
