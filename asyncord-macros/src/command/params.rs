//! The parameters of a `#[command]` function and their attributes: `#[min]`, `#[max]`,
//! `#[min_length]`, `#[max_length]`, `#[channel_types(..)]`, `#[autocomplete = f]`,
//! `#[name = ".."]`, `#[description = ".."]` or a doc comment, `#[localize(..)]`, and `#[arg]`
//! (a named argument even if its type is an option type).

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::spanned::Spanned;
use syn::{Attribute, Expr, ExprLit, ExprUnary, Ident, Lit, LitStr, UnOp};

use super::attrs::Localize;
use super::names::doc_description;
use crate::error;

/// A numeric literal bound (`#[min = -5]`, `#[max = 2.5]`).
pub(crate) struct Bound {
    pub(crate) tokens: TokenStream,
    pub(crate) value: f64,
    pub(crate) fractional: bool,
    pub(crate) span: Span,
}

/// A length bound (`#[max_length = 100]`).
pub(crate) struct Length {
    pub(crate) value: u16,
    pub(crate) span: Span,
}

/// What the attributes of one parameter say.
#[derive(Default)]
pub(crate) struct ParamAttrs {
    pub(crate) name: Option<LitStr>,
    pub(crate) description: Option<LitStr>,
    pub(crate) doc: Option<(String, Span)>,
    pub(crate) min: Option<Bound>,
    pub(crate) max: Option<Bound>,
    pub(crate) min_length: Option<Length>,
    pub(crate) max_length: Option<Length>,
    pub(crate) channel_types: Option<(Vec<Ident>, Span)>,
    pub(crate) autocomplete: Option<Expr>,
    pub(crate) localize: Vec<Localize>,
    pub(crate) arg: Option<Span>,
}

const PARAM_ATTRS: &str = "`#[min = ..]`, `#[max = ..]`, `#[min_length = ..]`, \
                           `#[max_length = ..]`, `#[channel_types(..)]`, `#[autocomplete = f]`, \
                           `#[name = \"..\"]`, `#[description = \"..\"]` (or a doc comment), \
                           `#[localize(..)]`, `#[arg]`";

/// The largest magnitude of an integer or number option's value (2^53).
const MAX_MAGNITUDE: f64 = 9_007_199_254_740_992.0;

fn name_value(attr: &Attribute) -> syn::Result<&Expr> {
    match &attr.meta {
        syn::Meta::NameValue(nv) => Ok(&nv.value),
        other => Err(error(
            other,
            &format!(
                "write `#[{} = value]`",
                attr.path()
                    .get_ident()
                    .map(ToString::to_string)
                    .unwrap_or_default()
            ),
            "this attribute takes a value after `=`",
        )),
    }
}

fn bound(attr: &Attribute) -> syn::Result<Bound> {
    let expr = name_value(attr)?;
    let (lit, negative) = match expr {
        Expr::Lit(ExprLit { lit, .. }) => (lit, false),
        Expr::Unary(ExprUnary {
            op: UnOp::Neg(_),
            expr,
            ..
        }) => match &**expr {
            Expr::Lit(ExprLit { lit, .. }) => (lit, true),
            other => return Err(not_a_number(other)),
        },
        other => return Err(not_a_number(other)),
    };
    let (value, fractional) = match lit {
        Lit::Int(i) => (i.base10_parse::<f64>()?, false),
        Lit::Float(f) => (f.base10_parse::<f64>()?, true),
        other => return Err(not_a_number(other)),
    };
    let value = if negative { -value } else { value };
    if value.abs() > MAX_MAGNITUDE {
        return Err(error(
            expr,
            "Discord's option values are within -2^53 and 2^53",
            "use a bound within -9007199254740992..=9007199254740992",
        ));
    }
    let digits = match lit {
        Lit::Int(i) => i.base10_digits().to_owned(),
        Lit::Float(f) => f.base10_digits().to_owned(),
        _ => String::new(),
    };
    let text = if negative {
        format!("-{digits}")
    } else {
        digits
    };
    let tokens: TokenStream = if fractional {
        let lit = syn::LitFloat::new(&format!("{text}_f64"), expr.span());
        quote!(#lit)
    } else {
        let lit = syn::LitInt::new(&format!("{text}_i64"), expr.span());
        quote!(#lit)
    };
    Ok(Bound {
        tokens,
        value,
        fractional,
        span: expr.span(),
    })
}

fn not_a_number(at: impl ToTokens) -> syn::Error {
    error(
        at,
        "a bound is a number literal",
        "write `#[min = 1]`, `#[max = 100]` or `#[min = 0.5]`",
    )
}

fn length(attr: &Attribute, min: u16) -> syn::Result<Length> {
    let expr = name_value(attr)?;
    let Expr::Lit(ExprLit {
        lit: Lit::Int(i), ..
    }) = expr
    else {
        return Err(error(
            expr,
            "a length is a whole number",
            "write `#[max_length = 100]`",
        ));
    };
    let value: u64 = i.base10_parse()?;
    if value < u64::from(min) || value > 6000 {
        return Err(error(
            i,
            &format!("Discord allows lengths of {min} to 6000 characters, not {value}"),
            "use a length within that range",
        ));
    }
    Ok(Length {
        value: value as u16,
        span: i.span(),
    })
}

impl ParamAttrs {
    /// Reads (and removes) the attributes of a parameter.
    pub(crate) fn take(attrs: &mut Vec<Attribute>) -> syn::Result<Self> {
        let mut out = Self {
            doc: doc_description(attrs),
            ..Self::default()
        };
        for attr in attrs.drain(..) {
            let Some(key) = attr.path().get_ident().map(ToString::to_string) else {
                return Err(error(
                    attr.path(),
                    "unknown attribute on a command parameter",
                    &format!("the parameter attributes are {PARAM_ATTRS}"),
                ));
            };
            match key.as_str() {
                "doc" => {}
                "name" => out.name = Some(lit_str(&attr)?),
                "description" => out.description = Some(lit_str(&attr)?),
                "min" => out.min = Some(bound(&attr)?),
                "max" => out.max = Some(bound(&attr)?),
                "min_length" => out.min_length = Some(length(&attr, 0)?),
                "max_length" => out.max_length = Some(length(&attr, 1)?),
                "channel_types" => {
                    let mut types = Vec::new();
                    attr.parse_nested_meta(|meta| {
                        match meta.path.get_ident() {
                            Some(i) => types.push(i.clone()),
                            None => {
                                return Err(error(
                                    &meta.path,
                                    "expected a channel type",
                                    "name `ChannelType` variants: `#[channel_types(GuildText, \
                                     GuildVoice)]`",
                                ));
                            }
                        }
                        Ok(())
                    })?;
                    if types.is_empty() {
                        return Err(error(
                            &attr,
                            "`#[channel_types()]` allows no channel",
                            "name `ChannelType` variants: `#[channel_types(GuildText)]`",
                        ));
                    }
                    out.channel_types = Some((types, attr.span()));
                }
                "autocomplete" => out.autocomplete = Some(name_value(&attr)?.clone()),
                "localize" => out.localize.push(Localize::from_attr(&attr)?),
                "arg" => {
                    if !matches!(attr.meta, syn::Meta::Path(_)) {
                        return Err(error(&attr, "`#[arg]` takes nothing", "write `#[arg]`"));
                    }
                    out.arg = Some(attr.span());
                }
                other => {
                    return Err(error(
                        attr.path(),
                        &format!("unknown attribute `#[{other}]` on a command parameter"),
                        &format!("the parameter attributes are {PARAM_ATTRS}"),
                    ));
                }
            }
        }
        if let (Some(min), Some(max)) = (&out.min, &out.max)
            && min.value > max.value
        {
            return Err(syn::Error::new(
                min.span,
                format!(
                    "`#[min = {}]` is larger than `#[max = {}]`\n\nhelp: Discord refuses an \
                     option whose minimum exceeds its maximum: swap them",
                    min.value, max.value
                ),
            ));
        }
        if let (Some(min), Some(max)) = (&out.min_length, &out.max_length)
            && min.value > max.value
        {
            return Err(syn::Error::new(
                min.span,
                format!(
                    "`#[min_length = {}]` is larger than `#[max_length = {}]`\n\nhelp: Discord \
                     refuses an option whose minimum length exceeds its maximum: swap them",
                    min.value, max.value
                ),
            ));
        }
        if let Some(arg) = out.arg
            && out.has_option_settings()
        {
            return Err(syn::Error::new(
                arg,
                "`#[arg]` makes the parameter a named argument, which option attributes do not \
                 apply to\n\nhelp: remove `#[arg]` to make it an option, or remove the option \
                 attributes",
            ));
        }
        Ok(out)
    }

    /// Whether an attribute makes this parameter an option for sure.
    pub(crate) fn has_option_settings(&self) -> bool {
        self.name.is_some()
            || self.description.is_some()
            || self.min.is_some()
            || self.max.is_some()
            || self.min_length.is_some()
            || self.max_length.is_some()
            || self.channel_types.is_some()
            || self.autocomplete.is_some()
            || !self.localize.is_empty()
    }
}

fn lit_str(attr: &Attribute) -> syn::Result<LitStr> {
    match name_value(attr)? {
        Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) => Ok(s.clone()),
        other => Err(error(
            other,
            "expected a string",
            "write `#[name = \"...\"]` or `#[description = \"...\"]`",
        )),
    }
}
