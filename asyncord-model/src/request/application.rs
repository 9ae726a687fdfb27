//! The body of [Edit Current Application](https://discord.com/developers/docs/resources/application#edit-current-application)
//! (`PATCH /applications/@me`, also sent to `PATCH /applications/{id}`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::files::RequestBody;
use super::image::ImageData;
use super::patch::Patch;
use super::validate::{Path, Validate, ValidationError, check};
use crate::application::{
    ApplicationFlags, EventWebhookStatus, InstallParams, IntegrationTypeConfig,
};
use crate::command::ApplicationIntegrationType;

/// The body of [Edit Current Application](https://discord.com/developers/docs/resources/application#edit-current-application).
///
/// Every field is optional. `description` is a plain string as the docs define it (Discord's
/// OpenAPI spec describes a localised object instead).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyCurrentApplication {
    /// Default custom authorisation URL (max 2048 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_install_url: Option<String>,
    /// Description (max 400 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Role connection verification URL (max 2048 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_connections_verification_url: Option<String>,
    /// Settings for the default in-app authorisation link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub install_params: Option<InstallParams>,
    /// Default scopes and permissions per installation context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_types_config:
        Option<BTreeMap<ApplicationIntegrationType, IntegrationTypeConfig>>,
    /// Flags (only the `*_LIMITED` gateway intent flags can be changed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<ApplicationFlags>,
    /// New icon (`Patch::Clear` removes it).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub icon: Patch<ImageData>,
    /// New cover image (`Patch::Clear` removes it).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub cover_image: Patch<ImageData>,
    /// Interactions endpoint URL (max 2048 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interactions_endpoint_url: Option<String>,
    /// Up to 5 tags of at most 20 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// Event webhooks URL (max 2048 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_webhooks_url: Option<String>,
    /// Enables or disables webhook events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_webhooks_status: Option<EventWebhookStatus>,
    /// The webhook event types to receive (`APPLICATION_AUTHORIZED`, `ENTITLEMENT_CREATE`...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_webhooks_types: Option<Vec<String>>,
}

impl ModifyCurrentApplication {
    /// An empty patch.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the description (max 400 characters).
    #[must_use]
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Replaces the tags (max 5, each at most 20 characters).
    #[must_use]
    pub fn tags<S: Into<String>>(mut self, tags: impl IntoIterator<Item = S>) -> Self {
        self.tags = Some(tags.into_iter().map(Into::into).collect());
        self
    }

    /// Sets (`Some`) or removes (`None`) the icon.
    #[must_use]
    pub fn icon(mut self, icon: Option<ImageData>) -> Self {
        self.icon = Patch::set_or_clear(icon);
        self
    }

    /// Sets the interactions endpoint URL.
    #[must_use]
    pub fn interactions_endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.interactions_endpoint_url = Some(url.into());
        self
    }
}

impl Validate for ModifyCurrentApplication {
    fn validate(&self) -> Result<(), ValidationError> {
        let root = Path::ROOT;
        check::opt_chars(
            &root.field("description"),
            self.description.as_deref(),
            0,
            400,
        )?;
        for (name, url) in [
            ("custom_install_url", &self.custom_install_url),
            (
                "role_connections_verification_url",
                &self.role_connections_verification_url,
            ),
            ("interactions_endpoint_url", &self.interactions_endpoint_url),
            ("event_webhooks_url", &self.event_webhooks_url),
        ] {
            check::opt_chars(&root.field(name), url.as_deref(), 0, 2048)?;
        }
        if let Some(tags) = &self.tags {
            let path = root.field("tags");
            check::count(&path, tags.len(), 0, 5)?;
            check::unique(&path, tags, |t| (*t).clone())?;
            for (i, tag) in tags.iter().enumerate() {
                check::chars(&path.index(i), tag, 1, 20)?;
            }
        }
        Ok(())
    }
}

impl RequestBody for ModifyCurrentApplication {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::validate::ValidationErrorKind;

    #[test]
    fn serialises_only_set_fields() {
        let body = ModifyCurrentApplication::new().tags(["utility"]).icon(None);
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"icon":null,"tags":["utility"]}"#
        );
    }

    #[test]
    fn integration_types_config_keys_are_strings() {
        let mut config = BTreeMap::new();
        config.insert(
            ApplicationIntegrationType::GuildInstall,
            IntegrationTypeConfig::default(),
        );
        let body = ModifyCurrentApplication {
            integration_types_config: Some(config),
            ..ModifyCurrentApplication::default()
        };
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"integration_types_config":{"0":{}}}"#
        );
        let back: ModifyCurrentApplication =
            serde_json::from_str(&serde_json::to_string(&body).unwrap()).unwrap();
        assert_eq!(back, body);
    }

    #[test]
    fn tag_limits() {
        let ok = ModifyCurrentApplication::new().tags(["a", "b", "c", "d", &"e".repeat(20)]);
        assert!(ok.validate().is_ok());
        let six = ModifyCurrentApplication::new().tags(["a", "b", "c", "d", "e", "f"]);
        assert!(matches!(
            six.validate().unwrap_err().kind,
            ValidationErrorKind::TooMany { max: 5, actual: 6 }
        ));
        let long = ModifyCurrentApplication::new().tags(["e".repeat(21)]);
        assert_eq!(long.validate().unwrap_err().path, "tags[0]");
        let dup = ModifyCurrentApplication::new().tags(["a", "a"]);
        assert!(matches!(
            dup.validate().unwrap_err().kind,
            ValidationErrorKind::Duplicate { .. }
        ));
    }

    #[test]
    fn description_and_url_limits() {
        let at = |n: usize| ModifyCurrentApplication::new().description("d".repeat(n));
        assert!(at(400).validate().is_ok());
        assert_eq!(at(401).validate().unwrap_err().path, "description");
        let url =
            |n: usize| ModifyCurrentApplication::new().interactions_endpoint_url("u".repeat(n));
        assert!(url(2048).validate().is_ok());
        assert_eq!(
            url(2049).validate().unwrap_err().path,
            "interactions_endpoint_url"
        );
    }
}
