//! The table: one constant per operation of Discord's HTTP API a bot can call, grouped by the
//! docs page that documents it, and [`ALL`] (the types are in `endpoint.rs`, the `table!` macro
//! that writes both in the [module above](super)). A line reads `NAME: Method "path"`, then what differs
//! from an operation sent with the bot token, limited as a whole and counted toward the global
//! limit.

use super::endpoint::Major;

table! {
    // Application -------------------------------------------------------------------------------
    /// [Get Current Application](https://discord.com/developers/docs/resources/application#get-current-application).
    GET_CURRENT_APPLICATION: Get "/applications/@me";
    /// [Edit Current Application](https://discord.com/developers/docs/resources/application#edit-current-application).
    EDIT_CURRENT_APPLICATION: Patch "/applications/@me";
    /// Get Application (declared by Discord's OpenAPI spec): the application by id (like Get Current Application).
    GET_APPLICATION: Get "/applications/{application_id}";
    /// Edit Application (declared by Discord's OpenAPI spec): the application by id (like Edit Current Application).
    EDIT_APPLICATION: Patch "/applications/{application_id}";
    /// [Get Application Activity Instance](https://discord.com/developers/docs/resources/application#get-application-activity-instance).
    GET_APPLICATION_ACTIVITY_INSTANCE: Get "/applications/{application_id}/activity-instances/{instance_id}";
    /// [Upload Application Attachment](https://discord.com/developers/docs/resources/application#upload-application-attachment): a file for an activity.
    UPLOAD_APPLICATION_ATTACHMENT: Post "/applications/{application_id}/attachment";

    // Application role connection metadata ------------------------------------------------------
    /// [Get Application Role Connection Metadata Records](https://discord.com/developers/docs/resources/application-role-connection-metadata#get-application-role-connection-metadata-records).
    GET_APPLICATION_ROLE_CONNECTION_METADATA_RECORDS: Get "/applications/{application_id}/role-connections/metadata";
    /// [Update Application Role Connection Metadata Records](https://discord.com/developers/docs/resources/application-role-connection-metadata#update-application-role-connection-metadata-records).
    UPDATE_APPLICATION_ROLE_CONNECTION_METADATA_RECORDS: Put "/applications/{application_id}/role-connections/metadata";

    // Application commands ----------------------------------------------------------------------
    /// [Get Global Application Commands](https://discord.com/developers/docs/interactions/application-commands#get-global-application-commands).
    GET_GLOBAL_APPLICATION_COMMANDS: Get "/applications/{application_id}/commands";
    /// [Create Global Application Command](https://discord.com/developers/docs/interactions/application-commands#create-global-application-command).
    CREATE_GLOBAL_APPLICATION_COMMAND: Post "/applications/{application_id}/commands";
    /// [Bulk Overwrite Global Application Commands](https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands).
    BULK_OVERWRITE_GLOBAL_APPLICATION_COMMANDS: Put "/applications/{application_id}/commands";
    /// [Get Global Application Command](https://discord.com/developers/docs/interactions/application-commands#get-global-application-command).
    GET_GLOBAL_APPLICATION_COMMAND: Get "/applications/{application_id}/commands/{command_id}";
    /// [Edit Global Application Command](https://discord.com/developers/docs/interactions/application-commands#edit-global-application-command).
    EDIT_GLOBAL_APPLICATION_COMMAND: Patch "/applications/{application_id}/commands/{command_id}";
    /// [Delete Global Application Command](https://discord.com/developers/docs/interactions/application-commands#delete-global-application-command).
    DELETE_GLOBAL_APPLICATION_COMMAND: Delete "/applications/{application_id}/commands/{command_id}";
    /// [Get Guild Application Commands](https://discord.com/developers/docs/interactions/application-commands#get-guild-application-commands).
    GET_GUILD_APPLICATION_COMMANDS: Get "/applications/{application_id}/guilds/{guild_id}/commands";
    /// [Create Guild Application Command](https://discord.com/developers/docs/interactions/application-commands#create-guild-application-command).
    CREATE_GUILD_APPLICATION_COMMAND: Post "/applications/{application_id}/guilds/{guild_id}/commands";
    /// [Bulk Overwrite Guild Application Commands](https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-guild-application-commands).
    BULK_OVERWRITE_GUILD_APPLICATION_COMMANDS: Put "/applications/{application_id}/guilds/{guild_id}/commands";
    /// [Get Guild Application Command](https://discord.com/developers/docs/interactions/application-commands#get-guild-application-command).
    GET_GUILD_APPLICATION_COMMAND: Get "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}";
    /// [Edit Guild Application Command](https://discord.com/developers/docs/interactions/application-commands#edit-guild-application-command).
    EDIT_GUILD_APPLICATION_COMMAND: Patch "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}";
    /// [Delete Guild Application Command](https://discord.com/developers/docs/interactions/application-commands#delete-guild-application-command).
    DELETE_GUILD_APPLICATION_COMMAND: Delete "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}";
    /// [Get Guild Application Command Permissions](https://discord.com/developers/docs/interactions/application-commands#get-guild-application-command-permissions).
    GET_GUILD_APPLICATION_COMMAND_PERMISSIONS: Get "/applications/{application_id}/guilds/{guild_id}/commands/permissions";
    /// [Get Application Command Permissions](https://discord.com/developers/docs/interactions/application-commands#get-application-command-permissions).
    GET_APPLICATION_COMMAND_PERMISSIONS: Get "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}/permissions";
    /// [Edit Application Command Permissions](https://discord.com/developers/docs/interactions/application-commands#edit-application-command-permissions).
    EDIT_APPLICATION_COMMAND_PERMISSIONS: Put "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}/permissions";

    // Audit log ---------------------------------------------------------------------------------
    /// [Get Guild Audit Log](https://discord.com/developers/docs/resources/audit-log#get-guild-audit-log).
    GET_GUILD_AUDIT_LOG: Get "/guilds/{guild_id}/audit-logs" .major(Major::GuildId);

    // Auto moderation ---------------------------------------------------------------------------
    /// [List Auto Moderation Rules for Guild](https://discord.com/developers/docs/resources/auto-moderation#list-auto-moderation-rules-for-guild).
    LIST_AUTO_MODERATION_RULES_FOR_GUILD: Get "/guilds/{guild_id}/auto-moderation/rules" .major(Major::GuildId);
    /// [Get Auto Moderation Rule](https://discord.com/developers/docs/resources/auto-moderation#get-auto-moderation-rule).
    GET_AUTO_MODERATION_RULE: Get "/guilds/{guild_id}/auto-moderation/rules/{rule_id}" .major(Major::GuildId);
    /// [Create Auto Moderation Rule](https://discord.com/developers/docs/resources/auto-moderation#create-auto-moderation-rule).
    CREATE_AUTO_MODERATION_RULE: Post "/guilds/{guild_id}/auto-moderation/rules" .major(Major::GuildId);
    /// [Modify Auto Moderation Rule](https://discord.com/developers/docs/resources/auto-moderation#modify-auto-moderation-rule).
    MODIFY_AUTO_MODERATION_RULE: Patch "/guilds/{guild_id}/auto-moderation/rules/{rule_id}" .major(Major::GuildId);
    /// [Delete Auto Moderation Rule](https://discord.com/developers/docs/resources/auto-moderation#delete-auto-moderation-rule).
    DELETE_AUTO_MODERATION_RULE: Delete "/guilds/{guild_id}/auto-moderation/rules/{rule_id}" .major(Major::GuildId);

    // Channel -----------------------------------------------------------------------------------
    /// [Get Channel](https://discord.com/developers/docs/resources/channel#get-channel).
    GET_CHANNEL: Get "/channels/{channel_id}" .major(Major::ChannelId);
    /// [Modify Channel](https://discord.com/developers/docs/resources/channel#modify-channel).
    MODIFY_CHANNEL: Patch "/channels/{channel_id}" .major(Major::ChannelId);
    /// [Delete/Close Channel](https://discord.com/developers/docs/resources/channel#deleteclose-channel).
    DELETE_CHANNEL: Delete "/channels/{channel_id}" .major(Major::ChannelId);
    /// [Edit Channel Permissions](https://discord.com/developers/docs/resources/channel#edit-channel-permissions).
    EDIT_CHANNEL_PERMISSIONS: Put "/channels/{channel_id}/permissions/{overwrite_id}" .major(Major::ChannelId);
    /// [Delete Channel Permission](https://discord.com/developers/docs/resources/channel#delete-channel-permission).
    DELETE_CHANNEL_PERMISSION: Delete "/channels/{channel_id}/permissions/{overwrite_id}" .major(Major::ChannelId);
    /// [Get Channel Invites](https://discord.com/developers/docs/resources/channel#get-channel-invites).
    GET_CHANNEL_INVITES: Get "/channels/{channel_id}/invites" .major(Major::ChannelId);
    /// [Create Channel Invite](https://discord.com/developers/docs/resources/channel#create-channel-invite).
    CREATE_CHANNEL_INVITE: Post "/channels/{channel_id}/invites" .major(Major::ChannelId);
    /// [Follow Announcement Channel](https://discord.com/developers/docs/resources/channel#follow-announcement-channel).
    FOLLOW_ANNOUNCEMENT_CHANNEL: Post "/channels/{channel_id}/followers" .major(Major::ChannelId);
    /// [Trigger Typing Indicator](https://discord.com/developers/docs/resources/channel#trigger-typing-indicator).
    TRIGGER_TYPING_INDICATOR: Post "/channels/{channel_id}/typing" .major(Major::ChannelId);
    /// [Group DM Add Recipient](https://discord.com/developers/docs/resources/channel#group-dm-add-recipient).
    GROUP_DM_ADD_RECIPIENT: Put "/channels/{channel_id}/recipients/{user_id}" .major(Major::ChannelId);
    /// [Group DM Remove Recipient](https://discord.com/developers/docs/resources/channel#group-dm-remove-recipient).
    GROUP_DM_REMOVE_RECIPIENT: Delete "/channels/{channel_id}/recipients/{user_id}" .major(Major::ChannelId);
    /// [Start Thread from Message](https://discord.com/developers/docs/resources/channel#start-thread-from-message).
    START_THREAD_FROM_MESSAGE: Post "/channels/{channel_id}/messages/{message_id}/threads" .major(Major::ChannelId);
    /// [Start Thread without Message](https://discord.com/developers/docs/resources/channel#start-thread-without-message): also [Start Thread in Forum or Media Channel](https://discord.com/developers/docs/resources/channel#start-thread-in-forum-or-media-channel), the same route.
    START_THREAD_WITHOUT_MESSAGE: Post "/channels/{channel_id}/threads" .major(Major::ChannelId);
    /// [Join Thread](https://discord.com/developers/docs/resources/channel#join-thread).
    JOIN_THREAD: Put "/channels/{channel_id}/thread-members/@me" .major(Major::ChannelId);
    /// [Add Thread Member](https://discord.com/developers/docs/resources/channel#add-thread-member).
    ADD_THREAD_MEMBER: Put "/channels/{channel_id}/thread-members/{user_id}" .major(Major::ChannelId);
    /// [Leave Thread](https://discord.com/developers/docs/resources/channel#leave-thread).
    LEAVE_THREAD: Delete "/channels/{channel_id}/thread-members/@me" .major(Major::ChannelId);
    /// [Remove Thread Member](https://discord.com/developers/docs/resources/channel#remove-thread-member).
    REMOVE_THREAD_MEMBER: Delete "/channels/{channel_id}/thread-members/{user_id}" .major(Major::ChannelId);
    /// [Get Thread Member](https://discord.com/developers/docs/resources/channel#get-thread-member).
    GET_THREAD_MEMBER: Get "/channels/{channel_id}/thread-members/{user_id}" .major(Major::ChannelId);
    /// [List Thread Members](https://discord.com/developers/docs/resources/channel#list-thread-members).
    LIST_THREAD_MEMBERS: Get "/channels/{channel_id}/thread-members" .major(Major::ChannelId);
    /// [List Public Archived Threads](https://discord.com/developers/docs/resources/channel#list-public-archived-threads).
    LIST_PUBLIC_ARCHIVED_THREADS: Get "/channels/{channel_id}/threads/archived/public" .major(Major::ChannelId);
    /// [List Private Archived Threads](https://discord.com/developers/docs/resources/channel#list-private-archived-threads).
    LIST_PRIVATE_ARCHIVED_THREADS: Get "/channels/{channel_id}/threads/archived/private" .major(Major::ChannelId);
    /// [List Joined Private Archived Threads](https://discord.com/developers/docs/resources/channel#list-joined-private-archived-threads).
    LIST_JOINED_PRIVATE_ARCHIVED_THREADS: Get "/channels/{channel_id}/users/@me/threads/archived/private" .major(Major::ChannelId);
    /// Search Threads (declared by Discord's OpenAPI spec): a forum or media channel's threads.
    SEARCH_THREADS: Get "/channels/{channel_id}/threads/search" .major(Major::ChannelId);
    /// Modify Voice Channel Status (declared by Discord's OpenAPI spec).
    MODIFY_VOICE_CHANNEL_STATUS: Put "/channels/{channel_id}/voice-status" .major(Major::ChannelId);

    // Emoji -------------------------------------------------------------------------------------
    /// [List Guild Emojis](https://discord.com/developers/docs/resources/emoji#list-guild-emojis).
    LIST_GUILD_EMOJIS: Get "/guilds/{guild_id}/emojis" .major(Major::GuildId);
    /// [Get Guild Emoji](https://discord.com/developers/docs/resources/emoji#get-guild-emoji).
    GET_GUILD_EMOJI: Get "/guilds/{guild_id}/emojis/{emoji_id}" .major(Major::GuildId);
    /// [Create Guild Emoji](https://discord.com/developers/docs/resources/emoji#create-guild-emoji).
    CREATE_GUILD_EMOJI: Post "/guilds/{guild_id}/emojis" .major(Major::GuildId);
    /// [Modify Guild Emoji](https://discord.com/developers/docs/resources/emoji#modify-guild-emoji).
    MODIFY_GUILD_EMOJI: Patch "/guilds/{guild_id}/emojis/{emoji_id}" .major(Major::GuildId);
    /// [Delete Guild Emoji](https://discord.com/developers/docs/resources/emoji#delete-guild-emoji).
    DELETE_GUILD_EMOJI: Delete "/guilds/{guild_id}/emojis/{emoji_id}" .major(Major::GuildId);
    /// [List Application Emojis](https://discord.com/developers/docs/resources/emoji#list-application-emojis).
    LIST_APPLICATION_EMOJIS: Get "/applications/{application_id}/emojis";
    /// [Get Application Emoji](https://discord.com/developers/docs/resources/emoji#get-application-emoji).
    GET_APPLICATION_EMOJI: Get "/applications/{application_id}/emojis/{emoji_id}";
    /// [Create Application Emoji](https://discord.com/developers/docs/resources/emoji#create-application-emoji).
    CREATE_APPLICATION_EMOJI: Post "/applications/{application_id}/emojis";
    /// [Modify Application Emoji](https://discord.com/developers/docs/resources/emoji#modify-application-emoji).
    MODIFY_APPLICATION_EMOJI: Patch "/applications/{application_id}/emojis/{emoji_id}";
    /// [Delete Application Emoji](https://discord.com/developers/docs/resources/emoji#delete-application-emoji).
    DELETE_APPLICATION_EMOJI: Delete "/applications/{application_id}/emojis/{emoji_id}";

    // Entitlement -------------------------------------------------------------------------------
    /// [List Entitlements](https://discord.com/developers/docs/resources/entitlement#list-entitlements).
    LIST_ENTITLEMENTS: Get "/applications/{application_id}/entitlements";
    /// [Get Entitlement](https://discord.com/developers/docs/resources/entitlement#get-entitlement).
    GET_ENTITLEMENT: Get "/applications/{application_id}/entitlements/{entitlement_id}";
    /// [Consume an Entitlement](https://discord.com/developers/docs/resources/entitlement#consume-an-entitlement).
    CONSUME_AN_ENTITLEMENT: Post "/applications/{application_id}/entitlements/{entitlement_id}/consume";
    /// [Create Test Entitlement](https://discord.com/developers/docs/resources/entitlement#create-test-entitlement).
    CREATE_TEST_ENTITLEMENT: Post "/applications/{application_id}/entitlements";
    /// [Delete Test Entitlement](https://discord.com/developers/docs/resources/entitlement#delete-test-entitlement).
    DELETE_TEST_ENTITLEMENT: Delete "/applications/{application_id}/entitlements/{entitlement_id}";

    // Gateway -----------------------------------------------------------------------------------
    /// [Get Gateway](https://discord.com/developers/docs/events/gateway#get-gateway).
    GET_GATEWAY: Get "/gateway" .token_optional();
    /// [Get Gateway Bot](https://discord.com/developers/docs/events/gateway#get-gateway-bot).
    GET_GATEWAY_BOT: Get "/gateway/bot";

    // Guild -------------------------------------------------------------------------------------
    /// [Get Guild](https://discord.com/developers/docs/resources/guild#get-guild).
    GET_GUILD: Get "/guilds/{guild_id}" .major(Major::GuildId);
    /// [Get Guild Preview](https://discord.com/developers/docs/resources/guild#get-guild-preview).
    GET_GUILD_PREVIEW: Get "/guilds/{guild_id}/preview" .major(Major::GuildId);
    /// [Modify Guild](https://discord.com/developers/docs/resources/guild#modify-guild).
    MODIFY_GUILD: Patch "/guilds/{guild_id}" .major(Major::GuildId);
    /// [Get Guild Channels](https://discord.com/developers/docs/resources/guild#get-guild-channels).
    GET_GUILD_CHANNELS: Get "/guilds/{guild_id}/channels" .major(Major::GuildId);
    /// [Create Guild Channel](https://discord.com/developers/docs/resources/guild#create-guild-channel).
    CREATE_GUILD_CHANNEL: Post "/guilds/{guild_id}/channels" .major(Major::GuildId);
    /// [Modify Guild Channel Positions](https://discord.com/developers/docs/resources/guild#modify-guild-channel-positions).
    MODIFY_GUILD_CHANNEL_POSITIONS: Patch "/guilds/{guild_id}/channels" .major(Major::GuildId);
    /// [List Active Guild Threads](https://discord.com/developers/docs/resources/guild#list-active-guild-threads).
    LIST_ACTIVE_GUILD_THREADS: Get "/guilds/{guild_id}/threads/active" .major(Major::GuildId);
    /// [Get Guild Member](https://discord.com/developers/docs/resources/guild#get-guild-member).
    GET_GUILD_MEMBER: Get "/guilds/{guild_id}/members/{user_id}" .major(Major::GuildId);
    /// [List Guild Members](https://discord.com/developers/docs/resources/guild#list-guild-members).
    LIST_GUILD_MEMBERS: Get "/guilds/{guild_id}/members" .major(Major::GuildId);
    /// [Search Guild Members](https://discord.com/developers/docs/resources/guild#search-guild-members).
    SEARCH_GUILD_MEMBERS: Get "/guilds/{guild_id}/members/search" .major(Major::GuildId);
    /// [Add Guild Member](https://discord.com/developers/docs/resources/guild#add-guild-member).
    ADD_GUILD_MEMBER: Put "/guilds/{guild_id}/members/{user_id}" .major(Major::GuildId);
    /// [Modify Guild Member](https://discord.com/developers/docs/resources/guild#modify-guild-member).
    MODIFY_GUILD_MEMBER: Patch "/guilds/{guild_id}/members/{user_id}" .major(Major::GuildId);
    /// [Modify Current Member](https://discord.com/developers/docs/resources/guild#modify-current-member).
    MODIFY_CURRENT_MEMBER: Patch "/guilds/{guild_id}/members/@me" .major(Major::GuildId);
    /// [Add Guild Member Role](https://discord.com/developers/docs/resources/guild#add-guild-member-role).
    ADD_GUILD_MEMBER_ROLE: Put "/guilds/{guild_id}/members/{user_id}/roles/{role_id}" .major(Major::GuildId);
    /// [Remove Guild Member Role](https://discord.com/developers/docs/resources/guild#remove-guild-member-role).
    REMOVE_GUILD_MEMBER_ROLE: Delete "/guilds/{guild_id}/members/{user_id}/roles/{role_id}" .major(Major::GuildId);
    /// [Remove Guild Member](https://discord.com/developers/docs/resources/guild#remove-guild-member).
    REMOVE_GUILD_MEMBER: Delete "/guilds/{guild_id}/members/{user_id}" .major(Major::GuildId);
    /// [Get Guild Bans](https://discord.com/developers/docs/resources/guild#get-guild-bans).
    GET_GUILD_BANS: Get "/guilds/{guild_id}/bans" .major(Major::GuildId);
    /// [Get Guild Ban](https://discord.com/developers/docs/resources/guild#get-guild-ban).
    GET_GUILD_BAN: Get "/guilds/{guild_id}/bans/{user_id}" .major(Major::GuildId);
    /// [Create Guild Ban](https://discord.com/developers/docs/resources/guild#create-guild-ban).
    CREATE_GUILD_BAN: Put "/guilds/{guild_id}/bans/{user_id}" .major(Major::GuildId);
    /// [Remove Guild Ban](https://discord.com/developers/docs/resources/guild#remove-guild-ban).
    REMOVE_GUILD_BAN: Delete "/guilds/{guild_id}/bans/{user_id}" .major(Major::GuildId);
    /// [Bulk Guild Ban](https://discord.com/developers/docs/resources/guild#bulk-guild-ban).
    BULK_GUILD_BAN: Post "/guilds/{guild_id}/bulk-ban" .major(Major::GuildId);
    /// [Get Guild Roles](https://discord.com/developers/docs/resources/guild#get-guild-roles).
    GET_GUILD_ROLES: Get "/guilds/{guild_id}/roles" .major(Major::GuildId);
    /// [Get Guild Role](https://discord.com/developers/docs/resources/guild#get-guild-role).
    GET_GUILD_ROLE: Get "/guilds/{guild_id}/roles/{role_id}" .major(Major::GuildId);
    /// [Get Guild Role Member Counts](https://discord.com/developers/docs/resources/guild#get-guild-role-member-counts).
    GET_GUILD_ROLE_MEMBER_COUNTS: Get "/guilds/{guild_id}/roles/member-counts" .major(Major::GuildId);
    /// [Create Guild Role](https://discord.com/developers/docs/resources/guild#create-guild-role).
    CREATE_GUILD_ROLE: Post "/guilds/{guild_id}/roles" .major(Major::GuildId);
    /// [Modify Guild Role Positions](https://discord.com/developers/docs/resources/guild#modify-guild-role-positions).
    MODIFY_GUILD_ROLE_POSITIONS: Patch "/guilds/{guild_id}/roles" .major(Major::GuildId);
    /// [Modify Guild Role](https://discord.com/developers/docs/resources/guild#modify-guild-role).
    MODIFY_GUILD_ROLE: Patch "/guilds/{guild_id}/roles/{role_id}" .major(Major::GuildId);
    /// [Delete Guild Role](https://discord.com/developers/docs/resources/guild#delete-guild-role).
    DELETE_GUILD_ROLE: Delete "/guilds/{guild_id}/roles/{role_id}" .major(Major::GuildId);
    /// [Get Guild Prune Count](https://discord.com/developers/docs/resources/guild#get-guild-prune-count).
    GET_GUILD_PRUNE_COUNT: Get "/guilds/{guild_id}/prune" .major(Major::GuildId);
    /// [Begin Guild Prune](https://discord.com/developers/docs/resources/guild#begin-guild-prune).
    BEGIN_GUILD_PRUNE: Post "/guilds/{guild_id}/prune" .major(Major::GuildId);
    /// [Get Guild Voice Regions](https://discord.com/developers/docs/resources/guild#get-guild-voice-regions).
    GET_GUILD_VOICE_REGIONS: Get "/guilds/{guild_id}/regions" .major(Major::GuildId);
    /// [Get Guild Invites](https://discord.com/developers/docs/resources/guild#get-guild-invites).
    GET_GUILD_INVITES: Get "/guilds/{guild_id}/invites" .major(Major::GuildId);
    /// [Get Guild Integrations](https://discord.com/developers/docs/resources/guild#get-guild-integrations).
    GET_GUILD_INTEGRATIONS: Get "/guilds/{guild_id}/integrations" .major(Major::GuildId);
    /// [Delete Guild Integration](https://discord.com/developers/docs/resources/guild#delete-guild-integration).
    DELETE_GUILD_INTEGRATION: Delete "/guilds/{guild_id}/integrations/{integration_id}" .major(Major::GuildId);
    /// [Get Guild Widget Settings](https://discord.com/developers/docs/resources/guild#get-guild-widget-settings).
    GET_GUILD_WIDGET_SETTINGS: Get "/guilds/{guild_id}/widget" .major(Major::GuildId);
    /// [Modify Guild Widget](https://discord.com/developers/docs/resources/guild#modify-guild-widget).
    MODIFY_GUILD_WIDGET: Patch "/guilds/{guild_id}/widget" .major(Major::GuildId);
    /// [Get Guild Widget](https://discord.com/developers/docs/resources/guild#get-guild-widget).
    GET_GUILD_WIDGET: Get "/guilds/{guild_id}/widget.json" .major(Major::GuildId);
    /// [Get Guild Vanity URL](https://discord.com/developers/docs/resources/guild#get-guild-vanity-url).
    GET_GUILD_VANITY_URL: Get "/guilds/{guild_id}/vanity-url" .major(Major::GuildId);
    /// [Get Guild Widget Image](https://discord.com/developers/docs/resources/guild#get-guild-widget-image).
    GET_GUILD_WIDGET_IMAGE: Get "/guilds/{guild_id}/widget.png" .major(Major::GuildId);
    /// [Get Guild Welcome Screen](https://discord.com/developers/docs/resources/guild#get-guild-welcome-screen).
    GET_GUILD_WELCOME_SCREEN: Get "/guilds/{guild_id}/welcome-screen" .major(Major::GuildId);
    /// [Modify Guild Welcome Screen](https://discord.com/developers/docs/resources/guild#modify-guild-welcome-screen).
    MODIFY_GUILD_WELCOME_SCREEN: Patch "/guilds/{guild_id}/welcome-screen" .major(Major::GuildId);
    /// [Get Guild Onboarding](https://discord.com/developers/docs/resources/guild#get-guild-onboarding).
    GET_GUILD_ONBOARDING: Get "/guilds/{guild_id}/onboarding" .major(Major::GuildId);
    /// [Modify Guild Onboarding](https://discord.com/developers/docs/resources/guild#modify-guild-onboarding).
    MODIFY_GUILD_ONBOARDING: Put "/guilds/{guild_id}/onboarding" .major(Major::GuildId);
    /// [Modify Guild Incident Actions](https://discord.com/developers/docs/resources/guild#modify-guild-incident-actions).
    MODIFY_GUILD_INCIDENT_ACTIONS: Put "/guilds/{guild_id}/incident-actions" .major(Major::GuildId);
    /// Get Guild New Member Welcome (declared by Discord's OpenAPI spec).
    GET_GUILD_NEW_MEMBER_WELCOME: Get "/guilds/{guild_id}/new-member-welcome" .major(Major::GuildId);
    /// Search Guild Messages (declared by Discord's OpenAPI spec).
    SEARCH_GUILD_MESSAGES: Get "/guilds/{guild_id}/messages/search" .major(Major::GuildId);
    /// Get Guild Join Requests (declared by Discord's OpenAPI spec).
    GET_GUILD_JOIN_REQUESTS: Get "/guilds/{guild_id}/requests" .major(Major::GuildId);
    /// Action Guild Join Request (declared by Discord's OpenAPI spec).
    ACTION_GUILD_JOIN_REQUEST: Patch "/guilds/{guild_id}/requests/{request_id}" .major(Major::GuildId);

    // Guild scheduled event ---------------------------------------------------------------------
    /// [List Scheduled Events for Guild](https://discord.com/developers/docs/resources/guild-scheduled-event#list-scheduled-events-for-guild).
    LIST_SCHEDULED_EVENTS_FOR_GUILD: Get "/guilds/{guild_id}/scheduled-events" .major(Major::GuildId);
    /// [Create Guild Scheduled Event](https://discord.com/developers/docs/resources/guild-scheduled-event#create-guild-scheduled-event).
    CREATE_GUILD_SCHEDULED_EVENT: Post "/guilds/{guild_id}/scheduled-events" .major(Major::GuildId);
    /// [Get Guild Scheduled Event](https://discord.com/developers/docs/resources/guild-scheduled-event#get-guild-scheduled-event).
    GET_GUILD_SCHEDULED_EVENT: Get "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}" .major(Major::GuildId);
    /// [Modify Guild Scheduled Event](https://discord.com/developers/docs/resources/guild-scheduled-event#modify-guild-scheduled-event).
    MODIFY_GUILD_SCHEDULED_EVENT: Patch "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}" .major(Major::GuildId);
    /// [Delete Guild Scheduled Event](https://discord.com/developers/docs/resources/guild-scheduled-event#delete-guild-scheduled-event).
    DELETE_GUILD_SCHEDULED_EVENT: Delete "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}" .major(Major::GuildId);
    /// [Get Guild Scheduled Event Users](https://discord.com/developers/docs/resources/guild-scheduled-event#get-guild-scheduled-event-users).
    GET_GUILD_SCHEDULED_EVENT_USERS: Get "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}/users" .major(Major::GuildId);
    /// Get Guild Scheduled Event User Counts (declared by Discord's OpenAPI spec).
    GET_GUILD_SCHEDULED_EVENT_USER_COUNTS: Get "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}/users/counts" .major(Major::GuildId);
    /// Get Guild Scheduled Event Exception Users (declared by Discord's OpenAPI spec).
    GET_GUILD_SCHEDULED_EVENT_EXCEPTION_USERS: Get "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}/{guild_scheduled_event_exception_id}/users" .major(Major::GuildId);
    /// Create Guild Scheduled Event Exception (declared by Discord's OpenAPI spec).
    CREATE_GUILD_SCHEDULED_EVENT_EXCEPTION: Post "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}/exceptions" .major(Major::GuildId);
    /// Modify Guild Scheduled Event Exception (declared by Discord's OpenAPI spec).
    MODIFY_GUILD_SCHEDULED_EVENT_EXCEPTION: Patch "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}/exceptions/{exception_id}" .major(Major::GuildId);
    /// Delete Guild Scheduled Event Exception (declared by Discord's OpenAPI spec).
    DELETE_GUILD_SCHEDULED_EVENT_EXCEPTION: Delete "/guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}/exceptions/{exception_id}" .major(Major::GuildId);

    // Guild template ----------------------------------------------------------------------------
    /// [Get Guild Template](https://discord.com/developers/docs/resources/guild-template#get-guild-template).
    GET_GUILD_TEMPLATE: Get "/guilds/templates/{code}";
    /// [Get Guild Templates](https://discord.com/developers/docs/resources/guild-template#get-guild-templates).
    GET_GUILD_TEMPLATES: Get "/guilds/{guild_id}/templates" .major(Major::GuildId);
    /// [Create Guild Template](https://discord.com/developers/docs/resources/guild-template#create-guild-template).
    CREATE_GUILD_TEMPLATE: Post "/guilds/{guild_id}/templates" .major(Major::GuildId);
    /// [Sync Guild Template](https://discord.com/developers/docs/resources/guild-template#sync-guild-template).
    SYNC_GUILD_TEMPLATE: Put "/guilds/{guild_id}/templates/{code}" .major(Major::GuildId);
    /// [Modify Guild Template](https://discord.com/developers/docs/resources/guild-template#modify-guild-template).
    MODIFY_GUILD_TEMPLATE: Patch "/guilds/{guild_id}/templates/{code}" .major(Major::GuildId);
    /// [Delete Guild Template](https://discord.com/developers/docs/resources/guild-template#delete-guild-template).
    DELETE_GUILD_TEMPLATE: Delete "/guilds/{guild_id}/templates/{code}" .major(Major::GuildId);

    // Interactions ------------------------------------------------------------------------------
    /// [Create Interaction Response](https://discord.com/developers/docs/interactions/receiving-and-responding#create-interaction-response).
    CREATE_INTERACTION_RESPONSE: Post "/interactions/{interaction_id}/{interaction_token}/callback" .major(Major::InteractionIdAndToken) .path_token() .global_exempt();
    /// [Get Original Interaction Response](https://discord.com/developers/docs/interactions/receiving-and-responding#get-original-interaction-response).
    GET_ORIGINAL_INTERACTION_RESPONSE: Get "/webhooks/{webhook_id}/{webhook_token}/messages/@original" .major(Major::WebhookIdAndToken) .path_token() .global_exempt();
    /// [Edit Original Interaction Response](https://discord.com/developers/docs/interactions/receiving-and-responding#edit-original-interaction-response).
    EDIT_ORIGINAL_INTERACTION_RESPONSE: Patch "/webhooks/{webhook_id}/{webhook_token}/messages/@original" .major(Major::WebhookIdAndToken) .path_token() .global_exempt();
    /// [Delete Original Interaction Response](https://discord.com/developers/docs/interactions/receiving-and-responding#delete-original-interaction-response).
    DELETE_ORIGINAL_INTERACTION_RESPONSE: Delete "/webhooks/{webhook_id}/{webhook_token}/messages/@original" .major(Major::WebhookIdAndToken) .path_token() .global_exempt();

    // Invite ------------------------------------------------------------------------------------
    /// [Get Invite](https://discord.com/developers/docs/resources/invite#get-invite).
    GET_INVITE: Get "/invites/{code}";
    /// [Delete Invite](https://discord.com/developers/docs/resources/invite#delete-invite).
    DELETE_INVITE: Delete "/invites/{code}";
    /// [Get Invite Target Users](https://discord.com/developers/docs/resources/invite#get-invite-target-users).
    GET_INVITE_TARGET_USERS: Get "/invites/{code}/target-users";
    /// [Update Invite Target Users](https://discord.com/developers/docs/resources/invite#update-invite-target-users).
    UPDATE_INVITE_TARGET_USERS: Put "/invites/{code}/target-users";
    /// [Get Invite Target Users Job Status](https://discord.com/developers/docs/resources/invite#get-invite-target-users-job-status).
    GET_INVITE_TARGET_USERS_JOB_STATUS: Get "/invites/{code}/target-users/job-status";

    // Message -----------------------------------------------------------------------------------
    /// [Get Channel Messages](https://discord.com/developers/docs/resources/message#get-channel-messages).
    GET_CHANNEL_MESSAGES: Get "/channels/{channel_id}/messages" .major(Major::ChannelId);
    /// [Get Channel Message](https://discord.com/developers/docs/resources/message#get-channel-message).
    GET_CHANNEL_MESSAGE: Get "/channels/{channel_id}/messages/{message_id}" .major(Major::ChannelId);
    /// [Create Message](https://discord.com/developers/docs/resources/message#create-message).
    CREATE_MESSAGE: Post "/channels/{channel_id}/messages" .major(Major::ChannelId);
    /// [Crosspost Message](https://discord.com/developers/docs/resources/message#crosspost-message).
    CROSSPOST_MESSAGE: Post "/channels/{channel_id}/messages/{message_id}/crosspost" .major(Major::ChannelId);
    /// [Create Reaction](https://discord.com/developers/docs/resources/message#create-reaction).
    CREATE_REACTION: Put "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me" .major(Major::ChannelId);
    /// [Delete Own Reaction](https://discord.com/developers/docs/resources/message#delete-own-reaction).
    DELETE_OWN_REACTION: Delete "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me" .major(Major::ChannelId);
    /// [Delete User Reaction](https://discord.com/developers/docs/resources/message#delete-user-reaction).
    DELETE_USER_REACTION: Delete "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/{user_id}" .major(Major::ChannelId);
    /// [Get Reactions](https://discord.com/developers/docs/resources/message#get-reactions).
    GET_REACTIONS: Get "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}" .major(Major::ChannelId);
    /// [Delete All Reactions](https://discord.com/developers/docs/resources/message#delete-all-reactions).
    DELETE_ALL_REACTIONS: Delete "/channels/{channel_id}/messages/{message_id}/reactions" .major(Major::ChannelId);
    /// [Delete All Reactions for Emoji](https://discord.com/developers/docs/resources/message#delete-all-reactions-for-emoji).
    DELETE_ALL_REACTIONS_FOR_EMOJI: Delete "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}" .major(Major::ChannelId);
    /// [Edit Message](https://discord.com/developers/docs/resources/message#edit-message).
    EDIT_MESSAGE: Patch "/channels/{channel_id}/messages/{message_id}" .major(Major::ChannelId);
    /// [Delete Message](https://discord.com/developers/docs/resources/message#delete-message).
    DELETE_MESSAGE: Delete "/channels/{channel_id}/messages/{message_id}" .major(Major::ChannelId);
    /// [Bulk Delete Messages](https://discord.com/developers/docs/resources/message#bulk-delete-messages).
    BULK_DELETE_MESSAGES: Post "/channels/{channel_id}/messages/bulk-delete" .major(Major::ChannelId);
    /// [Get Channel Pins](https://discord.com/developers/docs/resources/message#get-channel-pins).
    GET_CHANNEL_PINS: Get "/channels/{channel_id}/messages/pins" .major(Major::ChannelId);
    /// [Pin Message](https://discord.com/developers/docs/resources/message#pin-message).
    PIN_MESSAGE: Put "/channels/{channel_id}/messages/pins/{message_id}" .major(Major::ChannelId);
    /// [Unpin Message](https://discord.com/developers/docs/resources/message#unpin-message).
    UNPIN_MESSAGE: Delete "/channels/{channel_id}/messages/pins/{message_id}" .major(Major::ChannelId);

    // OAuth2 ------------------------------------------------------------------------------------
    /// [Get Current Bot Application Information](https://discord.com/developers/docs/topics/oauth2#get-current-bot-application-information).
    GET_CURRENT_BOT_APPLICATION_INFORMATION: Get "/oauth2/applications/@me";
    /// [Get Current Authorization Information](https://discord.com/developers/docs/topics/oauth2#get-current-authorization-information).
    GET_CURRENT_AUTHORIZATION_INFORMATION: Get "/oauth2/@me";
    /// Get Public Keys (declared by Discord's OpenAPI spec): Discord's JSON Web Key set.
    GET_PUBLIC_KEYS: Get "/oauth2/keys";

    // Poll --------------------------------------------------------------------------------------
    /// [Get Answer Voters](https://discord.com/developers/docs/resources/poll#get-answer-voters).
    GET_ANSWER_VOTERS: Get "/channels/{channel_id}/polls/{message_id}/answers/{answer_id}" .major(Major::ChannelId);
    /// [End Poll](https://discord.com/developers/docs/resources/poll#end-poll).
    END_POLL: Post "/channels/{channel_id}/polls/{message_id}/expire" .major(Major::ChannelId);

    // SKU ---------------------------------------------------------------------------------------
    /// [List SKUs](https://discord.com/developers/docs/resources/sku#list-skus).
    LIST_SKUS: Get "/applications/{application_id}/skus";

    // Soundboard --------------------------------------------------------------------------------
    /// [Send Soundboard Sound](https://discord.com/developers/docs/resources/soundboard#send-soundboard-sound).
    SEND_SOUNDBOARD_SOUND: Post "/channels/{channel_id}/send-soundboard-sound" .major(Major::ChannelId);
    /// [List Default Soundboard Sounds](https://discord.com/developers/docs/resources/soundboard#list-default-soundboard-sounds).
    LIST_DEFAULT_SOUNDBOARD_SOUNDS: Get "/soundboard-default-sounds";
    /// [List Guild Soundboard Sounds](https://discord.com/developers/docs/resources/soundboard#list-guild-soundboard-sounds).
    LIST_GUILD_SOUNDBOARD_SOUNDS: Get "/guilds/{guild_id}/soundboard-sounds" .major(Major::GuildId);
    /// [Get Guild Soundboard Sound](https://discord.com/developers/docs/resources/soundboard#get-guild-soundboard-sound).
    GET_GUILD_SOUNDBOARD_SOUND: Get "/guilds/{guild_id}/soundboard-sounds/{sound_id}" .major(Major::GuildId);
    /// [Create Guild Soundboard Sound](https://discord.com/developers/docs/resources/soundboard#create-guild-soundboard-sound).
    CREATE_GUILD_SOUNDBOARD_SOUND: Post "/guilds/{guild_id}/soundboard-sounds" .major(Major::GuildId);
    /// [Modify Guild Soundboard Sound](https://discord.com/developers/docs/resources/soundboard#modify-guild-soundboard-sound).
    MODIFY_GUILD_SOUNDBOARD_SOUND: Patch "/guilds/{guild_id}/soundboard-sounds/{sound_id}" .major(Major::GuildId);
    /// [Delete Guild Soundboard Sound](https://discord.com/developers/docs/resources/soundboard#delete-guild-soundboard-sound).
    DELETE_GUILD_SOUNDBOARD_SOUND: Delete "/guilds/{guild_id}/soundboard-sounds/{sound_id}" .major(Major::GuildId);

    // Stage instance ----------------------------------------------------------------------------
    /// [Create Stage Instance](https://discord.com/developers/docs/resources/stage-instance#create-stage-instance).
    CREATE_STAGE_INSTANCE: Post "/stage-instances";
    /// [Get Stage Instance](https://discord.com/developers/docs/resources/stage-instance#get-stage-instance).
    GET_STAGE_INSTANCE: Get "/stage-instances/{channel_id}";
    /// [Modify Stage Instance](https://discord.com/developers/docs/resources/stage-instance#modify-stage-instance).
    MODIFY_STAGE_INSTANCE: Patch "/stage-instances/{channel_id}";
    /// [Delete Stage Instance](https://discord.com/developers/docs/resources/stage-instance#delete-stage-instance).
    DELETE_STAGE_INSTANCE: Delete "/stage-instances/{channel_id}";

    // Sticker -----------------------------------------------------------------------------------
    /// [Get Sticker](https://discord.com/developers/docs/resources/sticker#get-sticker).
    GET_STICKER: Get "/stickers/{sticker_id}";
    /// [List Sticker Packs](https://discord.com/developers/docs/resources/sticker#list-sticker-packs).
    LIST_STICKER_PACKS: Get "/sticker-packs";
    /// [Get Sticker Pack](https://discord.com/developers/docs/resources/sticker#get-sticker-pack).
    GET_STICKER_PACK: Get "/sticker-packs/{pack_id}";
    /// [List Guild Stickers](https://discord.com/developers/docs/resources/sticker#list-guild-stickers).
    LIST_GUILD_STICKERS: Get "/guilds/{guild_id}/stickers" .major(Major::GuildId);
    /// [Get Guild Sticker](https://discord.com/developers/docs/resources/sticker#get-guild-sticker).
    GET_GUILD_STICKER: Get "/guilds/{guild_id}/stickers/{sticker_id}" .major(Major::GuildId);
    /// [Create Guild Sticker](https://discord.com/developers/docs/resources/sticker#create-guild-sticker).
    CREATE_GUILD_STICKER: Post "/guilds/{guild_id}/stickers" .major(Major::GuildId);
    /// [Modify Guild Sticker](https://discord.com/developers/docs/resources/sticker#modify-guild-sticker).
    MODIFY_GUILD_STICKER: Patch "/guilds/{guild_id}/stickers/{sticker_id}" .major(Major::GuildId);
    /// [Delete Guild Sticker](https://discord.com/developers/docs/resources/sticker#delete-guild-sticker).
    DELETE_GUILD_STICKER: Delete "/guilds/{guild_id}/stickers/{sticker_id}" .major(Major::GuildId);

    // Subscription ------------------------------------------------------------------------------
    /// [List SKU Subscriptions](https://discord.com/developers/docs/resources/subscription#list-sku-subscriptions).
    LIST_SKU_SUBSCRIPTIONS: Get "/skus/{sku_id}/subscriptions";
    /// [Get SKU Subscription](https://discord.com/developers/docs/resources/subscription#get-sku-subscription).
    GET_SKU_SUBSCRIPTION: Get "/skus/{sku_id}/subscriptions/{subscription_id}";

    // User --------------------------------------------------------------------------------------
    /// [Get Current User](https://discord.com/developers/docs/resources/user#get-current-user).
    GET_CURRENT_USER: Get "/users/@me";
    /// [Get User](https://discord.com/developers/docs/resources/user#get-user).
    GET_USER: Get "/users/{user_id}";
    /// [Modify Current User](https://discord.com/developers/docs/resources/user#modify-current-user).
    MODIFY_CURRENT_USER: Patch "/users/@me";
    /// [Get Current User Guilds](https://discord.com/developers/docs/resources/user#get-current-user-guilds).
    GET_CURRENT_USER_GUILDS: Get "/users/@me/guilds";
    /// [Leave Guild](https://discord.com/developers/docs/resources/user#leave-guild).
    LEAVE_GUILD: Delete "/users/@me/guilds/{guild_id}";
    /// [Create DM](https://discord.com/developers/docs/resources/user#create-dm).
    CREATE_DM: Post "/users/@me/channels";
    /// [Get Current User Connections](https://discord.com/developers/docs/resources/user#get-current-user-connections).
    GET_CURRENT_USER_CONNECTIONS: Get "/users/@me/connections";

    // Voice -------------------------------------------------------------------------------------
    /// [List Voice Regions](https://discord.com/developers/docs/resources/voice#list-voice-regions).
    LIST_VOICE_REGIONS: Get "/voice/regions";
    /// [Get Current User Voice State](https://discord.com/developers/docs/resources/voice#get-current-user-voice-state).
    GET_CURRENT_USER_VOICE_STATE: Get "/guilds/{guild_id}/voice-states/@me" .major(Major::GuildId);
    /// [Get User Voice State](https://discord.com/developers/docs/resources/voice#get-user-voice-state).
    GET_USER_VOICE_STATE: Get "/guilds/{guild_id}/voice-states/{user_id}" .major(Major::GuildId);
    /// [Modify Current User Voice State](https://discord.com/developers/docs/resources/voice#modify-current-user-voice-state).
    MODIFY_CURRENT_USER_VOICE_STATE: Patch "/guilds/{guild_id}/voice-states/@me" .major(Major::GuildId);
    /// [Modify User Voice State](https://discord.com/developers/docs/resources/voice#modify-user-voice-state).
    MODIFY_USER_VOICE_STATE: Patch "/guilds/{guild_id}/voice-states/{user_id}" .major(Major::GuildId);

    // Webhook -----------------------------------------------------------------------------------
    /// [Create Webhook](https://discord.com/developers/docs/resources/webhook#create-webhook).
    CREATE_WEBHOOK: Post "/channels/{channel_id}/webhooks" .major(Major::ChannelId);
    /// [Get Channel Webhooks](https://discord.com/developers/docs/resources/webhook#get-channel-webhooks).
    GET_CHANNEL_WEBHOOKS: Get "/channels/{channel_id}/webhooks" .major(Major::ChannelId);
    /// [Get Guild Webhooks](https://discord.com/developers/docs/resources/webhook#get-guild-webhooks).
    GET_GUILD_WEBHOOKS: Get "/guilds/{guild_id}/webhooks" .major(Major::GuildId);
    /// [Get Webhook](https://discord.com/developers/docs/resources/webhook#get-webhook).
    GET_WEBHOOK: Get "/webhooks/{webhook_id}" .major(Major::WebhookId);
    /// [Get Webhook with Token](https://discord.com/developers/docs/resources/webhook#get-webhook-with-token).
    GET_WEBHOOK_WITH_TOKEN: Get "/webhooks/{webhook_id}/{webhook_token}" .major(Major::WebhookIdAndToken) .path_token();
    /// [Modify Webhook](https://discord.com/developers/docs/resources/webhook#modify-webhook).
    MODIFY_WEBHOOK: Patch "/webhooks/{webhook_id}" .major(Major::WebhookId);
    /// [Modify Webhook with Token](https://discord.com/developers/docs/resources/webhook#modify-webhook-with-token).
    MODIFY_WEBHOOK_WITH_TOKEN: Patch "/webhooks/{webhook_id}/{webhook_token}" .major(Major::WebhookIdAndToken) .path_token();
    /// [Delete Webhook](https://discord.com/developers/docs/resources/webhook#delete-webhook).
    DELETE_WEBHOOK: Delete "/webhooks/{webhook_id}" .major(Major::WebhookId);
    /// [Delete Webhook with Token](https://discord.com/developers/docs/resources/webhook#delete-webhook-with-token).
    DELETE_WEBHOOK_WITH_TOKEN: Delete "/webhooks/{webhook_id}/{webhook_token}" .major(Major::WebhookIdAndToken) .path_token();
    /// [Execute Webhook](https://discord.com/developers/docs/resources/webhook#execute-webhook).
    EXECUTE_WEBHOOK: Post "/webhooks/{webhook_id}/{webhook_token}" .major(Major::WebhookIdAndToken) .path_token();
    /// [Execute Slack-Compatible Webhook](https://discord.com/developers/docs/resources/webhook#execute-slack-compatible-webhook).
    EXECUTE_SLACK_COMPATIBLE_WEBHOOK: Post "/webhooks/{webhook_id}/{webhook_token}/slack" .major(Major::WebhookIdAndToken) .path_token();
    /// [Execute GitHub-Compatible Webhook](https://discord.com/developers/docs/resources/webhook#execute-github-compatible-webhook).
    EXECUTE_GITHUB_COMPATIBLE_WEBHOOK: Post "/webhooks/{webhook_id}/{webhook_token}/github" .major(Major::WebhookIdAndToken) .path_token();
    /// [Get Webhook Message](https://discord.com/developers/docs/resources/webhook#get-webhook-message).
    GET_WEBHOOK_MESSAGE: Get "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}" .major(Major::WebhookIdAndToken) .path_token();
    /// [Edit Webhook Message](https://discord.com/developers/docs/resources/webhook#edit-webhook-message).
    EDIT_WEBHOOK_MESSAGE: Patch "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}" .major(Major::WebhookIdAndToken) .path_token();
    /// [Delete Webhook Message](https://discord.com/developers/docs/resources/webhook#delete-webhook-message).
    DELETE_WEBHOOK_MESSAGE: Delete "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}" .major(Major::WebhookIdAndToken) .path_token();

    // Interaction follow-ups (the webhook routes, sent with an interaction token) ---------------
    /// [Create Followup Message](https://discord.com/developers/docs/interactions/receiving-and-responding#create-followup-message).
    CREATE_FOLLOWUP_MESSAGE: Post "/webhooks/{webhook_id}/{webhook_token}" .major(Major::WebhookIdAndToken) .path_token() .global_exempt();
    /// [Get Followup Message](https://discord.com/developers/docs/interactions/receiving-and-responding#get-followup-message).
    GET_FOLLOWUP_MESSAGE: Get "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}" .major(Major::WebhookIdAndToken) .path_token() .global_exempt();
    /// [Edit Followup Message](https://discord.com/developers/docs/interactions/receiving-and-responding#edit-followup-message).
    EDIT_FOLLOWUP_MESSAGE: Patch "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}" .major(Major::WebhookIdAndToken) .path_token() .global_exempt();
    /// [Delete Followup Message](https://discord.com/developers/docs/interactions/receiving-and-responding#delete-followup-message).
    DELETE_FOLLOWUP_MESSAGE: Delete "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}" .major(Major::WebhookIdAndToken) .path_token() .global_exempt();
}
