//! The handlers of the operations the emulator answers, over the shared [`World`](crate::rest::World).
//!
//! One Discord resource, one place, as in asyncord's REST client: a file per resource
//! (`user.rs`, `invite.rs`, `webhook.rs`...) or a folder for the big ones (`guild/`,
//! `channel/`, `application/`), whose files are the parts of the resource as Discord's docs name
//! them (`guild/members.rs`, `channel/reactions.rs`...). Each declares its `ROUTES`: the
//! operations of the route table ([`asyncord_model::route`]) it answers, each with its handler.
//! [`handler`] finds an operation's handler; an operation no resource declares is not
//! emulated (the router answers it as Discord answers a path it does not have).
//!
//! `request.rs` is the request as the handlers see it, `form.rs` the body and query checks they
//! share; the JSON builders shared with the simulated users are the world's payload builders.

mod application;
mod channel;
mod form;
mod gateway;
mod guild;
mod interaction;
mod invite;
mod oauth2;
mod request;
mod stage_instance;
mod sticker;
mod user;
mod webhook;

use asyncord_model::route::Operation;

pub(crate) use request::{Ctx, Handler, Route};

/// The routes of every resource.
const RESOURCES: &[&[Route]] = &[
    application::ROUTES,
    application::commands::ROUTES,
    application::emojis::ROUTES,
    application::entitlements::ROUTES,
    application::role_connections::ROUTES,
    application::skus::ROUTES,
    channel::ROUTES,
    channel::messages::ROUTES,
    channel::pins::ROUTES,
    channel::polls::ROUTES,
    channel::reactions::ROUTES,
    channel::threads::ROUTES,
    channel::voice::ROUTES,
    gateway::ROUTES,
    guild::ROUTES,
    guild::audit_log::ROUTES,
    guild::auto_moderation::ROUTES,
    guild::bans::ROUTES,
    guild::emojis::ROUTES,
    guild::incident_actions::ROUTES,
    guild::integrations::ROUTES,
    guild::join_requests::ROUTES,
    guild::members::ROUTES,
    guild::message_search::ROUTES,
    guild::onboarding::ROUTES,
    guild::prune::ROUTES,
    guild::roles::ROUTES,
    guild::scheduled_events::ROUTES,
    guild::soundboard::ROUTES,
    guild::templates::ROUTES,
    guild::voice::ROUTES,
    guild::welcome_screen::ROUTES,
    guild::widget::ROUTES,
    interaction::ROUTES,
    invite::ROUTES,
    oauth2::ROUTES,
    stage_instance::ROUTES,
    sticker::ROUTES,
    user::ROUTES,
    webhook::ROUTES,
];

/// Every route the emulator answers.
pub(crate) fn routes() -> impl Iterator<Item = &'static Route> {
    RESOURCES.iter().flat_map(|routes| routes.iter())
}

/// The handler of `operation`, `None` for an operation the emulator does not emulate.
pub(crate) fn handler(operation: &Operation) -> Option<Handler> {
    routes()
        .find(|(op, _)| *op == operation)
        .map(|(_, handler)| *handler)
}
