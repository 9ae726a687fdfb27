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
        }
    }

    /// Awaits one client call: it must succeed (the client parsed the response), and every
    /// exchange it caused must conform to the spec.
    pub async fn step<T: Debug>(
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

    /// Checks and counts the exchanges recorded since the last check.
    pub fn check_exchanges(&mut self, label: &str) {
        let exchanges = self.proxy.take();
        if exchanges.is_empty() {
            self.failures.push(format!("{label}: no request was sent"));
        }
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
