//! One dispatch as an entry of the event stream: fields `s` (shard id), `q` (sequence number),
//! `t` (event name) and `d` (the JSON of `d`, as received), written by the publisher's script
//! and read back into a [`DispatchFrame`] by the workers.

use std::borrow::Cow;
use std::collections::HashMap;

use asyncord_model::gateway::EventKind;
use redis::Value;

use crate::gateway::DispatchFrame;

/// Why an entry could not be read (written by something else, or by another version).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct BadEntry(pub(crate) &'static str);

/// The field `name` of an entry, as a `T`.
pub(crate) fn field<T: redis::FromRedisValue>(
    map: &HashMap<String, Value>,
    name: &'static str,
) -> Result<T, BadEntry> {
    map.get(name)
        .and_then(|v| redis::from_redis_value_ref(v).ok())
        .ok_or(BadEntry(name))
}

/// The dispatch an entry holds.
pub(crate) fn decode(map: &HashMap<String, Value>) -> Result<DispatchFrame, BadEntry> {
    let shard_id: u32 = field(map, "s")?;
    let seq: u64 = field(map, "q")?;
    let name: String = field(map, "t")?;
    let data: Vec<u8> = field(map, "d")?;
    let kind = EventKind::from_name(&name);
    let name = match kind {
        Some(k) => Cow::Borrowed(k.name()),
        None => Cow::Owned(name),
    };
    Ok(DispatchFrame {
        shard_id,
        seq,
        kind,
        name,
        data: bytes::Bytes::from(data).into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(fields: &[(&str, &[u8])]) -> HashMap<String, Value> {
        fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), Value::BulkString(v.to_vec())))
            .collect()
    }

    #[test]
    fn reads_a_dispatch_back() {
        let frame = decode(&entry(&[
            ("s", b"3"),
            ("q", b"42"),
            ("t", b"MESSAGE_CREATE"),
            ("d", br#"{"id":"1"}"#),
        ]))
        .unwrap();
        assert_eq!(frame.shard_id, 3);
        assert_eq!(frame.seq, 42);
        assert_eq!(frame.kind, Some(EventKind::MessageCreate));
        assert_eq!(&frame.data[..], br#"{"id":"1"}"#);
    }

    #[test]
    fn keeps_unknown_names_and_names_a_missing_field() {
        let frame = decode(&entry(&[
            ("s", b"0"),
            ("q", b"1"),
            ("t", b"SOMETHING_NEW"),
            ("d", b"{}"),
        ]))
        .unwrap();
        assert_eq!(frame.kind, None);
        assert_eq!(frame.name, "SOMETHING_NEW");
        assert_eq!(
            decode(&entry(&[("s", b"0"), ("t", b"X"), ("d", b"{}")])),
            Err(BadEntry("q"))
        );
        assert_eq!(
            decode(&entry(&[
                ("s", b"x"),
                ("q", b"1"),
                ("t", b"X"),
                ("d", b"{}")
            ])),
            Err(BadEntry("s"))
        );
    }
}
