//! Start-up checks, run by the hub before connecting: every handler argument is registered with
//! the right type, and the bot's intents deliver every handled event
//! ([intents](https://discord.com/developers/docs/events/gateway#gateway-intents)).

use std::collections::BTreeMap;

use asyncord_model::Intents;
use asyncord_model::gateway::EventKind;

use super::Dispatcher;
use super::arguments::{self, Requirement};
use super::error::ArgumentProblem;
use super::error::{DispatchError, IntentProblem, IntentWarning};

impl Dispatcher {
    /// Checks every handler's parameters against the registered arguments. The error lists each
    /// problem with the handler, the parameter, the expected and the registered type.
    pub fn check_arguments(&self) -> Result<(), DispatchError> {
        let reg = self.shared.registry();
        let mut problems = Vec::new();
        for (_, h) in &reg.handlers {
            arguments::resolve(h.name(), &h.requirements(), &reg.args, &mut problems);
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(DispatchError::Arguments(problems))
        }
    }

    /// Checks requirements declared outside a handler (by a command) against the registered
    /// arguments; the problems name `owner` as the handler.
    pub(crate) fn check_requirements(
        &self,
        owner: &'static str,
        reqs: &[Requirement],
    ) -> Vec<ArgumentProblem> {
        let reg = self.shared.registry();
        let mut problems = Vec::new();
        arguments::resolve(owner, reqs, &reg.args, &mut problems);
        problems
    }

    /// Checks that `intents` deliver every handled event: an error names the missing intent of
    /// each event nothing enabled delivers; a warning (also logged) names the intents that would
    /// deliver an event from more places (e.g. `DIRECT_MESSAGES` for `MESSAGE_CREATE`).
    pub fn check_intents(&self, intents: Intents) -> Result<Vec<IntentWarning>, DispatchError> {
        let mut by_kind: BTreeMap<EventKind, Vec<&'static str>> = BTreeMap::new();
        for (_, h) in &self.shared.registry().handlers {
            by_kind.entry(h.kind()).or_default().push(h.name());
        }
        let mut problems = Vec::new();
        let mut warnings = Vec::new();
        for (event, handlers) in by_kind {
            let delivering = event.intents();
            if delivering.is_empty() {
                continue;
            }
            let enabled = delivering & intents;
            if enabled.is_empty() {
                problems.push(IntentProblem {
                    event,
                    handlers,
                    missing: delivering,
                });
            } else if enabled != delivering {
                let warning = IntentWarning {
                    event,
                    handlers,
                    enabled,
                    missing: delivering - enabled,
                };
                tracing::warn!("{warning}");
                warnings.push(warning);
            }
        }
        if problems.is_empty() {
            Ok(warnings)
        } else {
            Err(DispatchError::Intents(problems))
        }
    }
}
