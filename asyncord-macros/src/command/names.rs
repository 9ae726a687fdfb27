//! Discord's rules for names, descriptions and locales, checked on literals at compile time
//! (<https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-naming>).

use proc_macro2::TokenStream;
use quote::{ToTokens, quote_spanned};
use syn::LitStr;

use crate::error;

/// Slash command, subcommand, option and localised-name rules: 1-32 letters, digits, `-`, `_`
/// or `'` (Devanagari and Thai included), lowercase wherever a letter has a lowercase form.
pub(crate) fn is_valid_slash_name(name: &str) -> bool {
    let count = name.chars().count();
    (1..=32).contains(&count)
        && name.chars().all(|c| {
            let allowed = matches!(c, '-' | '_' | '\'')
                || c.is_alphanumeric()
                || ('\u{0900}'..='\u{097F}').contains(&c)
                || ('\u{0E00}'..='\u{0E7F}').contains(&c);
            let mut lower = c.to_lowercase();
            allowed && lower.next() == Some(c) && lower.next().is_none()
        })
}

/// Why `name` breaks the slash naming rules, if it does.
pub(crate) fn slash_name_problem(name: &str) -> Option<String> {
    let count = name.chars().count();
    if count == 0 {
        return Some("a name cannot be empty".to_owned());
    }
    if count > 32 {
        return Some(format!(
            "`{name}` is {count} characters long; Discord allows 32"
        ));
    }
    if let Some(c) = name.chars().find(|c| c.to_lowercase().next() != Some(*c)) {
        return Some(format!(
            "`{name}` has the uppercase letter `{c}`; Discord wants lowercase names"
        ));
    }
    if let Some(c) = name.chars().find(|c| c.is_whitespace()) {
        return Some(format!(
            "`{name}` has a space ({c:?}); slash command and option names are one word: use \
             `-` or `_`"
        ));
    }
    (!is_valid_slash_name(name)).then(|| {
        format!("`{name}` has characters Discord does not allow (letters, digits, `-`, `_`, `'`)")
    })
}

/// Checks a slash name (of a command, subcommand or option), at `at`.
pub(crate) fn check_slash_name(at: impl ToTokens, name: &str, what: &str) -> syn::Result<()> {
    match slash_name_problem(name) {
        None => Ok(()),
        Some(problem) => Err(error(
            at,
            &format!("{problem}: not a valid {what} name"),
            "Discord's names are 1-32 lowercase letters, digits, `-`, `_` or `'`; rename the \
             function or parameter, or set `name = \"...\"`",
        )),
    }
}

/// Checks a context-menu command name (1-32 characters, anything else allowed).
pub(crate) fn check_menu_name(at: impl ToTokens, name: &str) -> syn::Result<()> {
    let count = name.chars().count();
    if (1..=32).contains(&count) {
        Ok(())
    } else {
        Err(error(
            at,
            &format!("a context-menu command name is 1-32 characters long, not {count}"),
            "shorten the name: it is what the Apps menu shows",
        ))
    }
}

/// Checks a description's length (1-100 characters).
pub(crate) fn check_description(at: impl ToTokens, text: &str, what: &str) -> syn::Result<()> {
    let count = text.chars().count();
    if (1..=100).contains(&count) {
        Ok(())
    } else {
        Err(error(
            at,
            &format!("{what} is {count} characters long; Discord wants 1 to 100"),
            if count == 0 {
                "write a description (a doc comment, or `description = \"...\"`)"
            } else {
                "shorten it: the first paragraph of the doc comment is the description, so \
                 move the details to a second paragraph, or set `description = \"...\"`"
            },
        ))
    }
}

/// A compile-time check that `locale` is one of Discord's, as a constant item.
pub(crate) fn locale_check(locale: &LitStr) -> TokenStream {
    let value = locale.value();
    let message = format!(
        "`{value}` is not a Discord locale: write one of id, da, de, en-GB, en-US, es-ES, \
         es-419, fr, hr, it, lt, hu, nl, no, pl, pt-BR, ro, fi, sv-SE, vi, tr, cs, el, bg, ru, \
         uk, hi, th, zh-CN, ja, zh-TW, ko"
    );
    quote_spanned! {locale.span()=>
        const _: () = ::core::assert!(
            ::asyncord::commands::private::is_locale(#locale),
            #message
        );
    }
}

/// The first paragraph of the doc comments, joined into one line.
pub(crate) fn doc_description(attrs: &[syn::Attribute]) -> Option<(String, proc_macro2::Span)> {
    let mut lines = Vec::new();
    let mut span = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("doc")) {
        let syn::Meta::NameValue(nv) = &attr.meta else {
            continue;
        };
        let syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) = &nv.value
        else {
            continue;
        };
        span.get_or_insert_with(|| syn::spanned::Spanned::span(attr));
        for line in s.value().lines() {
            let line = line.trim();
            if line.is_empty() {
                if !lines.is_empty() {
                    return Some((
                        lines.join(" "),
                        span.unwrap_or_else(proc_macro2::Span::call_site),
                    ));
                }
            } else {
                lines.push(line.to_owned());
            }
        }
    }
    let span = span?;
    (!lines.is_empty()).then(|| (lines.join(" "), span))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(is_valid_slash_name("roll"));
        assert!(is_valid_slash_name("über-2"));
        assert!(!is_valid_slash_name("Roll"));
        assert!(slash_name_problem("two words").unwrap().contains("space"));
        assert!(slash_name_problem("Roll").unwrap().contains("uppercase"));
    }
}
