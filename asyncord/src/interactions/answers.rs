//! The answers owed to Discord's requests in flight: for each interaction received over HTTP,
//! the pending HTTP answer, keyed by interaction id.
//!
//! A REST client carries one of these. The server registers an interaction before dispatching
//! it; the client's [`respond`](crate::rest::InteractionsResource::respond) for that id and
//! token then claims it, and the response travels in the HTTP answer instead of through
//! `POST /interactions/{id}/{token}/callback` (which Discord refuses for an interaction it
//! delivered over HTTP and that the HTTP answer already acknowledged). When the server's
//! deadline passes first, it answers with the deferred type itself and leaves a mark, so that
//! the late response becomes an edit of the original response (or a follow-up) through the
//! webhook routes, which stay valid for the token's 15 minutes.
//! <https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction>

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use asyncord_model::interaction::{InteractionResponse, InteractionType};
use asyncord_model::{ApplicationId, InteractionId};
use tokio::sync::oneshot;
use tokio::time::Instant;

/// How long a deferred interaction's mark is kept: its token's lifetime.
const TOKEN_LIFETIME: Duration = Duration::from_secs(15 * 60);

/// How often the expired marks are swept (on a registration).
const SWEEP_EVERY: Duration = Duration::from_secs(60);

/// The interactions received over HTTP whose answer is pending or was deferred.
#[derive(Debug, Default)]
pub(crate) struct PendingAnswers {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    entries: HashMap<InteractionId, Entry>,
    swept: Option<Instant>,
}

#[derive(Debug)]
struct Entry {
    token: String,
    application_id: ApplicationId,
    kind: InteractionType,
    slot: Slot,
}

#[derive(Debug)]
enum Slot {
    /// The HTTP request waits for this.
    Waiting(oneshot::Sender<InteractionResponse>),
    /// The server answered with this deferral at `at`.
    Deferred {
        deferral: InteractionResponse,
        at: Instant,
    },
}

/// What [`PendingAnswers::claim`] found for an interaction.
#[derive(Debug)]
pub(crate) enum Claim {
    /// Not an interaction in flight over HTTP (or another token): answer through Discord.
    Elsewhere,
    /// The HTTP request waits: send the response there.
    Waiting {
        answer: oneshot::Sender<InteractionResponse>,
        application_id: ApplicationId,
        kind: InteractionType,
    },
    /// The server already answered `deferral`: continue through the webhook routes.
    Deferred {
        deferral: InteractionResponse,
        application_id: ApplicationId,
        kind: InteractionType,
    },
}

/// The HTTP side of one registration: the answer to wait for.
#[derive(Debug)]
pub(crate) struct Registration {
    pub answer: oneshot::Receiver<InteractionResponse>,
}

impl PendingAnswers {
    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Registers an interaction the server received; `None` if its id is already registered
    /// (a duplicate delivery: the first one answers).
    pub(crate) fn register(
        &self,
        id: InteractionId,
        token: &str,
        application_id: ApplicationId,
        kind: InteractionType,
    ) -> Option<Registration> {
        let now = Instant::now();
        let mut state = self.state();
        if state
            .swept
            .is_none_or(|at| now.duration_since(at) >= SWEEP_EVERY)
        {
            state.swept = Some(now);
            state.entries.retain(|_, e| match &e.slot {
                Slot::Waiting(tx) => !tx.is_closed(),
                Slot::Deferred { at, .. } => now.duration_since(*at) < TOKEN_LIFETIME,
            });
        }
        if state.entries.contains_key(&id) {
            return None;
        }
        let (tx, rx) = oneshot::channel();
        state.entries.insert(
            id,
            Entry {
                token: token.to_owned(),
                application_id,
                kind,
                slot: Slot::Waiting(tx),
            },
        );
        Some(Registration { answer: rx })
    }

    /// Takes the interaction `id` answered with `token`: the entry is removed, so a second
    /// response goes to Discord (which says it was already acknowledged).
    pub(crate) fn claim(&self, id: InteractionId, token: &str) -> Claim {
        let mut state = self.state();
        let Some(entry) = state.entries.get(&id) else {
            return Claim::Elsewhere;
        };
        if entry.token != token {
            return Claim::Elsewhere;
        }
        let Some(entry) = state.entries.remove(&id) else {
            return Claim::Elsewhere;
        };
        match entry.slot {
            Slot::Waiting(answer) => Claim::Waiting {
                answer,
                application_id: entry.application_id,
                kind: entry.kind,
            },
            Slot::Deferred { deferral, .. } => Claim::Deferred {
                deferral,
                application_id: entry.application_id,
                kind: entry.kind,
            },
        }
    }

    /// The deadline passed: unless a response was claimed meanwhile (then it is in
    /// `registration`), marks the interaction deferred with `deferral` and returns what to
    /// answer. Called under the same lock as [`claim`](Self::claim), so exactly one of the two
    /// answers the HTTP request.
    pub(crate) fn defer(
        &self,
        id: InteractionId,
        registration: &mut Registration,
        deferral: InteractionResponse,
    ) -> InteractionResponse {
        let mut state = self.state();
        if let Ok(response) = registration.answer.try_recv() {
            return response;
        }
        match state.entries.get_mut(&id) {
            Some(entry) if matches!(entry.slot, Slot::Waiting(_)) => {
                entry.slot = Slot::Deferred {
                    deferral: deferral.clone(),
                    at: Instant::now(),
                };
            }
            _ => {}
        }
        deferral
    }

    /// Forgets an interaction whose HTTP request ended without an answer (the connection
    /// closed, the server stopped).
    pub(crate) fn forget(&self, id: InteractionId) {
        let mut state = self.state();
        if state
            .entries
            .get(&id)
            .is_some_and(|e| matches!(e.slot, Slot::Waiting(_)))
        {
            state.entries.remove(&id);
        }
    }

    /// How many interactions are pending or deferred.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.state().entries.len()
    }

    /// Whether none are.
    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u64) -> InteractionId {
        InteractionId::new(n)
    }

    const APP: u64 = 7;

    #[tokio::test(start_paused = true)]
    async fn a_claim_takes_the_waiting_answer_once_and_only_with_the_right_token() {
        let answers = PendingAnswers::default();
        let mut reg = answers
            .register(
                id(1),
                "tok",
                ApplicationId::new(APP),
                InteractionType::ApplicationCommand,
            )
            .unwrap();
        assert!(
            answers
                .register(
                    id(1),
                    "tok",
                    ApplicationId::new(APP),
                    InteractionType::ApplicationCommand
                )
                .is_none(),
            "a duplicate delivery is refused"
        );
        assert!(matches!(answers.claim(id(1), "other"), Claim::Elsewhere));
        assert!(matches!(answers.claim(id(2), "tok"), Claim::Elsewhere));
        let Claim::Waiting { answer, .. } = answers.claim(id(1), "tok") else {
            panic!("the waiting answer");
        };
        answer.send(InteractionResponse::message("hi")).unwrap();
        assert!(
            matches!(answers.claim(id(1), "tok"), Claim::Elsewhere),
            "claimed once"
        );
        // The deadline passing after the claim keeps the claimed response.
        let got = answers.defer(id(1), &mut reg, InteractionResponse::deferred(false));
        assert_eq!(got, InteractionResponse::message("hi"));
        assert!(answers.is_empty());
    }

    #[tokio::test(start_paused = true)]
    async fn a_deferred_interaction_is_claimed_as_deferred_until_its_token_expires() {
        let answers = PendingAnswers::default();
        let mut reg = answers
            .register(
                id(1),
                "tok",
                ApplicationId::new(APP),
                InteractionType::MessageComponent,
            )
            .unwrap();
        let sent = answers.defer(id(1), &mut reg, InteractionResponse::DeferredUpdate);
        assert_eq!(sent, InteractionResponse::DeferredUpdate);
        let Claim::Deferred {
            deferral,
            application_id,
            ..
        } = answers.claim(id(1), "tok")
        else {
            panic!("deferred");
        };
        assert_eq!(deferral, InteractionResponse::DeferredUpdate);
        assert_eq!(application_id, ApplicationId::new(APP));

        let mut reg = answers
            .register(
                id(2),
                "tok",
                ApplicationId::new(APP),
                InteractionType::MessageComponent,
            )
            .unwrap();
        answers.defer(id(2), &mut reg, InteractionResponse::DeferredUpdate);
        tokio::time::advance(TOKEN_LIFETIME + SWEEP_EVERY).await;
        answers.register(id(3), "t3", ApplicationId::new(APP), InteractionType::Ping);
        assert!(
            matches!(answers.claim(id(2), "tok"), Claim::Elsewhere),
            "expired and swept"
        );
        answers.forget(id(3));
        assert!(answers.is_empty());
    }
}
