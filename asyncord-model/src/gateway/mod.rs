//! Gateway payloads: the frame, opcodes, close codes, send payloads, and the dispatch events
//! ([Discord docs](https://discord.com/developers/docs/events/gateway)).

pub mod close_code;
pub mod commands;
pub mod event;
pub mod event_kind;
pub mod events;
pub mod frame;
pub mod info;
pub mod opcode;
mod parse_buffers;
mod validate;

pub use close_code::{CloseAction, CloseCode};
pub use commands::{
    BotActivity, ChannelInfoField, ConnectionProperties, GatewayCommand, Heartbeat, Identify,
    Presence, RequestChannelInfo, RequestGuildMembers, RequestSoundboardSounds, Resume, Status,
    UpdatePresence, UpdateVoiceState,
};
pub use event::GatewayEvent;
pub use event_kind::{EventKind, EventSet};
pub use events::*;
pub use frame::{FrameError, Hello, InvalidSession, RawFrame};
pub use info::{GatewayBot, GatewayResponse, SessionStartLimit};
pub use opcode::OpCode;
pub use parse_buffers::{LARGE_DOCUMENT, ParseBuffers};
