//! `client.channels`: get, modify, delete, permission overwrites, typing, invites; and the
//! `messages(channel_id)` and `threads(channel_id)` sub-resources.
//! <https://discord.com/developers/docs/resources/channel>

use asyncord_model::Snowflake;
use asyncord_model::channel::Channel;
use asyncord_model::invite::Invite;

use asyncord_model::request::{CreateChannelInvite, EditChannelPermissions, ModifyChannel};

use super::base::{Rest, resource};
use super::messages::MessagesResource;
use super::threads::ThreadsResource;
use crate::http::{Method, RestResult};

resource! {
    /// Channels (`client.channels`).
    ChannelsResource {}
}

impl ChannelsResource {
    pub(crate) fn new(rest: Rest) -> Self {
        Self { rest }
    }

    /// The messages of a channel.
    pub fn messages(&self, channel_id: impl Into<Snowflake>) -> MessagesResource {
        MessagesResource::new(self.rest.clone(), channel_id.into())
    }

    /// The threads of a channel (and thread membership when `channel_id` is a thread).
    pub fn threads(&self, channel_id: impl Into<Snowflake>) -> ThreadsResource {
        ThreadsResource::new(self.rest.clone(), channel_id.into())
    }

    /// `GET /channels/{id}`.
    pub async fn get(&self, channel_id: impl Into<Snowflake>) -> RestResult<Channel> {
        let id = channel_id.into();
        self.rest
            .call(self.rest.req(Method::GET, "channels/{}", &[&id]))
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
        channel_id: impl Into<Snowflake>,
        body: impl Into<ModifyChannel>,
    ) -> RestResult<Channel> {
        let id = channel_id.into();
        let body: ModifyChannel = body.into();
        self.rest
            .send(self.rest.req(Method::PATCH, "channels/{}", &[&id]), &body)
            .await
    }

    /// `DELETE /channels/{id}`: delete a channel or close a DM; returns the channel.
    pub async fn delete(&self, channel_id: impl Into<Snowflake>) -> RestResult<Channel> {
        let id = channel_id.into();
        self.rest
            .call(self.rest.req(Method::DELETE, "channels/{}", &[&id]))
            .await
    }

    /// `PUT /channels/{id}/permissions/{overwrite_id}`: set a role's or member's overwrite.
    pub async fn edit_permissions(
        &self,
        channel_id: impl Into<Snowflake>,
        overwrite_id: impl Into<Snowflake>,
        body: EditChannelPermissions,
    ) -> RestResult<()> {
        let (c, o) = (channel_id.into(), overwrite_id.into());
        self.rest
            .send_empty(
                self.rest
                    .req(Method::PUT, "channels/{}/permissions/{}", &[&c, &o]),
                &body,
            )
            .await
    }

    /// `DELETE /channels/{id}/permissions/{overwrite_id}`.
    pub async fn delete_permission(
        &self,
        channel_id: impl Into<Snowflake>,
        overwrite_id: impl Into<Snowflake>,
    ) -> RestResult<()> {
        let (c, o) = (channel_id.into(), overwrite_id.into());
        self.rest
            .call_empty(
                self.rest
                    .req(Method::DELETE, "channels/{}/permissions/{}", &[&c, &o]),
            )
            .await
    }

    /// `POST /channels/{id}/typing`: show "Bot is typing…" for about 10 seconds.
    pub async fn typing(&self, channel_id: impl Into<Snowflake>) -> RestResult<()> {
        let id = channel_id.into();
        self.rest
            .call_empty(self.rest.req(Method::POST, "channels/{}/typing", &[&id]))
            .await
    }

    /// `GET /channels/{id}/invites`.
    pub async fn invites(&self, channel_id: impl Into<Snowflake>) -> RestResult<Vec<Invite>> {
        let id = channel_id.into();
        self.rest
            .call(self.rest.req(Method::GET, "channels/{}/invites", &[&id]))
            .await
    }

    /// `POST /channels/{id}/invites`.
    pub async fn create_invite(
        &self,
        channel_id: impl Into<Snowflake>,
        body: CreateChannelInvite,
    ) -> RestResult<Invite> {
        let id = channel_id.into();
        self.rest
            .send(
                self.rest.req(Method::POST, "channels/{}/invites", &[&id]),
                &body,
            )
            .await
    }
}
