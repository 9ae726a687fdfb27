//! `client.channels`: the channel resource. This file holds the handle and the channel's own routes
//! (get, modify, delete, permission overwrites, typing, invites, following, group DM recipients);
//! each other part has its own file here: `messages(channel_id)` (with pins and reactions),
//! `threads(channel_id)`, polls, and a voice channel's status and soundboard.
//! <https://discord.com/developers/docs/resources/channel>

pub(super) mod messages;
pub(super) mod pins;
pub(super) mod polls;
pub(super) mod reactions;
pub(super) mod threads;
mod voice;

use asyncord_model::channel::{Channel, FollowedChannel};
use asyncord_model::invite::Invite;
use asyncord_model::request::{
    AddGroupDmRecipient, CreateChannelInvite, EditChannelPermissions, FollowAnnouncementChannel,
    ModifyChannel,
};
use asyncord_model::route;
use asyncord_model::{ChannelId, Snowflake, UserId};

use super::base::{Rest, resource};
use crate::http::RestResult;

resource! {
    /// Channels (`client.channels`).
    ChannelsResource {}
}

impl ChannelsResource {
    pub(crate) fn new(rest: Rest) -> Self {
        Self { rest }
    }

    /// `GET /channels/{id}`.
    pub async fn get(&self, channel_id: impl Into<ChannelId>) -> RestResult<Channel> {
        let id = channel_id.into();
        self.rest
            .call(self.rest.req(&route::GET_CHANNEL, [&id]))
            .await
    }

    /// `PATCH /channels/{id}`: modify a guild channel ([`ModifyGuildChannel`]), a thread
    /// ([`ModifyThread`]) or a group DM ([`ModifyGroupDm`]).
    ///
    /// [`ModifyGuildChannel`]: asyncord_model::request::ModifyGuildChannel
    /// [`ModifyThread`]: asyncord_model::request::ModifyThread
    /// [`ModifyGroupDm`]: asyncord_model::request::ModifyGroupDm
    pub async fn edit(
        &self,
        channel_id: impl Into<ChannelId>,
        body: impl Into<ModifyChannel>,
    ) -> RestResult<Channel> {
        let id = channel_id.into();
        let body: ModifyChannel = body.into();
        self.rest
            .send(self.rest.req(&route::MODIFY_CHANNEL, [&id]), &body)
            .await
    }

    /// `DELETE /channels/{id}`: delete a channel or close a DM; returns the channel.
    pub async fn delete(&self, channel_id: impl Into<ChannelId>) -> RestResult<Channel> {
        let id = channel_id.into();
        self.rest
            .call(self.rest.req(&route::DELETE_CHANNEL, [&id]))
            .await
    }

    /// `PUT /channels/{id}/permissions/{overwrite_id}`: set a role's or member's overwrite.
    pub async fn edit_permissions(
        &self,
        channel_id: impl Into<ChannelId>,
        overwrite_id: impl Into<Snowflake>,
        body: EditChannelPermissions,
    ) -> RestResult<()> {
        let (c, o) = (channel_id.into(), overwrite_id.into());
        self.rest
            .send_empty(
                self.rest.req(&route::EDIT_CHANNEL_PERMISSIONS, [&c, &o]),
                &body,
            )
            .await
    }

    /// `DELETE /channels/{id}/permissions/{overwrite_id}`.
    pub async fn delete_permission(
        &self,
        channel_id: impl Into<ChannelId>,
        overwrite_id: impl Into<Snowflake>,
    ) -> RestResult<()> {
        let (c, o) = (channel_id.into(), overwrite_id.into());
        self.rest
            .call_empty(self.rest.req(&route::DELETE_CHANNEL_PERMISSION, [&c, &o]))
            .await
    }

    /// `POST /channels/{id}/typing`: show "Bot is typing…" for about 10 seconds.
    pub async fn typing(&self, channel_id: impl Into<ChannelId>) -> RestResult<()> {
        let id = channel_id.into();
        self.rest
            .call_empty(self.rest.req(&route::TRIGGER_TYPING_INDICATOR, [&id]))
            .await
    }

    /// `GET /channels/{id}/invites`.
    pub async fn invites(&self, channel_id: impl Into<ChannelId>) -> RestResult<Vec<Invite>> {
        let id = channel_id.into();
        self.rest
            .call(self.rest.req(&route::GET_CHANNEL_INVITES, [&id]))
            .await
    }

    /// `POST /channels/{id}/invites`.
    pub async fn create_invite(
        &self,
        channel_id: impl Into<ChannelId>,
        body: CreateChannelInvite,
    ) -> RestResult<Invite> {
        let id = channel_id.into();
        self.rest
            .send(self.rest.req(&route::CREATE_CHANNEL_INVITE, [&id]), &body)
            .await
    }

    /// `POST /channels/{id}/followers`: crossposts of an announcement channel go to
    /// `webhook_channel_id`.
    pub async fn follow(
        &self,
        channel_id: impl Into<ChannelId>,
        webhook_channel_id: impl Into<ChannelId>,
    ) -> RestResult<FollowedChannel> {
        let c = channel_id.into();
        let body = FollowAnnouncementChannel {
            webhook_channel_id: webhook_channel_id.into(),
        };
        let request = self.rest.req(&route::FOLLOW_ANNOUNCEMENT_CHANNEL, [&c]);
        self.rest.send_json(request, &body).await
    }

    /// `PUT /channels/{id}/recipients/{user_id}`: adds a user to a group DM (`access_token`,
    /// `nick`).
    pub async fn add_recipient(
        &self,
        channel_id: impl Into<ChannelId>,
        user_id: impl Into<UserId>,
        body: AddGroupDmRecipient,
    ) -> RestResult<()> {
        let (c, u) = (channel_id.into(), user_id.into());
        let request = self.rest.req(&route::GROUP_DM_ADD_RECIPIENT, [&c, &u]);
        self.rest.send_empty(request, &body).await
    }

    /// `DELETE /channels/{id}/recipients/{user_id}`: removes a user from a group DM.
    pub async fn remove_recipient(
        &self,
        channel_id: impl Into<ChannelId>,
        user_id: impl Into<UserId>,
    ) -> RestResult<()> {
        let (c, u) = (channel_id.into(), user_id.into());
        self.rest
            .call_empty(self.rest.req(&route::GROUP_DM_REMOVE_RECIPIENT, [&c, &u]))
            .await
    }
}
