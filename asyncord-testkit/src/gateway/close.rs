//! The gateway close codes the emulator sends and the reason text Discord writes in each close
//! frame ([docs](https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes)).

/// The reason of a close frame with `code`: the docs table's description written as Discord
/// sends it (`4004` → `"Authentication failed."`); empty for codes outside the table (such as
/// 1000 and 1001, which Discord sends without a reason).
pub(crate) fn reason(code: u16) -> &'static str {
    match code {
        4000 => "Unknown error.",
        4001 => "Unknown opcode.",
        4002 => "Decode error.",
        4003 => "Not authenticated.",
        4004 => "Authentication failed.",
        4005 => "Already authenticated.",
        4007 => "Invalid seq.",
        4008 => "Rate limited.",
        4009 => "Session timed out.",
        4010 => "Invalid shard.",
        4011 => "Sharding required.",
        4012 => "Invalid API version.",
        4013 => "Invalid intent(s).",
        4014 => "Disallowed intent(s).",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::reason;

    #[test]
    fn every_documented_code_has_its_reason_and_others_none() {
        for code in (4000..=4014).filter(|c| *c != 4006) {
            assert!(reason(code).ends_with('.'), "{code}");
        }
        assert_eq!(reason(4004), "Authentication failed.");
        assert_eq!(reason(4006), "");
        assert_eq!(reason(1001), "");
    }
}
