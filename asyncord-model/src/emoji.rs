//! Emojis (custom and unicode, partial forms for reactions).
