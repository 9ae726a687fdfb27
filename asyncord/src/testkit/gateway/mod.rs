//! The emulator gateway side.
