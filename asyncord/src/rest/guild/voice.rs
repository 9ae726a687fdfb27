//! Voice regions and the voice states of a guild's members.
//! <https://discord.com/developers/docs/resources/voice>

use asyncord_model::request::ModifyVoiceState;
use asyncord_model::route;
use asyncord_model::voice::{VoiceRegion, VoiceState};
use asyncord_model::{GuildId, UserId};

use super::GuildsResource;
use crate::http::RestResult;
use crate::rest::checks;

impl GuildsResource {
    /// `GET /voice/regions`: every voice region.
    pub async fn all_voice_regions(&self) -> RestResult<Vec<VoiceRegion>> {
        self.rest
            .call(self.rest.req(&route::LIST_VOICE_REGIONS, []))
            .await
    }

    /// `GET /guilds/{id}/regions`: the guild's voice regions.
    pub async fn voice_regions(
        &self,
        guild_id: impl Into<GuildId>,
    ) -> RestResult<Vec<VoiceRegion>> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(&route::GET_GUILD_VOICE_REGIONS, [&g]))
            .await
    }

    /// `GET /guilds/{id}/voice-states/@me`: the bot's voice state.
    pub async fn current_voice_state(
        &self,
        guild_id: impl Into<GuildId>,
    ) -> RestResult<VoiceState> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(&route::GET_CURRENT_USER_VOICE_STATE, [&g]))
            .await
    }

    /// `GET /guilds/{id}/voice-states/{user_id}`.
    pub async fn voice_state(
        &self,
        guild_id: impl Into<GuildId>,
        user_id: impl Into<UserId>,
    ) -> RestResult<VoiceState> {
        let (g, u) = (guild_id.into(), user_id.into());
        self.rest
            .call(self.rest.req(&route::GET_USER_VOICE_STATE, [&g, &u]))
            .await
    }

    /// `PATCH /guilds/{id}/voice-states/@me` (`channel_id`, `suppress`,
    /// `request_to_speak_timestamp`); 204.
    pub async fn edit_current_voice_state(
        &self,
        guild_id: impl Into<GuildId>,
        body: ModifyVoiceState,
    ) -> RestResult<()> {
        let g = guild_id.into();
        let request = self.rest.req(&route::MODIFY_CURRENT_USER_VOICE_STATE, [&g]);
        self.rest.send_empty(request, &body).await
    }

    /// `PATCH /guilds/{id}/voice-states/{user_id}` (`channel_id`, `suppress`); 204.
    /// `request_to_speak_timestamp` applies to the current user only and must stay unset.
    pub async fn edit_voice_state(
        &self,
        guild_id: impl Into<GuildId>,
        user_id: impl Into<UserId>,
        body: ModifyVoiceState,
    ) -> RestResult<()> {
        if !body.request_to_speak_timestamp.is_absent() {
            return Err(checks::invalid_field(
                "request_to_speak_timestamp",
                "only the current user's voice state takes it",
            ));
        }
        let (g, u) = (guild_id.into(), user_id.into());
        let request = self.rest.req(&route::MODIFY_USER_VOICE_STATE, [&g, &u]);
        self.rest.send_empty(request, &body).await
    }
}
