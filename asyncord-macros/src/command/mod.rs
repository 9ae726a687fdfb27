//! `#[command]`: checks what Discord would refuse where the macro can see it (names,
//! descriptions, literal bounds, attribute combinations), then turns the function into one
//! returning an `::asyncord::commands::Command` whose action converts the options and resolves
//! the named arguments before calling the body. Whether a parameter is an option, an `Inject`
//! type or a named argument is asked of the type system, never read from the type's name.

pub(crate) mod attrs;
pub(crate) mod choice;
pub(crate) mod component;
pub(crate) mod modal;
pub(crate) mod names;
mod params;

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{FnArg, Ident, ItemFn, Pat, PatType, Type};

use attrs::{CommandAttrs, Localize, Menu};
use names::{check_description, check_menu_name, check_slash_name, doc_description, locale_check};
use params::ParamAttrs;

use crate::call_result::call_into_result;
use crate::error;

/// One parameter after the context.
struct Param {
    ident: Ident,
    /// The option's (or argument's) name.
    name: String,
    ty: Type,
    attrs: ParamAttrs,
}

pub(crate) fn expand(attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    let attrs = CommandAttrs::parse(attr)?;
    let first: TokenStream = item.clone().into_iter().take(2).collect();
    let mut func: ItemFn = syn::parse2(item).map_err(|_| {
        error(
            first,
            "`#[command]` goes on an `async fn`",
            "write `#[command] async fn name(ctx: CommandContext, ...) -> CommandResult { .. }`",
        )
    })?;
    check_signature(&func, "command")?;
    let menu = attrs.menu.map(|(m, _)| m);
    if let (Some((_, span)), Some(first)) = (attrs.menu, attrs.subcommands.first()) {
        let _ = span;
        return Err(error(
            first,
            "a context-menu command has no subcommands",
            "remove `subcommands(..)`, or make it a slash command (remove `context_menu`)",
        ));
    }

    // The name.
    let fn_name = func.sig.ident.unraw().to_string();
    let name = if let Some(lit) = &attrs.name {
        if menu.is_some() {
            check_menu_name(lit, &lit.value())?;
        } else {
            check_slash_name(lit, &lit.value(), "command")?;
        }
        lit.value()
    } else {
        if menu.is_some() {
            check_menu_name(&func.sig.ident, &fn_name)?;
        } else {
            check_slash_name(&func.sig.ident, &fn_name, "command")?;
        }
        fn_name
    };

    // The description.
    let description = match menu {
        Some(_) => {
            if let Some(d) = &attrs.description {
                return Err(error(
                    d,
                    "a context-menu command has no description",
                    "remove `description = ..`: Discord shows only the name in the Apps menu",
                ));
            }
            String::new()
        }
        None => match (&attrs.description, doc_description(&func.attrs)) {
            (Some(lit), _) => {
                check_description(lit, &lit.value(), "the description")?;
                lit.value()
            }
            (None, Some((text, span))) => {
                check_description(
                    quote_spanned!(span=> #[doc]),
                    &text,
                    "the description (the doc comment's first paragraph)",
                )?;
                text
            }
            (None, None) => {
                return Err(error(
                    &func.sig.ident,
                    "a slash command needs a description",
                    "write a doc comment above `#[command]` (`/// Rolls dice.`), or set \
                     `description = \"...\"`",
                ));
            }
        },
    };
    for l in &attrs.localize {
        check_localize(l, menu.is_some(), "command")?;
    }

    // The parameters.
    let mut inputs = func.sig.inputs.iter_mut();
    let Some(first) = inputs.next() else {
        return Err(syn::Error::new(
            func.sig.paren_token.span.join(),
            "a command takes its `CommandContext` first\n\nhelp: write `(ctx: CommandContext)`; \
             options, named arguments and `Inject` types follow it",
        ));
    };
    let ctx_ty = match first {
        FnArg::Receiver(r) => return Err(no_self(r)),
        FnArg::Typed(t) => {
            if let Some(a) = t.attrs.first() {
                return Err(error(
                    a,
                    "the context takes no attributes",
                    "move the attribute to an option parameter",
                ));
            }
            (*t.ty).clone()
        }
    };
    let mut params = Vec::new();
    for input in inputs {
        let FnArg::Typed(typed) = input else {
            continue;
        };
        params.push(param(typed)?);
    }
    check_duplicates(&params)?;

    let mut target = None;
    if let Some(m) = menu {
        if params.is_empty() {
            let (what, ty) = match m {
                Menu::User => ("user", "user: User"),
                Menu::Message => ("message", "message: Message"),
            };
            return Err(error(
                &func.sig.ident,
                &format!("a {what} command takes the {what} it was used on after the context"),
                &format!("add it: `(ctx: CommandContext, {ty})`"),
            ));
        }
        let t = params.remove(0);
        if let Some(span) = option_attr_span(&t.attrs) {
            return Err(syn::Error::new(
                span,
                "the target of a context-menu command takes no option attributes\n\nhelp: \
                 remove the attribute; context-menu commands have no options",
            ));
        }
        target = Some(t);
        for p in &params {
            if let Some(span) = option_attr_span(&p.attrs) {
                return Err(syn::Error::new(
                    span,
                    "context-menu commands have no options\n\nhelp: a parameter after the \
                     target is a named argument or an `Inject` type: remove the option \
                     attribute",
                ));
            }
        }
    }
    if !attrs.subcommands.is_empty() {
        for p in &params {
            if let Some(span) = option_attr_span(&p.attrs) {
                return Err(syn::Error::new(
                    span,
                    "a command with subcommands has no options of its own\n\nhelp: move the \
                     option to the subcommands; the parent's function runs before each \
                     subcommand's",
                ));
            }
        }
    }

    Ok(emit(
        &func,
        &attrs,
        menu,
        &name,
        &description,
        &ctx_ty,
        target.as_ref(),
        &params,
    ))
}

fn no_self(r: &syn::Receiver) -> syn::Error {
    error(
        r,
        "a command cannot take `self`",
        "make it a free `async fn`; put shared state in an argument \
         (`dispatcher.add_argument(\"state\", state)`)",
    )
}

/// The span of the first attribute that only options take.
fn option_attr_span(a: &ParamAttrs) -> Option<Span> {
    a.min
        .as_ref()
        .map(|b| b.span)
        .or_else(|| a.max.as_ref().map(|b| b.span))
        .or_else(|| a.min_length.as_ref().map(|l| l.span))
        .or_else(|| a.max_length.as_ref().map(|l| l.span))
        .or_else(|| a.channel_types.as_ref().map(|(_, s)| *s))
        .or_else(|| a.autocomplete.as_ref().map(Spanned::span))
        .or_else(|| a.name.as_ref().map(syn::LitStr::span))
        .or_else(|| a.description.as_ref().map(syn::LitStr::span))
        .or_else(|| a.localize.first().map(|l| l.locale.span()))
}

/// Checks the shape every macro-built function shares (`what`: "command", "component").
pub(crate) fn check_signature(func: &ItemFn, what: &str) -> syn::Result<()> {
    let sig = &func.sig;
    if let Some(c) = &sig.constness {
        return Err(error(
            c,
            &format!("a {what} cannot be a `const fn`"),
            "remove `const`",
        ));
    }
    if let Some(u) = &sig.unsafety {
        return Err(error(
            u,
            &format!("a {what} cannot be an `unsafe fn`"),
            "remove `unsafe` and use an `unsafe` block inside the body",
        ));
    }
    if let Some(abi) = &sig.abi {
        return Err(error(
            abi,
            &format!("a {what} cannot have an ABI"),
            "remove `extern`",
        ));
    }
    if sig.asyncness.is_none() {
        return Err(error(
            sig.fn_token,
            &format!("a {what} must be an `async fn`"),
            "add `async`: `async fn ...`",
        ));
    }
    if !sig.generics.params.is_empty() || sig.generics.where_clause.is_some() {
        return Err(error(
            &sig.generics,
            &format!("a {what} cannot be generic"),
            "use concrete types: every option and argument type must be known to register it",
        ));
    }
    if let Some(v) = &sig.variadic {
        return Err(error(
            v,
            &format!("a {what} cannot be variadic"),
            "remove `...`",
        ));
    }
    Ok(())
}

fn param(typed: &mut PatType) -> syn::Result<Param> {
    let attrs = ParamAttrs::take(&mut typed.attrs)?;
    let ident = match &*typed.pat {
        Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => p.ident.clone(),
        other => {
            return Err(error(
                other,
                "a command parameter must be a plain name",
                "write `name: Type`: the name is the option's (or the registered argument's); \
                 destructure inside the body",
            ));
        }
    };
    match &*typed.ty {
        Type::ImplTrait(t) => {
            return Err(error(
                t,
                "a command parameter cannot be `impl Trait`",
                "name a concrete type",
            ));
        }
        Type::Reference(r) => {
            return Err(error(
                r,
                "a command parameter cannot be a reference",
                "take the value: options are converted and arguments cloned for each call",
            ));
        }
        _ => {}
    }
    let ident_name = ident.unraw().to_string();
    let name = if let Some(lit) = &attrs.name {
        check_slash_name(lit, &lit.value(), "option")?;
        lit.value()
    } else {
        if attrs.has_option_settings() {
            check_slash_name(&ident, &ident_name, "option")?;
        }
        ident_name
    };
    if let Some(d) = &attrs.description {
        check_description(d, &d.value(), "the option's description")?;
    } else if let Some((text, span)) = &attrs.doc {
        check_description(
            quote_spanned!(*span=> #[doc]),
            text,
            "the option's description (its doc comment)",
        )?;
    }
    for l in &attrs.localize {
        check_localize(l, false, "option")?;
    }
    Ok(Param {
        ident,
        name,
        ty: (*typed.ty).clone(),
        attrs,
    })
}

fn check_duplicates(params: &[Param]) -> syn::Result<()> {
    for (i, p) in params.iter().enumerate() {
        if let Some(other) = params[..i].iter().find(|o| o.name == p.name) {
            let at = p
                .attrs
                .name
                .as_ref()
                .map_or_else(|| p.ident.span(), syn::LitStr::span);
            return Err(syn::Error::new(
                at,
                format!(
                    "two parameters are named `{}` (`{}` and `{}`)\n\nhelp: Discord refuses two \
                     options of one name; rename one with `#[name = \"...\"]`",
                    p.name, other.ident, p.ident
                ),
            ));
        }
    }
    Ok(())
}

fn check_localize(l: &Localize, menu: bool, what: &str) -> syn::Result<()> {
    if let Some(name) = &l.name {
        if menu {
            check_menu_name(name, &name.value())?;
        } else {
            check_slash_name(name, &name.value(), &format!("localised {what}"))?;
        }
    }
    if let Some(d) = &l.description {
        if menu {
            return Err(error(
                d,
                "a context-menu command has no description to translate",
                "remove `description = ..` from `localize(..)`",
            ));
        }
        check_description(d, &d.value(), "the localised description")?;
    }
    Ok(())
}

fn permissions(list: &[Ident]) -> TokenStream {
    if list.is_empty() {
        return quote!(::asyncord::model::Permissions::empty());
    }
    let flags = list.iter().map(|i| {
        quote_spanned! {i.span()=> ::asyncord::model::Permissions::#i}
    });
    quote!(#(#flags)|*)
}

fn camel(i: &Ident) -> Ident {
    let camel: String = i
        .to_string()
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect();
    Ident::new(&camel, i.span())
}

#[allow(clippy::too_many_arguments)]
fn emit(
    func: &ItemFn,
    attrs: &CommandAttrs,
    menu: Option<Menu>,
    name: &str,
    description: &str,
    ctx_ty: &Type,
    target: Option<&Param>,
    params: &[Param],
) -> TokenStream {
    let c = quote!(::asyncord::commands);
    let p = quote!(::asyncord::commands::private);
    let fn_ident = &func.sig.ident;
    let vis = &func.vis;
    let (docs, other_attrs): (Vec<_>, Vec<_>) =
        func.attrs.iter().partition(|a| a.path().is_ident("doc"));
    let inputs = &func.sig.inputs;
    let output = &func.sig.output;
    let block = &func.block;
    let def = format_ident!("__asyncord_def");
    let ctx = format_ident!("__asyncord_ctx");

    let constructor = match menu {
        None => quote!(#c::Command::slash(#name, #description)),
        Some(Menu::User) => quote!(#c::Command::user(#name)),
        Some(Menu::Message) => quote!(#c::Command::message(#name)),
    };

    // Command-level settings.
    let mut settings = Vec::new();
    for l in &attrs.localize {
        settings.push(locale_check(&l.locale));
        let locale = &l.locale;
        if let Some(n) = &l.name {
            settings.push(quote!(#def = #def.name_localization(#p::locale(#locale), #n);));
        }
        if let Some(d) = &l.description {
            settings.push(quote!(#def = #def.description_localization(#p::locale(#locale), #d);));
        }
    }
    if let Some(list) = &attrs.default_member_permissions {
        let perms = permissions(list);
        settings.push(quote!(#def = #def.default_member_permissions(#perms);));
    }
    if !attrs.required_permissions.is_empty() {
        let perms = permissions(&attrs.required_permissions);
        settings.push(quote!(#def = #def.required_permissions(#perms);));
    }
    if !attrs.required_bot_permissions.is_empty() {
        let perms = permissions(&attrs.required_bot_permissions);
        settings.push(quote!(#def = #def.required_bot_permissions(#perms);));
    }
    if let Some(list) = &attrs.contexts {
        let items = list.iter().map(|i| {
            let v = match i.to_string().as_str() {
                "bot_dm" => Ident::new("BotDm", i.span()),
                other => camel(&Ident::new(other, i.span())),
            };
            quote!(#p::InteractionContextType::#v)
        });
        settings.push(quote!(#def = #def.contexts([#(#items),*]);));
    }
    if let Some(list) = &attrs.integration_types {
        let items = list.iter().map(|i| {
            let v = camel(i);
            quote!(#p::ApplicationIntegrationType::#v)
        });
        settings.push(quote!(#def = #def.integration_types([#(#items),*]);));
    }
    if attrs.nsfw {
        settings.push(quote!(#def = #def.nsfw(true);));
    }
    for check in &attrs.checks {
        let text = quote!(#check).to_string().replace(' ', "");
        settings.push(quote_spanned! {check.span()=>
            #def = #def.check(#c::Check::new(#text, #check));
        });
    }
    if !attrs.cooldowns.is_empty() {
        let limits = attrs.cooldowns.iter().map(|cd| {
            let scope = camel(&cd.scope);
            let millis = cd.millis;
            quote!(.with(#c::CooldownScope::#scope, #p::Duration::from_millis(#millis)))
        });
        settings.push(quote!(#def = #def.cooldown(#c::Cooldown::new() #(#limits)*);));
    }
    if let Some(ephemeral) = attrs.auto_defer {
        settings.push(quote!(#def = #def.auto_defer(#ephemeral);));
    }
    for sub in &attrs.subcommands {
        settings.push(quote_spanned! {sub.span()=>
            #def = #def.subcommand(#sub());
        });
    }

    // Declarations and extractions of the parameters.
    let mut declares = Vec::new();
    let mut extracts = Vec::new();
    let mut vars = Vec::new();
    let ctx_var = format_ident!("__asyncord_param_context");
    vars.push(ctx_var.clone());
    if let Some(t) = target {
        let var = format_ident!("__asyncord_param_{}", t.ident.unraw());
        let ty = &t.ty;
        let get = if menu == Some(Menu::Message) {
            quote_spanned!(ty.span()=> #p::message_target::<#ty>(&#ctx))
        } else {
            quote_spanned!(ty.span()=> #p::user_target::<#ty>(&#ctx))
        };
        extracts.push(quote!(let #var: #ty = #get?;));
        vars.push(var);
    }
    for prm in params {
        let var = format_ident!("__asyncord_param_{}", prm.ident.unraw());
        let ty = &prm.ty;
        let n = &prm.name;
        let desc = prm
            .attrs
            .description
            .as_ref()
            .map(syn::LitStr::value)
            .or_else(|| prm.attrs.doc.as_ref().map(|(d, _)| d.clone()))
            .unwrap_or_default();
        // A named argument (in a context-menu command, or marked `#[arg]`) is probed without
        // `ViaOption` in scope, so that an option type is taken as an argument.
        let (probe, uses) = if menu.is_some() || prm.attrs.arg.is_some() {
            (
                quote_spanned!(ty.span()=> (&&#p::Param::<#ty>::new())),
                quote!(use #p::{ViaArgument as _, ViaInject as _};),
            )
        } else {
            (
                quote_spanned!(ty.span()=> (&&&#p::Param::<#ty>::new())),
                quote!(use #p::{ViaArgument as _, ViaInject as _, ViaOption as _};),
            )
        };
        declares.push(quote_spanned! {ty.span()=>
            {
                #uses
                #probe.declare(&mut #def, #n, #desc);
            }
        });
        declares.extend(option_settings(prm, &def));
        extracts.push(quote_spanned! {ty.span()=>
            let #var: #ty = {
                #uses
                #probe.extract(&#ctx, #n)
            }
            .await?;
        });
        vars.push(var);
    }

    let call = call_into_result(&quote!(__asyncord_body(#(#vars),*).await), fn_ident, output);
    let context = quote_spanned! {ctx_ty.span()=>
        let #ctx_var: #ctx_ty = #p::context::<#ctx_ty>(#ctx);
    };
    let future = quote_spanned! {fn_ident.span()=>
        #p::command_future(async move {
            #(#extracts)*
            #context
            #call
        })
    };

    // Spanned at the function's name, so that a future that is not `Send` is reported there.
    let action = quote_spanned! {fn_ident.span()=>
        #def.action(|#ctx: #c::CommandContext| #future)
    };
    quote! {
        #(#docs)*
        #[allow(clippy::too_many_lines)]
        #vis fn #fn_ident() -> #c::Command {
            #(#other_attrs)*
            #[allow(clippy::unused_async, clippy::used_underscore_binding)]
            async fn __asyncord_body(#inputs) #output #block

            #[allow(unused_mut)]
            let mut #def = #constructor;
            #(#declares)*
            #(#settings)*
            #action
        }
    }
}

/// What an option's attributes set on it, after its declaration.
fn option_settings(prm: &Param, def: &Ident) -> Vec<TokenStream> {
    let p = quote!(::asyncord::commands::private);
    let ty = &prm.ty;
    let a = &prm.attrs;
    let mut out = Vec::new();
    if !a.has_option_settings() {
        return out;
    }
    out.push(quote_spanned! {ty.span()=> #p::require_option::<#ty>();});
    let mut sets = Vec::new();
    for (field, bound) in [("min_value", &a.min), ("max_value", &a.max)] {
        if let Some(b) = bound {
            let field = Ident::new(field, Span::call_site());
            let tokens = &b.tokens;
            let value = if b.fractional {
                quote_spanned!(b.span=> #p::float_bound::<#ty>(#tokens))
            } else {
                quote_spanned!(b.span=> #p::int_bound::<#ty>(#tokens))
            };
            sets.push(quote!(__o.#field = ::core::option::Option::Some(#value);));
        }
    }
    for (field, length) in [("min_length", &a.min_length), ("max_length", &a.max_length)] {
        if let Some(l) = length {
            let field = Ident::new(field, Span::call_site());
            let v = l.value;
            sets.push(quote_spanned! {l.span=>
                __o.#field = ::core::option::Option::Some(#p::length_bound::<#ty>(#v));
            });
        }
    }
    if let Some((types, span)) = &a.channel_types {
        sets.push(quote_spanned! {*span=>
            __o.channel_types = ::core::option::Option::Some(
                #p::channel_types::<#ty>(&[#(#p::ChannelType::#types),*])
            );
        });
    }
    for l in &a.localize {
        out.push(locale_check(&l.locale));
        let locale = &l.locale;
        if let Some(n) = &l.name {
            sets.push(quote! {
                __o.name_localizations
                    .get_or_insert_with(::core::default::Default::default)
                    .insert(#p::locale(#locale), ::std::string::String::from(#n));
            });
        }
        if let Some(d) = &l.description {
            sets.push(quote! {
                __o.description_localizations
                    .get_or_insert_with(::core::default::Default::default)
                    .insert(#p::locale(#locale), ::std::string::String::from(#d));
            });
        }
    }
    if !sets.is_empty() {
        out.push(quote! {
            if let ::core::option::Option::Some(__o) = #p::last_option(&mut #def) {
                #(#sets)*
            }
        });
    }
    if let Some(f) = &a.autocomplete {
        out.push(quote_spanned! {f.span()=>
            #p::set_autocomplete(
                &mut #def,
                ::asyncord::commands::Completer::for_option::<#ty, _, _>(#f),
            );
        });
    }
    out
}
