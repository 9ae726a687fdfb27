//! Guild model tests over Discord's documented examples and captured payloads.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::*;

macro_rules! docs {
    ($name:literal) => {
        include_str!(concat!(
            "../../../testdata/discord-api/payloads/docs/",
            $name
        ))
    };
}

macro_rules! captured {
    ($name:literal) => {
        include_str!(concat!(
            "../../../testdata/discord-api/payloads/captured-accord-jl/",
            $name
        ))
    };
}

/// Parses, re-serialises and re-parses; the two values must be equal.
fn parse<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(text: &str) -> T {
    let v: T = serde_json::from_str(text).unwrap();
    let again: T = serde_json::from_str(&serde_json::to_string(&v).unwrap()).unwrap();
    assert_eq!(again, v);
    v
}

#[test]
fn docs_guild() {
    let g: Guild = parse(docs!("docs-resources-guild-example-guild.json"));
    assert_eq!(g.name, "Discord Testers");
    assert_eq!(g.verification_level, VerificationLevel::High);
    assert_eq!(
        g.explicit_content_filter,
        ExplicitContentFilterLevel::AllMembers
    );
    assert_eq!(g.premium_tier, PremiumTier::Tier3);
    assert!(g.has_feature(&GuildFeature::Community));
    assert_eq!(g.preferred_locale, Some(crate::common::Locale::EnglishUs));
    let g2: Guild = parse(docs!(
        "docs-resources-guild-get-guild-example-response.json"
    ));
    assert_ne!(g2.id, GuildId::default());
}

#[test]
fn docs_partial_guild_from_current_user_guilds() {
    let g: Guild = parse(docs!("docs-resources-user-example-partial-guild.json"));
    assert_eq!(g.owner, Some(true));
    assert_eq!(g.permissions.unwrap().bits(), 36_953_089);
    assert_eq!(g.approximate_member_count, Some(3268));
}

#[test]
#[allow(clippy::many_single_char_names)]
fn docs_guild_satellites() {
    let p: GuildPreview = parse(docs!("docs-resources-guild-example-guild-preview.json"));
    assert_eq!(p.approximate_presence_count, 20034);
    let w: GuildWidget = parse(docs!("docs-resources-guild-example-guild-widget.json"));
    assert_eq!(w.channels.len(), 2);
    assert_eq!(w.members[0].status, "online");
    let s: GuildWidgetSettings = parse(docs!(
        "docs-resources-guild-example-guild-widget-settings.json"
    ));
    assert!(s.enabled);
    let ws: WelcomeScreen = parse(docs!("docs-resources-guild-example-welcome-screen.json"));
    assert_eq!(ws.welcome_channels.len(), 5);
    let o: Onboarding = parse(docs!("docs-resources-guild-example-guild-onboarding.json"));
    assert_eq!(o.prompts[0].kind, OnboardingPromptType::MultipleChoice);
    assert_eq!(o.prompts[0].options[1].emoji.as_ref().unwrap().id, None);
    let b: Ban = parse(docs!("docs-resources-guild-example-ban.json"));
    assert_eq!(b.reason.as_deref(), Some("mentioning b1nzy"));
    let i: IncidentsData = parse(docs!("docs-resources-guild-example-incidents-data.json"));
    assert!(i.invites_disabled_until.is_some() && i.dms_disabled_until.is_none());
    let u: UnavailableGuild = parse(docs!("docs-resources-guild-example-unavailable-guild.json"));
    assert!(u.unavailable);
    let c: RoleMemberCounts = serde_json::from_str(docs!(
        "docs-resources-guild-get-guild-role-member-counts-example-response.json"
    ))
    .unwrap();
    assert_eq!(c[&RoleId::new(613_425_648_685_547_541)], 1337);
}

#[test]
fn docs_template() {
    let t: GuildTemplate = parse(docs!(
        "docs-resources-guild-template-example-guild-template-object.json"
    ));
    let g = &t.serialized_source_guild;
    assert_eq!(g.roles[0].name, "@everyone");
    assert_eq!(g.roles[0].permissions.bits(), 104_324_689);
    assert_eq!(g.channels.as_ref().map(Vec::len), Some(2));
    assert_eq!(g.system_channel_id, Some(ChannelId::new(2)));
}

#[test]
fn captured_rest_guild() {
    let v: Vec<Guild> = parse(captured!("accordjl-rest_get_guild.json"));
    assert!(!v[0].roles.is_empty());
}

#[derive(Deserialize, Serialize, PartialEq, Debug)]
struct Frame<T> {
    d: T,
}

#[test]
fn captured_guild_create() {
    let frames: Vec<Frame<Guild>> = parse(captured!("accordjl-gateway_guild_create.json"));
    for f in &frames {
        let g = &f.d;
        assert!(g.joined_at.is_some());
        assert_eq!(g.large, Some(false));
        assert!(g.member_count.unwrap() > 0);
        assert!(!g.channels.as_ref().unwrap().is_empty());
        assert!(!g.members.as_ref().unwrap().is_empty());
    }
}

#[test]
fn unknown_values_survive() {
    let g: Guild = serde_json::from_str(
        r#"{"id":"1","verification_level":9,"features":["SHINY_NEW"],"system_channel_flags":128,"brand_new_field":{"x":1}}"#,
    )
    .unwrap();
    assert_eq!(g.verification_level, VerificationLevel::Unknown(9));
    assert_eq!(g.features, vec![GuildFeature::Unknown("SHINY_NEW".into())]);
    assert_eq!(g.system_channel_flags.bits(), 128);
}

/// Parses with the model's JSON reader (the gateway's parser) and checks it agrees with serde_json.
fn reader_equals_serde<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(text: &str) {
    let bytes = text.as_bytes().to_vec();
    let fast: T = crate::json::from_slice(&bytes).unwrap();
    let slow: T = serde_json::from_str(text).unwrap();
    if fast != slow {
        let (a, b) = (
            serde_json::to_value(&fast).unwrap(),
            serde_json::to_value(&slow).unwrap(),
        );
        panic!(
            "the JSON reader and serde_json differ at {}",
            first_difference(&a, &b, String::new())
        );
    }
}

fn first_difference(left: &serde_json::Value, right: &serde_json::Value, path: String) -> String {
    use serde_json::Value;
    match (left, right) {
        (Value::Object(lhs), Value::Object(rhs)) => {
            for (key, value) in lhs {
                if rhs.get(key) != Some(value) {
                    return match rhs.get(key) {
                        Some(other) => first_difference(value, other, format!("{path}.{key}")),
                        None => format!("{path}.{key} (missing on the right)"),
                    };
                }
            }
            format!("{path} (extra keys on the right)")
        }
        (Value::Array(lhs), Value::Array(rhs)) if lhs.len() == rhs.len() => {
            for (i, (value, other)) in lhs.iter().zip(rhs).enumerate() {
                if value != other {
                    return first_difference(value, other, format!("{path}[{i}]"));
                }
            }
            path
        }
        _ => format!("{path}: {left} vs {right}"),
    }
}

#[test]
fn json_reader_agrees() {
    reader_equals_serde::<Guild>(docs!("docs-resources-guild-example-guild.json"));
    reader_equals_serde::<GuildTemplate>(docs!(
        "docs-resources-guild-template-example-guild-template-object.json"
    ));
    reader_equals_serde::<RoleMemberCounts>(docs!(
        "docs-resources-guild-get-guild-role-member-counts-example-response.json"
    ));
    reader_equals_serde::<crate::application::Application>(docs!(
        "docs-resources-application-example-application-object.json"
    ));
    reader_equals_serde::<crate::role::RoleTags>(r#"{"premium_subscriber":null,"bot_id":"1"}"#);
    reader_equals_serde::<crate::presence::Activity>(
        r#"{"name":"x","type":0,"buttons":["a",{"label":"b","url":"c"}]}"#,
    );
    reader_equals_serde::<crate::audit_log::AuditLogEntry>(
        r#"{"id":"1","action_type":24,"changes":[{"key":"nick","new_value":{"a":[1,null]}}]}"#,
    );
}

/// The second captured GUILD_CREATE holds a soundboard volume of `0.9843569397926331`. The model's
/// JSON reader reads it exactly; serde_json without its `float_roundtrip` feature reads the neighbouring
/// float `...332`, so the two parsers are compared field by field except for that value.
#[test]
fn json_reader_guild_create() {
    let text = captured!("accordjl-gateway_guild_create.json");
    let fast: Vec<Frame<Guild>> = crate::json::from_slice(text.as_bytes()).unwrap();
    let mut slow: Vec<Frame<Guild>> = serde_json::from_str(text).unwrap();
    let sounds = |f: &[Frame<Guild>]| -> Vec<f64> {
        f.iter()
            .flat_map(|f| f.d.soundboard_sounds.iter().flatten().map(|s| s.volume))
            .collect()
    };
    assert!(sounds(&fast).contains(&0.984_356_939_792_633_1));
    for (s, f) in slow.iter_mut().zip(&fast) {
        for (a, b) in
            s.d.soundboard_sounds
                .iter_mut()
                .flatten()
                .zip(f.d.soundboard_sounds.iter().flatten())
        {
            assert!((a.volume - b.volume).abs() < 1e-12);
            a.volume = b.volume;
        }
    }
    assert_eq!(fast, slow);
}

/// Adds an unknown field to every JSON object (except id-keyed maps, whose keys are data).
fn with_unknown_fields(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let is_id_map =
                !map.is_empty() && map.keys().all(|k| k.bytes().all(|b| b.is_ascii_digit()));
            for v in map.values_mut() {
                with_unknown_fields(v);
            }
            if !is_id_map {
                map.insert(
                    "field_from_the_future".into(),
                    serde_json::json!({"x": [1, null]}),
                );
            }
        }
        Value::Array(items) => items.iter_mut().for_each(with_unknown_fields),
        _ => {}
    }
}

fn parses_with_unknown_fields<T: DeserializeOwned + PartialEq + std::fmt::Debug>(text: &str) {
    let plain: T = serde_json::from_str(text).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
    with_unknown_fields(&mut value);
    let extended: T = serde_json::from_value(value).unwrap();
    assert_eq!(extended, plain);
}

#[test]
fn unknown_fields_everywhere_are_ignored() {
    use crate::{application, audit_log, auto_moderation, emoji, invite, member, monetization};
    use crate::{presence, role, soundboard, stage_instance, sticker, user, voice, webhook};
    parses_with_unknown_fields::<Guild>(docs!("docs-resources-guild-example-guild.json"));
    parses_with_unknown_fields::<Vec<Frame<Guild>>>(captured!(
        "accordjl-gateway_guild_create.json"
    ));
    parses_with_unknown_fields::<GuildTemplate>(docs!(
        "docs-resources-guild-template-example-guild-template-object.json"
    ));
    parses_with_unknown_fields::<Onboarding>(docs!(
        "docs-resources-guild-example-guild-onboarding.json"
    ));
    parses_with_unknown_fields::<GuildWidget>(docs!(
        "docs-resources-guild-example-guild-widget.json"
    ));
    parses_with_unknown_fields::<application::Application>(docs!(
        "docs-resources-application-example-application-object.json"
    ));
    parses_with_unknown_fields::<user::User>(docs!("docs-resources-user-example-user.json"));
    parses_with_unknown_fields::<member::Member>(docs!(
        "docs-resources-guild-example-guild-member.json"
    ));
    parses_with_unknown_fields::<role::Role>(docs!("docs-topics-permissions-example-role.json"));
    parses_with_unknown_fields::<emoji::Emoji>(docs!("docs-resources-emoji-emoji-example.json"));
    parses_with_unknown_fields::<sticker::Sticker>(docs!(
        "docs-resources-sticker-example-sticker.json"
    ));
    parses_with_unknown_fields::<invite::Invite>(docs!(
        "docs-resources-invite-example-invite-object.json"
    ));
    parses_with_unknown_fields::<webhook::Webhook>(docs!(
        "docs-resources-webhook-example-channel-follower-webhook.json"
    ));
    parses_with_unknown_fields::<auto_moderation::AutoModerationRule>(docs!(
        "docs-resources-auto-moderation-example-auto-moderation-rule.json"
    ));
    parses_with_unknown_fields::<presence::Activity>(docs!(
        "docs-events-gateway-events-example-activity-with-rich-presence.json"
    ));
    parses_with_unknown_fields::<voice::VoiceState>(docs!(
        "docs-resources-voice-example-voice-state.json"
    ));
    parses_with_unknown_fields::<stage_instance::StageInstance>(docs!(
        "docs-resources-stage-instance-example-stage-instance.json"
    ));
    parses_with_unknown_fields::<soundboard::SoundboardSound>(docs!(
        "docs-resources-soundboard-example-guild-soundboard-sound.json"
    ));
    parses_with_unknown_fields::<monetization::Sku>(docs!("docs-resources-sku-sku-example.json"));
    parses_with_unknown_fields::<monetization::Subscription>(docs!(
        "docs-resources-subscription-subscription-example.json"
    ));
    parses_with_unknown_fields::<audit_log::AuditLogEntry>(
        r#"{"id":"1","action_type":24,"options":{"count":"1"},"changes":[{"key":"nick","new_value":"b"}]}"#,
    );
}
