use super::*;
use crate::UserId;
use crate::component::Component;

fn payload(path: &str) -> serde_json::Value {
    let full = format!(
        "{}/../testdata/discord-api/payloads/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    serde_json::from_str(&text).unwrap()
}

/// Parses, serialises and parses again; both parses must be equal.
fn round_trip(value: &serde_json::Value) -> Message {
    let first: Message = serde_json::from_value(value.clone()).unwrap();
    let again: Message = serde_json::from_value(serde_json::to_value(&first).unwrap()).unwrap();
    assert_eq!(first, again);
    first
}

#[test]
fn docs_example_message_parses() {
    let m = round_trip(&payload("docs/docs-resources-message-example-message.json"));
    assert_eq!(m.content, "Supa Hot");
    assert_eq!(m.kind, MessageType::Default);
    let reactions = m.reactions.unwrap();
    assert_eq!(reactions[0].count_details.normal, 1);
    assert_eq!(reactions[0].emoji.name.as_deref(), Some("🔥"));
    assert!(m.edited_timestamp.is_none());
}

#[test]
fn docs_crossposted_message_parses() {
    let m = round_trip(&payload(
        "docs/docs-resources-message-example-crossposted-message.json",
    ));
    assert!(m.flags().contains(MessageFlags::IS_CROSSPOST));
    let reference = m.message_reference.unwrap();
    assert!(reference.message_id.is_some());
    assert!(m.mention_channels.is_some());
}

#[test]
fn captured_message_frames_parse() {
    for file in [
        "captured-accord-jl/accordjl-gateway_message_create.json",
        "captured-accord-jl/accordjl-gateway_message_update.json",
        "captured-accord-jl/accordjl-rest_create_message.json",
    ] {
        let frames = payload(file);
        let frames = frames.as_array().unwrap();
        assert!(!frames.is_empty());
        for frame in frames {
            let d = frame.get("d").unwrap_or(frame);
            if d.get("author").is_none() {
                continue;
            }
            let m = round_trip(d);
            assert!(m.id.get() > 0, "{file}");
        }
    }
}

#[test]
fn gateway_extras_and_mention_members() {
    let json = serde_json::json!({
        "id": "1", "channel_id": "2", "guild_id": "3",
        "author": {"id": "4", "username": "a", "discriminator": "0", "avatar": null},
        "member": {"roles": [], "joined_at": "2024-02-27T19:50:51.701000+00:00", "deaf": false, "mute": false},
        "content": "hi <@5>", "timestamp": "2024-02-27T19:50:51.701000+00:00",
        "edited_timestamp": null, "tts": false, "mention_everyone": false,
        "mentions": [{"id": "5", "username": "b", "discriminator": "0", "avatar": null,
                      "member": {"roles": ["6"], "joined_at": "2024-02-27T19:50:51.701000+00:00", "deaf": false, "mute": false}}],
        "mention_roles": [], "attachments": [], "embeds": [], "pinned": false, "type": 19,
        "nonce": 12345, "referenced_message": null, "some_new_field": {"x": 1}
    });
    let m = round_trip(&json);
    assert_eq!(m.guild_id, Some(GuildId::new(3)));
    assert!(m.member.is_some());
    assert_eq!(m.mentions[0].id, UserId::new(5));
    assert_eq!(
        m.mentions[0].member.as_ref().unwrap().roles,
        vec![RoleId::new(6)]
    );
    assert_eq!(m.nonce, Some(Nonce::Integer(12345)));
    assert_eq!(m.kind, MessageType::Reply);
    assert!(m.referenced_message.is_none());
    assert_eq!(m.jump_url(), "https://discord.com/channels/3/2/1");
}

#[test]
fn unknown_values_are_kept() {
    let json = serde_json::json!({
        "id": "1", "channel_id": "2",
        "author": {"id": "4", "username": "a", "discriminator": "0", "avatar": null},
        "content": "", "timestamp": "2024-02-27T19:50:51.701000+00:00",
        "tts": false, "mention_everyone": false, "mentions": [], "mention_roles": [],
        "attachments": [], "embeds": [], "pinned": false, "type": 250,
        "flags": (1u64 << 15) | (1u64 << 40),
        "components": [{"type": 99, "anything": [1, 2]}]
    });
    let m = round_trip(&json);
    assert_eq!(m.kind, MessageType::Unknown(250));
    assert!(m.flags().contains(MessageFlags::IS_COMPONENTS_V2));
    assert_eq!(m.flags().bits(), (1 << 15) | (1 << 40));
    assert_eq!(MessageFlags::IS_COMPONENTS_V2.bits(), 32768);
    match &m.components[0] {
        Component::Unknown(raw) => assert_eq!(raw["anything"][1], 2),
        other => panic!("expected unknown, got {other:?}"),
    }
    let back = serde_json::to_value(&m).unwrap();
    assert_eq!(back["components"][0]["type"], 99);
}

#[test]
fn enum_values_beyond_a_byte_are_kept() {
    // Discord declares its enum fields int32; a value past 255 must not fail the message
    for value in [256_i64, 65_535, 1 << 31, -1] {
        let json = serde_json::json!({
            "id": "1", "channel_id": "2",
            "author": {"id": "4", "username": "a", "discriminator": "0", "avatar": null,
                       "premium_type": value},
            "content": "", "timestamp": "2024-02-27T19:50:51.701000+00:00",
            "tts": false, "mention_everyone": false, "mentions": [], "mention_roles": [],
            "attachments": [], "embeds": [], "pinned": false, "type": value,
            "components": [{"type": value, "x": 1}]
        });
        let m = round_trip(&json);
        assert_eq!(m.kind, MessageType::Unknown(value));
        assert_eq!(
            m.author.premium_type,
            Some(crate::user::PremiumType::Unknown(value))
        );
        assert_eq!(
            m.components[0].kind(),
            crate::component::ComponentType::Unknown(value)
        );
        assert_eq!(serde_json::to_value(&m).unwrap()["type"], value);
    }
}

#[test]
fn snapshots_polls_and_interaction_metadata() {
    let json = serde_json::json!({
        "id": "1", "channel_id": "2",
        "author": {"id": "4", "username": "a", "discriminator": "0", "avatar": null},
        "content": "", "timestamp": "2024-02-27T19:50:51.701000+00:00",
        "tts": false, "mention_everyone": false, "mentions": [], "mention_roles": [],
        "attachments": [{"id": "9", "filename": "a.ogg", "size": 10, "url": "u", "proxy_url": "p",
                         "duration_secs": 1.5, "waveform": "AAA", "flags": 8}],
        "embeds": [{"type": "poll_result", "fields": [{"name": "n", "value": "v", "inline": true}]}],
        "pinned": false, "type": 0,
        "message_reference": {"type": 1, "message_id": "7", "channel_id": "8"},
        "message_snapshots": [{"message": {"type": 0, "content": "fwd", "embeds": [], "attachments": [],
            "timestamp": "2024-02-27T19:50:51.701000+00:00", "edited_timestamp": null, "flags": 0,
            "mentions": [], "mention_roles": []}}],
        "interaction_metadata": {"id": "10", "type": 5, "user": {"id": "4", "username": "a", "discriminator": "0", "avatar": null},
            "authorizing_integration_owners": {"0": "11", "1": "4"},
            "triggering_interaction_metadata": {"id": "12", "type": 2,
                "user": {"id": "4", "username": "a", "discriminator": "0", "avatar": null},
                "authorizing_integration_owners": {}, "target_user": {"id": "13", "username": "t", "discriminator": "0", "avatar": null}}},
        "poll": {"question": {"text": "q?"}, "answers": [{"answer_id": 1, "poll_media": {"text": "a", "emoji": {"id": null, "name": "👍"}}}],
                 "expiry": "2024-02-28T19:50:51.701000+00:00", "allow_multiselect": false, "layout_type": 1,
                 "results": {"is_finalized": false, "answer_counts": [{"id": 1, "count": 3, "me_voted": true}]}},
        "call": {"participants": ["4"], "ended_timestamp": null},
        "role_subscription_data": {"role_subscription_listing_id": "14", "tier_name": "gold", "total_months_subscribed": 3, "is_renewal": true},
        "activity": {"type": 1, "party_id": "p"}
    });
    let m = round_trip(&json);
    assert_eq!(
        m.message_reference.as_ref().unwrap().kind,
        Some(MessageReferenceType::Forward)
    );
    assert_eq!(
        m.message_snapshots.as_ref().unwrap()[0].message.content,
        "fwd"
    );
    let meta = m.interaction_metadata.as_ref().unwrap();
    assert_eq!(meta.authorizing_integration_owners.len(), 2);
    assert_eq!(
        meta.triggering_interaction_metadata
            .as_ref()
            .unwrap()
            .target_user
            .as_ref()
            .unwrap()
            .id,
        UserId::new(13)
    );
    let poll = m.poll.as_ref().unwrap();
    assert_eq!(poll.results.as_ref().unwrap().answer_counts[0].count, 3);
    assert_eq!(m.attachments[0].flags, Some(AttachmentFlags::IS_SPOILER));
    assert_eq!(m.embeds[0].kind, Some(EmbedType::PollResult));
    assert_eq!(m.activity.as_ref().unwrap().kind, MessageActivityType::Join);
    assert!(m.role_subscription_data.as_ref().unwrap().is_renewal);
}

#[test]
fn embed_text_length_counts_chars() {
    let e = Embed::new()
        .title("é")
        .description("ab")
        .field("n", "vv", false)
        .footer("f")
        .author("au");
    assert_eq!(e.text_length(), 1 + 2 + 1 + 2 + 1 + 2);
}

#[test]
fn json_reader_agrees_with_serde_json() {
    for file in [
        "captured-accord-jl/accordjl-gateway_message_create.json",
        "captured-accord-jl/accordjl-gateway_message_update.json",
    ] {
        for frame in payload(file).as_array().unwrap() {
            let expected: Message = serde_json::from_value(frame["d"].clone()).unwrap();
            let bytes = serde_json::to_vec(&frame["d"]).unwrap();
            let parsed: Message = crate::json::from_slice(&bytes).unwrap();
            assert_eq!(parsed, expected);
        }
    }
    let bytes = serde_json::to_vec(&payload(
        "docs/docs-components-reference-container-examples-message-example.json",
    ))
    .unwrap();
    let body: crate::request::CreateMessage = crate::json::from_slice(&bytes).unwrap();
    assert!(!body.components.is_empty());
}

#[test]
fn shared_client_theme_body_parses() {
    let raw = payload("docs/docs-resources-message-example-shared-client-theme.json");
    let body: crate::request::CreateMessage = serde_json::from_value(raw.clone()).unwrap();
    let theme = body.shared_client_theme.as_ref().unwrap();
    assert_eq!(theme.colors.len(), 5);
    assert_eq!(theme.base_theme, Some(BaseThemeType::Dark));
    assert_eq!(serde_json::to_value(&body).unwrap(), raw);
    crate::request::Validate::validate(&body).unwrap();
}

#[test]
fn docs_request_body_example_parses() {
    let raw = payload("docs/docs-resources-message-example-request-body-application-json.json");
    let body: crate::request::CreateMessage = serde_json::from_value(raw).unwrap();
    assert!(body.content.is_some());
    crate::request::Validate::validate(&body).unwrap();
}

#[test]
fn json_reader_parses_mentions_with_members() {
    let json = serde_json::json!({
        "id": "1", "channel_id": "2", "guild_id": "3",
        "author": {"id": "4", "username": "a", "discriminator": "0", "avatar": null},
        "content": "<@5>", "timestamp": "2024-02-27T19:50:51.701000+00:00",
        "tts": false, "mention_everyone": false,
        "mentions": [{"id": "5", "username": "b", "discriminator": "0", "avatar": null, "public_flags": 64,
                      "member": {"roles": ["6"], "joined_at": "2024-02-27T19:50:51.701000+00:00", "deaf": false, "mute": false, "nick": "bee"}}],
        "mention_roles": [], "attachments": [], "embeds": [], "pinned": false, "type": 0,
        "components": [{"type": 1, "components": [{"type": 2, "style": 1, "custom_id": "c", "label": "l"}]}]
    });
    let expected: Message = serde_json::from_value(json.clone()).unwrap();
    let bytes = serde_json::to_vec(&json).unwrap();
    let parsed: Message = crate::json::from_slice(&bytes).unwrap();
    assert_eq!(parsed, expected);
    assert_eq!(
        parsed.mentions[0].member.as_ref().unwrap().nick.as_deref(),
        Some("bee")
    );
    assert_eq!(parsed.components[0].children()[0].custom_id(), Some("c"));
}

#[test]
fn embeds_from_other_bots_without_their_texts_keep_the_message() {
    // link previews and other bots' embeds: Discord has sent each of these partial objects
    let json = serde_json::json!({
        "id": "1", "channel_id": "2",
        "author": {"id": "4", "username": "a", "discriminator": "0", "avatar": null},
        "content": "", "timestamp": "2024-02-27T19:50:51.701000+00:00",
        "tts": false, "mention_everyone": false, "mentions": [], "mention_roles": [],
        "attachments": [], "pinned": false, "type": 0,
        "embeds": [{
            "type": "rich",
            "author": {"url": "https://example.com"},
            "fields": [{"inline": true}, {"name": null, "value": "v"}],
            "footer": {"icon_url": "https://example.com/i.png"},
            "thumbnail": {"width": 10, "height": 10},
            "image": {"url": null}
        }]
    });
    let m = round_trip(&json);
    let embed = &m.embeds[0];
    assert_eq!(embed.author.as_ref().unwrap().name, "");
    assert_eq!(embed.fields.len(), 2);
    assert_eq!(
        (
            embed.fields[0].name.as_str(),
            embed.fields[0].value.as_str()
        ),
        ("", "")
    );
    assert_eq!(embed.fields[1].value, "v");
    assert_eq!(embed.footer.as_ref().unwrap().text, "");
    assert_eq!(embed.thumbnail.as_ref().unwrap().width, Some(10));
    assert_eq!(embed.image.as_ref().unwrap().url, "");
}

#[test]
fn a_mention_reads_its_member_wherever_the_key_is() {
    use crate::message::MentionedUser;
    let member = r#"{"roles": ["6"], "joined_at": "2024-02-27T19:50:51.701000+00:00", "deaf": false, "mute": false, "nick": "bee"}"#;
    let cases = [
        format!(r#"{{"member": {member}, "id": "5", "username": "b", "discriminator": "0"}}"#),
        format!(r#"{{"id": "5", "username": "b", "member": {member}, "discriminator": "0"}}"#),
        format!(r#"{{"id": "5", "username": "b", "discriminator": "0", "member": {member}}}"#),
        // An escaped key is not borrowed from the input.
        format!(r#"{{"id": "5", "username": "b", "discriminator": "0", "mem\u0062er": {member}}}"#),
    ];
    for json in &cases {
        let from_serde_json: MentionedUser = serde_json::from_str(json).unwrap();
        let bytes = json.clone().into_bytes();
        let from_reader: MentionedUser = crate::json::from_slice(&bytes).unwrap();
        assert_eq!(from_serde_json, from_reader, "{json}");
        assert_eq!(from_reader.id, UserId::new(5), "{json}");
        assert_eq!(from_reader.username, "b");
        let member = from_reader.member.as_ref().expect(json);
        assert_eq!(member.nick.as_deref(), Some("bee"));
        // It writes back as Discord sends it: the user's keys with `member` beside them.
        let again: MentionedUser =
            serde_json::from_value(serde_json::to_value(&from_reader).unwrap()).unwrap();
        assert_eq!(again, from_reader);
    }
    for json in [
        r#"{"id": "5", "username": "b", "discriminator": "0"}"#,
        r#"{"id": "5", "username": "b", "discriminator": "0", "member": null}"#,
    ] {
        let mention: MentionedUser = serde_json::from_str(json).unwrap();
        assert_eq!(mention.member, None, "{json}");
        assert_eq!(mention.username, "b");
    }
    // A malformed member fails the mention with serde's message, as the flattened form did.
    let error = serde_json::from_str::<MentionedUser>(
        r#"{"id": "5", "username": "b", "member": {"roles": 7}}"#,
    )
    .unwrap_err();
    assert!(error.to_string().contains("invalid type"), "{error}");
    assert!(serde_json::from_str::<MentionedUser>("[1]").is_err());
}
