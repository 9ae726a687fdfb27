//! Every request type the client sends declares only fields Discord documents: the field names
//! of each `asyncord_model::request` type (read from its serde declaration) must all be
//! properties of the request body schemas of the operations it is sent to, in Discord's OpenAPI
//! spec. The conformance run checks the bodies it sends (closed objects); this checks the
//! fields no call of the run happens to set.

use std::collections::BTreeSet;

use asyncord_model::request::*;
use asyncord_tests::openapi::Spec;
use serde::Deserialize;
use serde::de::value::Error;
use serde::de::{Deserializer, Error as _, Visitor};
use serde::forward_to_deserialize_any;

/// A deserializer that only records the field names a derived struct asks for.
struct FieldNames<'a>(&'a mut Option<&'static [&'static str]>);

impl<'de> Deserializer<'de> for FieldNames<'_> {
    type Error = Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Error> {
        *self.0 = Some(fields);
        Err(Error::custom("field names recorded"))
    }

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Error> {
        Err(Error::custom("not a struct"))
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// The field names `T` reads and writes (its serde names, after renames).
fn field_names<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut names = None;
    let _ = T::deserialize(FieldNames(&mut names));
    names.unwrap_or_else(|| panic!("{} is not a struct", std::any::type_name::<T>()))
}

/// The properties the request bodies of `operations` declare (every media type, every
/// variant of a union).
fn declared(spec: &Spec, operations: &[&str]) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for id in operations {
        let op = spec
            .operations()
            .iter()
            .find(|op| op.id == *id)
            .unwrap_or_else(|| panic!("no operation {id} in the spec"));
        let body = op
            .request_body
            .as_ref()
            .unwrap_or_else(|| panic!("{id} takes no body"));
        for schema in body.content.values() {
            names.extend(
                spec.property_names_of(schema)
                    .into_iter()
                    .map(str::to_owned),
            );
        }
    }
    names
}

/// Checks each of `fields` of `ty` against the properties `declared` by `place`, recording the
/// ones missing in `failures`; returns how many fields were checked.
fn compare(
    ty: &str,
    fields: &[&str],
    declared: &BTreeSet<String>,
    place: &str,
    failures: &mut Vec<String>,
) -> usize {
    for field in fields {
        if !declared.contains(*field) {
            failures.push(format!("{ty}.{field}: not a field of {place}"));
        }
    }
    fields.len()
}

#[test]
fn request_types_declare_only_documented_fields() {
    let spec = Spec::load();
    let mut failures = Vec::new();
    let mut checked = 0;
    macro_rules! check {
        ($ty:ty, [$($op:literal),+]) => {{
            checked += compare(
                stringify!($ty),
                field_names::<$ty>(),
                &declared(spec, &[$($op),+]),
                &[$($op),+].join(" / "),
                &mut failures,
            );
        }};
    }
    {
        check!(ActionJoinRequest, ["action_guild_join_request"]);
        check!(AddGroupDmRecipient, ["add_group_dm_user"]);
        check!(AddGuildMember, ["add_guild_member"]);
        check!(BeginGuildPrune, ["prune_guild"]);
        check!(BulkBan, ["bulk_ban_users_from_guild"]);
        check!(BulkDeleteMessages, ["bulk_delete_messages"]);
        check!(CreateAutoModerationRule, ["create_auto_moderation_rule"]);
        check!(CreateChannelInvite, ["create_channel_invite"]);
        check!(
            CreateCommand,
            [
                "create_application_command",
                "create_guild_application_command"
            ]
        );
        check!(CreateDm, ["create_dm"]);
        check!(CreateGroupDm, ["create_dm"]);
        check!(
            CreateEmoji,
            ["create_application_emoji", "create_guild_emoji"]
        );
        check!(CreateGuildBan, ["ban_user_from_guild"]);
        check!(CreateGuildChannel, ["create_guild_channel"]);
        check!(CreateMessage, ["create_message"]);
        check!(CreateRole, ["create_guild_role"]);
        check!(CreateScheduledEvent, ["create_guild_scheduled_event"]);
        check!(
            CreateScheduledEventException,
            ["create_guild_scheduled_event_exception"]
        );
        check!(CreateSoundboardSound, ["create_guild_soundboard_sound"]);
        check!(CreateStageInstance, ["create_stage_instance"]);
        check!(CreateTestEntitlement, ["create_entitlement"]);
        check!(CreateWebhook, ["create_webhook"]);
        check!(EditChannelPermissions, ["set_channel_permission_overwrite"]);
        check!(
            EditCommand,
            [
                "update_application_command",
                "update_guild_application_command"
            ]
        );
        check!(
            EditCommandPermissions,
            ["set_guild_application_command_permissions"]
        );
        check!(EditMessage, ["update_message"]);
        check!(
            EditWebhookMessage,
            ["update_webhook_message", "update_original_webhook_message"]
        );
        check!(ExecuteWebhook, ["execute_webhook"]);
        check!(FollowAnnouncementChannel, ["follow_channel"]);
        check!(
            GuildTemplateBody,
            ["create_guild_template", "update_guild_template"]
        );
        check!(ModifyApplicationEmoji, ["update_application_emoji"]);
        check!(ModifyAutoModerationRule, ["update_auto_moderation_rule"]);
        check!(
            ModifyCurrentApplication,
            ["update_application", "update_my_application"]
        );
        check!(ModifyCurrentMember, ["update_my_guild_member"]);
        check!(ModifyCurrentUser, ["update_my_user"]);
        check!(ModifyEmoji, ["update_guild_emoji"]);
        check!(ModifyGroupDm, ["update_channel"]);
        check!(ModifyGuild, ["update_guild"]);
        check!(ModifyGuildChannel, ["update_channel"]);
        check!(ModifyGuildMember, ["update_guild_member"]);
        check!(ModifyGuildWidget, ["update_guild_widget_settings"]);
        check!(ModifyIncidentActions, ["update_guild_incident_actions"]);
        check!(ModifyOnboarding, ["put_guilds_onboarding"]);
        check!(ModifyRole, ["update_guild_role"]);
        check!(ModifyScheduledEvent, ["update_guild_scheduled_event"]);
        check!(
            ModifyScheduledEventException,
            ["update_guild_scheduled_event_exception"]
        );
        check!(ModifySoundboardSound, ["update_guild_soundboard_sound"]);
        check!(ModifyStageInstance, ["update_stage_instance"]);
        check!(ModifySticker, ["update_guild_sticker"]);
        check!(ModifyThread, ["update_channel"]);
        check!(
            ModifyVoiceState,
            ["update_self_voice_state", "update_voice_state"]
        );
        check!(ModifyWebhook, ["update_webhook", "update_webhook_by_token"]);
        check!(ModifyWelcomeScreen, ["update_guild_welcome_screen"]);
        check!(SendSoundboardSound, ["send_soundboard_sound"]);
        check!(StartThreadFromMessage, ["create_thread_from_message"]);
        check!(StartThreadInForum, ["create_thread"]);
        check!(StartThreadWithoutMessage, ["create_thread"]);
    }
    // parts of bodies, against the component schema they are sent as
    macro_rules! check_part {
        ($ty:ty, $schema:literal) => {{
            let schema = serde_json::json!({ "$ref": concat!("#/components/schemas/", $schema) });
            let declared: BTreeSet<String> = spec
                .property_names_of(&schema)
                .into_iter()
                .map(str::to_owned)
                .collect();
            assert!(!declared.is_empty(), "no schema {}", $schema);
            checked += compare(
                stringify!($ty),
                field_names::<$ty>(),
                &declared,
                $schema,
                &mut failures,
            );
        }};
    }
    check_part!(AllowedMentions, "MessageAllowedMentionsRequest");
    check_part!(CreatePoll, "PollCreateRequest");
    check_part!(AttachmentMetadata, "MessageAttachmentRequest");
    assert!(checked > 300, "only {checked} fields checked");
    assert!(
        failures.is_empty(),
        "request fields Discord's spec does not declare:\n{}",
        failures.join("\n")
    );
}

#[test]
fn field_names_come_from_the_serde_declaration() {
    assert_eq!(field_names::<BulkDeleteMessages>(), ["messages"]);
    assert!(field_names::<CreateMessage>().contains(&"allowed_mentions"));
    let spec = Spec::load();
    assert!(declared(spec, &["create_message"]).contains("content"));
    assert!(!declared(spec, &["create_message"]).contains("contnet"));
}
