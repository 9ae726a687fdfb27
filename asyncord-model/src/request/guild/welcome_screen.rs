//! The body of Modify Guild Welcome Screen.
//! <https://discord.com/developers/docs/resources/guild#modify-guild-welcome-screen>

use serde::{Deserialize, Serialize};

use crate::guild::WelcomeScreenChannel;
use crate::request::files::RequestBody;
use crate::request::patch::Patch;
use crate::request::validate::{Path, Validate, ValidationError, check};

/// The body of [Modify Guild Welcome Screen](https://discord.com/developers/docs/resources/guild#modify-guild-welcome-screen).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyWelcomeScreen {
    /// Whether the welcome screen is enabled.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub enabled: Patch<bool>,
    /// Suggested channels (max 5; `Patch::Clear` clears them).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub welcome_channels: Patch<Vec<WelcomeScreenChannel>>,
    /// The server description shown (max 140 characters; `Patch::Clear` clears it).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub description: Patch<String>,
}

impl ModifyWelcomeScreen {
    /// An empty patch.
    pub fn new() -> Self {
        Self::default()
    }

    /// Enables or disables the welcome screen.
    #[must_use]
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Patch::Set(enabled);
        self
    }

    /// Sets (`Some`) or clears (`None`) the description.
    #[must_use]
    pub fn description(mut self, description: Option<String>) -> Self {
        self.description = Patch::set_or_clear(description);
        self
    }

    /// Replaces the suggested channels.
    #[must_use]
    pub fn channels(mut self, channels: Vec<WelcomeScreenChannel>) -> Self {
        self.welcome_channels = Patch::Set(channels);
        self
    }
}

impl Validate for ModifyWelcomeScreen {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(
            &Path::ROOT.field("description"),
            self.description.as_deref(),
            0,
            140,
        )?;
        if let Patch::Set(channels) = &self.welcome_channels {
            let path = Path::ROOT.field("welcome_channels");
            check::count(&path, channels.len(), 0, 5)?;
            for (i, channel) in channels.iter().enumerate() {
                check::chars(
                    &path.index(i).field("description"),
                    &channel.description,
                    1,
                    50,
                )?;
            }
        }
        Ok(())
    }
}

impl RequestBody for ModifyWelcomeScreen {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ChannelId;

    #[test]
    fn welcome_screen_limits() {
        let channel = |d: usize| WelcomeScreenChannel {
            channel_id: ChannelId::new(3),
            description: "d".repeat(d),
            emoji_id: None,
            emoji_name: None,
        };
        assert!(
            ModifyWelcomeScreen::new()
                .description(Some("x".repeat(140)))
                .channels(vec![channel(50); 5])
                .validate()
                .is_ok()
        );
        let err = ModifyWelcomeScreen::new()
            .description(Some("x".repeat(141)))
            .validate()
            .unwrap_err();
        assert_eq!(err.path, "description");
        let err = ModifyWelcomeScreen::new()
            .channels(vec![channel(1); 6])
            .validate()
            .unwrap_err();
        assert_eq!(err.path, "welcome_channels");
        let err = ModifyWelcomeScreen::new()
            .channels(vec![channel(51)])
            .validate()
            .unwrap_err();
        assert_eq!(err.path, "welcome_channels[0].description");
        assert_eq!(
            serde_json::to_string(&ModifyWelcomeScreen::new().description(None)).unwrap(),
            r#"{"description":null}"#
        );
    }
}
