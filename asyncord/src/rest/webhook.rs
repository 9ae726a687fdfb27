//! `client.webhooks`: create, list, get, modify, delete, execute (also with Slack- and
//! GitHub-compatible payloads), and webhook messages. Token routes are sent without the bot
//! token, as Discord allows. <https://discord.com/developers/docs/resources/webhook>

use asyncord_model::message::Message;
use asyncord_model::request::{
    CreateWebhook, EditWebhookMessage, ExecuteWebhook, JsonBody, ModifyWebhook,
};
use asyncord_model::route;
use asyncord_model::webhook::Webhook;
use asyncord_model::{ChannelId, GuildId, MessageId, WebhookId};

use super::base::{Rest, resource};
use crate::http::{RestResult, Secret};

resource! {
    /// Webhooks (`client.webhooks`).
    WebhooksResource {}
}

impl WebhooksResource {
    pub(crate) fn new(rest: Rest) -> Self {
        Self { rest }
    }

    /// `POST /channels/{id}/webhooks`.
    pub async fn create(
        &self,
        channel_id: impl Into<ChannelId>,
        body: CreateWebhook,
    ) -> RestResult<Webhook> {
        let c = channel_id.into();
        self.rest
            .send(self.rest.req(&route::CREATE_WEBHOOK, [&c]), &body)
            .await
    }

    /// `GET /channels/{id}/webhooks`.
    pub async fn channel_webhooks(
        &self,
        channel_id: impl Into<ChannelId>,
    ) -> RestResult<Vec<Webhook>> {
        let c = channel_id.into();
        self.rest
            .call(self.rest.req(&route::GET_CHANNEL_WEBHOOKS, [&c]))
            .await
    }

    /// `GET /guilds/{id}/webhooks`.
    pub async fn guild_webhooks(&self, guild_id: impl Into<GuildId>) -> RestResult<Vec<Webhook>> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(&route::GET_GUILD_WEBHOOKS, [&g]))
            .await
    }

    /// `GET /webhooks/{id}`, or `GET /webhooks/{id}/{token}` when a token is given.
    pub async fn get(
        &self,
        webhook_id: impl Into<WebhookId>,
        token: Option<&str>,
    ) -> RestResult<Webhook> {
        let w = webhook_id.into();
        let request = match token {
            Some(t) => self.rest.req(
                &route::GET_WEBHOOK_WITH_TOKEN,
                [&w, &Secret::new("webhook_token", t)?],
            ),
            None => self.rest.req(&route::GET_WEBHOOK, [&w]),
        };
        self.rest.call(request).await
    }

    /// `PATCH /webhooks/{id}` (or `/{token}`: then the channel cannot change).
    pub async fn edit(
        &self,
        webhook_id: impl Into<WebhookId>,
        token: Option<&str>,
        body: ModifyWebhook,
    ) -> RestResult<Webhook> {
        let w = webhook_id.into();
        let request = match token {
            Some(t) => self.rest.req(
                &route::MODIFY_WEBHOOK_WITH_TOKEN,
                [&w, &Secret::new("webhook_token", t)?],
            ),
            None => self.rest.req(&route::MODIFY_WEBHOOK, [&w]),
        };
        self.rest.send(request, &body).await
    }

    /// `DELETE /webhooks/{id}` (or `/{token}`).
    pub async fn delete(
        &self,
        webhook_id: impl Into<WebhookId>,
        token: Option<&str>,
    ) -> RestResult<()> {
        let w = webhook_id.into();
        let request = match token {
            Some(t) => self.rest.req(
                &route::DELETE_WEBHOOK_WITH_TOKEN,
                [&w, &Secret::new("webhook_token", t)?],
            ),
            None => self.rest.req(&route::DELETE_WEBHOOK, [&w]),
        };
        self.rest.call_empty(request).await
    }

    /// `POST /webhooks/{id}/{token}?wait=true`: send a message (in `thread_id` if given) and
    /// return it.
    pub async fn execute(
        &self,
        webhook_id: impl Into<WebhookId>,
        token: &str,
        thread_id: Option<ChannelId>,
        body: ExecuteWebhook,
    ) -> RestResult<Message> {
        let w = webhook_id.into();
        let request = self
            .rest
            .req(
                &route::EXECUTE_WEBHOOK,
                [&w, &Secret::new("webhook_token", token)?],
            )
            .query("wait", true)
            .query_opt("thread_id", thread_id);
        self.rest.send(request, &body).await
    }

    /// `GET /webhooks/{id}/{token}/messages/{message_id}`.
    pub async fn message(
        &self,
        webhook_id: impl Into<WebhookId>,
        token: &str,
        message_id: impl Into<MessageId>,
        thread_id: Option<ChannelId>,
    ) -> RestResult<Message> {
        let (w, m) = (webhook_id.into(), message_id.into());
        let request = self
            .rest
            .req(
                &route::GET_WEBHOOK_MESSAGE,
                [&w, &Secret::new("webhook_token", token)?, &m],
            )
            .query_opt("thread_id", thread_id);
        self.rest.call(request).await
    }

    /// `PATCH /webhooks/{id}/{token}/messages/{message_id}`.
    pub async fn edit_message(
        &self,
        webhook_id: impl Into<WebhookId>,
        token: &str,
        message_id: impl Into<MessageId>,
        thread_id: Option<ChannelId>,
        body: EditWebhookMessage,
    ) -> RestResult<Message> {
        let (w, m) = (webhook_id.into(), message_id.into());
        let request = self
            .rest
            .req(
                &route::EDIT_WEBHOOK_MESSAGE,
                [&w, &Secret::new("webhook_token", token)?, &m],
            )
            .query_opt("thread_id", thread_id);
        self.rest.send(request, &body).await
    }

    /// `DELETE /webhooks/{id}/{token}/messages/{message_id}`.
    pub async fn delete_message(
        &self,
        webhook_id: impl Into<WebhookId>,
        token: &str,
        message_id: impl Into<MessageId>,
        thread_id: Option<ChannelId>,
    ) -> RestResult<()> {
        let (w, m) = (webhook_id.into(), message_id.into());
        let request = self
            .rest
            .req(
                &route::DELETE_WEBHOOK_MESSAGE,
                [&w, &Secret::new("webhook_token", token)?, &m],
            )
            .query_opt("thread_id", thread_id);
        self.rest.call_empty(request).await
    }

    /// `POST /webhooks/{id}/{token}/slack`: executes with a Slack-compatible payload; 204
    /// unless `wait`. The body stays a [`JsonBody`]: it is Slack's incoming-webhook format,
    /// which Discord translates but does not define.
    pub async fn execute_slack(
        &self,
        webhook_id: impl Into<WebhookId>,
        token: &str,
        body: JsonBody,
    ) -> RestResult<()> {
        let w = webhook_id.into();
        let request = self.rest.req(
            &route::EXECUTE_SLACK_COMPATIBLE_WEBHOOK,
            [&w, &Secret::new("webhook_token", token)?],
        );
        self.rest.send_empty(request, &body).await
    }

    /// `POST /webhooks/{id}/{token}/github`: executes with a GitHub webhook payload; 204.
    /// The body stays a [`JsonBody`]: it is GitHub's webhook event format (sent by GitHub
    /// itself), which Discord does not define.
    pub async fn execute_github(
        &self,
        webhook_id: impl Into<WebhookId>,
        token: &str,
        body: JsonBody,
    ) -> RestResult<()> {
        let w = webhook_id.into();
        let request = self.rest.req(
            &route::EXECUTE_GITHUB_COMPATIBLE_WEBHOOK,
            [&w, &Secret::new("webhook_token", token)?],
        );
        self.rest.send_empty(request, &body).await
    }
}
