//! Gateway opcodes ([Discord docs](https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-opcodes)).

crate::int_enum! {
    /// The `op` field of a gateway frame: what kind of payload the frame carries.
    pub enum OpCode: i64 {
        /// An event was dispatched (receive; the only op with `s` and `t`).
        Dispatch = 0,
        /// Keep the connection alive (send), or the server asks for an immediate heartbeat
        /// (receive).
        Heartbeat = 1,
        /// Start a new session (send).
        Identify = 2,
        /// Update the client's presence (send).
        PresenceUpdate = 3,
        /// Join, move between or leave voice channels (send).
        VoiceStateUpdate = 4,
        /// Resume a previous session that was disconnected (send).
        Resume = 6,
        /// The client should reconnect and resume (receive).
        Reconnect = 7,
        /// Request information about offline guild members in a large guild (send).
        RequestGuildMembers = 8,
        /// The session was invalidated; `d` says whether it can be resumed (receive).
        InvalidSession = 9,
        /// Sent right after connecting, with the heartbeat interval (receive).
        Hello = 10,
        /// A heartbeat was received (receive).
        HeartbeatAck = 11,
        /// Request the soundboard sounds of a list of guilds (send).
        RequestSoundboardSounds = 31,
        /// Request ephemeral channel information (status, voice start time) (send).
        RequestChannelInfo = 43,
    }
}

impl OpCode {
    /// Whether a client sends this opcode (Heartbeat counts as both directions).
    pub const fn is_send(self) -> bool {
        matches!(
            self,
            Self::Heartbeat
                | Self::Identify
                | Self::PresenceUpdate
                | Self::VoiceStateUpdate
                | Self::Resume
                | Self::RequestGuildMembers
                | Self::RequestSoundboardSounds
                | Self::RequestChannelInfo
        )
    }
}

#[cfg(test)]
mod tests {
    use super::OpCode;

    #[test]
    fn known_and_unknown_values() {
        assert_eq!(OpCode::from(43), OpCode::RequestChannelInfo);
        assert_eq!(OpCode::from(5), OpCode::Unknown(5));
        assert_eq!(serde_json::to_string(&OpCode::Hello).unwrap(), "10");
        let op: OpCode = serde_json::from_str("99").unwrap();
        assert_eq!(op, OpCode::Unknown(99));
        assert!(OpCode::Identify.is_send());
        assert!(!OpCode::Dispatch.is_send());
    }
}
