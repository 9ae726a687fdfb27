//! The emulator REST side.
