//! The arguments of `#[command(...)]`, `#[component(...)]` and of `localize(...)`.

use proc_macro2::{Span, TokenStream};
use syn::meta::ParseNestedMeta;
use syn::parse::Parser;
use syn::{Ident, Lit, LitStr, Path};

use crate::error;

/// `localize(locale = "fr", name = "...", description = "...")`.
pub(crate) struct Localize {
    pub(crate) locale: LitStr,
    pub(crate) name: Option<LitStr>,
    pub(crate) description: Option<LitStr>,
}

impl Localize {
    /// `localize(...)` inside `#[command(...)]`.
    pub(crate) fn parse(meta: &ParseNestedMeta<'_>) -> syn::Result<Self> {
        Self::collect(&meta.path, |f| meta.parse_nested_meta(f))
    }

    /// `#[localize(...)]` on a parameter.
    pub(crate) fn from_attr(attr: &syn::Attribute) -> syn::Result<Self> {
        Self::collect(attr.path(), |f| attr.parse_nested_meta(f))
    }

    fn collect(
        at: &Path,
        run: impl FnOnce(&mut dyn FnMut(ParseNestedMeta<'_>) -> syn::Result<()>) -> syn::Result<()>,
    ) -> syn::Result<Self> {
        let mut locale = None;
        let mut name = None;
        let mut description = None;
        run(&mut |inner: ParseNestedMeta<'_>| {
            if inner.path.is_ident("locale") {
                locale = Some(inner.value()?.parse::<LitStr>()?);
            } else if inner.path.is_ident("name") {
                name = Some(inner.value()?.parse::<LitStr>()?);
            } else if inner.path.is_ident("description") {
                description = Some(inner.value()?.parse::<LitStr>()?);
            } else {
                return Err(error(
                    &inner.path,
                    "unknown `localize` argument",
                    "write `localize(locale = \"fr\", name = \"...\", description = \"...\")`",
                ));
            }
            Ok(())
        })?;
        let Some(locale) = locale else {
            return Err(error(
                at,
                "`localize` needs a `locale`",
                "write `localize(locale = \"fr\", name = \"...\", description = \"...\")`",
            ));
        };
        if name.is_none() && description.is_none() {
            return Err(error(
                at,
                "`localize` translates nothing",
                "give a `name = \"...\"`, a `description = \"...\"`, or both",
            ));
        }
        Ok(Self {
            locale,
            name,
            description,
        })
    }
}

/// Which context menu a command is in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Menu {
    User,
    Message,
}

/// A cooldown: a scope and a duration in milliseconds.
pub(crate) struct CooldownArg {
    pub(crate) scope: Ident,
    pub(crate) millis: u64,
}

/// Everything `#[command(...)]` may say.
#[derive(Default)]
pub(crate) struct CommandAttrs {
    pub(crate) name: Option<LitStr>,
    pub(crate) description: Option<LitStr>,
    pub(crate) subcommands: Vec<Path>,
    pub(crate) menu: Option<(Menu, Span)>,
    pub(crate) localize: Vec<Localize>,
    pub(crate) default_member_permissions: Option<Vec<Ident>>,
    pub(crate) required_permissions: Vec<Ident>,
    pub(crate) required_bot_permissions: Vec<Ident>,
    pub(crate) contexts: Option<Vec<Ident>>,
    pub(crate) integration_types: Option<Vec<Ident>>,
    pub(crate) nsfw: bool,
    pub(crate) checks: Vec<Path>,
    pub(crate) cooldowns: Vec<CooldownArg>,
    pub(crate) auto_defer: Option<bool>,
}

const COMMAND_ARGS: &str = "`name`, `description`, `subcommands(..)`, `context_menu`, \
                            `localize(..)`, `default_member_permissions(..)`, \
                            `required_permissions(..)`, `required_bot_permissions(..)`, \
                            `contexts(..)`, `integration_types(..)`, `nsfw`, `check`, \
                            `checks(..)`, `cooldown(..)`, `auto_defer`";

fn idents(meta: &ParseNestedMeta<'_>) -> syn::Result<Vec<Ident>> {
    let mut out = Vec::new();
    meta.parse_nested_meta(|inner| {
        match inner.path.get_ident() {
            Some(i) => out.push(i.clone()),
            None => {
                return Err(error(
                    &inner.path,
                    "expected a name",
                    "list names separated by commas",
                ));
            }
        }
        Ok(())
    })?;
    Ok(out)
}

fn paths(meta: &ParseNestedMeta<'_>) -> syn::Result<Vec<Path>> {
    let mut out = Vec::new();
    meta.parse_nested_meta(|inner| {
        out.push(inner.path.clone());
        Ok(())
    })?;
    Ok(out)
}

/// Seconds (an integer or a decimal literal) as milliseconds.
fn seconds(lit: &Lit) -> syn::Result<u64> {
    let seconds = match lit {
        Lit::Int(i) => i.base10_parse::<f64>()?,
        Lit::Float(f) => f.base10_parse::<f64>()?,
        other => {
            return Err(error(
                other,
                "a cooldown is a number of seconds",
                "write `cooldown(user = 5)` or `cooldown(user = 2.5)`",
            ));
        }
    };
    if !(seconds > 0.0 && seconds <= 31_536_000.0) {
        return Err(error(
            lit,
            "a cooldown lasts more than 0 seconds and at most a year",
            "write a positive number of seconds",
        ));
    }
    Ok((seconds * 1000.0).round() as u64)
}

impl CommandAttrs {
    pub(crate) fn parse(tokens: TokenStream) -> syn::Result<Self> {
        let mut attrs = Self::default();
        let parser = syn::meta::parser(|meta| attrs.one(&meta));
        parser.parse2(tokens)?;
        Ok(attrs)
    }

    fn one(&mut self, meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
        let path = &meta.path;
        let key = path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        match key.as_str() {
            "name" => self.name = Some(meta.value()?.parse()?),
            "description" => self.description = Some(meta.value()?.parse()?),
            "subcommands" => {
                let list = paths(meta)?;
                for (i, p) in list.iter().enumerate() {
                    if list[..i].contains(p) {
                        return Err(error(
                            p,
                            "this subcommand is listed twice",
                            "list each subcommand once: Discord refuses two subcommands of one \
                             name",
                        ));
                    }
                }
                if list.is_empty() {
                    return Err(error(
                        path,
                        "`subcommands()` lists no subcommand",
                        "name the `#[command]` functions: `subcommands(add, remove)`",
                    ));
                }
                self.subcommands = list;
            }
            "context_menu" => {
                let kind: LitStr = meta.value()?.parse()?;
                let menu = match kind.value().as_str() {
                    "user" => Menu::User,
                    "message" => Menu::Message,
                    other => {
                        return Err(error(
                            &kind,
                            &format!("`{other}` is not a context menu"),
                            "write `context_menu = \"user\"` or `context_menu = \"message\"`",
                        ));
                    }
                };
                self.menu = Some((menu, kind.span()));
            }
            "localize" => self.localize.push(Localize::parse(meta)?),
            "default_member_permissions" => {
                self.default_member_permissions = Some(idents(meta)?);
            }
            "required_permissions" => self.required_permissions.extend(idents(meta)?),
            "required_bot_permissions" => self.required_bot_permissions.extend(idents(meta)?),
            "contexts" => {
                let list = idents(meta)?;
                for i in &list {
                    if !["guild", "bot_dm", "private_channel"].contains(&i.to_string().as_str()) {
                        return Err(error(
                            i,
                            &format!("`{i}` is not an interaction context"),
                            "write any of `guild`, `bot_dm`, `private_channel`",
                        ));
                    }
                }
                self.contexts = Some(list);
            }
            "integration_types" => {
                let list = idents(meta)?;
                for i in &list {
                    if !["guild_install", "user_install"].contains(&i.to_string().as_str()) {
                        return Err(error(
                            i,
                            &format!("`{i}` is not an integration type"),
                            "write `guild_install`, `user_install` or both",
                        ));
                    }
                }
                self.integration_types = Some(list);
            }
            "nsfw" => {
                self.nsfw = if meta.input.peek(syn::Token![=]) {
                    meta.value()?.parse::<syn::LitBool>()?.value
                } else {
                    true
                };
            }
            "check" => self.checks.push(meta.value()?.parse()?),
            "checks" => self.checks.extend(paths(meta)?),
            "cooldown" => {
                meta.parse_nested_meta(|inner| {
                    let Some(scope) = inner.path.get_ident().cloned() else {
                        return Err(error(
                            &inner.path,
                            "expected a scope",
                            "write `user`, `guild`, `channel` or `global`",
                        ));
                    };
                    if !["user", "guild", "channel", "global"].contains(&scope.to_string().as_str())
                    {
                        return Err(error(
                            &scope,
                            &format!("`{scope}` is not a cooldown scope"),
                            "write `cooldown(user = 5)`, with `user`, `guild`, `channel` or \
                             `global` and a number of seconds",
                        ));
                    }
                    let lit: Lit = inner.value()?.parse()?;
                    let millis = seconds(&lit)?;
                    self.cooldowns.push(CooldownArg { scope, millis });
                    Ok(())
                })?;
                if self.cooldowns.is_empty() {
                    return Err(error(
                        path,
                        "`cooldown()` sets no cooldown",
                        "write `cooldown(user = 5)`",
                    ));
                }
            }
            "auto_defer" => {
                let mut ephemeral = false;
                if meta.input.peek(syn::token::Paren) {
                    meta.parse_nested_meta(|inner| {
                        if inner.path.is_ident("ephemeral") {
                            ephemeral = true;
                            Ok(())
                        } else {
                            Err(error(
                                &inner.path,
                                "unknown `auto_defer` option",
                                "write `auto_defer` or `auto_defer(ephemeral)`",
                            ))
                        }
                    })?;
                }
                self.auto_defer = Some(ephemeral);
            }
            _ => {
                return Err(error(
                    path,
                    &format!("unknown `#[command]` argument `{}`", quote::quote!(#path)),
                    &format!("the arguments are {COMMAND_ARGS}"),
                ));
            }
        }
        Ok(())
    }
}
