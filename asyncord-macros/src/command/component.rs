//! `#[component("vote:{poll}:{choice}")]`: checks the `custom_id` pattern at compile time (and
//! that every capture has a parameter of its name), then turns the function into one returning
//! an `::asyncord::commands::Component` whose action parses the captures with `FromStr` and
//! resolves the other parameters as named arguments or `Inject` types.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::meta::ParseNestedMeta;
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::{FnArg, ItemFn, LitStr, Pat, Path, Token};

use super::check_signature;
use crate::call_result::call_into_result;
use crate::error;

/// `"pattern"` followed by `, check = f` or `, checks(f, g)`.
struct ComponentAttrs {
    pattern: LitStr,
    checks: Vec<Path>,
}

impl Parse for ComponentAttrs {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.is_empty() {
            return Err(syn::Error::new(
                input.span(),
                "`#[component]` needs a `custom_id` pattern\n\nhelp: write \
                 `#[component(\"vote:{poll}\")]`: each `{name}` captures the parameter `name`",
            ));
        }
        let pattern: LitStr = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "the first argument of `#[component]` is its `custom_id` pattern, a string\n\n\
                 help: write `#[component(\"vote:{poll}\")]`",
            )
        })?;
        let mut checks = Vec::new();
        while input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let parser = syn::meta::parser(|meta: ParseNestedMeta<'_>| {
                if meta.path.is_ident("check") {
                    checks.push(meta.value()?.parse()?);
                    Ok(())
                } else if meta.path.is_ident("checks") {
                    meta.parse_nested_meta(|inner| {
                        checks.push(inner.path.clone());
                        Ok(())
                    })
                } else {
                    Err(error(
                        &meta.path,
                        "unknown `#[component]` argument",
                        "after the pattern, write `check = f` or `checks(f, g)`",
                    ))
                }
            });
            let rest: TokenStream = input.parse()?;
            syn::parse::Parser::parse2(parser, rest)?;
        }
        Ok(Self { pattern, checks })
    }
}

/// The capture names of a pattern, or why it is not one (the rules of the runtime's
/// `CustomIdPattern`).
fn captures(text: &str) -> Result<Vec<String>, String> {
    if text.is_empty() {
        return Err("a pattern cannot be empty".to_owned());
    }
    if text.chars().count() > 100 {
        return Err("a custom id is at most 100 characters long".to_owned());
    }
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    let mut last_was_capture = false;
    while !rest.is_empty() {
        match rest.find(['{', '}']) {
            None => break,
            Some(i) if rest[i..].starts_with('}') => {
                return Err("a `}` without `{`".to_owned());
            }
            Some(i) => {
                if i > 0 {
                    last_was_capture = false;
                }
                let after = &rest[i + 1..];
                let end = after
                    .find('}')
                    .ok_or_else(|| "a `{` is never closed".to_owned())?;
                let name = &after[..end];
                if name.is_empty()
                    || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    || name.starts_with(|c: char| c.is_ascii_digit())
                {
                    return Err(format!("`{{{name}}}` is not a capture name"));
                }
                if last_was_capture {
                    return Err(format!(
                        "the capture `{{{name}}}` follows another capture: separate them with \
                         text (`{{a}}:{{b}}`)"
                    ));
                }
                if out.iter().any(|n| n == name) {
                    return Err(format!("the capture `{{{name}}}` appears twice"));
                }
                out.push(name.to_owned());
                last_was_capture = true;
                rest = &after[end + 1..];
            }
        }
    }
    Ok(out)
}

pub(crate) fn expand(attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    let attrs: ComponentAttrs = syn::parse2(attr)?;
    let first: TokenStream = item.clone().into_iter().take(2).collect();
    let func: ItemFn = syn::parse2(item).map_err(|_| {
        error(
            first,
            "`#[component]` goes on an `async fn`",
            "write `#[component(\"vote:{poll}\")] async fn vote(ctx: CommandContext, poll: u64) \
             -> CommandResult { .. }`",
        )
    })?;
    check_signature(&func, "component handler")?;
    let names = captures(&attrs.pattern.value()).map_err(|why| {
        error(
            &attrs.pattern,
            &format!("not a valid `custom_id` pattern: {why}"),
            "write literal text with `{name}` captures, such as `\"vote:{poll}:{choice}\"`",
        )
    })?;

    let mut inputs = func.sig.inputs.iter();
    let Some(first) = inputs.next() else {
        return Err(syn::Error::new(
            func.sig.paren_token.span.join(),
            "a component handler takes its `CommandContext` first\n\nhelp: write \
             `(ctx: CommandContext, ...)`",
        ));
    };
    let ctx_ty = match first {
        FnArg::Receiver(r) => {
            return Err(error(
                r,
                "a component handler cannot take `self`",
                "make it a free `async fn`",
            ));
        }
        FnArg::Typed(t) => (*t.ty).clone(),
    };
    let c = quote!(::asyncord::commands);
    let p = quote!(::asyncord::commands::private);
    let ctx = format_ident!("__asyncord_ctx");
    let caps = format_ident!("__asyncord_captures");
    let def = format_ident!("__asyncord_def");
    let mut extracts = Vec::new();
    let mut declares = Vec::new();
    let context_var = format_ident!("__asyncord_param_context");
    let mut vars = vec![context_var.clone()];
    let mut used = Vec::new();
    for input in inputs {
        let FnArg::Typed(typed) = input else {
            continue;
        };
        if let Some(a) = typed.attrs.first() {
            return Err(error(
                a,
                "component handler parameters take no attributes",
                "remove the attribute: a parameter is a capture of the pattern (by name), a named \
                 argument or an `Inject` type",
            ));
        }
        let ident = match &*typed.pat {
            Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => pi.ident.clone(),
            other => {
                return Err(error(
                    other,
                    "a component handler parameter must be a plain name",
                    "write `name: Type`",
                ));
            }
        };
        let name = ident.unraw().to_string();
        let ty = &typed.ty;
        let var = format_ident!("__asyncord_param_{}", ident.unraw());
        if names.contains(&name) {
            used.push(name.clone());
            extracts.push(quote_spanned! {ty.span()=>
                let #var: #ty = #p::capture::<#ty>(&#caps, #name)?;
            });
        } else {
            let uses = quote!(use #p::{ViaArgument as _, ViaComponentArgument as _, ViaComponentInject as _, ViaInject as _};);
            declares.push(quote_spanned! {ty.span()=>
                {
                    #uses
                    (&&#p::Param::<#ty>::new()).declare_in(#p::component_requirements(&mut #def), #name);
                }
            });
            extracts.push(quote_spanned! {ty.span()=>
                let #var: #ty = {
                    #uses
                    (&&#p::Param::<#ty>::new()).extract(&#ctx, #name)
                }
                .await?;
            });
        }
        vars.push(var);
    }
    if let Some(missing) = names.iter().find(|n| !used.contains(n)) {
        return Err(error(
            &attrs.pattern,
            &format!("the capture `{{{missing}}}` has no parameter"),
            &format!("add a parameter `{missing}: T` (any `T: FromStr`), or remove the capture"),
        ));
    }

    let fn_ident = &func.sig.ident;
    let vis = &func.vis;
    let (docs, other_attrs): (Vec<_>, Vec<_>) =
        func.attrs.iter().partition(|a| a.path().is_ident("doc"));
    let fn_inputs = &func.sig.inputs;
    let output = &func.sig.output;
    let block = &func.block;
    let pattern = &attrs.pattern;
    let call = call_into_result(&quote!(__asyncord_body(#(#vars),*).await), fn_ident, output);
    let context = quote_spanned! {ctx_ty.span()=>
        let #context_var: #ctx_ty = #p::context::<#ctx_ty>(#ctx);
    };
    let future = quote_spanned! {fn_ident.span()=>
        #p::command_future(async move {
            #(#extracts)*
            #context
            #call
        })
    };
    let checks = attrs.checks.iter().map(|check| {
        let text = quote!(#check).to_string().replace(' ', "");
        quote_spanned! {check.span()=>
            #def = #def.check(#c::Check::new(#text, #check));
        }
    });
    // Spanned at the function's name, so that a future that is not `Send` is reported there.
    let new_component = quote_spanned! {fn_ident.span()=>
        #c::Component::new(
            #pattern,
            |#ctx: #c::CommandContext, #caps: #c::Captures| #future,
        )
    };
    Ok(quote! {
        #(#docs)*
        #vis fn #fn_ident() -> #c::Component {
            #(#other_attrs)*
            #[allow(clippy::unused_async, clippy::used_underscore_binding)]
            async fn __asyncord_body(#fn_inputs) #output #block

            #[allow(unused_mut)]
            let mut #def = #new_component;
            #(#declares)*
            #(#checks)*
            #def
        }
    })
}

#[cfg(test)]
mod tests {
    use super::captures;

    #[test]
    fn patterns_are_checked_like_the_runtime_does() {
        assert_eq!(
            captures("vote:{poll}:{choice}").unwrap(),
            ["poll", "choice"]
        );
        assert!(captures("{a}{b}").unwrap_err().contains("follows"));
        assert!(captures("a{").unwrap_err().contains("never closed"));
        assert!(captures("{a}:{a}").unwrap_err().contains("twice"));
        assert!(captures("").is_err());
        assert_eq!(captures("plain").unwrap(), Vec::<String>::new());
    }
}
