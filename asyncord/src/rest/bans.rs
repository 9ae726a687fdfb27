//! `client.guilds.bans(guild_id)`: list, get, ban, unban, bulk ban.
//! <https://discord.com/developers/docs/resources/guild#get-guild-bans>

use asyncord_model::Snowflake;
use asyncord_model::guild::{Ban, BulkBanResponse};
use serde::Serialize;

use super::base::{Rest, resource};
use super::messages::out_of_range;
use crate::http::{Method, RestResult};

resource! {
    /// The bans of one guild (`client.guilds.bans(guild_id)`).
    BansResource { guild_id: Snowflake }
}

#[derive(Serialize)]
struct BanBody {
    #[serde(skip_serializing_if = "Option::is_none")]
    delete_message_seconds: Option<u32>,
}

#[derive(Serialize)]
struct BulkBanBody<'a> {
    user_ids: &'a [Snowflake],
    #[serde(skip_serializing_if = "Option::is_none")]
    delete_message_seconds: Option<u32>,
}

fn check_seconds(s: Option<u32>) -> RestResult<()> {
    match s {
        Some(s) if s > 604_800 => {
            Err(out_of_range("delete_message_seconds", 0, 604_800, i64::from(s)).into())
        }
        _ => Ok(()),
    }
}

impl BansResource {
    pub(crate) fn new(rest: Rest, guild_id: Snowflake) -> Self {
        Self { rest, guild_id }
    }

    /// `GET /guilds/{id}/bans` (`before`/`after` a user id, `limit` 1–1000).
    pub async fn list(
        &self,
        before: Option<Snowflake>,
        after: Option<Snowflake>,
        limit: Option<u16>,
    ) -> RestResult<Vec<Ban>> {
        let request = self
            .rest
            .req(Method::GET, "guilds/{}/bans", &[&self.guild_id])
            .query_opt("before", before)
            .query_opt("after", after)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }

    /// `GET /guilds/{id}/bans/{user_id}`.
    pub async fn get(&self, user_id: impl Into<Snowflake>) -> RestResult<Ban> {
        let u = user_id.into();
        self.rest
            .call(
                self.rest
                    .req(Method::GET, "guilds/{}/bans/{}", &[&self.guild_id, &u]),
            )
            .await
    }

    /// `PUT /guilds/{id}/bans/{user_id}`, deleting up to `delete_message_seconds` (≤ 7 days)
    /// of their messages.
    pub async fn ban(
        &self,
        user_id: impl Into<Snowflake>,
        delete_message_seconds: Option<u32>,
    ) -> RestResult<()> {
        check_seconds(delete_message_seconds)?;
        let u = user_id.into();
        let request = self
            .rest
            .req(Method::PUT, "guilds/{}/bans/{}", &[&self.guild_id, &u])
            .json(&BanBody {
                delete_message_seconds,
            })?;
        self.rest.call_empty(request).await
    }

    /// `DELETE /guilds/{id}/bans/{user_id}`.
    pub async fn unban(&self, user_id: impl Into<Snowflake>) -> RestResult<()> {
        let u = user_id.into();
        self.rest
            .call_empty(
                self.rest
                    .req(Method::DELETE, "guilds/{}/bans/{}", &[&self.guild_id, &u]),
            )
            .await
    }

    /// `POST /guilds/{id}/bulk-ban`: ban up to 200 users at once.
    pub async fn bulk_ban(
        &self,
        user_ids: &[Snowflake],
        delete_message_seconds: Option<u32>,
    ) -> RestResult<BulkBanResponse> {
        check_seconds(delete_message_seconds)?;
        if user_ids.is_empty() || user_ids.len() > 200 {
            return Err(asyncord_model::request::ValidationError {
                path: "user_ids".into(),
                kind: if user_ids.is_empty() {
                    asyncord_model::request::ValidationErrorKind::TooFew { min: 1, actual: 0 }
                } else {
                    asyncord_model::request::ValidationErrorKind::TooMany {
                        max: 200,
                        actual: user_ids.len(),
                    }
                },
            }
            .into());
        }
        let request = self
            .rest
            .req(Method::POST, "guilds/{}/bulk-ban", &[&self.guild_id])
            .json(&BulkBanBody {
                user_ids,
                delete_message_seconds,
            })?;
        self.rest.call(request).await
    }
}
