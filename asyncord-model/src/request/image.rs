//! [`ImageData`]: the `data:` URI Discord takes for avatars, icons, banners, emojis, stickers
//! and soundboard sounds, from bytes or a file with the type sniffed from its magic bytes.
//! <https://discord.com/developers/docs/reference#image-data>

use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// Image (or sound) data as a `data:<mime>;base64,<data>` URI.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ImageData(String);

/// Why bytes could not become [`ImageData`].
#[derive(Debug)]
#[non_exhaustive]
pub enum ImageDataError {
    /// The bytes are not PNG, JPEG, GIF or WebP (nor a known sound format for sounds).
    UnknownFormat,
    /// The file could not be read.
    Io(std::io::Error),
}

impl fmt::Display for ImageDataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownFormat => {
                f.write_str("unknown image format (expected PNG, JPEG, GIF or WebP)")
            }
            Self::Io(e) => write!(f, "cannot read the image file: {e}"),
        }
    }
}

impl std::error::Error for ImageDataError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io(e) => Some(e),
            Self::UnknownFormat => None,
        }
    }
}

/// The MIME type of image bytes, from their magic bytes.
pub fn sniff_image(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

/// The MIME type of sound bytes (MP3 or Ogg), from their magic bytes.
pub fn sniff_sound(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"OggS") {
        Some("audio/ogg")
    } else if bytes.starts_with(b"ID3")
        || (bytes.len() >= 2 && bytes[0] == 0xFF && bytes[1] & 0xE0 == 0xE0)
    {
        Some("audio/mpeg")
    } else {
        None
    }
}

impl ImageData {
    /// Image bytes, their type sniffed (PNG, JPEG, GIF, WebP).
    ///
    /// # Errors
    /// [`ImageDataError::UnknownFormat`] for other bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ImageDataError> {
        let mime = sniff_image(bytes).ok_or(ImageDataError::UnknownFormat)?;
        Ok(Self::with_type(mime, bytes))
    }

    /// Sound bytes for a soundboard sound (MP3 or Ogg), their type sniffed.
    ///
    /// # Errors
    /// [`ImageDataError::UnknownFormat`] for other bytes.
    pub fn sound_from_bytes(bytes: &[u8]) -> Result<Self, ImageDataError> {
        let mime = sniff_sound(bytes).ok_or(ImageDataError::UnknownFormat)?;
        Ok(Self::with_type(mime, bytes))
    }

    /// An image file, read and sniffed.
    ///
    /// # Errors
    /// When the file cannot be read or is not a known image format.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self, ImageDataError> {
        let bytes = std::fs::read(path).map_err(ImageDataError::Io)?;
        Self::from_bytes(&bytes)
    }

    /// Bytes with an explicit MIME type (no sniffing).
    pub fn with_type(mime: &str, bytes: &[u8]) -> Self {
        let mut out = String::with_capacity(mime.len() + 13 + bytes.len().div_ceil(3) * 4);
        out.push_str("data:");
        out.push_str(mime);
        out.push_str(";base64,");
        base64_into(bytes, &mut out);
        Self(out)
    }

    /// The whole data URI.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The MIME type of the data.
    pub fn mime(&self) -> &str {
        self.0
            .strip_prefix("data:")
            .and_then(|r| r.split_once(';'))
            .map_or("", |(m, _)| m)
    }
}

impl fmt::Debug for ImageData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ImageData({}, {} bytes of base64)",
            self.mime(),
            self.0.len()
        )
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 (RFC 4648, with padding) appended to `out`.
pub fn base64_into(bytes: &[u8], out: &mut String) {
    let mut chunks = bytes.chunks_exact(3);
    for c in &mut chunks {
        let n = (u32::from(c[0]) << 16) | (u32::from(c[1]) << 8) | u32::from(c[2]);
        for shift in [18, 12, 6, 0] {
            out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
        }
    }
    match *chunks.remainder() {
        [a] => {
            let n = u32::from(a) << 16;
            out.push(char::from(ALPHABET[((n >> 18) & 63) as usize]));
            out.push(char::from(ALPHABET[((n >> 12) & 63) as usize]));
            out.push_str("==");
        }
        [a, b] => {
            let n = (u32::from(a) << 16) | (u32::from(b) << 8);
            out.push(char::from(ALPHABET[((n >> 18) & 63) as usize]));
            out.push(char::from(ALPHABET[((n >> 12) & 63) as usize]));
            out.push(char::from(ALPHABET[((n >> 6) & 63) as usize]));
            out.push('=');
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(s: &[u8]) -> String {
        let mut out = String::new();
        base64_into(s, &mut out);
        out
    }

    #[test]
    fn base64_matches_rfc4648_vectors() {
        assert_eq!(b64(b""), "");
        assert_eq!(b64(b"f"), "Zg==");
        assert_eq!(b64(b"fo"), "Zm8=");
        assert_eq!(b64(b"foo"), "Zm9v");
        assert_eq!(b64(b"foob"), "Zm9vYg==");
        assert_eq!(b64(b"fooba"), "Zm9vYmE=");
        assert_eq!(b64(b"foobar"), "Zm9vYmFy");
        assert_eq!(b64(&[0xFF, 0xFE, 0xFD]), "//79");
    }

    #[test]
    fn images_are_sniffed() {
        let png = ImageData::from_bytes(b"\x89PNG\r\n\x1a\n").unwrap();
        assert_eq!(png.as_str(), "data:image/png;base64,iVBORw0KGgo=");
        assert_eq!(png.mime(), "image/png");
        assert_eq!(
            ImageData::from_bytes(&[0xFF, 0xD8, 0xFF, 0xE0])
                .unwrap()
                .mime(),
            "image/jpeg"
        );
        assert_eq!(
            ImageData::from_bytes(b"GIF89a..").unwrap().mime(),
            "image/gif"
        );
        assert_eq!(
            ImageData::from_bytes(b"RIFF\0\0\0\0WEBPVP8 ")
                .unwrap()
                .mime(),
            "image/webp"
        );
        assert!(matches!(
            ImageData::from_bytes(b"hello"),
            Err(ImageDataError::UnknownFormat)
        ));
        assert_eq!(
            ImageData::sound_from_bytes(b"OggS\0").unwrap().mime(),
            "audio/ogg"
        );
        assert!(matches!(
            ImageData::from_path("/nonexistent/x.png"),
            Err(ImageDataError::Io(_))
        ));
    }

    #[test]
    fn from_path_reads_the_file() {
        let path = std::env::temp_dir().join(format!("asyncord-image-{}.gif", std::process::id()));
        std::fs::write(&path, b"GIF87a\x01\x00").unwrap();
        let data = ImageData::from_path(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(data.as_str(), "data:image/gif;base64,R0lGODdhAQA=");
        assert_eq!(
            serde_json::to_value(&data).unwrap(),
            serde_json::json!(data.as_str())
        );
    }
}
