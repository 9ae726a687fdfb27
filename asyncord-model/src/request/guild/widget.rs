//! The body of Modify Guild Widget.
//! <https://discord.com/developers/docs/resources/guild#modify-guild-widget>

use serde::{Deserialize, Serialize};

use crate::ChannelId;
use crate::request::files::RequestBody;
use crate::request::patch::Patch;
use crate::request::validate::{Validate, ValidationError};

/// The body of [Modify Guild Widget](https://discord.com/developers/docs/resources/guild#modify-guild-widget).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyGuildWidget {
    /// Whether the widget is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The widget's invite channel (`Patch::Clear` removes it).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub channel_id: Patch<ChannelId>,
}

impl ModifyGuildWidget {
    /// An empty patch.
    pub fn new() -> Self {
        Self::default()
    }

    /// Enables or disables the widget.
    #[must_use]
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }

    /// Sets (`Some`) or removes (`None`) the invite channel.
    #[must_use]
    pub fn channel(mut self, channel_id: Option<ChannelId>) -> Self {
        self.channel_id = Patch::set_or_clear(channel_id);
        self
    }
}

impl Validate for ModifyGuildWidget {
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl RequestBody for ModifyGuildWidget {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widget_serialises_null_channel() {
        let w = ModifyGuildWidget::new().enabled(true).channel(None);
        assert_eq!(
            serde_json::to_string(&w).unwrap(),
            r#"{"enabled":true,"channel_id":null}"#
        );
        assert!(w.validate().is_ok());
    }
}
