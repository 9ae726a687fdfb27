//! Messages: embeds, attachments, reactions, references, snapshots, interaction metadata, stickers, polls, and message/attachment flags.
