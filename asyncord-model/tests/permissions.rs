//! The permission computation against every case Discord's permissions page documents
//! (hierarchy, overwrites in order, administrators, owners, timeouts, implicit permissions,
//! threads), as a table of inputs and expected results.

use asyncord_model::channel::{Overwrite, OverwriteType};
use asyncord_model::permissions::{
    PermissionCalculator, SEND_DEPENDENT, TIMED_OUT_KEEPS, apply_overwrites, guild_permissions,
    implicit,
};
use asyncord_model::{GuildId, Permissions as P, RoleId, Snowflake, UserId};

const GUILD: GuildId = GuildId::new(100);
const OWNER: UserId = UserId::new(1);
const USER: UserId = UserId::new(2);
const OTHER_USER: UserId = UserId::new(3);
const MOD: RoleId = RoleId::new(10);
const MUTED: RoleId = RoleId::new(11);
const HELPER: RoleId = RoleId::new(12);
const UNKNOWN_ROLE: RoleId = RoleId::new(13);
const NOT_MINE: RoleId = RoleId::new(14);

fn role(id: RoleId, allow: P, deny: P) -> Overwrite {
    Overwrite {
        id: Snowflake::new(id.get()),
        kind: OverwriteType::Role,
        allow,
        deny,
    }
}

fn everyone(allow: P, deny: P) -> Overwrite {
    role(GUILD.cast(), allow, deny)
}

fn member(id: UserId, allow: P, deny: P) -> Overwrite {
    Overwrite {
        id: Snowflake::new(id.get()),
        kind: OverwriteType::Member,
        allow,
        deny,
    }
}

/// The guild's roles other than `@everyone`.
fn role_permissions(id: RoleId) -> Option<P> {
    [
        (MOD, P::MANAGE_MESSAGES | P::KICK_MEMBERS),
        (MUTED, P::empty()),
        (HELPER, P::MANAGE_THREADS),
        (NOT_MINE, P::BAN_MEMBERS),
    ]
    .into_iter()
    .find_map(|(r, p)| (r == id).then_some(p))
}

fn base_everyone() -> P {
    P::VIEW_CHANNEL
        | P::SEND_MESSAGES
        | P::SEND_MESSAGES_IN_THREADS
        | P::READ_MESSAGE_HISTORY
        | P::EMBED_LINKS
        | P::ATTACH_FILES
        | P::ADD_REACTIONS
        | P::MENTION_EVERYONE
}

struct Case {
    name: &'static str,
    user: UserId,
    everyone: P,
    roles: &'static [RoleId],
    overwrites: Vec<Overwrite>,
    timed_out: bool,
    thread: bool,
    guild: P,
    channel: P,
}

fn case(name: &'static str) -> Case {
    Case {
        name,
        user: USER,
        everyone: base_everyone(),
        roles: &[],
        overwrites: Vec::new(),
        timed_out: false,
        thread: false,
        guild: base_everyone(),
        channel: base_everyone(),
    }
}

fn cases() -> Vec<Case> {
    let all = P::all();
    let mod_perms = P::MANAGE_MESSAGES | P::KICK_MEMBERS;
    vec![
        case("no roles, no overwrites: @everyone's permissions"),
        Case {
            roles: &[MOD],
            guild: base_everyone() | mod_perms,
            channel: base_everyone() | mod_perms,
            ..case("roles add to @everyone")
        },
        Case {
            roles: &[UNKNOWN_ROLE],
            ..case("a role the guild does not have grants nothing")
        },
        Case {
            user: OWNER,
            everyone: P::empty(),
            overwrites: vec![everyone(P::empty(), all), member(OWNER, P::empty(), all)],
            timed_out: true,
            guild: all,
            channel: all,
            ..case("the owner has everything, overwrites and timeout notwithstanding")
        },
        Case {
            everyone: P::ADMINISTRATOR,
            guild: all,
            channel: all,
            ..case("ADMINISTRATOR on @everyone grants everything")
        },
        Case {
            roles: &[MOD],
            everyone: P::VIEW_CHANNEL,
            overwrites: vec![
                everyone(P::empty(), all),
                role(MOD, P::empty(), all),
                member(USER, P::empty(), all),
            ],
            timed_out: true,
            guild: all,
            channel: all,
            ..case("ADMINISTRATOR from a role: overwrites and timeout cannot take anything")
        }
        .admin_role(),
        Case {
            overwrites: vec![everyone(P::empty(), P::SEND_MESSAGES)],
            channel: base_everyone() - P::SEND_MESSAGES - SEND_DEPENDENT,
            ..case("@everyone overwrite denies")
        },
        Case {
            everyone: P::VIEW_CHANNEL,
            guild: P::VIEW_CHANNEL,
            overwrites: vec![everyone(P::SEND_MESSAGES | P::ATTACH_FILES, P::empty())],
            channel: P::VIEW_CHANNEL | P::SEND_MESSAGES | P::ATTACH_FILES,
            ..case("@everyone overwrite allows")
        },
        Case {
            overwrites: vec![everyone(P::MANAGE_WEBHOOKS, P::MANAGE_WEBHOOKS)],
            channel: base_everyone() | P::MANAGE_WEBHOOKS,
            ..case("within one overwrite, allow is applied after deny")
        },
        Case {
            roles: &[MUTED],
            overwrites: vec![
                everyone(P::ADD_REACTIONS, P::empty()),
                role(MUTED, P::empty(), P::SEND_MESSAGES | P::ADD_REACTIONS),
            ],
            channel: base_everyone() - P::SEND_MESSAGES - P::ADD_REACTIONS - SEND_DEPENDENT,
            ..case("a role's deny beats @everyone's allow")
        },
        Case {
            roles: &[HELPER, MUTED],
            guild: base_everyone() | P::MANAGE_THREADS,
            overwrites: vec![
                role(MUTED, P::empty(), P::SEND_MESSAGES),
                role(HELPER, P::SEND_MESSAGES, P::empty()),
            ],
            channel: base_everyone() | P::MANAGE_THREADS,
            ..case("role overwrites combine: one role's allow beats another's deny")
        },
        Case {
            everyone: P::VIEW_CHANNEL,
            guild: P::VIEW_CHANNEL,
            roles: &[MOD],
            overwrites: vec![role(MOD, P::empty(), P::SEND_MESSAGES)],
            channel: P::VIEW_CHANNEL | mod_perms,
            ..case("a role overwrite denies only what it names")
        }
        .with_guild(P::VIEW_CHANNEL | mod_perms),
        Case {
            roles: &[MUTED],
            overwrites: vec![
                role(MUTED, P::empty(), P::SEND_MESSAGES),
                member(USER, P::SEND_MESSAGES, P::empty()),
            ],
            ..case("the member's overwrite beats the roles'")
        },
        Case {
            roles: &[HELPER],
            guild: base_everyone() | P::MANAGE_THREADS,
            overwrites: vec![
                role(HELPER, P::ADD_REACTIONS, P::empty()),
                member(USER, P::empty(), P::ADD_REACTIONS | P::MANAGE_THREADS),
            ],
            channel: base_everyone() - P::ADD_REACTIONS,
            ..case("the member's deny beats a role's allow and the guild level")
        },
        Case {
            overwrites: vec![
                role(NOT_MINE, P::empty(), P::SEND_MESSAGES),
                member(OTHER_USER, P::empty(), P::VIEW_CHANNEL),
            ],
            ..case("overwrites of other roles and members do not apply")
        },
        Case {
            overwrites: vec![Overwrite {
                id: Snowflake::new(USER.get()),
                kind: OverwriteType::Role,
                allow: P::empty(),
                deny: P::VIEW_CHANNEL,
            }],
            ..case("a role overwrite with the member's id is not the member's")
        },
        Case {
            roles: &[MOD],
            timed_out: true,
            guild: TIMED_OUT_KEEPS,
            channel: TIMED_OUT_KEEPS,
            overwrites: vec![member(USER, P::MANAGE_CHANNELS, P::empty())],
            ..case("a timed-out member keeps only VIEW_CHANNEL and READ_MESSAGE_HISTORY")
        },
        Case {
            timed_out: true,
            guild: TIMED_OUT_KEEPS,
            overwrites: vec![everyone(P::empty(), P::VIEW_CHANNEL)],
            channel: P::empty(),
            ..case("a timed-out member who cannot view the channel has nothing there")
        },
        Case {
            overwrites: vec![everyone(P::empty(), P::VIEW_CHANNEL)],
            channel: P::empty(),
            ..case("without VIEW_CHANNEL every other permission is implicitly denied")
        },
        Case {
            everyone: P::all() - P::ADMINISTRATOR - P::VIEW_CHANNEL,
            guild: P::all() - P::ADMINISTRATOR - P::VIEW_CHANNEL,
            channel: P::empty(),
            ..case("without VIEW_CHANNEL at guild level, a channel grants nothing")
        },
        Case {
            overwrites: vec![member(USER, P::empty(), P::SEND_MESSAGES)],
            channel: P::VIEW_CHANNEL
                | P::SEND_MESSAGES_IN_THREADS
                | P::READ_MESSAGE_HISTORY
                | P::ADD_REACTIONS,
            ..case("without SEND_MESSAGES: no mentions of everyone, TTS, files or embeds")
        },
        Case {
            overwrites: vec![everyone(P::empty(), P::SEND_MESSAGES)],
            thread: true,
            channel: base_everyone(),
            ..case("in a thread, SEND_MESSAGES_IN_THREADS governs sending")
        },
        Case {
            overwrites: vec![everyone(P::empty(), P::SEND_MESSAGES_IN_THREADS)],
            thread: true,
            channel: base_everyone()
                - P::SEND_MESSAGES
                - P::SEND_MESSAGES_IN_THREADS
                - SEND_DEPENDENT,
            ..case("in a thread, without SEND_MESSAGES_IN_THREADS one cannot send")
        },
        Case {
            overwrites: vec![everyone(P::empty(), P::VIEW_CHANNEL)],
            thread: true,
            channel: P::empty(),
            ..case("a thread whose parent cannot be viewed grants nothing")
        },
    ]
}

impl Case {
    fn admin_role(self) -> Self {
        // MOD with ADMINISTRATOR, for the one case that needs it.
        Self {
            roles: &[HELPER, MOD],
            ..self
        }
    }

    fn with_guild(self, guild: P) -> Self {
        Self { guild, ..self }
    }
}

fn lookup_for(case: &Case) -> impl Fn(RoleId) -> Option<P> {
    let admin = case.name.starts_with("ADMINISTRATOR from a role");
    move |id| {
        if admin && id == MOD {
            Some(P::ADMINISTRATOR)
        } else {
            role_permissions(id)
        }
    }
}

#[test]
fn every_documented_case() {
    let mut failures = Vec::new();
    for case in cases() {
        let calc = PermissionCalculator::new(GUILD, OWNER, case.everyone)
            .member(case.user, case.roles, lookup_for(&case))
            .timed_out(case.timed_out);
        let guild = calc.guild();
        let channel = calc.in_channel(&case.overwrites, case.thread);
        if guild != case.guild {
            failures.push(format!(
                "{}: guild {guild:?}, expected {:?}",
                case.name, case.guild
            ));
        }
        if channel != case.channel {
            failures.push(format!(
                "{}: channel {channel:?}, expected {:?}",
                case.name, case.channel
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_building_blocks_follow_the_documented_pseudocode() {
    // compute_base_permissions
    assert_eq!(guild_permissions(true, P::empty(), []), P::all());
    assert_eq!(
        guild_permissions(false, P::VIEW_CHANNEL, [P::SPEAK, P::CONNECT]),
        P::VIEW_CHANNEL | P::SPEAK | P::CONNECT
    );
    assert_eq!(
        guild_permissions(false, P::empty(), [P::ADMINISTRATOR]),
        P::all()
    );
    // compute_overwrites: @everyone, then roles combined, then the member.
    let overwrites = [
        member(USER, P::SPEAK, P::empty()),
        role(MUTED, P::empty(), P::SPEAK | P::CONNECT),
        everyone(P::CONNECT, P::VIEW_CHANNEL),
    ];
    assert_eq!(
        apply_overwrites(
            P::VIEW_CHANNEL | P::SPEAK,
            GUILD,
            USER,
            &[MUTED],
            &overwrites
        ),
        P::SPEAK
    );
    assert_eq!(
        apply_overwrites(P::ADMINISTRATOR, GUILD, USER, &[MUTED], &overwrites),
        P::all()
    );
    // Implicit permissions.
    assert_eq!(
        implicit(P::SEND_MESSAGES | P::ATTACH_FILES, false),
        P::empty()
    );
    assert_eq!(
        implicit(P::VIEW_CHANNEL | P::ATTACH_FILES | P::ADD_REACTIONS, false),
        P::VIEW_CHANNEL | P::ADD_REACTIONS
    );
}

#[test]
fn a_calculator_without_member_is_a_member_with_no_roles() {
    let calc = PermissionCalculator::new(GUILD, OWNER, base_everyone());
    assert_eq!(calc.guild(), base_everyone());
    let owner = calc.member(OWNER, &[], |_| None);
    assert_eq!(owner.guild(), P::all());
}
