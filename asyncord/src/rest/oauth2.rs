//! `client.auth`: what Discord knows about the current application and authorization, and
//! Discord's public keys. <https://discord.com/developers/docs/topics/oauth2>

use asyncord_model::application::Application;
pub use asyncord_model::application::AuthorizationInformation;
use asyncord_model::route;
use serde_json::Value;

use super::base::{Rest, resource};
use crate::http::RestResult;

resource! {
    /// OAuth2 information (`client.auth`).
    AuthResource {}
}

impl AuthResource {
    pub(crate) fn new(rest: Rest) -> Self {
        Self { rest }
    }

    /// `GET /oauth2/applications/@me`: the bot's application.
    pub async fn current_application(&self) -> RestResult<Application> {
        self.rest
            .call(
                self.rest
                    .req(&route::GET_CURRENT_BOT_APPLICATION_INFORMATION, []),
            )
            .await
    }

    /// `GET /oauth2/@me`: the current authorization.
    pub async fn current_authorization(&self) -> RestResult<AuthorizationInformation> {
        self.rest
            .call(
                self.rest
                    .req(&route::GET_CURRENT_AUTHORIZATION_INFORMATION, []),
            )
            .await
    }

    /// `GET /oauth2/keys`: Discord's public JSON Web Key set (`{"keys": [...]}`).
    pub async fn public_keys(&self) -> RestResult<Value> {
        self.rest
            .call(self.rest.req(&route::GET_PUBLIC_KEYS, []))
            .await
    }
}
