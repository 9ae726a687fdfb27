//! Path parameters that come from the caller as text (template and invite codes, activity
//! instance ids, webhook and interaction tokens, reaction emojis) cannot change which request is
//! made: every route that takes a string is called with hostile strings against a transport that
//! records the request URI, and the path must have exactly its template's segments, none of them
//! a dot segment, and each parameter must decode back to the text given. An empty string is a
//! validation error, and nothing is sent.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};

use asyncord::http::{BoxError, BoxFuture, RestError, RestResult, Transport};
use asyncord::model::interaction::InteractionResponse;
use asyncord::model::request::{
    EditWebhookMessage, ExecuteWebhook, FileUpload, GuildTemplateBody, JsonBody, ModifyWebhook,
};
use asyncord::model::{ChannelId, MessageId};
use asyncord::rest::{ReactionEmoji, RestClient};
use bytes::Bytes;
use percent_encoding::percent_decode_str;

const BASE: &str = "/api/v10";
const GUILD: u64 = 1;
const APP: u64 = 2;
/// A webhook's id; also the application id of the interaction follow-up routes, whose path
/// names it `webhook_id`.
const WEBHOOK: u64 = 3;
const MESSAGE: u64 = 4;
const CHANNEL: u64 = 5;
const INTERACTION: u64 = 6;
const USER: u64 = 7;
const EMOJI_ID: u64 = 9;

/// Strings that would change the path if they were inserted as they are.
const HOSTILE: &[&str] = &[
    "../../x",
    "a/b",
    "a?b",
    "a#b",
    ".",
    "..",
    "...",
    "%2e%2e",
    "%2F",
    "..%2F..",
    "a b",
    "ünï😀",
    "\\..\\x",
];

/// Records the URI of every request and answers `200 {}`.
#[derive(Debug, Default)]
struct Recorder {
    uris: Mutex<Vec<String>>,
}

impl Recorder {
    fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.uris.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

impl Transport for Recorder {
    fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, BoxError>> {
        self.uris
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(request.uri().path().to_owned());
        Box::pin(async { Ok(http::Response::new(Bytes::from_static(b"{}"))) })
    }
}

fn client(recorder: &Arc<Recorder>) -> RestClient {
    RestClient::builder("bot-token")
        .base_url(format!("http://discord.test{BASE}"))
        .transport(Arc::clone(recorder) as Arc<dyn Transport>)
        .global_limit(0)
        .max_retries(0)
        .build()
}

type Call<'a> = Pin<Box<dyn Future<Output = RestResult<()>> + Send + 'a>>;

/// Drops the response value: only the request matters here.
fn call<'a, T: Send + 'a>(f: impl Future<Output = RestResult<T>> + Send + 'a) -> Call<'a> {
    Box::pin(async move { f.await.map(drop) })
}

/// One route taking a string: its template (the spec's form), the name of the parameter the
/// string goes to, and the call.
struct Case {
    template: &'static str,
    param: &'static str,
    /// How the string appears in the path (`s:9` for a custom emoji named `s`).
    expect: fn(&str) -> String,
    run: for<'a> fn(&'a RestClient, &'a str) -> Call<'a>,
}

fn same(s: &str) -> String {
    s.to_owned()
}

fn custom(s: &str) -> String {
    format!("{s}:{EMOJI_ID}")
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            template: "/guilds/templates/{code}",
            param: "code",
            expect: same,
            run: |c, s| call(async move { c.guilds.template(s).await }),
        },
        Case {
            template: "/guilds/{guild_id}/templates/{code}",
            param: "code",
            expect: same,
            run: |c, s| call(async move { c.guilds.templates(GUILD).sync(s).await }),
        },
        Case {
            template: "/guilds/{guild_id}/templates/{code}",
            param: "code",
            expect: same,
            run: |c, s| {
                call(async move {
                    c.guilds
                        .templates(GUILD)
                        .edit(s, GuildTemplateBody::default())
                        .await
                })
            },
        },
        Case {
            template: "/guilds/{guild_id}/templates/{code}",
            param: "code",
            expect: same,
            run: |c, s| call(async move { c.guilds.templates(GUILD).delete(s).await }),
        },
        Case {
            template: "/invites/{code}",
            param: "code",
            expect: same,
            run: |c, s| call(async move { c.invites.get(s, false, None).await }),
        },
        Case {
            template: "/invites/{code}",
            param: "code",
            expect: same,
            run: |c, s| call(async move { c.invites.delete(s).await }),
        },
        Case {
            template: "/invites/{code}/target-users",
            param: "code",
            expect: same,
            run: |c, s| call(async move { c.invites.target_users(s).await }),
        },
        Case {
            template: "/invites/{code}/target-users",
            param: "code",
            expect: same,
            run: |c, s| {
                call(async move {
                    c.invites
                        .set_target_users(s, FileUpload::new("users.csv", b"1\n".to_vec()))
                        .await
                })
            },
        },
        Case {
            template: "/invites/{code}/target-users/job-status",
            param: "code",
            expect: same,
            run: |c, s| call(async move { c.invites.target_users_job_status(s).await }),
        },
        Case {
            template: "/applications/{application_id}/activity-instances/{instance_id}",
            param: "instance_id",
            expect: same,
            run: |c, s| call(async move { c.applications.activity_instance(APP, s).await }),
        },
        Case {
            template: "/webhooks/{webhook_id}/{webhook_token}",
            param: "webhook_token",
            expect: same,
            run: |c, s| call(async move { c.webhooks.get(WEBHOOK, Some(s)).await }),
        },
        Case {
            template: "/webhooks/{webhook_id}/{webhook_token}",
            param: "webhook_token",
            expect: same,
            run: |c, s| {
                call(async move {
                    c.webhooks
                        .edit(WEBHOOK, Some(s), ModifyWebhook::default())
                        .await
                })
            },
        },
        Case {
            template: "/webhooks/{webhook_id}/{webhook_token}",
            param: "webhook_token",
            expect: same,
            run: |c, s| call(async move { c.webhooks.delete(WEBHOOK, Some(s)).await }),
        },
        Case {
            template: "/webhooks/{webhook_id}/{webhook_token}",
            param: "webhook_token",
            expect: same,
            run: |c, s| {
                call(async move {
                    c.webhooks
                        .execute(WEBHOOK, s, None, ExecuteWebhook::content("x"))
                        .await
                })
            },
        },
        Case {
            template: "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
            param: "webhook_token",
            expect: same,
            run: |c, s| call(async move { c.webhooks.message(WEBHOOK, s, MESSAGE, None).await }),
        },
        Case {
            template: "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
            param: "webhook_token",
            expect: same,
            run: |c, s| {
                call(async move {
                    c.webhooks
                        .edit_message(WEBHOOK, s, MESSAGE, None, EditWebhookMessage::default())
                        .await
                })
            },
        },
        Case {
            template: "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
            param: "webhook_token",
            expect: same,
            run: |c, s| {
                call(async move { c.webhooks.delete_message(WEBHOOK, s, MESSAGE, None).await })
            },
        },
        Case {
            template: "/webhooks/{webhook_id}/{webhook_token}/slack",
            param: "webhook_token",
            expect: same,
            run: |c, s| {
                call(async move {
                    c.webhooks
                        .execute_slack(WEBHOOK, s, JsonBody(serde_json::json!({"text": "x"})))
                        .await
                })
            },
        },
        Case {
            template: "/webhooks/{webhook_id}/{webhook_token}/github",
            param: "webhook_token",
            expect: same,
            run: |c, s| {
                call(async move {
                    c.webhooks
                        .execute_github(WEBHOOK, s, JsonBody(serde_json::json!({"ref": "x"})))
                        .await
                })
            },
        },
        Case {
            template: "/interactions/{interaction_id}/{interaction_token}/callback",
            param: "interaction_token",
            expect: same,
            run: |c, s| {
                call(async move {
                    c.interactions
                        .respond(INTERACTION, s, InteractionResponse::deferred(false))
                        .await
                })
            },
        },
        Case {
            template: "/interactions/{interaction_id}/{interaction_token}/callback",
            param: "interaction_token",
            expect: same,
            run: |c, s| {
                call(async move {
                    c.interactions
                        .respond_with_callback(INTERACTION, s, InteractionResponse::deferred(false))
                        .await
                })
            },
        },
        Case {
            template: "/webhooks/{webhook_id}/{webhook_token}/messages/@original",
            param: "webhook_token",
            expect: same,
            run: |c, s| call(async move { c.interactions.original(WEBHOOK, s).await }),
        },
        Case {
            template: "/webhooks/{webhook_id}/{webhook_token}/messages/@original",
            param: "webhook_token",
            expect: same,
            run: |c, s| {
                call(async move {
                    c.interactions
                        .edit_original(WEBHOOK, s, EditWebhookMessage::default())
                        .await
                })
            },
        },
        Case {
            template: "/webhooks/{webhook_id}/{webhook_token}/messages/@original",
            param: "webhook_token",
            expect: same,
            run: |c, s| call(async move { c.interactions.delete_original(WEBHOOK, s).await }),
        },
        Case {
            template: "/webhooks/{webhook_id}/{webhook_token}",
            param: "webhook_token",
            expect: same,
            run: |c, s| {
                call(async move {
                    c.interactions
                        .create_followup(WEBHOOK, s, ExecuteWebhook::content("x"))
                        .await
                })
            },
        },
        Case {
            template: "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
            param: "webhook_token",
            expect: same,
            run: |c, s| call(async move { c.interactions.followup(WEBHOOK, s, MESSAGE).await }),
        },
        Case {
            template: "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
            param: "webhook_token",
            expect: same,
            run: |c, s| {
                call(async move {
                    c.interactions
                        .edit_followup(WEBHOOK, s, MESSAGE, EditWebhookMessage::default())
                        .await
                })
            },
        },
        Case {
            template: "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
            param: "webhook_token",
            expect: same,
            run: |c, s| {
                call(async move { c.interactions.delete_followup(WEBHOOK, s, MESSAGE).await })
            },
        },
        Case {
            template: "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me",
            param: "emoji_name",
            expect: same,
            run: |c, s| {
                call(async move { c.channels.messages(CHANNEL).reactions(MESSAGE).add(s).await })
            },
        },
        Case {
            template: "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me",
            param: "emoji_name",
            expect: custom,
            run: |c, s| {
                call(async move {
                    c.channels
                        .messages(CHANNEL)
                        .reactions(MESSAGE)
                        .add(ReactionEmoji::custom(s, EMOJI_ID))
                        .await
                })
            },
        },
        Case {
            template: "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me",
            param: "emoji_name",
            expect: same,
            run: |c, s| {
                call(async move {
                    c.channels
                        .messages(CHANNEL)
                        .reactions(MESSAGE)
                        .remove_own(s)
                        .await
                })
            },
        },
        Case {
            template: "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/{user_id}",
            param: "emoji_name",
            expect: same,
            run: |c, s| {
                call(async move {
                    c.channels
                        .messages(CHANNEL)
                        .reactions(MESSAGE)
                        .remove_user(s, USER)
                        .await
                })
            },
        },
        Case {
            template: "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}",
            param: "emoji_name",
            expect: same,
            run: |c, s| {
                call(async move {
                    c.channels
                        .messages(CHANNEL)
                        .reactions(MESSAGE)
                        .users(s, None, None)
                        .await
                })
            },
        },
        Case {
            template: "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}",
            param: "emoji_name",
            expect: same,
            run: |c, s| {
                call(async move {
                    c.channels
                        .messages(CHANNEL)
                        .reactions(MESSAGE)
                        .clear_emoji(s)
                        .await
                })
            },
        },
    ]
}

/// The value each id parameter of the templates above is called with.
fn id_of(param: &str) -> Option<u64> {
    Some(match param {
        "guild_id" => GUILD,
        "application_id" => APP,
        "webhook_id" => WEBHOOK,
        "message_id" => MESSAGE,
        "channel_id" => CHANNEL,
        "interaction_id" => INTERACTION,
        "user_id" => USER,
        _ => return None,
    })
}

/// Checks one recorded path against its template; `Err` says what is wrong.
fn check(case: &Case, text: &str, path: &str) -> Result<(), String> {
    let rest = path
        .strip_prefix(BASE)
        .ok_or_else(|| format!("{path}: not under {BASE}"))?;
    let got: Vec<&str> = rest.strip_prefix('/').unwrap_or(rest).split('/').collect();
    let want: Vec<&str> = case.template[1..].split('/').collect();
    if got.len() != want.len() {
        return Err(format!(
            "{path}: {} segments, the template has {}",
            got.len(),
            want.len()
        ));
    }
    for (raw, template) in got.iter().zip(&want) {
        if matches!(*raw, "." | "..") {
            return Err(format!("{path}: a dot segment"));
        }
        if raw.contains(['?', '#']) {
            return Err(format!("{path}: `{raw}` is not encoded"));
        }
        let decoded = percent_decode_str(raw)
            .decode_utf8()
            .map_err(|e| format!("{path}: {e}"))?;
        let expected = match template.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
            Some(name) if name == case.param => (case.expect)(text),
            Some(name) => id_of(name)
                .ok_or_else(|| format!("{name}: no value for this parameter"))?
                .to_string(),
            None => (*template).to_owned(),
        };
        if decoded != expected {
            return Err(format!("{path}: `{decoded}` where `{expected}` belongs"));
        }
    }
    Ok(())
}

#[tokio::test(start_paused = true)]
async fn hostile_strings_stay_inside_their_segment() {
    let recorder = Arc::new(Recorder::default());
    let client = client(&recorder);
    let mut failures = Vec::new();
    for case in cases() {
        for text in HOSTILE {
            let _ = (case.run)(&client, text).await;
            let sent = recorder.take();
            match sent.as_slice() {
                [path] => {
                    if let Err(e) = check(&case, text, path) {
                        failures.push(format!("{} with {text:?}: {e}", case.template));
                    }
                }
                other => failures.push(format!(
                    "{} with {text:?}: {} requests sent",
                    case.template,
                    other.len()
                )),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test(start_paused = true)]
async fn an_empty_string_is_a_validation_error_and_nothing_is_sent() {
    let recorder = Arc::new(Recorder::default());
    let client = client(&recorder);
    let mut failures = Vec::new();
    for case in cases() {
        let result = (case.run)(&client, "").await;
        let sent = recorder.take();
        match result {
            Err(RestError::Validation(v)) if sent.is_empty() => {
                if v.path != case.param {
                    failures.push(format!("{}: the error names `{}`", case.template, v.path));
                }
            }
            other => failures.push(format!(
                "{}: {other:?}, {} requests sent",
                case.template,
                sent.len()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test(start_paused = true)]
async fn ids_are_written_as_integers() {
    let recorder = Arc::new(Recorder::default());
    let client = client(&recorder);
    let _ = client
        .channels
        .messages(ChannelId::new(CHANNEL))
        .get(MessageId::new(MESSAGE))
        .await;
    assert_eq!(
        recorder.take(),
        [format!("{BASE}/channels/{CHANNEL}/messages/{MESSAGE}")]
    );
}
