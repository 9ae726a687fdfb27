//! Stickers, sticker items and sticker packs.
