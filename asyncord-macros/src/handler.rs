//! `#[handler]`: checks the function's shape, then emits a unit struct of the same name that
//! implements `::asyncord::dispatcher::Handler`, with the function kept as `name::call`.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{FnArg, ItemFn, Pat, Type};

use crate::call_result::call_into_result;
use crate::error;

/// One argument parameter (every parameter after the event).
struct Param {
    ident: syn::Ident,
    name: String,
    ty: Type,
    position: usize,
}

pub(crate) fn expand(attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    if !attr.is_empty() {
        return Err(error(
            attr,
            "`#[handler]` takes no arguments",
            "write `#[handler]`; the function's name is the handler's name",
        ));
    }
    let func: ItemFn = match syn::parse2(item.clone()) {
        Ok(f) => f,
        Err(_) => {
            return Err(error(
                first_tokens(item),
                "`#[handler]` goes on an `async fn`",
                "write `#[handler] async fn on_event(event: SomeEvent, ...) { .. }`",
            ));
        }
    };
    check_signature(&func)?;
    let (event_ty, params) = split_params(&func)?;
    Ok(emit(&func, &event_ty, &params))
}

fn first_tokens(item: TokenStream) -> TokenStream {
    item.into_iter().take(2).collect()
}

fn check_signature(func: &ItemFn) -> syn::Result<()> {
    let sig = &func.sig;
    if let Some(c) = &sig.constness {
        return Err(error(
            c,
            "a handler cannot be a `const fn`",
            "remove `const`",
        ));
    }
    if let Some(u) = &sig.unsafety {
        return Err(error(
            u,
            "a handler cannot be an `unsafe fn`",
            "remove `unsafe` and use an `unsafe` block inside the body",
        ));
    }
    if let Some(abi) = &sig.abi {
        return Err(error(
            abi,
            "a handler cannot have an ABI",
            "remove the `extern` ABI",
        ));
    }
    if sig.asyncness.is_none() {
        return Err(error(
            sig.fn_token,
            "a handler must be an `async fn`",
            "add `async`: `async fn ...`; handlers run on their own task",
        ));
    }
    if !sig.generics.params.is_empty() {
        return Err(error(
            &sig.generics,
            "a handler cannot be generic",
            "use concrete types: the event and every argument type must be known to register \
             the handler",
        ));
    }
    if let Some(w) = &sig.generics.where_clause {
        return Err(error(
            w,
            "a handler cannot have a `where` clause",
            "use concrete types and remove the `where` clause",
        ));
    }
    if let Some(v) = &sig.variadic {
        return Err(error(v, "a handler cannot be variadic", "remove `...`"));
    }
    if sig.inputs.is_empty() {
        return Err(syn::Error::new(
            sig.paren_token.span.join(),
            "a handler needs the event as its first parameter\n\nhelp: add it, for example \
             `(event: MessageCreateEvent)`; its type selects the event",
        ));
    }
    Ok(())
}

fn split_params(func: &ItemFn) -> syn::Result<(Type, Vec<Param>)> {
    let mut event_ty = None;
    let mut params = Vec::new();
    for (position, input) in func.sig.inputs.iter().enumerate() {
        let typed = match input {
            FnArg::Receiver(r) => {
                return Err(error(
                    r,
                    "a handler cannot take `self`",
                    "make it a free `async fn`; put shared state in an argument \
                     (`dispatcher.add_argument(\"state\", state)`)",
                ));
            }
            FnArg::Typed(t) => t,
        };
        check_type(&typed.ty, position == 0)?;
        if position == 0 {
            event_ty = Some((*typed.ty).clone());
            continue;
        }
        let ident = match &*typed.pat {
            Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => p.ident.clone(),
            other => {
                return Err(error(
                    other,
                    "a handler argument must be a plain name",
                    "write `name: Type`: the name selects the registered argument; destructure \
                     inside the body",
                ));
            }
        };
        params.push(Param {
            name: ident.unraw().to_string(),
            ident,
            ty: (*typed.ty).clone(),
            position,
        });
    }
    let event_ty = event_ty.ok_or_else(|| {
        syn::Error::new(
            Span::call_site(),
            "a handler needs the event as its first parameter",
        )
    })?;
    Ok((event_ty, params))
}

fn check_type(ty: &Type, is_event: bool) -> syn::Result<()> {
    match ty {
        Type::ImplTrait(t) => Err(error(
            t,
            "a handler parameter cannot be `impl Trait`",
            "name a concrete type",
        )),
        Type::Infer(t) => Err(error(
            t,
            "a handler parameter needs a type",
            "write the type; `_` cannot be inferred here",
        )),
        Type::Reference(r) if r.mutability.is_some() => Err(error(
            r,
            if is_event {
                "the event cannot be taken by `&mut`"
            } else {
                "a handler argument cannot be a `&mut` reference"
            },
            if is_event {
                "the event is shared by all its handlers: take `E`, `&E` or `Arc<E>`"
            } else {
                "arguments are cloned for each call: take the value (share mutable state \
                 through `Arc<Mutex<T>>`)"
            },
        )),
        Type::Reference(r) if !is_event => Err(error(
            r,
            "a handler argument cannot be a reference",
            "arguments are cloned for each call: take the value (`T`, not `&T`)",
        )),
        Type::Reference(r) => match &*r.elem {
            Type::Reference(_) | Type::ImplTrait(_) | Type::Infer(_) => Err(error(
                r,
                "the event must be `E`, `&E` or `Arc<E>`",
                "take the event type itself, for example `&MessageCreateEvent`",
            )),
            _ => Ok(()),
        },
        _ => Ok(()),
    }
}

fn emit(func: &ItemFn, event_ty: &Type, params: &[Param]) -> TokenStream {
    let name = &func.sig.ident;
    let name_str = name.unraw().to_string();
    let vis = &func.vis;
    let (docs, attrs): (Vec<_>, Vec<_>) = func.attrs.iter().partition(|a| a.path().is_ident("doc"));
    let inputs = &func.sig.inputs;
    let output = &func.sig.output;
    let block = &func.block;
    let asyncness = &func.sig.asyncness;

    let d = quote!(::asyncord::dispatcher);
    let p = quote!(::asyncord::dispatcher::private);

    // The macro's own locals, named at the call site: a `quote_spanned!` at a span of the user's
    // tokens would otherwise name them in that span's hygiene (a handler written inside a
    // `macro_rules!` would not see them).
    let ctx = format_ident!("__asyncord_ctx");
    let reqs = format_ident!("__asyncord_reqs");
    let describes = params.iter().map(|prm| {
        let (ty, n, pos) = (&prm.ty, &prm.name, prm.position);
        quote_spanned! {ty.span()=>
            (&&&#p::Param::<#ty>::new()).describe(#reqs, ::core::option::Option::Some(#pos), #n);
        }
    });
    let resolves = params.iter().map(|prm| {
        let (ident, ty, n, pos) = (&prm.ident, &prm.ty, &prm.name, prm.position);
        let var = format_ident!("__asyncord_arg_{}", ident.unraw());
        quote_spanned! {ty.span()=>
            let #var: #ty = (&&&#p::Param::<#ty>::new())
                .resolve(&#ctx, ::core::option::Option::Some(#pos), #n)
                .await?;
        }
    });
    let vars = params
        .iter()
        .map(|prm| format_ident!("__asyncord_arg_{}", prm.ident.unraw()));

    // The event checks live in a function of their own (never called), so that a wrong first
    // parameter is one error at its type; the impl below only assumes what they check.
    let (event_check, where_clause, event_assoc, event_expr) = match event_ty {
        Type::Reference(r) => {
            let elem = &r.elem;
            (
                quote_spanned! {elem.span()=>
                    (&&#p::Param::<#elem>::new()).check_event_ref();
                },
                quote!(where #elem: #p::EventRef<__M>),
                quote!(<#elem as #p::EventRef<__M>>::Event),
                quote!(<#elem as #p::EventRef<__M>>::from_shared(&*__asyncord_event)),
            )
        }
        _ => (
            quote_spanned! {event_ty.span()=>
                (&&#p::Param::<#event_ty>::new()).check_event();
            },
            quote!(where #event_ty: #d::EventParam<__M>),
            quote!(<#event_ty as #d::EventParam<__M>>::Event),
            quote!(<#event_ty as #d::EventParam<__M>>::from_shared(__asyncord_event)),
        ),
    };
    let call = call_into_result(
        &quote!(#name::call(#event_expr, #(#vars),*).await),
        name,
        output,
    );
    let body = quote! {
        #(#resolves)*
        // Release the frame (and its reference to the event) first, so that a by-value event is
        // moved out of its `Arc` rather than cloned when this is its last handler.
        ::core::mem::drop(__asyncord_ctx);
        #call
    };
    // Spanned at the function's name, so a future that is not `Send` is reported there.
    let future = quote_spanned! {name.span()=>
        ::asyncord::dispatcher::private::handler_future(async move { #body })
    };
    let send_future = quote_spanned! {name.span()=>
        impl #p::FutureTrait<Output = #d::HandlerResult> + ::core::marker::Send + 'static
    };

    quote! {
        #(#docs)*
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, Default)]
        #vis struct #name;

        impl #name {
            /// The handler's function, callable directly (for example in tests).
            #(#attrs)*
            #[allow(dead_code, clippy::unused_async)]
            #vis #asyncness fn call(#inputs) #output #block
        }

        const _: () = {
            #[allow(unused_imports)]
            use #p::{EventChecks as _, OtherEventChecks as _, ViaArgument as _, ViaEvent as _, ViaInject as _};

            #[allow(dead_code)]
            fn __asyncord_check_event() {
                #event_check
            }

            impl<__M: 'static> #d::Handler<#p::ByMacro<__M>> for #name #where_clause {
                type Event = #event_assoc;

                fn name(&self) -> &'static str {
                    #name_str
                }

                fn requirements(&self, __asyncord_reqs: &mut #d::Requirements) {
                    let _ = &__asyncord_reqs;
                    #(#describes)*
                }

                #[allow(clippy::used_underscore_binding)]
                fn handle(
                    &self,
                    __asyncord_event: #p::Arc<Self::Event>,
                    __asyncord_ctx: #d::Context,
                ) -> #send_future {
                    #future
                }
            }
        };
    }
}
