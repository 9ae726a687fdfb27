use std::collections::{BTreeMap, HashMap};

use super::*;

/// The example of Discord's snowflake docs.
const DOCS_ID: u64 = 175_928_847_299_117_063;

#[test]
fn reads_a_string_or_a_number_and_writes_a_string() {
    let from_string: ChannelId = serde_json::from_str("\"175928847299117063\"").unwrap();
    let from_number: ChannelId = serde_json::from_str("175928847299117063").unwrap();
    assert_eq!(from_string, ChannelId::new(DOCS_ID));
    assert_eq!(from_number, from_string);
    assert_eq!(
        serde_json::to_string(&from_string).unwrap(),
        "\"175928847299117063\""
    );
    let max: UserId = serde_json::from_str("\"18446744073709551615\"").unwrap();
    assert_eq!(max.get(), u64::MAX);
    assert_eq!(
        serde_json::to_string(&max).unwrap(),
        "\"18446744073709551615\""
    );
    let zero: GuildId = serde_json::from_str("\"0\"").unwrap();
    assert_eq!(zero.get(), 0);
    assert_eq!(serde_json::to_string(&zero).unwrap(), "\"0\"");
}

#[test]
fn json_reader_reads_strings_and_numbers() {
    let text = br#"["175928847299117063", 42]"#.to_vec();
    let ids: Vec<MessageId> = crate::json::from_slice(&text).unwrap();
    assert_eq!(ids, [MessageId::new(DOCS_ID), MessageId::new(42)]);
}

#[test]
fn refuses_what_is_not_an_id() {
    for (json, reason) in [
        ("-1", "invalid value: integer `-1`"),
        ("\"-1\"", "`-1` is not a Discord id: it holds a character"),
        ("\"\"", "`` is not a Discord id: it is empty"),
        ("\"12a\"", "`12a` is not a Discord id: it holds a character"),
        ("\"+12\"", "`+12` is not a Discord id: it holds a character"),
        ("\" 12\"", "` 12` is not a Discord id: it holds a character"),
        (
            "\"18446744073709551616\"",
            "`18446744073709551616` is not a Discord id: it is above 18446744073709551615",
        ),
        (
            "\"99999999999999999999x\"",
            "is not a Discord id: it holds a character",
        ),
        (
            "\"123456789012345678901\"",
            "is not a Discord id: it is above",
        ),
        ("1.5", "invalid type: floating point"),
        ("18446744073709551616", "invalid type: floating point"),
        ("null", "invalid type: null"),
        ("true", "invalid type: boolean"),
    ] {
        let err = serde_json::from_str::<Snowflake>(json).unwrap_err();
        assert!(
            err.to_string().contains(reason),
            "{json}: {err} does not say {reason}"
        );
    }
}

#[test]
fn an_error_quotes_only_the_start_of_a_long_text() {
    let long = format!("\"{}\"", "é".repeat(10_000));
    let err = serde_json::from_str::<UserId>(&long)
        .unwrap_err()
        .to_string();
    assert!(err.len() < 200, "{err}");
    let err = "x".repeat(10_000).parse::<UserId>().unwrap_err();
    assert_eq!(err.text(), "x".repeat(40));
}

#[test]
fn from_str_reports_the_kind_of_error() {
    assert_eq!("175928847299117063".parse::<RoleId>().unwrap(), DOCS_ID);
    assert_eq!("007".parse::<RoleId>().unwrap(), 7);
    let kind = |text: &str| text.parse::<RoleId>().unwrap_err().kind();
    assert_eq!(kind(""), ParseIdErrorKind::Empty);
    assert_eq!(kind("-1"), ParseIdErrorKind::InvalidDigit);
    assert_eq!(kind("12a"), ParseIdErrorKind::InvalidDigit);
    assert_eq!(kind("١٢"), ParseIdErrorKind::InvalidDigit);
    assert_eq!(kind("18446744073709551616"), ParseIdErrorKind::Overflow);
    assert_eq!(kind("184467440737095516150"), ParseIdErrorKind::Overflow);
    let err = "12a".parse::<RoleId>().unwrap_err();
    assert_eq!(err.text(), "12a");
    assert_eq!(
        err.to_string(),
        "`12a` is not a Discord id: it holds a character other than the digits 0-9"
    );
}

#[test]
fn every_byte_at_every_position_reads_as_the_standard_library_reads_it() {
    // Digits are read eight at a time: a wrong byte anywhere in a word (or next to a digit in
    // value) must still be refused, and every number read exactly.
    let base = b"1234567890123456789";
    for len in 1..=base.len() {
        for at in 0..len {
            for byte in 0..=u8::MAX {
                let mut text = base[..len].to_vec();
                text[at] = byte;
                let ours = std::str::from_utf8(&text)
                    .ok()
                    .map(|t| t.parse::<Snowflake>().map(Snowflake::get).ok());
                let std = std::str::from_utf8(&text).ok().map(|t| {
                    t.bytes()
                        .all(|b| b.is_ascii_digit())
                        .then(|| t.parse::<u64>().ok())
                        .flatten()
                });
                assert_eq!(ours, std, "{text:?}");
            }
        }
    }
    for text in [
        "99999999",
        "00000000",
        "9999999999999999",
        "1000000000000000000",
        "9999999999999999999",
    ] {
        assert_eq!(
            text.parse::<Snowflake>().unwrap().get(),
            text.parse::<u64>().unwrap()
        );
    }
}

#[test]
fn every_length_round_trips() {
    let mut value = 0_u64;
    for digits in 1..=20 {
        value = value * 10 + (digits % 10);
        let id = UserId::new(value);
        assert_eq!(id.to_string().len(), digits as usize);
        assert_eq!(id.to_string().parse::<UserId>().unwrap(), id);
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(serde_json::from_str::<UserId>(&json).unwrap(), id);
    }
    for value in [0, 1, 9, 10, 99, 100, u64::MAX / 10, u64::MAX - 1, u64::MAX] {
        let id = Snowflake::new(value);
        assert_eq!(id.to_string(), value.to_string());
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"{value}\""));
        assert_eq!(serde_json::from_str::<Snowflake>(&json).unwrap(), id);
    }
}

#[test]
fn map_keys_are_strings() {
    let mut roles = HashMap::new();
    roles.insert(RoleId::new(DOCS_ID), 3_u64);
    let json = serde_json::to_string(&roles).unwrap();
    assert_eq!(json, r#"{"175928847299117063":3}"#);
    let back: HashMap<RoleId, u64> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, roles);

    let text = br#"{"2":"b","1":"a"}"#.to_vec();
    let sorted: BTreeMap<UserId, String> = crate::json::from_slice(&text).unwrap();
    assert_eq!(
        sorted.keys().copied().collect::<Vec<_>>(),
        [UserId::new(1), UserId::new(2)]
    );
    assert!(serde_json::from_str::<HashMap<UserId, u8>>(r#"{"x":1}"#).is_err());
}

#[test]
fn conversions() {
    const GUILD: GuildId = GuildId::new(7);
    fn any(id: impl Into<Snowflake>) -> u64 {
        id.into().get()
    }
    let channel = ChannelId::from(5_u64);
    assert_eq!(u64::from(channel), 5);
    assert_eq!(channel, 5);
    assert_eq!(5, channel);
    let same: ChannelId = (&channel).into();
    assert_eq!(same, channel);
    assert_eq!(GUILD.get(), 7);
    let role: RoleId = GUILD.everyone_role();
    assert_eq!(role.get(), 7);
    let generic: Snowflake = channel.cast();
    let thread: ChannelId = generic.cast();
    assert_eq!(thread, channel);
    // every typed id widens to a snowflake; narrowing takes a cast
    assert_eq!(any(RoleId::new(3)), 3);
    assert_eq!(any(UserId::new(4)), 4);
    assert_eq!(any(Snowflake::new(5)), 5);
    assert_eq!(any(6_u64), 6);
    assert_eq!(Snowflake::from(role), Snowflake::new(7));
    // a typed id compares with a snowflake, not with another kind
    assert_eq!(Snowflake::new(7), role);
    assert_eq!(role, Snowflake::new(7));
    assert_ne!(UserId::new(8), Snowflake::new(7));
    assert!(ChannelId::new(1) < ChannelId::new(2));
}

#[test]
fn display_is_the_number_and_debug_names_the_kind() {
    let id = ChannelId::new(DOCS_ID);
    assert_eq!(id.to_string(), "175928847299117063");
    assert_eq!(format!("{id:?}"), "ChannelId(175928847299117063)");
    assert_eq!(format!("{:?}", Snowflake::new(3)), "Snowflake(3)");
    assert_eq!(
        format!("{:?}", ScheduledEventId::new(4)),
        "ScheduledEventId(4)"
    );
}

#[test]
fn mentions() {
    assert_eq!(UserId::new(80).mention().to_string(), "<@80>");
    assert_eq!(ChannelId::new(81).mention().to_string(), "<#81>");
    assert_eq!(RoleId::new(82).mention().to_string(), "<@&82>");
    assert_eq!(format!("hi {}", UserId::new(1).mention()), "hi <@1>");
}

#[test]
fn creation_time_matches_the_docs() {
    // Discord's docs: 175928847299117063 was created at 2016-04-30T11:18:25.796Z.
    let id = UserId::new(DOCS_ID);
    assert_eq!(id.timestamp_ms(), 1_462_015_105_796);
    assert_eq!(id.created_at().unix_millis(), 1_462_015_105_796);
    assert_eq!(
        id.created_at().to_string(),
        "2016-04-30T11:18:25.796000+00:00"
    );
    assert_eq!(id.worker_id(), 1);
    assert_eq!(id.process_id(), 0);
    assert_eq!(id.increment(), 7);
    let first = MessageId::from_timestamp_ms(1_462_015_105_796);
    assert_eq!(first.timestamp_ms(), 1_462_015_105_796);
    assert_eq!(first.get(), DOCS_ID & !((1 << 22) - 1));
    assert_eq!(MessageId::from_timestamp_ms(0).get(), 0);
}

#[test]
fn an_id_is_a_u64_whatever_its_kind() {
    fn send_sync_unpin<T: Send + Sync + Unpin + Copy + 'static>() {}
    send_sync_unpin::<Id<ChannelMarker>>();
    // not even a marker: the id does not depend on what `M` implements
    send_sync_unpin::<Id<std::rc::Rc<u8>>>();
    assert_eq!(size_of::<ChannelId>(), size_of::<u64>());
    assert_eq!(size_of::<Option<Vec<UserId>>>(), size_of::<Vec<u64>>());
}
