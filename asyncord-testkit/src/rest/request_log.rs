//! The REST side's record of the requests it received, bounded: it keeps the most recent
//! [`RestConfig::request_log_capacity`](super::RestConfig::request_log_capacity) requests and at
//! most [`RestConfig::request_log_bytes`](super::RestConfig::request_log_bytes) of their bodies,
//! headers and paths, forgetting the oldest first, so a long-running emulator (or a client
//! sending many or large requests) does not grow without limit.

use std::collections::VecDeque;

use super::record::RecordedRequest;

/// The recorded requests, oldest first.
#[derive(Debug)]
pub(crate) struct RequestLog {
    entries: VecDeque<RecordedRequest>,
    /// The number of the first entry (every request gets the next number).
    first: u64,
    bytes: usize,
    max_entries: usize,
    max_bytes: usize,
}

/// The memory a recorded request holds, roughly: its body, path, query and headers.
fn size_of(r: &RecordedRequest) -> usize {
    let pairs = |p: &[(String, String)]| p.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>();
    r.body.len() + r.path.len() + r.route.len() + pairs(&r.query) + pairs(&r.headers)
}

impl RequestLog {
    pub(crate) fn new(max_entries: usize, max_bytes: usize) -> Self {
        Self {
            entries: VecDeque::new(),
            first: 0,
            bytes: 0,
            max_entries,
            max_bytes,
        }
    }

    /// Records a request; returns its number (for [`RequestLog::set_status`]). With a
    /// capacity of 0 nothing is kept.
    pub(crate) fn push(&mut self, request: RecordedRequest) -> u64 {
        let number = self.first + self.entries.len() as u64;
        self.bytes += size_of(&request);
        self.entries.push_back(request);
        while self.entries.len() > self.max_entries
            || (self.bytes > self.max_bytes && !self.entries.is_empty())
        {
            if let Some(old) = self.entries.pop_front() {
                self.bytes -= size_of(&old);
                self.first += 1;
            }
        }
        number
    }

    /// Sets the answered status of request `number`, if it is still kept.
    pub(crate) fn set_status(&mut self, number: u64, status: u16) {
        let Some(index) = number.checked_sub(self.first) else {
            return;
        };
        if let Some(r) = usize::try_from(index)
            .ok()
            .and_then(|i| self.entries.get_mut(i))
        {
            r.status = status;
        }
    }

    /// Copies of the kept requests, oldest first.
    pub(crate) fn all(&self) -> Vec<RecordedRequest> {
        self.entries.iter().cloned().collect()
    }

    /// The most recent request.
    pub(crate) fn last(&self) -> Option<&RecordedRequest> {
        self.entries.back()
    }

    /// Forgets every kept request.
    pub(crate) fn clear(&mut self) {
        self.first += self.entries.len() as u64;
        self.entries.clear();
        self.bytes = 0;
    }

    /// How many requests are kept.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The bytes the kept requests hold (see [`size_of`]).
    pub(crate) fn bytes(&self) -> usize {
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use bytes::Bytes;
    use tokio::time::Instant;

    use super::*;

    fn request(body: usize) -> RecordedRequest {
        RecordedRequest {
            method: "POST".into(),
            path: "/x".into(),
            route: String::new(),
            query: Vec::new(),
            headers: Vec::new(),
            body: Bytes::from(vec![0_u8; body]),
            status: 0,
            at: Instant::now(),
        }
    }

    #[tokio::test]
    async fn keeps_the_newest_within_both_bounds() {
        let mut log = RequestLog::new(3, 1_000);
        let numbers: Vec<u64> = (0..5).map(|_| log.push(request(10))).collect();
        assert_eq!(numbers, [0, 1, 2, 3, 4]);
        assert_eq!(log.len(), 3);
        log.set_status(1, 500); // forgotten: no effect
        log.set_status(4, 201);
        assert_eq!(log.last().map(|r| r.status), Some(201));
        log.push(request(995));
        assert_eq!(log.len(), 1, "the big body pushed the others out");
        assert!(log.bytes() <= 1_000);
        log.push(request(2_000));
        assert_eq!(
            log.len(),
            0,
            "a request larger than the byte bound is not kept"
        );
        assert_eq!(log.bytes(), 0);
        let n = log.push(request(1));
        log.clear();
        log.set_status(n, 200);
        assert_eq!(log.len(), 0);
        assert_eq!(log.push(request(1)), n + 1);
    }
}
