//! The shared limit checks of message-like bodies: content, embeds, components (v1 rows and
//! v2 layouts), polls, allowed mentions, attachments and modals
//! ([message limits](https://discord.com/developers/docs/resources/message#create-message),
//! [component limits](https://discord.com/developers/docs/components/reference)).

use std::collections::HashSet;

use super::allowed_mentions::{AllowedMentionType, AllowedMentions};
use super::files::AttachmentMetadata;
use super::poll::CreatePoll;
use super::validate::{Path, ValidationError, check};
use crate::StickerId;
use crate::component::{ButtonStyle, Component, SelectMenu};
use crate::message::{Embed, MessageFlags, Nonce};

/// Message content limit.
pub(crate) const CONTENT_MAX: usize = 2000;
/// Embeds per message.
pub(crate) const EMBEDS_MAX: usize = 10;
/// Embed characters summed over every embed of a message.
pub(crate) const EMBED_TOTAL_MAX: usize = 6000;
/// Legacy top-level action rows.
pub(crate) const ACTION_ROWS_MAX: usize = 5;
/// Components in total in a v2 message.
pub(crate) const V2_COMPONENTS_MAX: usize = 40;

/// The message-like parts shared by create message, webhook execute, follow-ups and
/// interaction responses.
pub(crate) struct MessageParts<'a> {
    pub content: Option<&'a str>,
    pub embeds: &'a [Embed],
    pub components: &'a [Component],
    pub sticker_ids: &'a [StickerId],
    pub flags: Option<MessageFlags>,
    pub poll: Option<&'a CreatePoll>,
    pub attachments: &'a [AttachmentMetadata],
    pub nonce: Option<&'a Nonce>,
    pub allowed_mentions: Option<&'a AllowedMentions>,
    pub files: &'a [super::files::FileUpload],
}

impl MessageParts<'_> {
    /// Whether the message would have nothing to show (Discord answers 50006).
    pub(crate) fn is_empty(&self) -> bool {
        self.content.is_none_or(str::is_empty)
            && self.embeds.is_empty()
            && self.components.is_empty()
            && self.sticker_ids.is_empty()
            && self.poll.is_none()
            && self.files.is_empty()
            && self.attachments.is_empty()
    }

    pub(crate) fn validate(&self, root: &Path<'_>) -> Result<(), ValidationError> {
        let v2 = self
            .flags
            .is_some_and(|f| f.contains(MessageFlags::IS_COMPONENTS_V2));
        if let Some(content) = self.content {
            if v2 && !content.is_empty() {
                return Err(root
                    .field("content")
                    .invalid("not allowed with the IS_COMPONENTS_V2 flag (use a text display)"));
            }
            check::chars(&root.field("content"), content, 0, CONTENT_MAX)?;
        }
        if v2 && !self.embeds.is_empty() {
            return Err(root
                .field("embeds")
                .invalid("not allowed with the IS_COMPONENTS_V2 flag"));
        }
        embeds(&root.field("embeds"), self.embeds)?;
        if v2 && self.poll.is_some() {
            return Err(root
                .field("poll")
                .invalid("not allowed with the IS_COMPONENTS_V2 flag"));
        }
        if v2 && !self.sticker_ids.is_empty() {
            return Err(root
                .field("sticker_ids")
                .invalid("not allowed with the IS_COMPONENTS_V2 flag"));
        }
        check::count(&root.field("sticker_ids"), self.sticker_ids.len(), 0, 3)?;
        if let Some(Nonce::String(n)) = self.nonce {
            check::chars(&root.field("nonce"), n, 0, 25)?;
        }
        if let Some(m) = self.allowed_mentions {
            allowed_mentions(&root.field("allowed_mentions"), m)?;
        }
        let path = root.field("attachments");
        for (i, a) in self.attachments.iter().enumerate() {
            check::opt_chars(
                &path.index(i).field("description"),
                a.description.as_deref(),
                0,
                1024,
            )?;
        }
        let path = root.field("files");
        for (i, f) in self.files.iter().enumerate() {
            check::opt_chars(
                &path.index(i).field("description"),
                f.description.as_deref(),
                0,
                1024,
            )?;
        }
        if let Some(p) = self.poll {
            p.validate_at(&root.field("poll"))?;
        }
        message_components(&root.field("components"), self.components, v2)
    }
}

/// Embed limits: ≤ 10 embeds, per-field lengths, 6000 characters in total.
pub(crate) fn embeds(path: &Path<'_>, embeds: &[Embed]) -> Result<(), ValidationError> {
    check::count(path, embeds.len(), 0, EMBEDS_MAX)?;
    let mut total = 0;
    for (i, e) in embeds.iter().enumerate() {
        let p = path.index(i);
        check::opt_chars(&p.field("title"), e.title.as_deref(), 0, 256)?;
        check::opt_chars(&p.field("description"), e.description.as_deref(), 0, 4096)?;
        check::count(&p.field("fields"), e.fields.len(), 0, 25)?;
        let fp = p.field("fields");
        for (j, f) in e.fields.iter().enumerate() {
            let fpj = fp.index(j);
            check::chars(&fpj.field("name"), &f.name, 0, 256)?;
            check::chars(&fpj.field("value"), &f.value, 0, 1024)?;
        }
        if let Some(footer) = &e.footer {
            check::chars(&p.field("footer").field("text"), &footer.text, 0, 2048)?;
        }
        if let Some(author) = &e.author {
            check::chars(&p.field("author").field("name"), &author.name, 0, 256)?;
        }
        total += e.text_length();
    }
    if total > EMBED_TOTAL_MAX {
        return Err(path.error(super::validate::ValidationErrorKind::TooLong {
            max: EMBED_TOTAL_MAX,
            actual: total,
        }));
    }
    Ok(())
}

/// Allowed mentions: ≤ 100 role and user ids, and no id list together with the same `parse` type.
pub(crate) fn allowed_mentions(
    path: &Path<'_>,
    m: &AllowedMentions,
) -> Result<(), ValidationError> {
    if let Some(users) = &m.users {
        check::count(&path.field("users"), users.len(), 0, 100)?;
        if m.parse.contains(&AllowedMentionType::Users) {
            return Err(path
                .field("users")
                .invalid("cannot be set together with `users` in `parse`"));
        }
    }
    if let Some(roles) = &m.roles {
        check::count(&path.field("roles"), roles.len(), 0, 100)?;
        if m.parse.contains(&AllowedMentionType::Roles) {
            return Err(path
                .field("roles")
                .invalid("cannot be set together with `roles` in `parse`"));
        }
    }
    Ok(())
}

/// State shared while walking the components of one message or modal.
struct Walk<'s> {
    custom_ids: HashSet<&'s str>,
    total: usize,
    text_chars: usize,
}

impl<'s> Walk<'s> {
    fn new() -> Self {
        Self {
            custom_ids: HashSet::new(),
            total: 0,
            text_chars: 0,
        }
    }

    fn custom_id(&mut self, path: &Path<'_>, id: &'s str) -> Result<(), ValidationError> {
        check::chars(path, id, 1, 100)?;
        if !self.custom_ids.insert(id) {
            return Err(path.error(super::validate::ValidationErrorKind::Duplicate {
                value: id.to_owned(),
            }));
        }
        Ok(())
    }
}

/// The components of a message: v1 (≤ 5 action rows) or v2 (≤ 40 components in total).
pub(crate) fn message_components(
    path: &Path<'_>,
    components: &[Component],
    v2: bool,
) -> Result<(), ValidationError> {
    let mut walk = Walk::new();
    if !v2 {
        check::count(path, components.len(), 0, ACTION_ROWS_MAX)?;
        for (i, c) in components.iter().enumerate() {
            if !matches!(c, Component::ActionRow(_)) {
                return Err(path.index(i).invalid(
                    "top-level components must be action rows unless the IS_COMPONENTS_V2 flag is set",
                ));
            }
        }
    }
    for (i, c) in components.iter().enumerate() {
        component(&path.index(i), c, &mut walk)?;
    }
    if v2 && walk.total > V2_COMPONENTS_MAX {
        return Err(path.error(super::validate::ValidationErrorKind::TooMany {
            max: V2_COMPONENTS_MAX,
            actual: walk.total,
        }));
    }
    if walk.text_chars > 4000 {
        return Err(path.error(super::validate::ValidationErrorKind::TooLong {
            max: 4000,
            actual: walk.text_chars,
        }));
    }
    Ok(())
}

/// The components of a modal: 1–5 top-level components.
pub(crate) fn modal_components(
    path: &Path<'_>,
    components: &[Component],
) -> Result<(), ValidationError> {
    check::count(path, components.len(), 1, 5)?;
    let mut walk = Walk::new();
    for (i, c) in components.iter().enumerate() {
        component(&path.index(i), c, &mut walk)?;
    }
    Ok(())
}

fn select(path: &Path<'_>, s: &SelectMenu, string: bool) -> Result<(), ValidationError> {
    if string {
        check::count(&path.field("options"), s.options.len(), 1, 25)?;
    } else if !s.options.is_empty() {
        return Err(path
            .field("options")
            .invalid("only string selects have options"));
    }
    let op = path.field("options");
    for (i, o) in s.options.iter().enumerate() {
        let p = op.index(i);
        check::chars(&p.field("label"), &o.label, 1, 100)?;
        check::chars(&p.field("value"), &o.value, 1, 100)?;
        check::opt_chars(&p.field("description"), o.description.as_deref(), 0, 100)?;
    }
    check::opt_chars(&path.field("placeholder"), s.placeholder.as_deref(), 0, 150)?;
    if let Some(min) = s.min_values {
        check::range(&path.field("min_values"), i64::from(min), 0, 25)?;
    }
    if let Some(max) = s.max_values {
        check::range(&path.field("max_values"), i64::from(max), 1, 25)?;
        if let Some(min) = s.min_values
            && min > max
        {
            return Err(path
                .field("min_values")
                .invalid("must not exceed max_values"));
        }
    }
    if let Some(d) = &s.default_values {
        let max = usize::from(s.max_values.unwrap_or(1));
        check::count(&path.field("default_values"), d.len(), 0, max.min(25))?;
    }
    Ok(())
}

fn component<'s>(
    path: &Path<'_>,
    c: &'s Component,
    walk: &mut Walk<'s>,
) -> Result<(), ValidationError> {
    walk.total += 1;
    match c {
        Component::ActionRow(row) => {
            let cp = path.field("components");
            check::count(&cp, row.components.len(), 1, 5)?;
            let selects = row.components.iter().filter(|c| c.is_select()).count();
            if selects > 0 && row.components.len() > 1 {
                return Err(
                    cp.invalid("an action row holds up to 5 buttons or exactly 1 select menu")
                );
            }
            for (i, child) in row.components.iter().enumerate() {
                if !(child.is_select()
                    || matches!(child, Component::Button(_) | Component::TextInput(_)))
                {
                    return Err(cp
                        .index(i)
                        .invalid("action rows hold only buttons, select menus or text inputs"));
                }
                component(&cp.index(i), child, walk)?;
            }
        }
        Component::Button(b) => {
            check::opt_chars(&path.field("label"), b.label.as_deref(), 0, 80)?;
            match b.style {
                ButtonStyle::Link => {
                    let Some(url) = &b.url else {
                        return Err(path.field("url").invalid("link buttons need a url"));
                    };
                    check::chars(&path.field("url"), url, 1, 512)?;
                    if b.custom_id.is_some() {
                        return Err(path
                            .field("custom_id")
                            .invalid("link buttons cannot have a custom_id"));
                    }
                }
                ButtonStyle::Premium => {
                    if b.sku_id.is_none() {
                        return Err(path
                            .field("sku_id")
                            .invalid("premium buttons need a sku_id"));
                    }
                    if b.custom_id.is_some()
                        || b.url.is_some()
                        || b.label.is_some()
                        || b.emoji.is_some()
                    {
                        return Err(path.invalid(
                            "premium buttons cannot have a custom_id, url, label or emoji",
                        ));
                    }
                }
                _ => {
                    let Some(id) = &b.custom_id else {
                        return Err(path
                            .field("custom_id")
                            .invalid("this button style needs a custom_id"));
                    };
                    walk.custom_id(&path.field("custom_id"), id)?;
                    if b.url.is_some() {
                        return Err(path
                            .field("url")
                            .invalid("only link buttons can have a url"));
                    }
                }
            }
        }
        Component::StringSelect(s) => {
            walk.custom_id(&path.field("custom_id"), &s.custom_id)?;
            select(path, s, true)?;
        }
        Component::UserSelect(s)
        | Component::RoleSelect(s)
        | Component::MentionableSelect(s)
        | Component::ChannelSelect(s) => {
            walk.custom_id(&path.field("custom_id"), &s.custom_id)?;
            select(path, s, false)?;
        }
        Component::TextInput(t) => {
            walk.custom_id(&path.field("custom_id"), &t.custom_id)?;
            check::opt_chars(&path.field("label"), t.label.as_deref(), 1, 45)?;
            check::opt_chars(&path.field("value"), t.value.as_deref(), 0, 4000)?;
            check::opt_chars(&path.field("placeholder"), t.placeholder.as_deref(), 0, 100)?;
            if let Some(min) = t.min_length {
                check::range(&path.field("min_length"), i64::from(min), 0, 4000)?;
            }
            if let Some(max) = t.max_length {
                check::range(&path.field("max_length"), i64::from(max), 1, 4000)?;
            }
        }
        Component::Section(s) => {
            let cp = path.field("components");
            check::count(&cp, s.components.len(), 1, 3)?;
            for (i, child) in s.components.iter().enumerate() {
                if !matches!(child, Component::TextDisplay(_)) {
                    return Err(cp
                        .index(i)
                        .invalid("section children must be text displays"));
                }
                component(&cp.index(i), child, walk)?;
            }
            let ap = path.field("accessory");
            if !matches!(*s.accessory, Component::Thumbnail(_) | Component::Button(_)) {
                return Err(ap.invalid("a section accessory must be a thumbnail or a button"));
            }
            component(&ap, &s.accessory, walk)?;
        }
        Component::TextDisplay(t) => {
            walk.text_chars += t.content.chars().count();
            check::chars(&path.field("content"), &t.content, 1, 4000)?;
        }
        Component::Thumbnail(t) => {
            check::opt_chars(
                &path.field("description"),
                t.description.as_deref(),
                0,
                1024,
            )?;
        }
        Component::MediaGallery(g) => {
            let ip = path.field("items");
            check::count(&ip, g.items.len(), 1, 10)?;
            for (i, item) in g.items.iter().enumerate() {
                check::opt_chars(
                    &ip.index(i).field("description"),
                    item.description.as_deref(),
                    0,
                    1024,
                )?;
            }
        }
        Component::Container(c) => {
            let cp = path.field("components");
            for (i, child) in c.components.iter().enumerate() {
                if matches!(child, Component::Container(_)) {
                    return Err(cp.index(i).invalid("containers cannot be nested"));
                }
                component(&cp.index(i), child, walk)?;
            }
        }
        Component::Label(l) => {
            check::chars(&path.field("label"), &l.label, 1, 45)?;
            check::opt_chars(&path.field("description"), l.description.as_deref(), 0, 100)?;
            component(&path.field("component"), &l.component, walk)?;
        }
        Component::FileUpload(f) => {
            walk.custom_id(&path.field("custom_id"), &f.custom_id)?;
            if let Some(min) = f.min_values {
                check::range(&path.field("min_values"), i64::from(min), 0, 10)?;
            }
            if let Some(max) = f.max_values {
                check::range(&path.field("max_values"), i64::from(max), 1, 10)?;
            }
            if let Some(types) = &f.file_types {
                check::count(&path.field("file_types"), types.len(), 0, 10)?;
            }
        }
        Component::RadioGroup(r) => {
            walk.custom_id(&path.field("custom_id"), &r.custom_id)?;
            group_options(&path.field("options"), &r.options, 2)?;
        }
        Component::CheckboxGroup(g) => {
            walk.custom_id(&path.field("custom_id"), &g.custom_id)?;
            group_options(&path.field("options"), &g.options, 1)?;
            if let Some(min) = g.min_values {
                check::range(&path.field("min_values"), i64::from(min), 0, 10)?;
            }
            if let Some(max) = g.max_values {
                check::range(&path.field("max_values"), i64::from(max), 1, 10)?;
            }
        }
        Component::Checkbox(c) => {
            walk.custom_id(&path.field("custom_id"), &c.custom_id)?;
        }
        Component::File(_) | Component::Separator(_) | Component::Unknown(_) => {}
    }
    Ok(())
}

fn group_options(
    path: &Path<'_>,
    options: &[crate::component::GroupOption],
    min: usize,
) -> Result<(), ValidationError> {
    check::count(path, options.len(), min, 10)?;
    for (i, o) in options.iter().enumerate() {
        let p = path.index(i);
        check::chars(&p.field("label"), &o.label, 1, 100)?;
        check::chars(&p.field("value"), &o.value, 1, 100)?;
        check::opt_chars(&p.field("description"), o.description.as_deref(), 0, 100)?;
    }
    Ok(())
}
