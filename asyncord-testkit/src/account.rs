//! [`BotAccount`]: a bot the emulator knows, as Discord's developer portal would (token, bot
//! user, application, privileged intents granted).

use asyncord_model::{ApplicationId, Intents, UserId};

/// A bot the emulator knows: what the gateway side needs to check an IDENTIFY and build READY.
///
/// Its `Debug` never shows the token.
#[derive(Clone)]
pub struct BotAccount {
    /// The bot's token (`Bot ` prefix not included).
    pub token: String,
    /// The bot user (a `User` object as JSON).
    pub user: serde_json::Value,
    /// The bot user's id.
    pub user_id: UserId,
    /// The bot's application id.
    pub application_id: ApplicationId,
    /// The privileged intents enabled for this bot "in the developer portal".
    pub granted_privileged: Intents,
}

impl std::fmt::Debug for BotAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BotAccount")
            .field("token", &"<redacted>")
            .field("user_id", &self.user_id)
            .field("application_id", &self.application_id)
            .field("granted_privileged", &self.granted_privileged)
            .finish_non_exhaustive()
    }
}

impl BotAccount {
    /// The bot's own user object as Discord shows it to the bot itself (READY's `user`, and
    /// the base of `GET /users/@me`): [`BotAccount::user`] plus the current user's private
    /// fields `verified`, `mfa_enabled` and `email` (`null` for a bot).
    pub fn current_user(&self) -> serde_json::Value {
        let mut user = self.user.clone();
        if let Some(o) = user.as_object_mut() {
            for (k, v) in [
                ("verified", serde_json::Value::Bool(true)),
                ("mfa_enabled", serde_json::Value::Bool(false)),
                ("email", serde_json::Value::Null),
            ] {
                o.entry(k).or_insert(v);
            }
        }
        user
    }
}
