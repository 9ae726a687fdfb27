//! Computing what a member may do: in the guild, and in one channel or thread.
//!
//! Pure functions over the objects a bot already has (the guild's roles, the member's role ids,
//! the channel's overwrites); the cache offers the same computation from its own state.
//! Implements Discord's documented algorithm
//! ([Permissions](https://discord.com/developers/docs/topics/permissions), "Permission Hierarchy",
//! "Permission Overwrites", "Implicit Permissions", "Inherited Permissions (Threads)" and
//! "Permissions for Timed Out Members"), in this order:
//!
//! 1. **Guild level**: the guild owner has every permission. Otherwise the `@everyone` role's
//!    permissions OR each of the member's roles' permissions; `ADMINISTRATOR` among them grants
//!    every permission.
//! 2. **Channel overwrites** (skipped for the owner and administrators): the `@everyone`
//!    overwrite (the one whose id is the guild's id: deny, then allow); then the overwrites of all
//!    the member's roles, their denies and allows each combined, applied as one (deny, then
//!    allow, so an allowing role wins over a denying one); then the member's own overwrite.
//! 3. **Timeout**: a timed-out member keeps only `VIEW_CHANNEL` and `READ_MESSAGE_HISTORY`
//!    (owners and administrators cannot be timed out, and are exempt).
//! 4. **Implicit permissions**: without `VIEW_CHANNEL` nothing is left in the channel; without
//!    the right to send (`SEND_MESSAGES`, or in a thread `SEND_MESSAGES_IN_THREADS`),
//!    `MENTION_EVERYONE`, `SEND_TTS_MESSAGES`, `ATTACH_FILES` and `EMBED_LINKS` are gone.
//! 5. **Threads** take their parent channel's overwrites; sending in a thread is governed by
//!    `SEND_MESSAGES_IN_THREADS`, so in a thread's result `SEND_MESSAGES` mirrors
//!    `SEND_MESSAGES_IN_THREADS` and `perms.contains(SEND_MESSAGES)` answers "can I post here"
//!    in every kind of channel. (Seeing a *private* thread also needs membership or
//!    `MANAGE_THREADS`, which permissions alone cannot tell.)
//!
//! ```
//! use asyncord_model::permissions::PermissionCalculator;
//! use asyncord_model::{GuildId, Permissions, RoleId, UserId};
//!
//! let guild = GuildId::new(1);
//! let everyone = Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES;
//! let roles = [RoleId::new(3)];
//! let calc = PermissionCalculator::new(guild, UserId::new(99), everyone)
//!     .member(UserId::new(7), &roles, |_role| Some(Permissions::MANAGE_MESSAGES));
//! assert!(calc.guild().contains(Permissions::MANAGE_MESSAGES | Permissions::SEND_MESSAGES));
//! assert!(calc.in_channel(&[], false).contains(Permissions::SEND_MESSAGES));
//! ```

use crate::channel::{Overwrite, OverwriteType};
use crate::{GuildId, Permissions, RoleId, UserId};

/// What a timed-out member keeps.
pub const TIMED_OUT_KEEPS: Permissions =
    Permissions::VIEW_CHANNEL.union(Permissions::READ_MESSAGE_HISTORY);

/// What is lost, implicitly, without the right to send messages.
pub const SEND_DEPENDENT: Permissions = Permissions::MENTION_EVERYONE
    .union(Permissions::SEND_TTS_MESSAGES)
    .union(Permissions::ATTACH_FILES)
    .union(Permissions::EMBED_LINKS);

/// A member's permissions in a guild, from the guild's and the member's data; computes the guild
/// level once and any number of channels from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PermissionCalculator<'a> {
    guild_id: GuildId,
    owner_id: UserId,
    everyone: Permissions,
    user_id: UserId,
    roles: &'a [RoleId],
    base: Permissions,
    timed_out: bool,
}

impl<'a> PermissionCalculator<'a> {
    /// Starts from a guild: its id, its owner, and its `@everyone` role's permissions. Until
    /// [`member`](Self::member) is called, the calculator describes a member with no roles.
    pub fn new(guild_id: GuildId, owner_id: UserId, everyone: Permissions) -> Self {
        Self {
            guild_id,
            owner_id,
            everyone,
            user_id: UserId::new(0),
            roles: &[],
            base: guild_permissions(false, everyone, []),
            timed_out: false,
        }
    }

    /// The member: their user id, their role ids, and a lookup of a role's permissions (`None`
    /// for a role the guild does not have, which then grants nothing).
    pub fn member(
        self,
        user_id: UserId,
        roles: &'a [RoleId],
        role_permissions: impl Fn(RoleId) -> Option<Permissions>,
    ) -> Self {
        let base = guild_permissions(
            user_id == self.owner_id,
            self.everyone,
            roles.iter().filter_map(|r| role_permissions(*r)),
        );
        Self {
            user_id,
            roles,
            base,
            ..self
        }
    }

    /// Marks the member as timed out (see `Member::is_timed_out`); owners and administrators
    /// are exempt.
    pub fn timed_out(self, timed_out: bool) -> Self {
        Self { timed_out, ..self }
    }

    /// The member's guild-level permissions (the timeout applied).
    pub fn guild(&self) -> Permissions {
        self.apply_timeout(self.base)
    }

    /// The member's permissions in a channel with these overwrites; for a thread, give the
    /// *parent* channel's overwrites and `thread = true`.
    pub fn in_channel(&self, overwrites: &[Overwrite], thread: bool) -> Permissions {
        let explicit = apply_overwrites(
            self.base,
            self.guild_id,
            self.user_id,
            self.roles,
            overwrites,
        );
        implicit(self.apply_timeout(explicit), thread)
    }

    fn apply_timeout(&self, perms: Permissions) -> Permissions {
        if self.timed_out && !perms.contains(Permissions::ADMINISTRATOR) {
            perms & TIMED_OUT_KEEPS
        } else {
            perms
        }
    }
}

/// Guild-level permissions: everything for the owner; else `@everyone`'s permissions OR the
/// member's roles' permissions, and everything if that includes `ADMINISTRATOR`.
pub fn guild_permissions(
    is_owner: bool,
    everyone: Permissions,
    roles: impl IntoIterator<Item = Permissions>,
) -> Permissions {
    if is_owner {
        return Permissions::all();
    }
    let perms = roles.into_iter().fold(everyone, |acc, p| acc | p);
    if perms.contains(Permissions::ADMINISTRATOR) {
        Permissions::all()
    } else {
        perms
    }
}

/// Applies a channel's overwrites to guild-level permissions `base`, in Discord's order:
/// `@everyone` (the overwrite with the guild's id), then the member's roles combined, then the
/// member. `ADMINISTRATOR` in `base` skips them all (everything is granted).
pub fn apply_overwrites(
    base: Permissions,
    guild_id: GuildId,
    user_id: UserId,
    roles: &[RoleId],
    overwrites: &[Overwrite],
) -> Permissions {
    if base.contains(Permissions::ADMINISTRATOR) {
        return Permissions::all();
    }
    let mut perms = base;
    let role_overwrite = |id: u64| {
        overwrites
            .iter()
            .find(|o| o.kind == OverwriteType::Role && o.id.get() == id)
    };
    if let Some(everyone) = role_overwrite(guild_id.get()) {
        perms = (perms - everyone.deny) | everyone.allow;
    }
    let (mut allow, mut deny) = (Permissions::empty(), Permissions::empty());
    for role in roles {
        // The `@everyone` overwrite was applied above; a member never lists it among roles,
        // but if a payload does, it must not count twice.
        if role.get() == guild_id.get() {
            continue;
        }
        if let Some(o) = role_overwrite(role.get()) {
            allow |= o.allow;
            deny |= o.deny;
        }
    }
    perms = (perms - deny) | allow;
    if let Some(member) = overwrites
        .iter()
        .find(|o| o.kind == OverwriteType::Member && o.id.get() == user_id.get())
    {
        perms = (perms - member.deny) | member.allow;
    }
    perms
}

/// Applies the implicit rules to a channel's explicit permissions: without `VIEW_CHANNEL`,
/// nothing; without the right to send ([`SEND_DEPENDENT`] is lost); in a thread, sending is
/// `SEND_MESSAGES_IN_THREADS`, which `SEND_MESSAGES` then mirrors.
pub fn implicit(perms: Permissions, thread: bool) -> Permissions {
    if !perms.contains(Permissions::VIEW_CHANNEL) {
        return Permissions::empty();
    }
    let mut perms = perms;
    if thread {
        perms.set(
            Permissions::SEND_MESSAGES,
            perms.contains(Permissions::SEND_MESSAGES_IN_THREADS),
        );
    }
    if !perms.contains(Permissions::SEND_MESSAGES) {
        perms -= SEND_DEPENDENT;
    }
    perms
}
