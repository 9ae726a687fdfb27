//! Escaping user text so Discord shows it as typed, and so it pings nobody.
//!
//! Discord's markdown treats a backslash before any ASCII punctuation as "this character,
//! literally", so escaping is a backslash before each character that could start or end a
//! construct:
//!
//! - anywhere: `\` itself, `*` (bold, italic, lists), `_` (italic, underline), `~`
//!   (strikethrough), `` ` `` (code, code blocks), `|` (spoilers), `[` `]` (masked links), `<`
//!   (mentions, emojis, timestamps, `<url>` links) and `:` (custom emojis in `<:name:id>`);
//! - at the start of a line (after indentation): `>` (quotes, `>>>`), `#` (headings and `-#`
//!   subtext), `-` and `+` (lists, subtext), and the `.` or `)` of `1.` (numbered lists).

/// Characters escaped wherever they are.
const INLINE: &[char] = &['\\', '*', '_', '~', '`', '|', '[', ']', '<', ':'];

/// Characters escaped when they begin a line.
const LINE_START: &[char] = &['>', '#', '-', '+'];

/// `text` with every markdown construct escaped, so it renders literally.
///
/// ```
/// use asyncord_model::message_formatting::escape_markdown;
///
/// assert_eq!(escape_markdown("**hi** ||x||"), r"\*\*hi\*\* \|\|x\|\|");
/// assert_eq!(escape_markdown("# title\n> quote"), "\\# title\n\\> quote");
/// ```
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        escape_line(line, &mut out);
    }
    out
}

fn escape_line(line: &str, out: &mut String) {
    let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
    out.push_str(&line[..indent]);
    let body = &line[indent..];
    // A numbered list marker: digits then `.` or `)`.
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = digits > 0 && matches!(body.as_bytes().get(digits), Some(b'.' | b')'));
    for (at, c) in body.char_indices() {
        let line_start = at == 0 && LINE_START.contains(&c);
        if line_start || INLINE.contains(&c) || (numbered && at == digits) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// `text` with mentions defused: `@everyone`, `@here` and `<@id>`/`<@&id>`/`<@!id>` get a
/// zero-width space after the `@`, so they show but ping nobody. (To send a mention that shows
/// but does not ping, prefer the message's `allowed_mentions`.)
///
/// ```
/// use asyncord_model::message_formatting::escape_mentions;
///
/// assert_eq!(escape_mentions("hi @everyone"), "hi @\u{200b}everyone");
/// assert_eq!(escape_mentions("<@123>"), "<@\u{200b}123>");
/// ```
pub fn escape_mentions(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev = None;
    for (at, c) in text.char_indices() {
        out.push(c);
        if c == '@' {
            let rest = &text[at + 1..];
            if prev == Some('<') || rest.starts_with("everyone") || rest.starts_with("here") {
                out.push('\u{200b}');
            }
        }
        prev = Some(c);
    }
    out
}
