//! Multipart uploads round trip through the emulator, and audit-log reasons with non-ASCII text
//! arrive intact.

#[path = "rest_common/mod.rs"]
mod common;

use asyncord::model::request::{CreateMessage, CreateSticker, EditMessage, FileUpload};
use common::{last, socket};

/// Bytes that would break a naive multipart encoder: every byte value, CRLFs and dashes.
fn awkward_bytes() -> Vec<u8> {
    let mut v: Vec<u8> = (0..=255u8).collect();
    v.extend_from_slice(b"\r\n--\r\n--asyncord-\r\n\r\n");
    v
}

#[tokio::test]
async fn message_with_files_round_trips() {
    let (server, client, seed) = socket().await;
    let data = awkward_bytes();
    let body = CreateMessage::content("two files")
        .file(FileUpload::new("data.bin", data.clone()).description("raw bytes"))
        .file(FileUpload::new(
            "notes.txt",
            b"hello \xF0\x9F\x91\x8B".to_vec(),
        ));
    let sent = client
        .channels
        .messages(seed.channel_id)
        .create(body)
        .await
        .unwrap();

    let r = last(&server);
    assert!(
        r.header("content-type")
            .unwrap()
            .starts_with("multipart/form-data; boundary=")
    );
    let parts = r.multipart().expect("a multipart body");
    let names: Vec<&str> = parts.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["payload_json", "files[0]", "files[1]"]);
    assert_eq!(&parts[1].data[..], &data[..]);
    assert_eq!(parts[1].filename.as_deref(), Some("data.bin"));
    assert_eq!(
        parts[2].content_type.as_deref(),
        Some("text/plain; charset=utf-8")
    );
    let json = r.json().unwrap();
    assert_eq!(json["content"], "two files");
    assert_eq!(json["attachments"][0]["id"], "0");
    assert_eq!(json["attachments"][1]["filename"], "notes.txt");

    assert_eq!(sent.attachments.len(), 2);
    assert_eq!(sent.attachments[0].filename, "data.bin");
    assert_eq!(sent.attachments[0].size, data.len() as u64);
    assert_eq!(
        sent.attachments[0].description.as_deref(),
        Some("raw bytes")
    );

    // Editing keeps one attachment and adds a new file.
    let keep = sent.attachments[1].id;
    let edited = client
        .channels
        .messages(seed.channel_id)
        .edit(
            sent.id,
            EditMessage::new()
                .keep_attachment(keep)
                .file(FileUpload::new("new.png", vec![137, 80, 78, 71])),
        )
        .await
        .unwrap();
    let parts = last(&server).multipart().unwrap();
    assert_eq!(parts[1].content_type.as_deref(), Some("image/png"));
    let files: Vec<&str> = edited
        .attachments
        .iter()
        .map(|a| a.filename.as_str())
        .collect();
    assert_eq!(files, ["notes.txt", "new.png"]);
}

#[tokio::test]
async fn sticker_upload_uses_form_fields_and_a_file_part() {
    let (server, client, seed) = socket().await;
    let png = vec![137, 80, 78, 71, 13, 10, 26, 10];
    let sticker = client
        .stickers
        .create_guild_sticker(
            seed.guild_id,
            CreateSticker {
                name: "wave".into(),
                description: "a wave".into(),
                tags: "👋".into(),
                file: FileUpload::new("wave.png", png.clone()),
            },
        )
        .await
        .unwrap();
    let parts = last(&server).multipart().unwrap();
    let field = |n: &str| {
        parts
            .iter()
            .find(|p| p.name == n)
            .map(|p| String::from_utf8_lossy(&p.data).into_owned())
    };
    assert_eq!(field("name").as_deref(), Some("wave"));
    assert_eq!(field("tags").as_deref(), Some("👋"));
    assert_eq!(field("description").as_deref(), Some("a wave"));
    let file = parts.iter().find(|p| p.name == "file").unwrap();
    assert_eq!(&file.data[..], &png[..]);
    assert_eq!(sticker.name, "wave");
    assert_eq!(sticker.guild_id, Some(seed.guild_id));

    let err = client
        .stickers
        .create_guild_sticker(
            seed.guild_id,
            CreateSticker {
                name: "x".into(),
                description: String::new(),
                tags: "t".into(),
                file: FileUpload::new("a.png", vec![1]),
            },
        )
        .await
        .unwrap_err();
    assert!(matches!(err, asyncord::http::RestError::Validation(_)));
}

#[tokio::test]
async fn non_ascii_audit_log_reason_arrives_intact() {
    let (server, client, seed) = socket().await;
    let reason = "Spam 🚫 — ñandú, 日本語; 100% \"quoted\"\nnext line";
    let m = client
        .channels
        .messages(seed.channel_id)
        .create(CreateMessage::content("bye"))
        .await
        .unwrap();
    client
        .channels
        .messages(seed.channel_id)
        .with_reason(reason)
        .delete(m.id)
        .await
        .unwrap();
    let r = last(&server);
    let raw = r.header("x-audit-log-reason").unwrap();
    assert!(raw.is_ascii(), "the header is percent-encoded: {raw}");
    assert_eq!(r.audit_log_reason().as_deref(), Some(reason));
    let log = server.world().audit_log();
    assert_eq!(log.last().unwrap()["reason"], reason);

    // GETs never carry it; a handle without a reason sends none.
    client
        .channels
        .with_reason(reason)
        .get(seed.channel_id)
        .await
        .unwrap();
    assert!(last(&server).header("x-audit-log-reason").is_none());
    client
        .guilds
        .members(seed.guild_id)
        .kick(seed.user_id)
        .await
        .unwrap();
    assert!(last(&server).header("x-audit-log-reason").is_none());
}
