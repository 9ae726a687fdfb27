use super::*;
use crate::interaction::InteractionResponse;
use crate::request::{CreateMessage, Validate};

fn payload(path: &str) -> serde_json::Value {
    let full = format!(
        "{}/../testdata/discord-api/payloads/docs/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    serde_json::from_str(&text).unwrap()
}

/// Serialised JSON with `"animated": false` removed (the emoji model always writes it).
fn normalized<T: serde::Serialize>(value: &T) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                if map.get("animated") == Some(&serde_json::Value::Bool(false)) {
                    map.remove("animated");
                }
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(value).unwrap();
    strip(&mut v);
    v
}

fn docs_files(suffix: &str) -> Vec<String> {
    let dir = format!(
        "{}/../testdata/discord-api/payloads/docs",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("docs-components-") && n.ends_with(suffix))
        .collect();
    out.sort();
    out
}

#[test]
fn message_examples_parse_round_trip_and_validate() {
    let mut files = docs_files("message-example.json");
    files.extend([
        "docs-components-using-message-components-nesting-components-with-layout-components.json"
            .to_owned(),
        "docs-components-using-message-components-sending-a-message-with-a-component.json"
            .to_owned(),
        "docs-components-using-message-components-sending-a-message-with-multiple-components.json"
            .to_owned(),
        "docs-components-reference-legacy-message-component-behavior.json".to_owned(),
    ]);
    assert!(files.len() >= 15, "{files:?}");
    for file in files {
        let raw = payload(&file);
        let body: CreateMessage =
            serde_json::from_value(raw.clone()).unwrap_or_else(|e| panic!("{file}: {e}"));
        // Nothing is lost: serialising gives back the same JSON.
        assert_eq!(normalized(&body), raw, "{file}");
        for c in &body.components {
            assert!(!matches!(c, Component::Unknown(_)), "{file}: {c:?}");
        }
        body.validate().unwrap_or_else(|e| panic!("{file}: {e}"));
    }
}

#[test]
fn modal_examples_parse_round_trip_and_validate() {
    let mut files = docs_files("modal-example.json");
    files.push("docs-components-using-modal-components-displaying-a-modal.json".to_owned());
    assert!(files.len() >= 10, "{files:?}");
    for file in files {
        let raw = payload(&file);
        let body: InteractionResponse =
            serde_json::from_value(raw.clone()).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(matches!(body, InteractionResponse::Modal(_)), "{file}");
        assert_eq!(normalized(&body), raw, "{file}");
        body.validate().unwrap_or_else(|e| panic!("{file}: {e}"));
    }
}

#[test]
fn every_known_type_round_trips_through_the_enum() {
    let components: Vec<Component> = vec![
        ActionRow::new([Button::primary("a", "A")]).into(),
        Button::link("https://x.y", "L").into(),
        Button::premium(crate::SkuId::new(5)).into(),
        SelectMenu::string("s", [SelectOption::new("l", "v")]),
        SelectMenu::user("u"),
        SelectMenu::role("r"),
        SelectMenu::mentionable("m"),
        SelectMenu::channel("c", [crate::channel::ChannelType::GuildText]),
        TextInput::short("t").placeholder("p").into(),
        Section::new([TextDisplay::new("x")], Thumbnail::new("https://x.y/i.png")).into(),
        TextDisplay::new("hello").into(),
        Thumbnail::new("https://x.y/i.png").into(),
        MediaGallery::new(["https://x.y/1.png", "https://x.y/2.png"]).into(),
        File::attachment("a.zip").into(),
        Separator::new().spacing(SeparatorSpacing::Large).into(),
        Container::new([TextDisplay::new("in")])
            .accent_color(0x00ff_0000)
            .into(),
        Label::new("lbl", TextInput::paragraph("p")).into(),
        FileUpload::new("f").into(),
        RadioGroup {
            custom_id: "rg".into(),
            options: vec![GroupOption::new("a", "a"), GroupOption::new("b", "b")],
            ..RadioGroup::default()
        }
        .into(),
        CheckboxGroup {
            custom_id: "cg".into(),
            options: vec![GroupOption::new("a", "a")],
            ..CheckboxGroup::default()
        }
        .into(),
        Checkbox {
            custom_id: "cb".into(),
            default: Some(true),
            ..Checkbox::default()
        }
        .into(),
    ];
    let expected = [
        1i64, 2, 2, 3, 5, 6, 7, 8, 4, 9, 10, 11, 12, 13, 14, 17, 18, 19, 21, 22, 23,
    ];
    for (c, ty) in components.iter().zip(expected) {
        let json = serde_json::to_value(c).unwrap();
        assert_eq!(json["type"], ty, "{c:?}");
        let back: Component = serde_json::from_value(json).unwrap();
        assert_eq!(&back, c);
        assert_eq!(back.kind().value(), ty);
    }
}

#[test]
fn modal_submission_values_parse() {
    let json = serde_json::json!([
        {"type": 18, "id": 1, "component": {"type": 4, "id": 2, "custom_id": "name", "value": "Ann"}},
        {"type": 18, "id": 3, "component": {"type": 3, "id": 4, "custom_id": "pick", "values": ["a", "b"]}},
        {"type": 18, "id": 5, "component": {"type": 19, "id": 6, "custom_id": "up", "values": ["111"]}},
        {"type": 18, "id": 7, "component": {"type": 21, "id": 8, "custom_id": "radio", "value": null}},
        {"type": 18, "id": 9, "component": {"type": 23, "id": 10, "custom_id": "check", "value": true}},
        {"type": 10, "id": 11, "content": "read me"}
    ]);
    let parsed: Vec<Component> = serde_json::from_value(json).unwrap();
    let Component::Label(l) = &parsed[0] else {
        panic!()
    };
    let Component::TextInput(t) = l.component.as_ref() else {
        panic!()
    };
    assert_eq!(t.value.as_deref(), Some("Ann"));
    let Component::Label(l) = &parsed[2] else {
        panic!()
    };
    let Component::FileUpload(f) = l.component.as_ref() else {
        panic!()
    };
    assert_eq!(
        f.values.as_deref(),
        Some(&[crate::AttachmentId::new(111)][..])
    );
    let Component::Label(l) = &parsed[4] else {
        panic!()
    };
    assert_eq!(l.component.custom_id(), Some("check"));
    let mut ids = Vec::new();
    for c in &parsed {
        c.walk(&mut |c| ids.extend(c.id()));
    }
    assert_eq!(ids, (1..=11).collect::<Vec<_>>());
}

#[test]
fn missing_or_bad_type_is_an_error_not_a_panic() {
    assert!(serde_json::from_value::<Component>(serde_json::json!({"label": "x"})).is_err());
    assert!(serde_json::from_value::<Component>(serde_json::json!({"type": "x"})).is_err());
    assert!(serde_json::from_value::<Component>(serde_json::json!({"type": 2})).is_err());
    let big: Component = serde_json::from_value(serde_json::json!({"type": 300, "x": 1})).unwrap();
    assert!(matches!(big, Component::Unknown(_)));
    assert_eq!(big.kind(), ComponentType::Unknown(300));
}

/// The same component with `type` first (as Discord writes it), in the middle and last, read by
/// serde_json and by the model's JSON reader: the same value every time.
#[test]
fn type_anywhere_in_the_object_reads_the_same() {
    let button = |order: usize| {
        let fields = [
            r#""type": 2"#,
            r#""style": 1"#,
            r#""label": "Vote \"yes\"""#,
            r#""custom_id": "vote:1""#,
            r#""emoji": {"name": "👍"}"#,
        ];
        let mut fields = fields.to_vec();
        let kind = fields.remove(0);
        fields.insert(order.min(fields.len()), kind);
        format!("{{{}}}", fields.join(", "))
    };
    let expected: Component = serde_json::from_str(&button(0)).unwrap();
    assert_eq!(expected.custom_id(), Some("vote:1"));
    for order in 0..5 {
        for row_type_first in [true, false] {
            let children = format!("[{}, {}]", button(order), button(4 - order));
            let row = if row_type_first {
                format!(r#"{{"type": 1, "id": 7, "components": {children}}}"#)
            } else {
                format!(r#"{{"components": {children}, "id": 7, "type": 1}}"#)
            };
            let from_serde_json: Component = serde_json::from_str(&row).unwrap();
            let bytes = row.clone().into_bytes();
            let from_reader: Component = crate::json::from_slice(&bytes).unwrap();
            assert_eq!(from_serde_json, from_reader, "{row}");
            assert_eq!(from_reader.id(), Some(7));
            assert_eq!(from_reader.children(), vec![&expected, &expected], "{row}");
        }
    }
    // An unknown type keeps every key, `type` included, wherever it was.
    for json in [r#"{"type": 300, "x": 1}"#, r#"{"x": 1, "type": 300}"#] {
        let bytes = json.as_bytes().to_vec();
        let unknown: Component = crate::json::from_slice(&bytes).unwrap();
        assert_eq!(
            unknown,
            Component::Unknown(serde_json::json!({"type": 300, "x": 1}))
        );
        assert_eq!(unknown.kind(), ComponentType::Unknown(300));
    }
    // Not an object, or an empty one: an error.
    for json in ["[2]", "2", "{}", r#"{"type": null, "style": 1}"#] {
        let bytes = json.as_bytes().to_vec();
        assert!(
            crate::json::from_slice::<Component>(&bytes).is_err(),
            "{json}"
        );
        assert!(serde_json::from_str::<Component>(json).is_err(), "{json}");
    }
}
