//! `client.auth`: what Discord knows about the current application and authorization.
//! <https://discord.com/developers/docs/topics/oauth2#get-current-bot-application-information>

use asyncord_model::Timestamp;
use asyncord_model::application::Application;
use asyncord_model::user::User;
use serde::{Deserialize, Serialize};

use super::base::{Rest, resource};
use crate::http::{Method, RestResult};

resource! {
    /// OAuth2 information (`client.auth`).
    AuthResource {}
}

/// The answer of `GET /oauth2/@me`
/// ([docs](https://discord.com/developers/docs/topics/oauth2#get-current-authorization-information)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuthorizationInformation {
    /// The current application.
    pub application: Application,
    /// The scopes the user authorized.
    #[serde(default)]
    pub scopes: Vec<String>,
    /// When the access token expires.
    pub expires: Timestamp,
    /// The user who authorized, with the `identify` scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
}

impl AuthResource {
    pub(crate) fn new(rest: Rest) -> Self {
        Self { rest }
    }

    /// `GET /oauth2/applications/@me`: the bot's application.
    pub async fn current_application(&self) -> RestResult<Application> {
        self.rest
            .call(self.rest.req(Method::GET, "oauth2/applications/@me", &[]))
            .await
    }

    /// `GET /oauth2/@me`: the current authorization.
    pub async fn current_authorization(&self) -> RestResult<AuthorizationInformation> {
        self.rest
            .call(self.rest.req(Method::GET, "oauth2/@me", &[]))
            .await
    }
}
