//! [`Progress`]: how far one session's dispatches went — read by the shard, handed to a consumer
//! that takes them later, taken by it — and from that, the sequence number the session resumes
//! from ([docs](https://discord.com/developers/docs/events/gateway#resuming)).
//!
//! A session must resume after the last dispatch its consumer *consumed*, not the last one the
//! shard read: a frame read but still queued (or dropped by a process that stops) would
//! otherwise be skipped by the replay. What consumed means depends on the consumer:
//! - a sink the reader calls itself (on a current-thread runtime): a frame is consumed once
//!   `deliver` returns, so [`Progress::read`] alone says it;
//! - the built-in channel behind `next_event`: a frame is consumed when `next_event` returns it.
//!   The shard records the last frame it queued ([`Progress::handed`]), the receiver the last it
//!   took ([`Progress::took`]); frames the shard skipped (unwanted, malformed) count as
//!   consumed once nothing queued before them is still waiting. The queue in front of a
//!   gateway's delivery thread (a sink on a multi-thread runtime) works the same way: a frame
//!   is taken once the sink's `deliver` returned for it.
//!
//! One `Progress` per session: a new session (IDENTIFY) starts a new one, so frames of an old
//! session still queued cannot move the new session's numbers. The counters are atomics written
//! by one side each; reading them never holds up the reader.

use std::sync::atomic::{AtomicU64, Ordering};

/// How far one session's dispatches went.
#[derive(Debug, Default)]
pub(crate) struct Progress {
    /// The last sequence number the shard is done with: delivered, queued, or skipped.
    read: AtomicU64,
    /// The last sequence number queued for a consumer that takes frames later (0: none).
    handed: AtomicU64,
    /// The last sequence number that consumer took.
    taken: AtomicU64,
}

impl Progress {
    /// A session whose dispatches up to `sequence` were consumed (a resumed session; 0 for a new
    /// one).
    pub(crate) fn at(sequence: u64) -> Self {
        Self {
            read: AtomicU64::new(sequence),
            handed: AtomicU64::new(0),
            taken: AtomicU64::new(0),
        }
    }

    /// The last sequence number read (delivered, queued or skipped); 0 when none.
    pub(crate) fn read(&self) -> u64 {
        self.read.load(Ordering::Acquire)
    }

    /// The shard is done with `seq` (after delivering, queueing or skipping it).
    pub(crate) fn set_read(&self, seq: u64) {
        self.read.store(seq, Ordering::Release);
    }

    /// `seq` was queued for a consumer that takes it later (call before [`Progress::set_read`]).
    pub(crate) fn handed(&self, seq: u64) {
        // When no queued frame is waiting, everything read so far is consumed: the frames
        // skipped since the last one taken count from now on. (The consumer only ever raises
        // `taken`, so this cannot claim a frame still waiting.)
        if self.taken.load(Ordering::Acquire) >= self.handed.load(Ordering::Acquire) {
            self.taken
                .fetch_max(self.read.load(Ordering::Acquire), Ordering::AcqRel);
        }
        self.handed.store(seq, Ordering::Release);
    }

    /// The consumer took the queued frame `seq`.
    pub(crate) fn took(&self, seq: u64) {
        self.taken.fetch_max(seq, Ordering::AcqRel);
    }

    /// The sequence number to resume from: every dispatch up to it was consumed (or skipped).
    ///
    /// `read` is loaded first: `handed` is stored before `read`, so the `handed` seen is at least
    /// the last frame queued at or before that `read`. If the consumer took it, everything read
    /// was consumed (each shard queues in order), and so was the frame taken: the consumer may
    /// take a frame before the shard, just after queueing it, records it as read. If not, the
    /// consumer took everything up to `taken`.
    pub(crate) fn consumed(&self) -> u64 {
        let read = self.read.load(Ordering::Acquire);
        let handed = self.handed.load(Ordering::Acquire);
        let taken = self.taken.load(Ordering::Acquire);
        if taken >= handed {
            read.max(taken)
        } else {
            taken
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sink_that_consumes_on_delivery_resumes_after_the_last_frame_read() {
        let p = Progress::at(7);
        assert_eq!(p.consumed(), 7);
        p.set_read(8);
        p.set_read(9);
        assert_eq!(p.consumed(), 9);
    }

    #[test]
    fn queued_frames_count_once_taken_and_skipped_ones_after_them() {
        let p = Progress::at(0);
        p.handed(1);
        p.set_read(1);
        p.set_read(2); // skipped (unwanted)
        p.handed(3);
        p.set_read(3);
        p.set_read(4); // skipped
        assert_eq!(p.consumed(), 0, "nothing taken yet");
        p.took(1);
        assert_eq!(p.consumed(), 1, "2 waits behind 3");
        p.took(3);
        assert_eq!(
            p.consumed(),
            4,
            "all queued frames taken: the skipped one counts"
        );
    }

    #[test]
    fn a_frame_taken_before_the_shard_records_it_as_read_is_consumed() {
        let p = Progress::at(20);
        p.handed(21);
        // The consumer is quicker than the shard's next step.
        p.took(21);
        assert_eq!(p.consumed(), 21);
        p.set_read(21);
        assert_eq!(p.consumed(), 21);
    }

    #[test]
    fn frames_skipped_before_a_queued_one_stay_consumed_while_it_waits() {
        let p = Progress::at(10);
        p.set_read(11); // skipped
        p.set_read(12); // skipped
        p.handed(13);
        p.set_read(13);
        assert_eq!(p.consumed(), 12);
        p.took(13);
        assert_eq!(p.consumed(), 13);
    }
}
