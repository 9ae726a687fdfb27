//! [`RestClient`]: Discord's HTTP API as typed resources.
//!
//! ```no_run
//! # async fn run() -> asyncord::http::RestResult<()> {
//! use asyncord::model::request::CreateMessage;
//! use asyncord::rest::RestClient;
//!
//! let client = RestClient::new("my-bot-token");
//! let channel = client.channels.get(123_u64).await?;
//! client.channels.messages(channel.id).create(CreateMessage::content("pong")).await?;
//! # Ok(()) }
//! ```
//!
//! Resources are public fields named as in the seed (`guilds`, `users`, `channels`,
//! `applications`, `interactions`, `invites`, `stage_instances`, `webhooks`, `auth`,
//! `stickers`); sub-resources bind an id (`channels.messages(channel_id)`,
//! `guilds.members(guild_id)`, `messages.reactions(message_id)`, `applications.commands(app_id)`).
//! `with_reason(..)` on any resource adds an audit-log reason to the changes made through it.
//! Cloning the client is one `Arc` increment; clones share the connection pool and the rate
//! limiter. Discord's reference: <https://discord.com/developers/docs/reference>.
//!
//! One Discord resource, one place: a file per resource (`user.rs`, `invite.rs`, `webhook.rs`...)
//! or a folder for the big ones (`guild/`, `channel/`, `application/`), whose files are the parts
//! of the resource as Discord's docs name them (`guild/members.rs`, `channel/reactions.rs`...).
//! Paginated routes also stream every item (`paginate.rs` holds the pager they share).
//!
//! Every operation of Discord's OpenAPI spec a bot can call has a method, except:
//! - the deprecated `/channels/{id}/pins` routes: use the pin routes
//!   (`messages(channel).pins(..)`, `.pin(..)`, `.unpin(..)` on `/channels/{id}/messages/pins`);
//! - the OAuth2-Bearer-only routes (a user's own role connection, entitlements and member object
//!   `/users/@me/guilds/{id}/member`, `/oauth2/userinfo`): this client authenticates as a bot
//!   (a bot reads its own member with `guilds.members(guild).get(bot_user_id)`);
//! - the Social SDK routes (`/lobbies`, `/partner-sdk`).
//!
//! `tests/tests/conformance.rs` checks each method's requests and the emulator's answers against
//! the spec.

mod application;
mod base;
mod channel;
mod checks;
mod guild;
mod interaction;
#[cfg(feature = "http-interactions")]
mod interaction_over_http;
mod invite;
mod oauth2;
mod paginate;
mod stage_instance;
mod sticker;
mod user;
mod webhook;

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;
use std::time::Duration;

pub use application::ApplicationsResource;
pub use application::commands::CommandsResource;
pub use application::emojis::ApplicationEmojisResource;
pub use application::entitlements::EntitlementsResource;
pub use channel::ChannelsResource;
pub use channel::messages::{ListMessages, MessagesResource};
pub use channel::pins::{PinnedMessage, PinnedMessages};
pub use channel::polls::AnswerVoters;
pub use channel::reactions::{ReactionEmoji, ReactionsResource};
pub use channel::threads::ThreadsResource;
pub use guild::auto_moderation::AutoModerationResource;
pub use guild::bans::BansResource;
pub use guild::emojis::GuildEmojisResource;
pub use guild::members::{ListMembers, MembersResource};
pub use guild::roles::{RolePosition, RolesResource};
pub use guild::scheduled_events::{
    EventUsersPage, ScheduledEventUserCounts, ScheduledEventsResource,
};
pub use guild::soundboard::{SoundboardResource, SoundboardSounds};
pub use guild::templates::TemplatesResource;
pub use guild::{ChannelPosition, GuildsResource};
pub use interaction::InteractionsResource;
pub use invite::InvitesResource;
pub use oauth2::{AuthResource, AuthorizationInformation};
pub use stage_instance::StageInstancesResource;
pub use sticker::StickersResource;
pub use user::{CurrentUserGuild, UsersResource};
pub use webhook::WebhooksResource;

use asyncord_model::gateway::{GatewayBot, GatewayResponse};
use asyncord_model::route;

use crate::Token;
use crate::http::{
    HttpClient, HttpConfig, InvalidRequestLimiter, RateLimiter, Request, RestResult, Route,
    Transport,
};
pub use base::ApiBody;
use base::Rest;

/// The resources of a [`RestClient`] (reached through `Deref`: `client.channels`...).
#[derive(Debug)]
pub struct Resources {
    /// Guilds and their members, roles, bans, channels.
    pub guilds: GuildsResource,
    /// Users, the current user and DMs.
    pub users: UsersResource,
    /// Channels, their messages, reactions, threads, permissions, invites.
    pub channels: ChannelsResource,
    /// The current application and its commands.
    pub applications: ApplicationsResource,
    /// Interaction responses and follow-ups.
    pub interactions: InteractionsResource,
    /// Invites.
    pub invites: InvitesResource,
    /// Stage instances.
    pub stage_instances: StageInstancesResource,
    /// Webhooks.
    pub webhooks: WebhooksResource,
    /// OAuth2 information about the current application.
    pub auth: AuthResource,
    /// Stickers.
    pub stickers: StickersResource,
    http: Arc<HttpClient>,
}

/// The REST client. Cheap to clone (one `Arc`); the token never appears in its `Debug`.
#[derive(Clone)]
pub struct RestClient {
    inner: Arc<Resources>,
}

impl Deref for RestClient {
    type Target = Resources;

    fn deref(&self) -> &Resources {
        &self.inner
    }
}

impl fmt::Debug for RestClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RestClient")
            .field("base_url", &self.inner.http.base_url())
            .field("token", &"<redacted>")
            .finish()
    }
}

impl RestClient {
    /// A client for Discord's API with the default settings. The token may carry whitespace
    /// or a `Bot ` prefix (see [`Token`]).
    pub fn new(token: impl Into<Token>) -> Self {
        Self::builder(token).build()
    }

    /// A builder to change the base URL, timeout, retries, global limit, limiter or transport.
    pub fn builder(token: impl Into<Token>) -> RestClientBuilder {
        RestClientBuilder {
            token: token.into(),
            config: HttpConfig::default(),
        }
    }

    /// The HTTP layer (for requests no resource covers yet).
    pub fn http(&self) -> &Arc<HttpClient> {
        &self.inner.http
    }

    /// `GET /gateway/bot`: the gateway URL, recommended shards and session start limit (what
    /// the gateway asks before connecting).
    /// <https://discord.com/developers/docs/events/gateway#get-gateway-bot>
    pub async fn gateway_bot(&self) -> RestResult<GatewayBot> {
        let request = Request::new(Route::new(&route::GET_GATEWAY_BOT, []));
        self.inner.http.request(request).await
    }

    /// `GET /gateway`: the gateway URL (no token needed).
    pub async fn gateway_url(&self) -> RestResult<GatewayResponse> {
        let request = Request::new(Route::new(&route::GET_GATEWAY, []));
        self.inner.http.request(request).await
    }
}

/// Builds a [`RestClient`].
pub struct RestClientBuilder {
    token: Token,
    config: HttpConfig,
}

impl fmt::Debug for RestClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RestClientBuilder")
            .field("token", &self.token)
            .field("config", &self.config)
            .finish()
    }
}

impl RestClientBuilder {
    /// The API base URL (default `https://discord.com/api/v10`; the emulator's URL in tests).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.config.base_url = url.into();
        self
    }

    /// The timeout of one attempt (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.config.timeout = timeout;
        self
    }

    /// The global limit in requests per second (default 50; `0` disables it).
    pub fn global_limit(mut self, per_second: u32) -> Self {
        self.config.global_limit = per_second;
        self
    }

    /// How many buckets the in-process rate limiter holds before it forgets those that are
    /// idle and past their reset (default 10,000); an exhausted bucket is never forgotten.
    pub fn bucket_prune_threshold(mut self, buckets: usize) -> Self {
        self.config.bucket_prune_threshold = buckets;
        self
    }

    /// At most this many invalid responses (401, 403, non-shared 429, webhook 404) per 10
    /// minutes (default 9,000, at most Discord's ban threshold of 10,000): past it, requests
    /// wait for the window to have room or fail with
    /// [`RestError::InvalidRequestLimit`](crate::http::RestError::InvalidRequestLimit), so
    /// the IP is never banned by Cloudflare. See [`InvalidRequestLimiter`].
    pub fn invalid_request_limit(mut self, per_ten_minutes: u32) -> Self {
        self.config.invalid_request_limit = per_ten_minutes;
        self
    }

    /// How long a request waits at most for the invalid-request window to have room (default
    /// 30 s); a request that could not go by then fails at once.
    pub fn invalid_request_max_wait(mut self, max_wait: Duration) -> Self {
        self.config.invalid_request_max_wait = max_wait;
        self
    }

    /// An invalid-request limiter shared with other clients on the same IP (Cloudflare counts
    /// per IP): for example `other.http().invalid_requests().clone()`.
    pub fn invalid_request_limiter(mut self, limiter: Arc<InvalidRequestLimiter>) -> Self {
        self.config.invalid_requests = Some(limiter);
        self
    }

    /// How many times a rate-limited or (idempotent) failed request is retried (default 3).
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.config.max_retries = retries;
        self
    }

    /// The first backoff after a server error, doubled on each retry (default 500 ms).
    pub fn retry_backoff(mut self, backoff: Duration) -> Self {
        self.config.retry_backoff = backoff;
        self
    }

    /// A custom rate limiter (for example one shared between processes).
    pub fn rate_limiter(mut self, limiter: Arc<dyn RateLimiter>) -> Self {
        self.config.limiter = Some(limiter);
        self
    }

    /// A custom transport (the emulator's in-memory one in tests).
    pub fn transport(mut self, transport: Arc<dyn Transport>) -> Self {
        self.config.transport = Some(transport);
        self
    }

    /// Builds the client.
    pub fn build(self) -> RestClient {
        let http = Arc::new(HttpClient::new(self.token, self.config));
        let rest = Rest::new(Arc::clone(&http));
        RestClient {
            inner: Arc::new(Resources {
                guilds: GuildsResource::new(rest.clone()),
                users: UsersResource::new(rest.clone()),
                channels: ChannelsResource::new(rest.clone()),
                applications: ApplicationsResource::new(rest.clone()),
                interactions: InteractionsResource::new(rest.clone()),
                invites: InvitesResource::new(rest.clone()),
                stage_instances: StageInstancesResource::new(rest.clone()),
                webhooks: WebhooksResource::new(rest.clone()),
                auth: AuthResource::new(rest.clone()),
                stickers: StickersResource::new(rest),
                http,
            }),
        }
    }
}
