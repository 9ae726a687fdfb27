//! Stage instance events
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#stage-instances)).

use crate::stage_instance::StageInstance;

newtype_event! {
    /// `STAGE_INSTANCE_CREATE`: a stage went live.
    StageInstanceCreateEvent(StageInstance)
}

newtype_event! {
    /// `STAGE_INSTANCE_UPDATE`: a stage instance was updated.
    StageInstanceUpdateEvent(StageInstance)
}

newtype_event! {
    /// `STAGE_INSTANCE_DELETE`: a stage was closed.
    StageInstanceDeleteEvent(StageInstance)
}
