//! `#[derive(Choice)]`: an enum of unit variants as an option's fixed choices — string choices
//! (name: the variant's name in words, value: its snake_case) or, when every variant has a
//! discriminant, integer choices. Discord's rules (1-25 choices, names and values of 1-100
//! characters, no duplicates) are checked at compile time.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Expr, ExprLit, ExprUnary, Fields, Lit, LitStr, UnOp};

use super::attrs::Localize;
use super::names::locale_check;
use crate::error;

/// One variant's choice.
struct Variant {
    ident: syn::Ident,
    name: String,
    value: Value,
    /// `(locale, name)` translations of the name.
    localize: Vec<(LitStr, LitStr)>,
}

enum Value {
    Text(String),
    Integer(i64),
}

/// `ExtraLarge` → `Extra large`.
fn words(ident: &str) -> String {
    let mut out = String::new();
    for (i, c) in ident.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `ExtraLarge` → `extra_large`.
fn snake(ident: &str) -> String {
    let mut out = String::new();
    for (i, c) in ident.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn discriminant(expr: &Expr) -> syn::Result<i64> {
    let (lit, negative) = match expr {
        Expr::Lit(ExprLit { lit, .. }) => (lit, false),
        Expr::Unary(ExprUnary {
            op: UnOp::Neg(_),
            expr,
            ..
        }) => match &**expr {
            Expr::Lit(ExprLit { lit, .. }) => (lit, true),
            other => return Err(bad_discriminant(other)),
        },
        other => return Err(bad_discriminant(other)),
    };
    let Lit::Int(i) = lit else {
        return Err(bad_discriminant(lit));
    };
    let v: i64 = i.base10_parse()?;
    let v = if negative { -v } else { v };
    if v.unsigned_abs() > 1 << 53 {
        return Err(error(
            expr,
            "Discord's integer choices are within -2^53 and 2^53",
            "use a smaller value",
        ));
    }
    Ok(v)
}

fn bad_discriminant(at: impl quote::ToTokens) -> syn::Error {
    error(
        at,
        "a choice's discriminant is an integer literal",
        "write `Variant = 1`; it is the value Discord sends back",
    )
}

pub(crate) fn derive(input: TokenStream) -> syn::Result<TokenStream> {
    let input: DeriveInput = syn::parse2(input)?;
    let Data::Enum(data) = &input.data else {
        return Err(error(
            &input.ident,
            "`#[derive(Choice)]` goes on an enum",
            "write an enum of unit variants: each variant is one choice",
        ));
    };
    if !input.generics.params.is_empty() {
        return Err(error(
            &input.generics,
            "a choice enum cannot be generic",
            "remove the generic parameters",
        ));
    }
    let count = data.variants.len();
    if count == 0 || count > 25 {
        return Err(error(
            &input.ident,
            &format!("a choice enum has 1 to 25 variants, not {count}"),
            "Discord shows at most 25 choices: for more, take a `String` option with \
             `#[autocomplete = f]`",
        ));
    }
    let integer = data.variants.iter().any(|v| v.discriminant.is_some());
    let mut variants: Vec<Variant> = Vec::new();
    for v in &data.variants {
        if !matches!(v.fields, Fields::Unit) {
            return Err(error(
                &v.fields,
                "a choice is a unit variant",
                "remove the fields: Discord sends back only the choice's value",
            ));
        }
        let mut name = None;
        let mut value = None;
        let mut localize = Vec::new();
        for attr in v.attrs.iter().filter(|a| a.path().is_ident("choice")) {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("name") {
                    name = Some(meta.value()?.parse::<LitStr>()?);
                    Ok(())
                } else if meta.path.is_ident("value") {
                    value = Some(meta.value()?.parse::<LitStr>()?);
                    Ok(())
                } else if meta.path.is_ident("localize") {
                    let l = Localize::parse(&meta)?;
                    if let Some(d) = &l.description {
                        return Err(error(
                            d,
                            "a choice has no description to translate",
                            "write `localize(locale = \"fr\", name = \"...\")`",
                        ));
                    }
                    if let Some(n) = l.name {
                        let count = n.value().chars().count();
                        if !(1..=100).contains(&count) {
                            return Err(error(
                                &n,
                                &format!(
                                    "a choice's name is 1 to 100 characters long, not {count}"
                                ),
                                "write a shorter translation",
                            ));
                        }
                        localize.push((l.locale, n));
                    }
                    Ok(())
                } else {
                    Err(error(
                        &meta.path,
                        "unknown `#[choice]` argument",
                        "write `#[choice(name = \"Shown name\", value = \"sent_value\", \
                         localize(locale = \"fr\", name = \"...\"))]`",
                    ))
                }
            })?;
        }
        let ident_text = v.ident.to_string();
        let shown = name
            .as_ref()
            .map_or_else(|| words(&ident_text), LitStr::value);
        let at: &dyn quote::ToTokens = match &name {
            Some(n) => n,
            None => &v.ident,
        };
        let n = shown.chars().count();
        if !(1..=100).contains(&n) {
            return Err(error(
                at,
                &format!("a choice's name is 1 to 100 characters long, not {n}"),
                "set a shorter name with `#[choice(name = \"...\")]`",
            ));
        }
        let value = match (&v.discriminant, value, integer) {
            (Some((_, expr)), None, true) => Value::Integer(discriminant(expr)?),
            (None, _, true) => {
                return Err(error(
                    &v.ident,
                    "this variant has no discriminant, but others do",
                    "give every variant a value (`Slow = 1`) for integer choices, or none for \
                     string choices",
                ));
            }
            (_, Some(lit), true) => {
                return Err(error(
                    &lit,
                    "an integer choice's value is its discriminant",
                    "remove `value = ..` and write `Variant = 1`",
                ));
            }
            (_, Some(lit), false) => {
                let text = lit.value();
                let n = text.chars().count();
                if !(1..=100).contains(&n) {
                    return Err(error(
                        &lit,
                        &format!("a choice's value is 1 to 100 characters long, not {n}"),
                        "write a shorter value",
                    ));
                }
                Value::Text(text)
            }
            (_, None, false) => Value::Text(snake(&ident_text)),
        };
        if let Some(other) = variants.iter().find(|o| o.name == shown) {
            return Err(error(
                at,
                &format!(
                    "two choices are named {shown:?} (`{}` and `{}`)",
                    other.ident, v.ident
                ),
                "Discord refuses duplicate choice names: rename one with `#[choice(name = \
                 \"...\")]`",
            ));
        }
        let duplicate_value = variants.iter().find(|o| match (&o.value, &value) {
            (Value::Text(a), Value::Text(b)) => a == b,
            (Value::Integer(a), Value::Integer(b)) => a == b,
            _ => false,
        });
        if let Some(other) = duplicate_value {
            return Err(error(
                &v.ident,
                &format!("`{}` and `{}` have the same value", other.ident, v.ident),
                "give each choice its own value",
            ));
        }
        variants.push(Variant {
            ident: v.ident.clone(),
            name: shown,
            value,
            localize,
        });
    }

    let ident = &input.ident;
    let c = quote!(::asyncord::commands);
    let p = quote!(::asyncord::commands::private);
    let kind = if integer {
        quote!(#p::ApplicationCommandOptionType::Integer)
    } else {
        quote!(#p::ApplicationCommandOptionType::String)
    };
    let choices = variants.iter().map(|v| {
        let name = &v.name;
        let choice = match &v.value {
            Value::Text(t) => quote!(#p::ApplicationCommandOptionChoice::new(#name, #t)),
            Value::Integer(n) => quote!(#p::ApplicationCommandOptionChoice::new(#name, #n)),
        };
        if v.localize.is_empty() {
            return choice;
        }
        let checks = v.localize.iter().map(|(locale, _)| locale_check(locale));
        let inserts = v.localize.iter().map(|(locale, text)| {
            quote! {
                __choice
                    .name_localizations
                    .get_or_insert_with(::core::default::Default::default)
                    .insert(#p::locale(#locale), ::std::string::String::from(#text));
            }
        });
        quote! {{
            #(#checks)*
            let mut __choice = #choice;
            #(#inserts)*
            __choice
        }}
    });
    let arms = variants.iter().map(|v| {
        let vi = &v.ident;
        match &v.value {
            Value::Text(t) => quote!(#t => ::core::option::Option::Some(Self::#vi),),
            Value::Integer(n) => quote!(#n => ::core::option::Option::Some(Self::#vi),),
        }
    });
    let from_value = if integer {
        quote! {
            let n = match value {
                #p::OptionValue::Integer(n) => *n,
                _ => return ::core::option::Option::None,
            };
            match n {
                #(#arms)*
                _ => ::core::option::Option::None,
            }
        }
    } else {
        quote! {
            let #p::OptionValue::String(s) = value else {
                return ::core::option::Option::None;
            };
            match s.as_str() {
                #(#arms)*
                _ => ::core::option::Option::None,
            }
        }
    };
    let names = variants.iter().map(|v| {
        let (vi, name) = (&v.ident, &v.name);
        quote!(Self::#vi => #name,)
    });
    let span = input.ident.span();
    Ok(quote::quote_spanned! {span=>
        impl #c::Choice for #ident {
            const KIND: #p::ApplicationCommandOptionType = #kind;

            fn choices() -> ::std::vec::Vec<#p::ApplicationCommandOptionChoice> {
                ::std::vec![#(#choices),*]
            }

            fn from_value(value: &#p::OptionValue) -> ::core::option::Option<Self> {
                #from_value
            }

            fn choice_name(&self) -> &'static str {
                match self {
                    #(#names)*
                }
            }
        }

        impl #c::CommandOption for #ident {
            const KIND: #p::ApplicationCommandOptionType = #kind;

            fn describe(option: &mut #p::ApplicationCommandOption) {
                #c::describe_choices::<Self>(option);
            }

            fn from_option(input: #c::OptionInput<'_>) -> ::core::result::Result<Self, #c::OptionError> {
                #c::choice_from_option::<Self>(input)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::{snake, words};

    #[test]
    fn variant_names_become_choice_names_and_values() {
        assert_eq!(words("ExtraLarge"), "Extra large");
        assert_eq!(snake("ExtraLarge"), "extra_large");
        assert_eq!(words("Small"), "Small");
    }
}
