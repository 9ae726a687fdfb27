//! [`Reply`]: a message a command sends, whichever way it goes out — the first response, the
//! edit that fills a deferred response, or a follow-up — so one value serves all three.
//!
//! Responding: <https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction>.

use asyncord_model::component::Component;
use asyncord_model::interaction::InteractionMessageData;
use asyncord_model::message::{Embed, MessageFlags};
use asyncord_model::request::{AllowedMentions, EditWebhookMessage, ExecuteWebhook, Patch};

/// A message answering an interaction: text, embeds, components, mention rules, and whether
/// only the user sees it.
///
/// ```
/// use asyncord::commands::Reply;
/// let reply = Reply::from("Rolled 4").ephemeral();
/// assert!(reply.is_ephemeral());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reply {
    content: Option<String>,
    embeds: Vec<Embed>,
    components: Vec<Component>,
    allowed_mentions: Option<AllowedMentions>,
    ephemeral: bool,
}

impl Reply {
    /// An empty reply (add content, embeds or components).
    pub fn new() -> Self {
        Self::default()
    }

    /// A text reply.
    pub fn content(content: impl Into<String>) -> Self {
        Self {
            content: Some(content.into()),
            ..Self::default()
        }
    }

    /// Only the invoking user sees it (a first response or a follow-up; a deferred response's
    /// visibility is the deferral's).
    pub fn ephemeral(mut self) -> Self {
        self.ephemeral = true;
        self
    }

    /// Adds an embed.
    pub fn embed(mut self, embed: Embed) -> Self {
        self.embeds.push(embed);
        self
    }

    /// Adds a component (an action row of buttons, a select...).
    pub fn component(mut self, component: impl Into<Component>) -> Self {
        self.components.push(component.into());
        self
    }

    /// Sets who may be pinged.
    pub fn allowed_mentions(mut self, allowed: AllowedMentions) -> Self {
        self.allowed_mentions = Some(allowed);
        self
    }

    /// Whether only the user sees it.
    pub fn is_ephemeral(&self) -> bool {
        self.ephemeral
    }

    /// The text.
    pub fn text(&self) -> Option<&str> {
        self.content.as_deref()
    }

    fn flags(&self) -> Option<MessageFlags> {
        self.ephemeral.then_some(MessageFlags::EPHEMERAL)
    }

    /// As the data of a first response (or of an update of a component's message).
    pub fn into_message_data(self) -> InteractionMessageData {
        InteractionMessageData {
            content: self.content,
            embeds: (!self.embeds.is_empty()).then_some(self.embeds),
            allowed_mentions: self.allowed_mentions,
            flags: self.ephemeral.then_some(MessageFlags::EPHEMERAL),
            components: (!self.components.is_empty()).then_some(self.components),
            ..InteractionMessageData::default()
        }
    }

    /// As a follow-up message.
    pub fn into_followup(self) -> ExecuteWebhook {
        ExecuteWebhook {
            flags: self.flags(),
            content: self.content,
            embeds: self.embeds,
            components: self.components,
            allowed_mentions: self.allowed_mentions,
            ..ExecuteWebhook::default()
        }
    }

    /// As the edit of the original response (what fills a deferred one).
    pub fn into_edit(self) -> EditWebhookMessage {
        let mut edit = EditWebhookMessage::new();
        if let Some(content) = self.content {
            edit.content = Patch::Set(content);
        }
        if !self.embeds.is_empty() {
            edit.embeds = Patch::Set(self.embeds);
        }
        if !self.components.is_empty() {
            edit.components = Patch::Set(self.components);
        }
        if let Some(allowed) = self.allowed_mentions {
            edit.allowed_mentions = Patch::Set(allowed);
        }
        edit
    }
}

impl From<&str> for Reply {
    fn from(content: &str) -> Self {
        Self::content(content)
    }
}

impl From<String> for Reply {
    fn from(content: String) -> Self {
        Self::content(content)
    }
}

impl From<&String> for Reply {
    fn from(content: &String) -> Self {
        Self::content(content.clone())
    }
}

impl From<Embed> for Reply {
    fn from(embed: Embed) -> Self {
        Self::new().embed(embed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_reply_becomes_each_kind_of_answer() {
        let reply = Reply::content("hi").ephemeral();
        let first = reply.clone().into_message_data();
        assert_eq!(first.content.as_deref(), Some("hi"));
        assert_eq!(first.flags, Some(MessageFlags::EPHEMERAL));
        let followup = reply.clone().into_followup();
        assert_eq!(followup.content.as_deref(), Some("hi"));
        assert_eq!(followup.flags, Some(MessageFlags::EPHEMERAL));
        let edit = reply.into_edit();
        assert_eq!(edit.content, Patch::Set("hi".to_owned()));
        assert_eq!(edit.embeds, Patch::Unchanged, "nothing else is touched");
    }
}
