//! A voice channel's status, and playing a soundboard sound in it.
//! <https://discord.com/developers/docs/resources/soundboard#send-soundboard-sound>

use asyncord_model::ChannelId;
use asyncord_model::request::SendSoundboardSound;
use asyncord_model::route;

use super::ChannelsResource;
use crate::http::RestResult;
use crate::rest::checks;

impl ChannelsResource {
    /// `PUT /channels/{id}/voice-status`: sets a voice channel's status (≤ 500 characters,
    /// `None` clears it).
    pub async fn set_voice_status(
        &self,
        channel_id: impl Into<ChannelId>,
        status: Option<&str>,
    ) -> RestResult<()> {
        if let Some(s) = status {
            let n = s.chars().count();
            if n > 500 {
                return Err(checks::out_of_range(
                    "status",
                    0,
                    500,
                    i64::try_from(n).unwrap_or(i64::MAX),
                )
                .into());
            }
        }
        let c = channel_id.into();
        let request = self
            .rest
            .req(&route::MODIFY_VOICE_CHANNEL_STATUS, [&c])
            .json(&serde_json::json!({ "status": status }))?;
        self.rest.call_empty(request).await
    }

    /// `POST /channels/{id}/send-soundboard-sound` (`sound_id`, `source_guild_id`): plays a
    /// sound in the voice channel the bot is connected to.
    pub async fn send_soundboard_sound(
        &self,
        channel_id: impl Into<ChannelId>,
        body: SendSoundboardSound,
    ) -> RestResult<()> {
        let c = channel_id.into();
        let request = self.rest.req(&route::SEND_SOUNDBOARD_SOUND, [&c]);
        self.rest.send_empty(request, &body).await
    }
}
