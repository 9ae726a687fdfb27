//! Integration events
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#integrations)).

use serde::{Deserialize, Serialize};

use crate::guild::Integration;
use crate::{ApplicationId, GuildId, IntegrationId};

newtype_event! {
    /// `INTEGRATION_CREATE`: an integration was added (`guild_id` is set, `user` absent).
    IntegrationCreateEvent(Integration)
}

newtype_event! {
    /// `INTEGRATION_UPDATE`: an integration was updated (`guild_id` is set, `user` absent).
    IntegrationUpdateEvent(Integration)
}

/// `INTEGRATION_DELETE`: an integration was removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntegrationDeleteEvent {
    /// The integration.
    pub id: IntegrationId,
    /// The guild.
    pub guild_id: GuildId,
    /// The bot or OAuth2 application of the integration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<ApplicationId>,
}
