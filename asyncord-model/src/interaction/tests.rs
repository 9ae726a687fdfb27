use super::*;
use crate::component::Component;
use crate::request::Validate;

fn payload(path: &str) -> serde_json::Value {
    let full = format!(
        "{}/../testdata/discord-api/payloads/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    serde_json::from_str(&text).unwrap()
}

fn round_trip(value: &serde_json::Value) -> Interaction {
    let first: Interaction = serde_json::from_value(value.clone()).unwrap();
    let again: Interaction = serde_json::from_value(serde_json::to_value(&first).unwrap()).unwrap();
    assert_eq!(first, again);
    first
}

#[test]
fn docs_interaction_examples_parse() {
    for (file, kind) in [
        (
            "message-command-interaction",
            crate::command::ApplicationCommandType::Message,
        ),
        (
            "slash-command-interaction",
            crate::command::ApplicationCommandType::ChatInput,
        ),
        (
            "user-command-interaction",
            crate::command::ApplicationCommandType::User,
        ),
    ] {
        let i = round_trip(&payload(&format!(
            "docs/docs-interactions-application-commands-example-interaction-{file}.json"
        )));
        assert_eq!(i.kind, InteractionType::ApplicationCommand, "{file}");
        assert_eq!(i.command_data().unwrap().kind, kind, "{file}");
    }
    let i = round_trip(&payload(
        "docs/docs-interactions-application-commands-example-interaction-message-command-interaction.json",
    ));
    let data = i.command_data().unwrap();
    let target = data.target_id.unwrap();
    assert!(
        data.resolved
            .as_ref()
            .unwrap()
            .messages
            .contains_key(&target.cast())
    );
}

#[test]
fn user_installable_sample_has_owners_and_context() {
    // The docs elide `channel` and `user` as `{}`; fill in the required ids.
    let mut raw = payload(
        "docs/docs-tutorials-developing-a-user-installable-app-understanding-metadata-for-interactions-sample-interaction-payload.json",
    );
    raw["channel"] = serde_json::json!({"id": "1234563982236504123", "type": 1});
    raw["user"] =
        serde_json::json!({"id": "5", "username": "u", "discriminator": "0", "avatar": null});
    let i = round_trip(&raw);
    assert!(!i.authorizing_integration_owners.is_empty());
    assert!(i.context.is_some());
    assert!(i.author().is_some() || i.user.is_none());
}

#[test]
fn captured_interaction_create_parses() {
    let frames = payload("captured-accord-jl/accordjl-gateway_interaction_create.json");
    for frame in frames.as_array().unwrap() {
        let i = round_trip(&frame["d"]);
        assert_eq!(i.attachment_size_limit, Some(524_288_000));
        assert_eq!(
            i.authorizing_integration_owners
                .get(&crate::command::ApplicationIntegrationType::GuildInstall)
                .map(|owner| owner.cast()),
            i.guild_id
        );
        assert_eq!(i.guild.as_ref().unwrap().features.len(), 2);
        assert_eq!(
            i.author_id(),
            i.member.as_ref().unwrap().user.as_ref().map(|u| u.id)
        );
        assert!(
            !format!("{i:?}").contains("token_1"),
            "the token leaked into Debug"
        );
        assert_eq!(i.token.as_str(), "token_1");
    }
}

#[test]
fn component_and_modal_data_by_shape() {
    let base = |data: serde_json::Value, kind: u8| {
        serde_json::json!({"id": "1", "application_id": "2", "type": kind, "token": "t",
            "version": 1, "app_permissions": "0", "data": data,
            "user": {"id": "3", "username": "u", "discriminator": "0", "avatar": null}})
    };
    let i = round_trip(&base(
        serde_json::json!({"custom_id": "pick", "component_type": 3, "values": ["a"]}),
        3,
    ));
    assert_eq!(i.component_data().unwrap().values, vec!["a"]);
    let i = round_trip(&base(
        serde_json::json!({"custom_id": "m", "components": [
            {"type": 18, "id": 1, "component": {"type": 4, "id": 2, "custom_id": "name", "value": "Ann"}},
            {"type": 1, "components": [{"type": 4, "custom_id": "old", "value": "legacy"}]}
        ]}),
        5,
    ));
    let modal = i.modal_data().unwrap();
    assert_eq!(modal.text_value("name"), Some("Ann"));
    assert_eq!(modal.text_value("old"), Some("legacy"));
    let i = round_trip(&base(
        serde_json::json!({"id": "9", "name": "cmd", "type": 1, "options": [
            {"name": "sub", "type": 1, "options": [{"name": "q", "type": 3, "value": "ab", "focused": true},
                                                    {"name": "n", "type": 10, "value": 1.5},
                                                    {"name": "b", "type": 5, "value": true},
                                                    {"name": "i", "type": 4, "value": 7}]}]}),
        4,
    ));
    let data = i.command_data().unwrap();
    assert_eq!(data.focused().unwrap().name, "q");
    let sub = &data.option("sub").unwrap().options;
    assert_eq!(sub[1].value.as_ref().unwrap().as_f64(), Some(1.5));
    assert_eq!(sub[2].value.as_ref().unwrap().as_bool(), Some(true));
    assert_eq!(sub[3].value.as_ref().unwrap().as_i64(), Some(7));
    let ping: Interaction = serde_json::from_value(serde_json::json!(
        {"id": "1", "application_id": "2", "type": 1, "token": "t", "version": 1}))
    .unwrap();
    assert!(ping.data.is_none());
}

#[test]
fn responses_serialise_with_their_type() {
    let cases = [
        (InteractionResponse::Pong, 1),
        (InteractionResponse::message("hi").ephemeral(), 4),
        (InteractionResponse::deferred(true), 5),
        (InteractionResponse::DeferredUpdate, 6),
        (
            InteractionResponse::update(InteractionMessageData::default()),
            7,
        ),
        (
            InteractionResponse::autocomplete([
                crate::command::ApplicationCommandOptionChoice::new("a", "a"),
            ]),
            8,
        ),
        (
            InteractionResponse::modal(
                "m",
                "Title",
                [crate::component::Label::new(
                    "Name",
                    crate::component::TextInput::short("name"),
                )],
            ),
            9,
        ),
        (InteractionResponse::PremiumRequired, 10),
        (InteractionResponse::LaunchActivity, 12),
    ];
    for (response, ty) in cases {
        let json = serde_json::to_value(&response).unwrap();
        assert_eq!(json["type"], ty);
        let back: InteractionResponse = serde_json::from_value(json).unwrap();
        assert_eq!(back, response);
        response.validate().unwrap();
    }
    let json = serde_json::to_value(InteractionResponse::message("hi").ephemeral()).unwrap();
    assert_eq!(json["data"]["flags"], 64);
    assert_eq!(json["data"]["content"], "hi");
}

#[test]
fn docs_response_examples_parse() {
    // The docs' autocomplete example is the (partial) interaction Discord sends.
    let i = round_trip(&payload(
        "docs/docs-interactions-application-commands-autocomplete.json",
    ));
    assert_eq!(i.kind, InteractionType::ApplicationCommandAutocomplete);
    assert_eq!(i.command_data().unwrap().focused().unwrap().name, "variant");
    let r: InteractionResponse = serde_json::from_value(payload(
        "docs/docs-components-using-modal-components-displaying-a-modal.json",
    ))
    .unwrap();
    let InteractionResponse::Modal(m) = &r else {
        panic!("{r:?}")
    };
    assert!(
        m.components
            .iter()
            .all(|c| !matches!(c, Component::Unknown(_)))
    );
}

#[test]
fn callback_response_parses() {
    let json = serde_json::json!({
        "interaction": {"id": "1", "type": 2, "response_message_id": "5",
                        "response_message_loading": false, "response_message_ephemeral": true},
        "resource": {"type": 4, "message": {"id": "5", "channel_id": "6",
            "author": {"id": "7", "username": "bot", "discriminator": "0", "avatar": null, "bot": true},
            "content": "hi", "timestamp": "2024-02-27T19:50:51.701000+00:00", "tts": false,
            "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [],
            "embeds": [], "pinned": false, "type": 20, "flags": 64}}
    });
    let r: InteractionCallbackResponse = serde_json::from_value(json).unwrap();
    assert_eq!(
        r.interaction.response_message_id,
        Some(crate::MessageId::new(5))
    );
    let resource = r.resource.unwrap();
    assert_eq!(
        resource.kind,
        InteractionCallbackType::ChannelMessageWithSource
    );
    assert_eq!(resource.message.unwrap().content, "hi");
}

#[test]
fn json_reader_agrees_with_serde_json() {
    let frames = payload("captured-accord-jl/accordjl-gateway_interaction_create.json");
    let mut samples: Vec<serde_json::Value> = frames
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["d"].clone())
        .collect();
    samples.push(serde_json::json!({"id": "1", "application_id": "2", "type": 5, "token": "t",
        "version": 1, "app_permissions": "8",
        "authorizing_integration_owners": {"0": "3", "1": "4"},
        "data": {"custom_id": "m", "components": [{"type": 18, "component": {"type": 4, "custom_id": "a", "value": "x"}}],
                 "resolved": {"users": {"5": {"id": "5", "username": "u", "discriminator": "0", "avatar": null}},
                              "attachments": {"6": {"id": "6", "filename": "f", "size": 1, "url": "u", "proxy_url": "p"}}}}}));
    for sample in samples {
        let expected: Interaction = serde_json::from_value(sample.clone()).unwrap();
        let bytes = serde_json::to_vec(&sample).unwrap();
        let parsed: Interaction = crate::json::from_slice(&bytes).unwrap();
        assert_eq!(parsed, expected);
    }
}
