//! The gateway side's log of what it saw and did ([`ServerEvent`]s), bounded: it keeps the most
//! recent [`GatewayServerConfig::event_log_capacity`](super::GatewayServerConfig) events,
//! forgetting the oldest, while counting every connection and IDENTIFY since the start (so
//! [`GatewayServer::connection_count`](super::GatewayServer::connection_count) and
//! [`identify_count`](super::GatewayServer::identify_count) stay exact).

use std::collections::VecDeque;

use super::{ServerEvent, ServerEventKind};

/// The most recent events and the running counts.
#[derive(Debug)]
pub(crate) struct EventLog {
    events: VecDeque<ServerEvent>,
    capacity: usize,
    connections: usize,
    identifies: usize,
}

impl EventLog {
    pub(crate) fn new(capacity: usize) -> Self {
        Self {
            events: VecDeque::new(),
            capacity,
            connections: 0,
            identifies: 0,
        }
    }

    /// Records an event, forgetting the oldest beyond the capacity.
    pub(crate) fn push(&mut self, event: ServerEvent) {
        match event.kind {
            ServerEventKind::Connected { .. } => self.connections += 1,
            ServerEventKind::Identified { .. } => self.identifies += 1,
            _ => {}
        }
        self.events.push_back(event);
        while self.events.len() > self.capacity {
            self.events.pop_front();
        }
    }

    /// The kept events, oldest first, as one slice.
    pub(crate) fn as_slice(&mut self) -> &[ServerEvent] {
        self.events.make_contiguous()
    }

    /// How many events are kept.
    pub(crate) fn len(&self) -> usize {
        self.events.len()
    }

    /// WebSocket connections opened since the start.
    pub(crate) fn connections(&self) -> usize {
        self.connections
    }

    /// IDENTIFYs accepted since the start.
    pub(crate) fn identifies(&self) -> usize {
        self.identifies
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn keeps_the_newest_and_counts_everything() {
        let mut log = EventLog::new(3);
        for conn in 1..=5 {
            log.push(super::super::conn::event(
                conn,
                ServerEventKind::Connected { compress: None },
            ));
            log.push(super::super::conn::event(
                conn,
                ServerEventKind::Disconnected,
            ));
        }
        assert_eq!(log.len(), 3);
        assert_eq!(log.connections(), 5);
        let kept: Vec<u64> = log.as_slice().iter().map(|e| e.conn).collect();
        assert_eq!(kept, [4, 5, 5]);
    }
}
