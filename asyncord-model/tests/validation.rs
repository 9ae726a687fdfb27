//! Every documented request limit of messages, embeds and components: one body exactly at the
//! limit (accepted) and one just past it (rejected with the offending field's path). Strings use
//! `é` (2 bytes) so the limits are shown to count characters, not bytes. Polls, commands,
//! channels, roles, webhooks and bulk operations: `validation_commands.rs`.

mod validation_common;

use asyncord_model::component::{
    Button, CheckboxGroup, Component, Container, FileUpload as FileUploadComponent, GroupOption,
    Label, RadioGroup, Section, SelectMenu, SelectOption, TextDisplay, TextInput, Thumbnail,
};
use asyncord_model::interaction::InteractionResponse;
use asyncord_model::message::{Embed, EmbedField, MessageFlags};
use asyncord_model::request::{
    AllowedMentions, CreateMessage, CreatePoll, FileUpload, Validate, ValidationErrorKind,
};
use asyncord_model::{AttachmentId, StickerId};
use validation_common::{buttons, fails, ids, msg, ok, row, s};

// ---------------------------------------------------------------- message content & embeds

#[test]
fn content_2000() {
    ok(&CreateMessage::content(s(2000)));
    fails(&CreateMessage::content(s(2001)), "content");
    let err = CreateMessage::content(s(2001)).validate().unwrap_err();
    assert_eq!(
        err.kind,
        ValidationErrorKind::TooLong {
            max: 2000,
            actual: 2001
        }
    );
    assert_eq!(
        err.to_string(),
        "content: must be at most 2000 characters long, got 2001"
    );
}

#[test]
fn empty_message_is_rejected() {
    fails(&CreateMessage::new(), "");
    ok(&CreateMessage::new().embed(Embed::new().title("t")));
    ok(&CreateMessage::new().sticker(StickerId::new(1)));
    ok(&CreateMessage::new().file(FileUpload::new("a.txt", b"hi".to_vec())));
}

#[test]
fn ten_embeds() {
    ok(&msg().embeds((0..10).map(|_| Embed::new().title("t"))));
    fails(
        &msg().embeds((0..11).map(|_| Embed::new().title("t"))),
        "embeds",
    );
}

#[test]
fn embed_total_6000_across_all_embeds() {
    let at = msg().embed(Embed::new().description(s(3000))).embed(
        Embed::new()
            .description(s(2000))
            .field(s(200), s(800), false),
    );
    ok(&at);
    let past = at.clone().embed(Embed::new().footer("x"));
    fails(&past, "embeds");
    let err = past.validate().unwrap_err();
    assert_eq!(
        err.kind,
        ValidationErrorKind::TooLong {
            max: 6000,
            actual: 6001
        }
    );
}

#[test]
fn embed_title_256() {
    ok(&msg().embed(Embed::new().title(s(256))));
    fails(&msg().embed(Embed::new().title(s(257))), "embeds[0].title");
}

#[test]
fn embed_description_4096() {
    ok(&msg().embed(Embed::new().description(s(4096))));
    fails(
        &msg().embed(Embed::new().description(s(4097))),
        "embeds[0].description",
    );
}

#[test]
fn embed_25_fields() {
    let with = |n: usize| (0..n).fold(Embed::new(), |e, _| e.field("n", "v", true));
    ok(&msg().embed(with(25)));
    fails(&msg().embed(with(26)), "embeds[0].fields");
}

#[test]
fn embed_field_name_256_and_value_1024() {
    ok(&msg().embed(Embed::new().field(s(256), s(1024), false)));
    fails(
        &msg().embed(Embed::new().field(s(257), "v", false)),
        "embeds[0].fields[0].name",
    );
    // The path names the exact embed and field.
    let mut third = Embed::new();
    third.fields = (0..8)
        .map(|i| EmbedField {
            name: "n".into(),
            value: if i == 7 { s(1025) } else { "v".into() },
            inline: None,
        })
        .collect();
    let body = msg().embed(Embed::new()).embed(Embed::new()).embed(third);
    fails(&body, "embeds[2].fields[7].value");
}

#[test]
fn embed_footer_2048() {
    ok(&msg().embed(Embed::new().footer(s(2048))));
    fails(
        &msg().embed(Embed::new().footer(s(2049))),
        "embeds[0].footer.text",
    );
}

#[test]
fn embed_author_256() {
    ok(&msg().embed(Embed::new().author(s(256))));
    fails(
        &msg().embed(Embed::new().author(s(257))),
        "embeds[0].author.name",
    );
}

// ---------------------------------------------------------------- stickers, nonce, mentions, files

#[test]
fn three_stickers() {
    let with = |n: usize| ids(n).into_iter().fold(msg(), CreateMessage::sticker);
    ok(&with(3));
    fails(&with(4), "sticker_ids");
}

#[test]
fn nonce_25() {
    ok(&msg().with_content("x").nonce(s(25)));
    fails(&msg().with_content("x").nonce(s(26)), "nonce");
    ok(&msg().with_content("x").nonce(i64::MAX));
}

#[test]
fn allowed_mentions_100_users_and_roles() {
    ok(&msg().allowed_mentions(AllowedMentions::none().users(ids(100)).roles(ids(100))));
    fails(
        &msg().allowed_mentions(AllowedMentions::none().users(ids(101))),
        "allowed_mentions.users",
    );
    fails(
        &msg().allowed_mentions(AllowedMentions::none().roles(ids(101))),
        "allowed_mentions.roles",
    );
}

#[test]
fn attachment_description_1024() {
    let file = |n: usize| FileUpload::new("a.png", vec![1u8, 2, 3]).description(s(n));
    let at = msg().file(file(1024));
    ok(&at);
    assert_eq!(at.attachments.as_ref().unwrap()[0].id, AttachmentId::new(0));
    fails(
        &msg().file(FileUpload::new("x", vec![])).file(file(1025)),
        "attachments[1].description",
    );
}

// ---------------------------------------------------------------- legacy components

#[test]
fn five_action_rows() {
    let with = |n: usize| msg().components((0..n).map(|i| row(buttons(1, &format!("r{i}-")))));
    ok(&with(5));
    fails(&with(6), "components");
}

#[test]
fn row_holds_five_buttons_or_one_select() {
    ok(&msg().component(row(buttons(5, "b"))));
    fails(
        &msg().component(row(buttons(6, "b"))),
        "components[0].components",
    );
    let select = || SelectMenu::string("s", [SelectOption::new("l", "v")]);
    ok(&msg().component(row(vec![select()])));
    let mut mixed = buttons(1, "b");
    mixed.push(select());
    fails(&msg().component(row(mixed)), "components[0].components");
    fails(
        &msg().component(row(vec![select(), SelectMenu::user("u")])),
        "components[0].components",
    );
}

#[test]
fn custom_id_1_to_100_and_unique() {
    let one = |id: String| msg().component(row(vec![Button::primary(id, "b").into()]));
    ok(&one(s(100)));
    fails(&one(s(101)), "components[0].components[0].custom_id");
    fails(&one(String::new()), "components[0].components[0].custom_id");
    let dup = msg()
        .component(row(vec![Button::primary("same", "b").into()]))
        .component(row(vec![Button::primary("same", "c").into()]));
    fails(&dup, "components[1].components[0].custom_id");
    assert!(matches!(
        dup.validate().unwrap_err().kind,
        ValidationErrorKind::Duplicate { .. }
    ));
}

#[test]
fn button_label_80_and_url_512() {
    let labelled = |n: usize| msg().component(row(vec![Button::primary("id", s(n)).into()]));
    ok(&labelled(80));
    fails(&labelled(81), "components[0].components[0].label");
    let link = |n: usize| {
        let url = format!("https://{}", "a".repeat(n - 8));
        msg().component(row(vec![Button::link(url, "l").into()]))
    };
    ok(&link(512));
    fails(&link(513), "components[0].components[0].url");
}

#[test]
fn select_limits() {
    let with_options = |n: usize| {
        msg().component(row(vec![SelectMenu::string(
            "s",
            (0..n).map(|i| SelectOption::new("l", format!("v{i}"))),
        )]))
    };
    ok(&with_options(25));
    fails(&with_options(26), "components[0].components[0].options");

    let with = |f: &dyn Fn(&mut SelectMenu)| {
        let mut menu = SelectMenu::new("s");
        menu.options = vec![SelectOption::new("l", "v")];
        f(&mut menu);
        msg().component(row(vec![Component::StringSelect(menu)]))
    };
    ok(&with(&|m| m.placeholder = Some(s(150))));
    fails(
        &with(&|m| m.placeholder = Some(s(151))),
        "components[0].components[0].placeholder",
    );
    ok(&with(&|m| {
        m.min_values = Some(25);
        m.max_values = Some(25);
    }));
    fails(
        &with(&|m| m.min_values = Some(26)),
        "components[0].components[0].min_values",
    );
    fails(
        &with(&|m| m.max_values = Some(26)),
        "components[0].components[0].max_values",
    );
    fails(
        &with(&|m| m.max_values = Some(0)),
        "components[0].components[0].max_values",
    );
    ok(&with(&|m| {
        m.options = vec![SelectOption::new(s(100), s(100)).description(s(100))];
    }));
    fails(
        &with(&|m| m.options = vec![SelectOption::new(s(101), "v")]),
        "components[0].components[0].options[0].label",
    );
    fails(
        &with(&|m| m.options = vec![SelectOption::new("l", s(101))]),
        "components[0].components[0].options[0].value",
    );
    fails(
        &with(&|m| m.options = vec![SelectOption::new("l", "v").description(s(101))]),
        "components[0].components[0].options[0].description",
    );
}

// ---------------------------------------------------------------- components v2

fn v2(components: Vec<Component>) -> CreateMessage {
    CreateMessage::new().components_v2(components)
}

#[test]
fn v2_at_most_40_components() {
    // A container (1) + 39 text displays = 40; one more = 41.
    let container = |n: usize| Container::new((0..n).map(|i| TextDisplay::new(format!("t{i}"))));
    ok(&v2(vec![container(39).into()]));
    fails(&v2(vec![container(40).into()]), "components");
    let err = v2(vec![container(40).into()]).validate().unwrap_err();
    assert_eq!(
        err.kind,
        ValidationErrorKind::TooMany {
            max: 40,
            actual: 41
        }
    );
}

#[test]
fn v2_forbids_content_embeds_poll_stickers() {
    let base = || v2(vec![TextDisplay::new("hi").into()]);
    ok(&base());
    fails(&base().with_content("x"), "content");
    fails(&base().embed(Embed::new().title("t")), "embeds");
    fails(&base().poll(CreatePoll::new("q", ["a"])), "poll");
    fails(&base().sticker(StickerId::new(1)), "sticker_ids");
    // Without the flag, top-level text displays are rejected.
    fails(&msg().component(TextDisplay::new("hi")), "components[0]");
    assert!(
        base()
            .flags
            .unwrap()
            .contains(MessageFlags::IS_COMPONENTS_V2)
    );
}

#[test]
fn section_has_1_to_3_children() {
    let section = |n: usize| {
        Section::new(
            (0..n).map(|i| TextDisplay::new(format!("t{i}"))),
            Thumbnail::new("https://x/y.png"),
        )
    };
    ok(&v2(vec![section(1).into()]));
    ok(&v2(vec![section(3).into()]));
    fails(&v2(vec![section(4).into()]), "components[0].components");
    fails(&v2(vec![section(0).into()]), "components[0].components");
}

// ---------------------------------------------------------------- modals and their inputs

fn modal(components: Vec<Component>) -> InteractionResponse {
    InteractionResponse::modal("m", "Title", components)
}

fn text_input(f: impl Fn(TextInput) -> TextInput) -> InteractionResponse {
    modal(vec![Label::new("Name", f(TextInput::short("name"))).into()])
}

#[test]
fn text_input_limits() {
    ok(&text_input(|t| {
        t.value(s(4000)).placeholder(s(100)).length(4000, 4000)
    }));
    fails(
        &text_input(|t| t.value(s(4001))),
        "data.components[0].component.value",
    );
    fails(
        &text_input(|t| t.placeholder(s(101))),
        "data.components[0].component.placeholder",
    );
    fails(
        &text_input(|t| t.length(4001, 4000)),
        "data.components[0].component.min_length",
    );
    fails(
        &text_input(|t| t.length(1, 4001)),
        "data.components[0].component.max_length",
    );
}

#[test]
fn label_45_and_description_100() {
    let label = |l: usize, d: usize| {
        modal(vec![
            Label::new(s(l), TextInput::short("x"))
                .description(s(d))
                .into(),
        ])
    };
    ok(&label(45, 100));
    fails(&label(46, 1), "data.components[0].label");
    fails(&label(1, 101), "data.components[0].description");
}

#[test]
fn modal_title_45_and_1_to_5_components() {
    let inputs = |n: usize| {
        (0..n)
            .map(|i| Label::new("L", TextInput::short(format!("i{i}"))).into())
            .collect::<Vec<Component>>()
    };
    ok(&InteractionResponse::modal("m", s(45), inputs(1)));
    fails(
        &InteractionResponse::modal("m", s(46), inputs(1)),
        "data.title",
    );
    ok(&modal(inputs(5)));
    fails(&modal(inputs(6)), "data.components");
    fails(&modal(inputs(0)), "data.components");
}

#[test]
fn file_upload_and_groups() {
    let upload = |n: usize| {
        let mut f = FileUploadComponent::new("f");
        f.file_types = Some((0..n).map(|i| format!(".t{i}")).collect());
        f.max_values = Some(10);
        modal(vec![Label::new("Files", f).into()])
    };
    ok(&upload(10));
    fails(&upload(11), "data.components[0].component.file_types");
    let radio = |n: usize| {
        let options = (0..n)
            .map(|i| GroupOption::new("l", format!("v{i}")))
            .collect();
        modal(vec![
            Label::new(
                "R",
                RadioGroup {
                    custom_id: "r".into(),
                    options,
                    ..RadioGroup::default()
                },
            )
            .into(),
        ])
    };
    ok(&radio(2));
    ok(&radio(10));
    fails(&radio(1), "data.components[0].component.options");
    fails(&radio(11), "data.components[0].component.options");
    let checks = |n: usize| {
        let options = (0..n)
            .map(|i| GroupOption::new("l", format!("v{i}")))
            .collect();
        modal(vec![
            Label::new(
                "C",
                CheckboxGroup {
                    custom_id: "c".into(),
                    options,
                    ..CheckboxGroup::default()
                },
            )
            .into(),
        ])
    };
    ok(&checks(1));
    ok(&checks(10));
    fails(&checks(0), "data.components[0].component.options");
    fails(&checks(11), "data.components[0].component.options");
}
