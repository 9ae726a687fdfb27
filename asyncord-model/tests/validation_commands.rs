//! Every documented request limit of polls, application commands, channels, roles, webhooks and
//! bulk operations: one body exactly at the limit (accepted) and one just past it (rejected with
//! the offending field's path). Messages and components: `validation.rs`.

mod validation_common;

use asyncord_model::MessageId;
use asyncord_model::channel::ChannelType;
use asyncord_model::command::{ApplicationCommandOption, ApplicationCommandOptionChoice};
use asyncord_model::interaction::InteractionResponse;
use asyncord_model::request::command::CreateCommand;
use asyncord_model::request::{
    BulkBan, BulkDeleteMessages, CreateGuildChannel, CreatePoll, CreateRole, CreateWebhook,
    ModifyGuildChannel, Validate, ValidationErrorKind,
};
use validation_common::{fails, ids, msg, ok, s};

// ---------------------------------------------------------------- polls

#[test]
fn poll_limits() {
    let answers = |n: usize| (0..n).map(|i| format!("a{i}")).collect::<Vec<_>>();
    ok(&msg().poll(CreatePoll::new(s(300), [s(55)]).duration_hours(768)));
    fails(
        &msg().poll(CreatePoll::new("q", answers(11))),
        "poll.answers",
    );
    ok(&msg().poll(CreatePoll::new("q", answers(10))));
    fails(
        &msg().poll(CreatePoll::new(s(301), ["a"])),
        "poll.question.text",
    );
    fails(
        &msg().poll(CreatePoll::new("q", ["a".to_owned(), s(56)])),
        "poll.answers[1].poll_media.text",
    );
    fails(
        &msg().poll(CreatePoll::new("q", ["a"]).duration_hours(769)),
        "poll.duration",
    );
}

// ---------------------------------------------------------------- application commands

fn string_option(name: &str) -> ApplicationCommandOption {
    ApplicationCommandOption::string(name, "d")
}

#[test]
fn command_name_1_to_32_lowercase() {
    ok(&CreateCommand::chat_input("a".repeat(32), "d"));
    fails(&CreateCommand::chat_input("a".repeat(33), "d"), "name");
    fails(&CreateCommand::chat_input("", "d"), "name");
    fails(&CreateCommand::chat_input("Ping", "d"), "name");
    // User and message commands may use capitals and spaces.
    ok(&CreateCommand::user("Show Profile"));
    ok(&CreateCommand::chat_input(s(32), "d"));
}

#[test]
fn command_description_1_to_100() {
    ok(&CreateCommand::chat_input("c", s(100)));
    fails(&CreateCommand::chat_input("c", s(101)), "description");
    fails(&CreateCommand::chat_input("c", ""), "description");
}

#[test]
fn command_25_options() {
    let with = |n: usize| {
        (0..n).fold(CreateCommand::chat_input("c", "d"), |c, i| {
            c.option(string_option(&format!("o{i}")))
        })
    };
    ok(&with(25));
    fails(&with(26), "options");
}

#[test]
fn command_25_choices_with_names_and_values_100() {
    let with = |n: usize| {
        CreateCommand::chat_input("c", "d").option((0..n).fold(string_option("o"), |o, i| {
            o.choice(format!("n{i}"), format!("v{i}"))
        }))
    };
    ok(&with(25));
    fails(&with(26), "options[0].choices");
    let one = |name: String, value: String| {
        CreateCommand::chat_input("c", "d").option(string_option("o").choice(name, value))
    };
    ok(&one(s(100), s(100)));
    fails(&one(s(101), "v".into()), "options[0].choices[0].name");
    fails(
        &one(String::new(), "v".into()),
        "options[0].choices[0].name",
    );
    fails(&one("n".into(), s(101)), "options[0].choices[0].value");
}

#[test]
fn command_8000_characters_in_total() {
    // name 1 + description 1, then options of name 1 + description 1 with choices of 100 + 100.
    let option = |name: &str, full: usize, last: usize| {
        let mut o = ApplicationCommandOption::string(name, "d");
        for i in 0..full {
            o = o.choice(format!("{i:0>100}"), s(100));
        }
        if last > 0 {
            o = o.choice(s(last), s(last));
        }
        o
    };
    // 2 + (2 + 25*200) + (2 + 14*200 + 2*97) = 8000
    let at = CreateCommand::chat_input("c", "d")
        .option(option("a", 25, 0))
        .option(option("b", 14, 97));
    ok(&at);
    let mut past = at.clone();
    past.description = Some("dd".into());
    fails(&past, "");
    assert_eq!(
        past.validate().unwrap_err().kind,
        ValidationErrorKind::TooLong {
            max: 8000,
            actual: 8001
        }
    );
}

#[test]
fn autocomplete_25_choices() {
    let with = |n: usize| {
        InteractionResponse::autocomplete(
            (0..n).map(|i| ApplicationCommandOptionChoice::new(format!("c{i}"), i as i64)),
        )
    };
    ok(&with(25));
    fails(&with(26), "data.choices");
}

// ---------------------------------------------------------------- channels, roles, webhooks

#[test]
fn channel_name_1_to_100() {
    ok(&CreateGuildChannel::text(s(100)));
    fails(&CreateGuildChannel::text(s(101)), "name");
    fails(&CreateGuildChannel::text(""), "name");
    fails(&ModifyGuildChannel::new().name(s(101)), "name");
}

#[test]
fn channel_topic_1024_or_4096_for_forums() {
    ok(&CreateGuildChannel::text("c").topic(s(1024)));
    fails(&CreateGuildChannel::text("c").topic(s(1025)), "topic");
    ok(&CreateGuildChannel::new("f", ChannelType::GuildForum).topic(s(4096)));
    fails(
        &CreateGuildChannel::new("f", ChannelType::GuildMedia).topic(s(4097)),
        "topic",
    );
}

#[test]
fn channel_slowmode_0_to_21600() {
    ok(&ModifyGuildChannel::new().rate_limit_per_user(Some(21_600)));
    fails(
        &ModifyGuildChannel::new().rate_limit_per_user(Some(21_601)),
        "rate_limit_per_user",
    );
    ok(&ModifyGuildChannel::new().rate_limit_per_user(None));
}

#[test]
fn channel_user_limit_99_voice_10000_stage() {
    let voice = |n| CreateGuildChannel {
        user_limit: Some(n),
        ..CreateGuildChannel::voice("v")
    };
    ok(&voice(99));
    fails(&voice(100), "user_limit");
    let stage = |n| CreateGuildChannel {
        user_limit: Some(n),
        ..CreateGuildChannel::new("s", ChannelType::GuildStageVoice)
    };
    ok(&stage(10_000));
    fails(&stage(10_001), "user_limit");
}

#[test]
fn role_name_100() {
    ok(&CreateRole::new(s(100)));
    fails(&CreateRole::new(s(101)), "name");
}

#[test]
fn webhook_name_1_to_80() {
    ok(&CreateWebhook::new(s(80)));
    fails(&CreateWebhook::new(s(81)), "name");
    fails(&CreateWebhook::new(""), "name");
    fails(&CreateWebhook::new("my Discord hook"), "name");
}

// ---------------------------------------------------------------- bulk operations

#[test]
fn bulk_delete_2_to_100_unique() {
    ok(&BulkDeleteMessages::new(ids(2)));
    ok(&BulkDeleteMessages::new(ids(100)));
    fails(&BulkDeleteMessages::new(ids(1)), "messages");
    fails(&BulkDeleteMessages::new(ids(101)), "messages");
    let dup = BulkDeleteMessages::new([MessageId::new(7), MessageId::new(8), MessageId::new(7)]);
    fails(&dup, "messages");
    assert_eq!(
        dup.validate().unwrap_err().to_string(),
        "messages: must be unique, `7` appears more than once"
    );
}

#[test]
fn bulk_ban_200() {
    ok(&BulkBan {
        user_ids: ids(200),
        delete_message_seconds: None,
    });
    fails(
        &BulkBan {
            user_ids: ids(201),
            delete_message_seconds: None,
        },
        "user_ids",
    );
}
