//! The PATCH bodies' JSON, byte for byte: every field that can be cleared, once `null` and once
//! set, read from JSON and written back. The expected strings were recorded from the bodies as
//! they were written before the patch type ([`Patch`](asyncord_model::request::Patch)) replaced
//! `Option<Option<T>>`, so this file proves that the change left the wire untouched. A default
//! body (every field unchanged) is `{}`.

use asyncord_model::request::{
    EditCommand, EditMessage, EditWebhookMessage, GuildTemplateBody, ModifyCurrentApplication,
    ModifyCurrentMember, ModifyCurrentUser, ModifyEmoji, ModifyGroupDm, ModifyGuild,
    ModifyGuildChannel, ModifyGuildMember, ModifyGuildWidget, ModifyIncidentActions, ModifyRole,
    ModifyScheduledEvent, ModifyScheduledEventException, ModifySoundboardSound, ModifySticker,
    ModifyThread, ModifyVoiceState, ModifyWebhook, ModifyWelcomeScreen,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Reads `input` as `T` and writes it back.
fn round_trip<T: Serialize + DeserializeOwned>(input: &str) -> String {
    let body: T = serde_json::from_str(input).unwrap_or_else(|e| panic!("{input}: {e}"));
    serde_json::to_string(&body).unwrap()
}

/// A default body sends no field at all.
fn empty<T: Serialize + Default>() -> String {
    serde_json::to_string(&T::default()).unwrap()
}

macro_rules! wire {
    ($($test:ident: $ty:ty { null: $null:literal => $null_out:literal, set: $set:literal => $set_out:literal })*) => {
        $(
            #[test]
            fn $test() {
                assert_eq!(empty::<$ty>(), "{}");
                assert_eq!(round_trip::<$ty>("{}"), "{}");
                assert_eq!(round_trip::<$ty>($null), $null_out);
                assert_eq!(round_trip::<$ty>($set), $set_out);
            }
        )*
    };
}

wire! {
    modify_current_application: ModifyCurrentApplication {
        null: r#"{"icon":null,"cover_image":null}"#
            => r#"{"icon":null,"cover_image":null}"#,
        set: r#"{"icon":"data:image/png;base64,iVBORw0KGgo=","cover_image":"data:image/png;base64,iVBORw0KGgo="}"#
            => r#"{"icon":"data:image/png;base64,iVBORw0KGgo=","cover_image":"data:image/png;base64,iVBORw0KGgo="}"#
    }

    modify_guild_channel: ModifyGuildChannel {
        null: r#"{"position":null,"topic":null,"nsfw":null,"rate_limit_per_user":null,"bitrate":null,"user_limit":null,"permission_overwrites":null,"parent_id":null,"rtc_region":null,"video_quality_mode":null,"default_auto_archive_duration":null,"default_reaction_emoji":null,"default_sort_order":null}"#
            => r#"{"position":null,"topic":null,"nsfw":null,"rate_limit_per_user":null,"bitrate":null,"user_limit":null,"permission_overwrites":null,"parent_id":null,"rtc_region":null,"video_quality_mode":null,"default_auto_archive_duration":null,"default_reaction_emoji":null,"default_sort_order":null}"#,
        set: r#"{"position":3,"topic":"text","nsfw":true,"rate_limit_per_user":60,"bitrate":60,"user_limit":60,"permission_overwrites":[{"id":"1","type":0,"allow":"8","deny":"0"}],"parent_id":"1","rtc_region":"text","video_quality_mode":2,"default_auto_archive_duration":60,"default_reaction_emoji":{"emoji_id":null,"emoji_name":"👍"},"default_sort_order":1}"#
            => r#"{"position":3,"topic":"text","nsfw":true,"rate_limit_per_user":60,"bitrate":60,"user_limit":60,"permission_overwrites":[{"id":"1","type":0,"allow":"8","deny":"0"}],"parent_id":"1","rtc_region":"text","video_quality_mode":2,"default_auto_archive_duration":60,"default_reaction_emoji":{"emoji_id":null,"emoji_name":"👍"},"default_sort_order":1}"#
    }

    modify_thread: ModifyThread {
        null: r#"{"rate_limit_per_user":null}"#
            => r#"{"rate_limit_per_user":null}"#,
        set: r#"{"rate_limit_per_user":60}"#
            => r#"{"rate_limit_per_user":60}"#
    }

    modify_group_dm: ModifyGroupDm {
        null: r#"{"icon":null}"#
            => r#"{"icon":null}"#,
        set: r#"{"icon":"text"}"#
            => r#"{"icon":"text"}"#
    }

    edit_command: EditCommand {
        null: r#"{"name_localizations":null,"description_localizations":null,"default_member_permissions":null}"#
            => r#"{"name_localizations":null,"description_localizations":null,"default_member_permissions":null}"#,
        set: r#"{"name_localizations":{"fr":"bonjour"},"description_localizations":{"fr":"bonjour"},"default_member_permissions":"8"}"#
            => r#"{"name_localizations":{"fr":"bonjour"},"description_localizations":{"fr":"bonjour"},"default_member_permissions":"8"}"#
    }

    modify_emoji: ModifyEmoji {
        null: r#"{"roles":null}"#
            => r#"{"roles":null}"#,
        set: r#"{"roles":["1","2"]}"#
            => r#"{"roles":["1","2"]}"#
    }

    guild_template_body: GuildTemplateBody {
        null: r#"{"description":null}"#
            => r#"{"description":null}"#,
        set: r#"{"description":"text"}"#
            => r#"{"description":"text"}"#
    }

    modify_soundboard_sound: ModifySoundboardSound {
        null: r#"{"volume":null}"#
            => r#"{"volume":null}"#,
        set: r#"{"volume":0.5}"#
            => r#"{"volume":0.5}"#
    }

    modify_voice_state: ModifyVoiceState {
        null: r#"{"request_to_speak_timestamp":null}"#
            => r#"{"request_to_speak_timestamp":null}"#,
        set: r#"{"request_to_speak_timestamp":"2030-01-01T00:00:00+00:00"}"#
            => r#"{"request_to_speak_timestamp":"2030-01-01T00:00:00.000000+00:00"}"#
    }

    modify_guild: ModifyGuild {
        null: r#"{"verification_level":null,"default_message_notifications":null,"explicit_content_filter":null,"afk_channel_id":null,"icon":null,"splash":null,"discovery_splash":null,"banner":null,"system_channel_id":null,"rules_channel_id":null,"public_updates_channel_id":null,"preferred_locale":null,"description":null,"safety_alerts_channel_id":null}"#
            => r#"{"verification_level":null,"default_message_notifications":null,"explicit_content_filter":null,"afk_channel_id":null,"icon":null,"splash":null,"discovery_splash":null,"banner":null,"system_channel_id":null,"rules_channel_id":null,"public_updates_channel_id":null,"preferred_locale":null,"description":null,"safety_alerts_channel_id":null}"#,
        set: r#"{"verification_level":3,"default_message_notifications":1,"explicit_content_filter":2,"afk_channel_id":"1","icon":"text","splash":"text","discovery_splash":"text","banner":"text","system_channel_id":"1","rules_channel_id":"1","public_updates_channel_id":"1","preferred_locale":"en-US","description":"text","safety_alerts_channel_id":"1"}"#
            => r#"{"verification_level":3,"default_message_notifications":1,"explicit_content_filter":2,"afk_channel_id":"1","icon":"text","splash":"text","discovery_splash":"text","banner":"text","system_channel_id":"1","rules_channel_id":"1","public_updates_channel_id":"1","preferred_locale":"en-US","description":"text","safety_alerts_channel_id":"1"}"#
    }

    modify_role: ModifyRole {
        null: r#"{"name":null,"permissions":null,"color":null,"colors":null,"hoist":null,"icon":null,"unicode_emoji":null,"mentionable":null}"#
            => r#"{"name":null,"permissions":null,"color":null,"colors":null,"hoist":null,"icon":null,"unicode_emoji":null,"mentionable":null}"#,
        set: r#"{"name":"text","permissions":"8","color":16711680,"colors":{"primary_color":1,"secondary_color":null,"tertiary_color":null},"hoist":true,"icon":"text","unicode_emoji":"text","mentionable":true}"#
            => r#"{"name":"text","permissions":"8","color":16711680,"colors":{"primary_color":1,"secondary_color":null,"tertiary_color":null},"hoist":true,"icon":"text","unicode_emoji":"text","mentionable":true}"#
    }

    modify_guild_member: ModifyGuildMember {
        null: r#"{"nick":null,"roles":null,"mute":null,"deaf":null,"channel_id":null,"communication_disabled_until":null,"flags":null}"#
            => r#"{"nick":null,"roles":null,"mute":null,"deaf":null,"channel_id":null,"communication_disabled_until":null,"flags":null}"#,
        set: r#"{"nick":"text","roles":["1","2"],"mute":true,"deaf":true,"channel_id":"1","communication_disabled_until":"2030-01-01T00:00:00+00:00","flags":2}"#
            => r#"{"nick":"text","roles":["1","2"],"mute":true,"deaf":true,"channel_id":"1","communication_disabled_until":"2030-01-01T00:00:00.000000+00:00","flags":2}"#
    }

    modify_current_member: ModifyCurrentMember {
        null: r#"{"nick":null,"banner":null,"avatar":null,"bio":null}"#
            => r#"{"nick":null,"banner":null,"avatar":null,"bio":null}"#,
        set: r#"{"nick":"text","banner":"text","avatar":"text","bio":"text"}"#
            => r#"{"nick":"text","banner":"text","avatar":"text","bio":"text"}"#
    }

    modify_guild_widget: ModifyGuildWidget {
        null: r#"{"channel_id":null}"#
            => r#"{"channel_id":null}"#,
        set: r#"{"channel_id":"1"}"#
            => r#"{"channel_id":"1"}"#
    }

    modify_welcome_screen: ModifyWelcomeScreen {
        null: r#"{"enabled":null,"welcome_channels":null,"description":null}"#
            => r#"{"enabled":null,"welcome_channels":null,"description":null}"#,
        set: r#"{"enabled":true,"welcome_channels":[{"channel_id":"1","description":"d","emoji_id":null,"emoji_name":"👋"}],"description":"text"}"#
            => r#"{"enabled":true,"welcome_channels":[{"channel_id":"1","description":"d","emoji_id":null,"emoji_name":"👋"}],"description":"text"}"#
    }

    modify_incident_actions: ModifyIncidentActions {
        null: r#"{"invites_disabled_until":null,"dms_disabled_until":null}"#
            => r#"{"invites_disabled_until":null,"dms_disabled_until":null}"#,
        set: r#"{"invites_disabled_until":"2030-01-01T00:00:00+00:00","dms_disabled_until":"2030-01-01T00:00:00+00:00"}"#
            => r#"{"invites_disabled_until":"2030-01-01T00:00:00.000000+00:00","dms_disabled_until":"2030-01-01T00:00:00.000000+00:00"}"#
    }

    edit_message: EditMessage {
        null: r#"{"content":null,"embeds":null,"flags":null,"allowed_mentions":null,"components":null}"#
            => r#"{"content":null,"embeds":null,"flags":null,"allowed_mentions":null,"components":null}"#,
        set: r#"{"content":"text","embeds":[{"title":"t"}],"flags":4,"allowed_mentions":{"parse":["users"]},"components":[{"type":1,"components":[{"type":2,"style":1,"label":"x","custom_id":"c"}]}]}"#
            => r#"{"content":"text","embeds":[{"title":"t"}],"flags":4,"allowed_mentions":{"parse":["users"]},"components":[{"type":1,"components":[{"type":2,"style":1,"label":"x","custom_id":"c"}]}]}"#
    }

    modify_sticker: ModifySticker {
        null: r#"{"description":null}"#
            => r#"{"description":null}"#,
        set: r#"{"description":"text"}"#
            => r#"{"description":"text"}"#
    }

    modify_current_user: ModifyCurrentUser {
        null: r#"{"avatar":null,"banner":null}"#
            => r#"{"avatar":null,"banner":null}"#,
        set: r#"{"avatar":"text","banner":"text"}"#
            => r#"{"avatar":"text","banner":"text"}"#
    }

    modify_scheduled_event: ModifyScheduledEvent {
        null: r#"{"channel_id":null,"entity_metadata":null,"scheduled_end_time":null,"description":null,"recurrence_rule":null}"#
            => r#"{"channel_id":null,"entity_metadata":null,"scheduled_end_time":null,"description":null,"recurrence_rule":null}"#,
        set: r#"{"channel_id":"1","entity_metadata":{"location":"here"},"scheduled_end_time":"2030-01-01T00:00:00+00:00","description":"text","recurrence_rule":{"start":"2030-01-01T00:00:00+00:00","frequency":2,"interval":1,"by_weekday":[0]}}"#
            => r#"{"channel_id":"1","entity_metadata":{"location":"here"},"scheduled_end_time":"2030-01-01T00:00:00.000000+00:00","description":"text","recurrence_rule":{"start":"2030-01-01T00:00:00.000000+00:00","end":null,"frequency":2,"interval":1,"by_weekday":[0],"by_n_weekday":null,"by_month":null,"by_month_day":null,"by_year_day":null,"count":null}}"#
    }

    modify_scheduled_event_exception: ModifyScheduledEventException {
        null: r#"{"scheduled_start_time":null,"scheduled_end_time":null}"#
            => r#"{"scheduled_start_time":null,"scheduled_end_time":null}"#,
        set: r#"{"scheduled_start_time":"2030-01-01T00:00:00+00:00","scheduled_end_time":"2030-01-01T00:00:00+00:00"}"#
            => r#"{"scheduled_start_time":"2030-01-01T00:00:00.000000+00:00","scheduled_end_time":"2030-01-01T00:00:00.000000+00:00"}"#
    }

    modify_webhook: ModifyWebhook {
        null: r#"{"avatar":null}"#
            => r#"{"avatar":null}"#,
        set: r#"{"avatar":"text"}"#
            => r#"{"avatar":"text"}"#
    }

    edit_webhook_message: EditWebhookMessage {
        null: r#"{"content":null,"embeds":null,"flags":null,"allowed_mentions":null,"components":null,"poll":null}"#
            => r#"{"content":null,"embeds":null,"flags":null,"allowed_mentions":null,"components":null,"poll":null}"#,
        set: r#"{"content":"text","embeds":[{"title":"t"}],"flags":4,"allowed_mentions":{"parse":["users"]},"components":[{"type":1,"components":[{"type":2,"style":1,"label":"x","custom_id":"c"}]}],"poll":{"question":{"text":"q"},"answers":[{"poll_media":{"text":"a"}}]}}"#
            => r#"{"content":"text","embeds":[{"title":"t"}],"flags":4,"allowed_mentions":{"parse":["users"]},"components":[{"type":1,"components":[{"type":2,"style":1,"label":"x","custom_id":"c"}]}],"poll":{"question":{"text":"q"},"answers":[{"poll_media":{"text":"a"}}]}}"#
    }
}
