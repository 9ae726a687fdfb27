//! Auto moderation events
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#auto-moderation)).

use crate::auto_moderation::{AutoModerationActionExecution, AutoModerationRule};

newtype_event! {
    /// `AUTO_MODERATION_RULE_CREATE`: a rule was created.
    AutoModerationRuleCreateEvent(AutoModerationRule)
}

newtype_event! {
    /// `AUTO_MODERATION_RULE_UPDATE`: a rule was updated.
    AutoModerationRuleUpdateEvent(AutoModerationRule)
}

newtype_event! {
    /// `AUTO_MODERATION_RULE_DELETE`: a rule was deleted.
    AutoModerationRuleDeleteEvent(AutoModerationRule)
}

newtype_event! {
    /// `AUTO_MODERATION_ACTION_EXECUTION`: a rule was triggered and an action executed.
    AutoModerationActionExecutionEvent(AutoModerationActionExecution)
}
