use super::*;
use crate::request::Validate;
use crate::request::command::CreateCommand;

fn payload(path: &str) -> serde_json::Value {
    let full = format!(
        "{}/../testdata/discord-api/payloads/docs/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    serde_json::from_str(&text).unwrap()
}

#[test]
fn docs_command_bodies_parse_round_trip_and_validate() {
    for file in [
        "docs-interactions-application-commands-example-entry-point-command.json",
        "docs-interactions-application-commands-example-message-command.json",
        "docs-interactions-application-commands-example-of-editing-permissions.json",
        "docs-interactions-application-commands-example-slash-command.json",
        "docs-interactions-application-commands-example-user-command.json",
        "docs-interactions-application-commands-localization.json",
        "docs-activities-development-guides-user-actions-creating-an-entry-point-command.json",
    ] {
        let raw = payload(file);
        let body: CreateCommand =
            serde_json::from_value(raw.clone()).unwrap_or_else(|e| panic!("{file}: {e}"));
        let again: CreateCommand =
            serde_json::from_value(serde_json::to_value(&body).unwrap()).unwrap();
        assert_eq!(again, body, "{file}");
        body.validate().unwrap_or_else(|e| panic!("{file}: {e}"));
    }
    let raw = payload("docs-interactions-application-commands-localization.json");
    let body: CreateCommand = serde_json::from_value(raw).unwrap();
    assert!(
        body.name_localizations
            .unwrap()
            .contains_key(&Locale::from("zh-CN"))
    );
}

#[test]
fn retrieved_localized_command_parses() {
    let mut raw =
        payload("docs-interactions-application-commands-retrieving-localized-commands.json");
    raw["id"] = "1".into();
    raw["application_id"] = "2".into();
    raw["version"] = "3".into();
    let cmd: ApplicationCommand = serde_json::from_value(raw).unwrap();
    assert!(cmd.name_localized.is_some());
    assert_eq!(cmd.mention(), format!("</{}:1>", cmd.name));
}

#[test]
fn full_command_round_trips() {
    let json = serde_json::json!({
        "id": "1", "application_id": "2", "guild_id": "3", "version": "4", "type": 1,
        "name": "blep", "description": "Send a random adorable animal photo",
        "default_member_permissions": "8", "nsfw": false,
        "integration_types": [0, 1], "contexts": [0, 1, 2], "handler": null,
        "options": [
            {"type": 3, "name": "animal", "description": "The type of animal", "required": true,
             "choices": [{"name": "Dog", "value": "animal_dog", "name_localizations": {"de": "Hund"}}]},
            {"type": 4, "name": "count", "description": "How many", "min_value": 1, "max_value": 10},
            {"type": 10, "name": "ratio", "description": "Ratio", "min_value": 0.5, "max_value": 2.25,
             "choices": [{"name": "half", "value": 0.5}]},
            {"type": 7, "name": "where", "description": "Channel", "channel_types": [0, 5]},
            {"type": 2, "name": "group", "description": "Group", "options": [
                {"type": 1, "name": "sub", "description": "Sub", "options": [
                    {"type": 3, "name": "q", "description": "Query", "autocomplete": true,
                     "min_length": 1, "max_length": 50}]}]}
        ]
    });
    let cmd: ApplicationCommand = serde_json::from_value(json).unwrap();
    let again: ApplicationCommand =
        serde_json::from_value(serde_json::to_value(&cmd).unwrap()).unwrap();
    assert_eq!(cmd, again);
    let options = cmd.options.as_ref().unwrap();
    assert_eq!(options[1].min_value, Some(NumberValue::Integer(1)));
    assert_eq!(options[2].max_value, Some(NumberValue::Float(2.25)));
    assert_eq!(
        options[2].choices.as_ref().unwrap()[0].value,
        ChoiceValue::Number(0.5)
    );
    assert_eq!(
        options[3].channel_types.as_ref().unwrap()[1],
        crate::channel::ChannelType::GuildAnnouncement
    );
    assert_eq!(
        options[4].options.as_ref().unwrap()[0]
            .options
            .as_ref()
            .unwrap()[0]
            .autocomplete,
        Some(true)
    );
    assert_eq!(
        cmd.contexts.as_ref().unwrap()[2],
        InteractionContextType::PrivateChannel
    );
    assert!(
        cmd.default_member_permissions
            .unwrap()
            .contains(Permissions::ADMINISTRATOR)
    );
}

#[test]
fn guild_permissions_parse() {
    let json = serde_json::json!({"id": "1", "application_id": "2", "guild_id": "3",
        "permissions": [{"id": "3", "type": 1, "permission": false}, {"id": "2", "type": 3, "permission": true}]});
    let p: GuildApplicationCommandPermissions = serde_json::from_value(json).unwrap();
    assert_eq!(
        p.permissions[1].kind,
        ApplicationCommandPermissionType::Channel
    );
}
