//! [`Coverage`]: which operations of the list a test run exercised, and a report of the rest
//! grouped as in `derived/rest-operations.json`.

use std::fmt::{self, Write as _};

use super::operation::Operation;
use super::spec::Spec;

/// Counts the operations a run has called.
#[derive(Clone, Debug)]
pub struct Coverage<'s> {
    spec: &'s Spec,
    hits: Vec<usize>,
}

impl<'s> Coverage<'s> {
    /// Nothing covered yet.
    pub fn new(spec: &'s Spec) -> Self {
        Self {
            spec,
            hits: vec![0; spec.operations().len()],
        }
    }

    /// Records a call of `op` (an operation of this spec).
    pub fn record(&mut self, op: &Operation) {
        self.record_id(&op.id);
    }

    /// Records a call by operation id; false if the id is not in the list.
    pub fn record_id(&mut self, id: &str) -> bool {
        match self.spec.operations().iter().position(|o| o.id == id) {
            Some(index) => {
                self.hits[index] += 1;
                true
            }
            None => false,
        }
    }

    /// How many times `id` was recorded.
    pub fn hits(&self, id: &str) -> usize {
        self.spec
            .operations()
            .iter()
            .position(|o| o.id == id)
            .map_or(0, |i| self.hits[i])
    }

    /// The number of distinct operations recorded.
    pub fn covered(&self) -> usize {
        self.hits.iter().filter(|&&h| h > 0).count()
    }

    /// The number of operations in the list (223).
    pub fn total(&self) -> usize {
        self.hits.len()
    }

    /// Operations never recorded, in list order.
    pub fn missing(&self) -> Vec<&'s Operation> {
        self.spec
            .operations()
            .iter()
            .zip(&self.hits)
            .filter(|(_, h)| **h == 0)
            .map(|(op, _)| op)
            .collect()
    }

    /// Operations neither recorded nor in `excluded` (pairs of operation id and reason).
    pub fn unaccounted(&self, excluded: &[(&str, &str)]) -> Vec<&'s Operation> {
        self.missing()
            .into_iter()
            .filter(|op| !excluded.iter().any(|(id, _)| *id == op.id))
            .collect()
    }

    /// Exclusion entries that are wrong: an id not in the list, an empty reason, or an
    /// operation that is excluded and covered at once.
    pub fn bad_exclusions(&self, excluded: &[(&str, &str)]) -> Vec<String> {
        let mut bad = Vec::new();
        for (id, reason) in excluded {
            if self.spec.operation(id).is_none() {
                bad.push(format!("{id}: not an operation of the list"));
            } else if self.hits(id) > 0 {
                bad.push(format!("{id}: excluded but covered"));
            }
            if reason.trim().is_empty() {
                bad.push(format!("{id}: exclusion without a reason"));
            }
        }
        bad
    }

    /// The pass/fail of a conformance run: `Ok(report)` when every operation is covered or
    /// excluded (with a reason), else `Err` with the report, the unaccounted operations and the
    /// bad exclusions.
    pub fn verdict(&self, excluded: &[(&str, &str)]) -> Result<String, String> {
        let unaccounted = self.unaccounted(excluded);
        let bad = self.bad_exclusions(excluded);
        let mut report = self.report();
        let _ = writeln!(report, "excluded {}:", excluded.len());
        for (id, reason) in excluded {
            let _ = writeln!(report, "    {id:<52} {reason}");
        }
        if unaccounted.is_empty() && bad.is_empty() {
            return Ok(report);
        }
        if !unaccounted.is_empty() {
            let _ = writeln!(
                report,
                "{} operations are neither covered nor excluded:",
                unaccounted.len()
            );
            for op in unaccounted {
                let _ = writeln!(report, "    {:<52} {} {}", op.id, op.method, op.path);
            }
        }
        if !bad.is_empty() {
            let _ = writeln!(report, "bad exclusions:");
            for line in bad {
                let _ = writeln!(report, "    {line}");
            }
        }
        Err(report)
    }

    /// `covered N of 223 operations`, then the missing ones by group.
    pub fn report(&self) -> String {
        let mut out = format!(
            "covered {} of {} operations\n",
            self.covered(),
            self.total()
        );
        let missing = self.missing();
        if missing.is_empty() {
            return out;
        }
        let _ = writeln!(out, "missing {}:", missing.len());
        for group in self.spec.groups() {
            let in_group: Vec<&&Operation> =
                missing.iter().filter(|op| op.group == group.name).collect();
            if in_group.is_empty() {
                continue;
            }
            let _ = writeln!(
                out,
                "  {} ({} of {}):",
                group.name,
                in_group.len(),
                group.operations.len()
            );
            for op in in_group {
                let _ = writeln!(out, "    {:<52} {} {}", op.id, op.method, op.path);
            }
        }
        out
    }
}

impl fmt::Display for Coverage<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.report())
    }
}
