//! Webhooks: incoming, channel follower and application webhooks, and their (redacted) tokens.
//!
//! Discord docs: [Webhook resource](https://discord.com/developers/docs/resources/webhook).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::common::ImageHash;
use crate::guild::Guild;
use crate::user::User;
use crate::{ApplicationId, ChannelId, GuildId, WebhookId, int_enum};

/// A webhook ([docs](https://discord.com/developers/docs/resources/webhook#webhook-object)).
///
/// `Debug` redacts the token and the URL (which embeds the token).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Webhook {
    /// The webhook id.
    pub id: WebhookId,
    /// The kind of webhook.
    #[serde(rename = "type")]
    pub kind: WebhookType,
    /// The guild.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The channel it posts to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<ChannelId>,
    /// Who created it (absent when fetched with its token).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
    /// The default name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The default avatar hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<ImageHash>,
    /// The secure token (incoming webhooks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<WebhookToken>,
    /// The bot/OAuth2 application that created it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<ApplicationId>,
    /// The followed guild (channel follower webhooks; partial).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_guild: Option<Box<Guild>>,
    /// The followed channel (channel follower webhooks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_channel: Option<WebhookChannel>,
    /// The execute URL (OAuth2 `webhook.incoming`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl fmt::Debug for Webhook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Webhook")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .field("guild_id", &self.guild_id)
            .field("channel_id", &self.channel_id)
            .field("user", &self.user)
            .field("name", &self.name)
            .field("avatar", &self.avatar)
            .field("token", &self.token)
            .field("application_id", &self.application_id)
            .field("source_guild", &self.source_guild)
            .field("source_channel", &self.source_channel)
            .field("url", &self.url.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

int_enum! {
    /// The kind of a webhook
    /// ([docs](https://discord.com/developers/docs/resources/webhook#webhook-object-webhook-types)).
    pub enum WebhookType: i64 {
        /// Posts messages with a token.
        Incoming = 1,
        /// Posts messages of a followed announcement channel.
        ChannelFollower = 2,
        /// Used with interactions.
        Application = 3,
    }
}

/// The followed channel of a channel follower webhook (id and name only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookChannel {
    /// The channel id.
    pub id: ChannelId,
    /// The channel name.
    #[serde(default)]
    pub name: String,
}

/// A webhook token: a secret that lets anyone post as the webhook.
///
/// `Debug` prints `WebhookToken(<redacted>)`, so a token never lands in logs by accident; use
/// [`WebhookToken::expose`] where the raw value is needed (request URLs).
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WebhookToken(String);

impl WebhookToken {
    /// Wraps a token.
    pub fn new(token: impl Into<String>) -> Self {
        Self(token.into())
    }

    /// The raw token.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for WebhookToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WebhookToken(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! docs {
        ($name:literal) => {
            include_str!(concat!("../../testdata/discord-api/payloads/docs/", $name))
        };
    }

    fn parse(t: &str) -> Webhook {
        let v: Webhook = serde_json::from_str(t).unwrap();
        assert_eq!(
            serde_json::from_str::<Webhook>(&serde_json::to_string(&v).unwrap()).unwrap(),
            v
        );
        v
    }

    #[test]
    fn docs_webhooks_parse() {
        let w = parse(docs!(
            "docs-resources-webhook-example-incoming-webhook.json"
        ));
        assert_eq!(w.kind, WebhookType::Incoming);
        let token = w.token.as_ref().unwrap();
        assert!(token.expose().starts_with("3d89bb"));
        assert!(!format!("{w:?}").contains("3d89bb"));
        let with_url: Webhook = serde_json::from_str(
            r#"{"id":"1","type":1,"token":"sekrit","url":"https://discord.com/api/webhooks/1/sekrit"}"#,
        )
        .unwrap();
        let shown = format!("{with_url:?}");
        assert!(!shown.contains("sekrit") && shown.contains("<redacted>"));
        let f = parse(docs!(
            "docs-resources-webhook-example-channel-follower-webhook.json"
        ));
        assert_eq!(f.source_channel.as_ref().unwrap().name, "announcements");
        assert_eq!(f.source_guild.as_ref().unwrap().name, "Guildy name");
        let a = parse(docs!(
            "docs-resources-webhook-example-application-webhook.json"
        ));
        assert_eq!(a.kind, WebhookType::Application);
        assert_eq!(a.channel_id, None);
    }
}
