//! Memory report of the model: `size_of` of the 20 most used types (the inline size; strings,
//! vectors and boxes add their heap), and the heap a parsed large guild and its members really
//! take, measured as resident-memory growth while many parsed copies are kept alive.
//!
//! Run: `cargo run -p asyncord-model --release --example type_sizes`. Linux only (reads
//! `/proc/self/status`).

#[path = "../benches/support/payloads.rs"]
mod payloads;

use std::mem::size_of;

use asyncord_model::channel::{Channel, Overwrite, ThreadMember};
use asyncord_model::common::{ImageHash, Locale};
use asyncord_model::component::Component;
use asyncord_model::emoji::Emoji;
use asyncord_model::gateway::{
    Event, GuildCreateEvent, GuildMembersChunkEvent, MessageCreateEvent, PresenceUpdateEvent,
};
use asyncord_model::guild::Guild;
use asyncord_model::interaction::Interaction;
use asyncord_model::member::Member;
use asyncord_model::message::{Attachment, Embed, Message, Reaction};
use asyncord_model::presence::Activity;
use asyncord_model::role::Role;
use asyncord_model::user::{AvatarDecorationData, Collectibles, PrimaryGuild, User};
use asyncord_model::voice::VoiceState;
use asyncord_model::{Permissions, Snowflake, Timestamp};

/// Resident memory now, KiB.
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Heap bytes per parsed copy: RSS growth while `copies` parsed values are alive. The copies
/// stay alive to the end of the program: memory they freed would be reused by the next
/// measurement, which would then show next to no growth.
fn heap_per_copy<T>(copies: usize, parse: impl Fn() -> T) -> f64 {
    let warm = parse();
    drop(warm);
    let before = rss_kib();
    let kept: Vec<T> = (0..copies).map(|_| parse()).collect();
    let after = rss_kib();
    std::mem::forget(kept);
    (after.saturating_sub(before) * 1024) as f64 / copies as f64
}

macro_rules! sizes {
    ($($ty:ty),* $(,)?) => {
        vec![$((stringify!($ty), size_of::<$ty>())),*]
    };
}

fn main() {
    let mut rows = sizes![
        Snowflake,
        Timestamp,
        Permissions,
        User,
        Member,
        Role,
        Emoji,
        Channel,
        Overwrite,
        ThreadMember,
        Guild,
        Message,
        Embed,
        Attachment,
        Reaction,
        Component,
        Interaction,
        Activity,
        VoiceState,
        Event,
        MessageCreateEvent,
        PresenceUpdateEvent,
    ];
    rows.sort_by_key(|(_, size)| std::cmp::Reverse(*size));
    println!("{:<22} {:>8}", "type", "size_of");
    for (name, size) in &rows {
        println!("{name:<22} {size:>8}");
    }
    // what a User holds: the rare nested objects are boxed (the unboxed size is what each
    // would cost inline)
    let parts = sizes![
        ImageHash,
        Locale,
        Option<Collectibles>,
        Option<Box<Collectibles>>,
        Option<PrimaryGuild>,
        Option<Box<PrimaryGuild>>,
        Option<AvatarDecorationData>,
        Option<Box<AvatarDecorationData>>,
    ];
    println!();
    println!("{:<34} {:>8}", "User field type", "size_of");
    for (name, size) in &parts {
        println!("{name:<34} {size:>8}");
    }

    let guild_json = payloads::guild_create_large(1_000, 200);
    let chunk_json = payloads::guild_members_chunk(1_000);
    let per_guild = heap_per_copy(50, || {
        Event::from_json_str("GUILD_CREATE", &guild_json).expect("guild")
    });
    let per_chunk = heap_per_copy(50, || {
        serde_json::from_str::<GuildMembersChunkEvent>(&chunk_json).expect("chunk")
    });
    let guild: GuildCreateEvent = serde_json::from_str(&guild_json).expect("guild");
    println!();
    println!(
        "parsed GUILD_CREATE ({} members, {} channels, {} roles, {} presences; {} JSON bytes): {:.0} KiB resident each",
        guild.members.as_ref().map_or(0, Vec::len),
        guild.channels.as_ref().map_or(0, Vec::len),
        guild.roles.len(),
        guild.presences.as_ref().map_or(0, Vec::len),
        guild_json.len(),
        per_guild / 1024.0
    );
    println!(
        "parsed member (with user), from a 1,000-member chunk ({} JSON bytes per member): {:.0} bytes resident each",
        chunk_json.len() / 1_000,
        per_chunk / 1_000.0
    );
}
