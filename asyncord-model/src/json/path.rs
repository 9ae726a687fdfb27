//! The JSON path (`.member.user.id`, `.embeds[2]`) of the value where reading a document
//! stopped, found from the byte offset an error carries: a scan of the document up to there,
//! done only for a document that failed.

use std::fmt::Write as _;

enum Frame {
    Object { key: Option<String> },
    Array { index: usize },
}

/// The JSON path of the innermost value being read when reading `text` stopped at byte `end`
/// (just past the last byte read: serde_json's column, the reader's offset).
///
/// A small tokenizer: tracks the stack of object keys and array indexes, skipping strings.
/// With `object_level` the last object key is dropped (a "missing field" error is about the
/// object, not about its last field).
pub(crate) fn path_at(text: &[u8], end: usize, object_level: bool) -> String {
    let mut stack: Vec<Frame> = Vec::new();
    let mut expecting_key = false;
    let mut i = 0;
    // Stop before the last byte read, so that the closing bracket of the failing object is not
    // consumed.
    let end = end.saturating_sub(1).min(text.len());
    while i < end {
        match text[i] {
            b'{' => {
                stack.push(Frame::Object { key: None });
                expecting_key = true;
            }
            b'[' => {
                stack.push(Frame::Array { index: 0 });
                expecting_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                expecting_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { .. }) => expecting_key = true,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i = start;
                while i < text.len() && text[i] != b'"' {
                    i += if text[i] == b'\\' { 2 } else { 1 };
                }
                if expecting_key {
                    if let Some(Frame::Object { key }) = stack.last_mut() {
                        let raw = &text[start..i.min(text.len())];
                        *key = Some(String::from_utf8_lossy(raw).into_owned());
                    }
                    expecting_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    if object_level && let Some(Frame::Object { key }) = stack.last_mut() {
        *key = None;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key) } => {
                path.push('.');
                path.push_str(key);
            }
            Frame::Object { key: None } => {}
            Frame::Array { index } => {
                let _ = write!(path, "[{index}]");
            }
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}
