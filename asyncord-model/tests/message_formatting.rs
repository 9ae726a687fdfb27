//! Mentions, timestamps and markdown escaping as Discord's Message Formatting reference
//! describes them: writing every kind, reading them back from text, and escaped text that
//! renders literally.

#![allow(clippy::unreadable_literal)] // ids as Discord's docs write them

use asyncord_model::message_formatting::{
    CommandMention, EmojiMention, ParsedMention, TimestampMention, TimestampStyle, escape_markdown,
    escape_mentions, parse_mentions,
};
use asyncord_model::{ChannelId, CommandId, EmojiId, RoleId, Timestamp, UserId};

#[test]
fn every_mention_kind_is_written_as_documented() {
    assert_eq!(
        UserId::new(80351110224678912).mention().to_string(),
        "<@80351110224678912>"
    );
    assert_eq!(
        RoleId::new(165511591545143296).mention().to_string(),
        "<@&165511591545143296>"
    );
    assert_eq!(
        ChannelId::new(103735883630395392).mention().to_string(),
        "<#103735883630395392>"
    );
    let cmd = CommandMention::new(CommandId::new(1234567890), "airhorn");
    assert_eq!(cmd.to_string(), "</airhorn:1234567890>");
    assert_eq!(
        cmd.subcommand("blast").to_string(),
        "</airhorn blast:1234567890>"
    );
    assert_eq!(
        CommandMention::new(CommandId::new(1), "tag")
            .subcommand("admin")
            .subcommand("delete")
            .to_string(),
        "</tag admin delete:1>"
    );
    let emoji = EmojiMention {
        id: EmojiId::new(144468574285651968),
        name: "mmLol".into(),
        animated: false,
    };
    assert_eq!(emoji.to_string(), "<:mmLol:144468574285651968>");
    assert_eq!(
        EmojiMention {
            animated: true,
            name: "b1nzy".into(),
            id: EmojiId::new(392938283556143104)
        }
        .to_string(),
        "<a:b1nzy:392938283556143104>"
    );
}

#[test]
fn every_timestamp_style() {
    let t = Timestamp::from_unix_secs(1_618_953_630);
    let expected = [
        (TimestampStyle::ShortTime, "<t:1618953630:t>"),
        (TimestampStyle::LongTime, "<t:1618953630:T>"),
        (TimestampStyle::ShortDate, "<t:1618953630:d>"),
        (TimestampStyle::LongDate, "<t:1618953630:D>"),
        (TimestampStyle::ShortDateTime, "<t:1618953630:f>"),
        (TimestampStyle::LongDateTime, "<t:1618953630:F>"),
        (TimestampStyle::Relative, "<t:1618953630:R>"),
    ];
    assert_eq!(expected.len(), TimestampStyle::ALL.len());
    for (style, text) in expected {
        assert_eq!(t.mention(style).to_string(), text);
        assert_eq!(
            text.parse::<ParsedMention>().unwrap(),
            ParsedMention::Timestamp(t.mention(style))
        );
    }
    let plain = TimestampMention {
        unix: 1_618_953_630,
        style: None,
    };
    assert_eq!(plain.to_string(), "<t:1618953630>");
    assert_eq!(
        "<t:1618953630>".parse::<ParsedMention>().unwrap(),
        ParsedMention::Timestamp(plain)
    );
    // Sub-second precision rounds down; times before 1970 are negative.
    assert_eq!(
        Timestamp::from_unix_micros(1_500_000)
            .mention(TimestampStyle::Relative)
            .unix,
        1
    );
    assert_eq!(
        "<t:-60:R>".parse::<ParsedMention>().unwrap(),
        ParsedMention::Timestamp(TimestampMention {
            unix: -60,
            style: Some(TimestampStyle::Relative)
        })
    );
}

#[test]
fn mentions_are_read_back_from_text() {
    let text = "hey <@80351110224678912> and <@!80351110224678913>, see <#103735883630395392> \
                (<@&165511591545143296>) <:mmLol:144468574285651968><a:b1nzy:392938283556143104> \
                try </airhorn blast:1234567890> at <t:1618953630:R>";
    let found: Vec<ParsedMention> = parse_mentions(text).collect();
    assert_eq!(
        found,
        vec![
            ParsedMention::User(UserId::new(80351110224678912)),
            ParsedMention::User(UserId::new(80351110224678913)),
            ParsedMention::Channel(ChannelId::new(103735883630395392)),
            ParsedMention::Role(RoleId::new(165511591545143296)),
            ParsedMention::Emoji(EmojiMention {
                id: EmojiId::new(144468574285651968),
                name: "mmLol".into(),
                animated: false
            }),
            ParsedMention::Emoji(EmojiMention {
                id: EmojiId::new(392938283556143104),
                name: "b1nzy".into(),
                animated: true
            }),
            ParsedMention::Command(
                CommandMention::new(CommandId::new(1234567890), "airhorn").subcommand("blast")
            ),
            ParsedMention::Timestamp(TimestampMention {
                unix: 1618953630,
                style: Some(TimestampStyle::Relative)
            }),
        ]
    );
}

#[test]
fn text_that_only_looks_like_a_mention_is_skipped() {
    for text in [
        "<@abc>",
        "<@>",
        "<#>",
        "<@&>",
        "<@!>",
        "<:name:>",
        "<::1>",
        "<a:na me:1>",
        "</:1>",
        "</a b c d:1>",
        "<t:>",
        "<t:1:x>",
        "<t:1:RR>",
        "<@99999999999999999999>",
        "a < b > c",
        "<<@1",
        "<@1",
        "<é@1>",
        "<",
        "",
    ] {
        assert_eq!(parse_mentions(text).count(), 0, "{text:?}");
        assert!(text.parse::<ParsedMention>().is_err(), "{text:?}");
    }
    // A broken token does not hide a real one after it.
    assert_eq!(
        parse_mentions("<@x <@5>").collect::<Vec<_>>(),
        vec![ParsedMention::User(UserId::new(5))]
    );
    // Long garbage is bounded, multi-byte text is fine.
    let long = format!("<{}> é <@7>", "é".repeat(10_000));
    assert_eq!(
        parse_mentions(&long).collect::<Vec<_>>(),
        vec![ParsedMention::User(UserId::new(7))]
    );
}

/// Discord's escape rule: a backslash before any ASCII punctuation stands for that character.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            out.push(chars.next().unwrap_or('\\'));
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `text` still holds something Discord's markdown would interpret: an unescaped
/// inline marker anywhere, or an unescaped block marker (quote, heading, subtext, list) at
/// the start of a line.
fn interpretable(text: &str) -> Option<String> {
    for line in text.split('\n') {
        let body = line.trim_start_matches([' ', '\t']);
        let bytes = body.as_bytes();
        if matches!(bytes.first(), Some(b'>' | b'#' | b'-' | b'+' | b'*')) {
            return Some(format!("block marker in {line:?}"));
        }
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits > 0 && matches!(bytes.get(digits), Some(b'.' | b')')) {
            return Some(format!("numbered list in {line:?}"));
        }
        let mut escaped = false;
        for c in body.chars() {
            if escaped {
                escaped = false;
                continue;
            }
            if c == '\\' {
                escaped = true;
                continue;
            }
            if "*_~`|[]<:".contains(c) {
                return Some(format!("unescaped {c:?} in {line:?}"));
            }
        }
    }
    None
}

#[test]
fn escaped_markdown_renders_literally() {
    let samples = [
        "**bold** *italic* _italic_ __underline__ ~~strike~~ ***both***",
        "`code` ```rust\nfn main() {}\n```",
        "||spoiler|| and [masked](https://example.com) link",
        "# heading\n## smaller\n### smallest\n-# subtext",
        "> quote\n>>> block quote\n  > indented quote",
        "- item\n* item\n+ item\n1. first\n2) second\n  - nested",
        "<@80351110224678912> <:mmLol:1> <t:1:R> <https://example.com>",
        "back\\slash \\*already escaped\\*",
        "plain text, with numbers 1.5 and émoji 🎉",
        "",
        "\n\n",
    ];
    for text in samples {
        let escaped = escape_markdown(text);
        assert_eq!(
            unescape(&escaped),
            text,
            "escaping must keep the text: {escaped:?}"
        );
        assert_eq!(interpretable(&escaped), None, "{text:?} -> {escaped:?}");
    }
    // Plain text stays readable.
    assert_eq!(escape_markdown("hello world 1.5"), "hello world 1.5");
}

#[test]
fn escaping_random_text_always_renders_literally() {
    // A fixed-seed generator over markdown's alphabet.
    let alphabet: Vec<char> = "*_~`|[]()<>:#-+.1 \n\\aé@!&".chars().collect();
    let mut state: u64 = 0x5eed;
    for _ in 0..2000 {
        let mut text = String::new();
        for _ in 0..(state % 24) {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push(alphabet[(state >> 33) as usize % alphabet.len()]);
        }
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
        let escaped = escape_markdown(&text);
        assert_eq!(unescape(&escaped), text, "{text:?} -> {escaped:?}");
        assert_eq!(interpretable(&escaped), None, "{text:?} -> {escaped:?}");
    }
}

#[test]
fn mentions_are_defused() {
    let text = "@everyone @here <@1> <@!2> <@&3> mail@example.com";
    let safe = escape_mentions(text);
    assert_eq!(
        safe,
        "@\u{200b}everyone @\u{200b}here <@\u{200b}1> <@\u{200b}!2> <@\u{200b}&3> mail@example.com"
    );
    assert_eq!(parse_mentions(&safe).count(), 0);
    assert_eq!(safe.replace('\u{200b}', ""), text);
}
