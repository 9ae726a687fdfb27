//! Permissions from the cache's state: the computation itself is
//! [`asyncord_model::permissions`].

use asyncord_model::permissions::PermissionCalculator;
use asyncord_model::{ChannelId, GuildId, Permissions, Timestamp, UserId};

use super::Cache;

impl Cache {
    /// A member's guild-level permissions, or `None` if the guild, its `@everyone` role or the
    /// member is not cached.
    pub fn permissions(&self, guild_id: GuildId, user_id: UserId) -> Option<Permissions> {
        #[allow(clippy::redundant_closure_for_method_calls)] // the method is not general enough
        self.with_calculator(guild_id, user_id, |calc| calc.guild())
    }

    /// A member's permissions in a channel or thread (a thread uses its parent's overwrites and
    /// `SEND_MESSAGES_IN_THREADS`), or `None` if something needed is not cached.
    pub fn permissions_in(&self, channel_id: ChannelId, user_id: UserId) -> Option<Permissions> {
        let channel = self.channel(channel_id)?;
        let guild_id = channel.guild_id?;
        let thread = channel.is_thread();
        let overwrites_of = if thread {
            self.channel(channel.parent_id?)?
        } else {
            channel
        };
        let overwrites = overwrites_of
            .permission_overwrites
            .as_deref()
            .unwrap_or(&[]);
        self.with_calculator(guild_id, user_id, |calc| {
            calc.in_channel(overwrites, thread)
        })
    }

    fn with_calculator<T>(
        &self,
        guild_id: GuildId,
        user_id: UserId,
        f: impl FnOnce(&PermissionCalculator<'_>) -> T,
    ) -> Option<T> {
        let member = self.member(guild_id, user_id)?;
        let guilds = self.state.guilds();
        let entry = guilds.get(&guild_id)?;
        let guild = entry.guild.as_ref()?;
        let everyone = entry.roles.get(&guild_id.cast())?.permissions;
        let calc = PermissionCalculator::new(guild_id, guild.owner_id, everyone)
            .member(user_id, &member.roles, |r| {
                entry.roles.get(&r).map(|role| role.permissions)
            })
            .timed_out(member.is_timed_out(Timestamp::now()));
        Some(f(&calc))
    }
}
