//! `#[inject]`: derives `::asyncord::dispatcher::Inject` for a struct with named fields, each
//! field being the registered argument of the same name (or itself an `Inject` type).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Fields, Item};

use crate::error;

pub(crate) fn expand(attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    if !attr.is_empty() {
        return Err(error(
            attr,
            "`#[inject]` takes no arguments",
            "write `#[inject]`; each field is the argument of the same name",
        ));
    }
    let parsed: Item = syn::parse2(item)?;
    let strukt = match parsed {
        Item::Struct(s) => s,
        Item::Enum(e) => {
            return Err(error(
                e.enum_token,
                "`#[inject]` cannot derive an enum",
                "use a struct with named fields (each field is the argument of the same name), \
                 or implement `Inject` by hand to choose a variant",
            ));
        }
        Item::Union(u) => {
            return Err(error(
                u.union_token,
                "`#[inject]` cannot derive a union",
                "use a struct with named fields",
            ));
        }
        other => {
            return Err(error(
                other,
                "`#[inject]` goes on a struct with named fields",
                "write `#[inject] struct Deps { client: RestClient, .. }`; for an async handler \
                 function use `#[handler]`",
            ));
        }
    };
    if !strukt.generics.params.is_empty() || strukt.generics.where_clause.is_some() {
        return Err(error(
            &strukt.generics,
            "an `#[inject]` struct cannot be generic",
            "use concrete field types: each is checked against the registered arguments",
        ));
    }
    let named = match &strukt.fields {
        Fields::Named(named) => named.named.iter().collect::<Vec<_>>(),
        Fields::Unit => Vec::new(),
        Fields::Unnamed(unnamed) => {
            return Err(error(
                unnamed,
                "`#[inject]` needs named fields",
                "name each field after the argument it receives: `struct Deps { client: \
                 RestClient }`",
            ));
        }
    };

    let name = &strukt.ident;
    let d = quote!(::asyncord::dispatcher);
    let p = quote!(::asyncord::dispatcher::private);
    let mut describes = Vec::new();
    let mut resolves = Vec::new();
    for field in named {
        let Some(ident) = &field.ident else { continue };
        let ty = &field.ty;
        if let syn::Type::Reference(r) = ty {
            return Err(error(
                r,
                "an `#[inject]` field cannot be a reference",
                "arguments are cloned for each call: take the value (`T`, not `&T`)",
            ));
        }
        let arg = ident.unraw().to_string();
        describes.push(quote_spanned! {ty.span()=>
            (&&&#p::Param::<#ty>::new()).describe(__asyncord_reqs, ::core::option::Option::None, #arg);
        });
        resolves.push(quote_spanned! {ty.span()=>
            #ident: (&&&#p::Param::<#ty>::new())
                .resolve(__asyncord_ctx, ::core::option::Option::None, #arg)
                .await?,
        });
    }

    Ok(quote! {
        #strukt

        const _: () = {
            #[allow(unused_imports)]
            use #p::{ViaArgument as _, ViaEvent as _, ViaInject as _};

            impl #d::Inject for #name {
                fn requirements(__asyncord_reqs: &mut #d::Requirements) {
                    let _ = &__asyncord_reqs;
                    #(#describes)*
                }

                async fn inject(
                    __asyncord_ctx: &#d::Context,
                ) -> ::core::result::Result<Self, #d::InjectError> {
                    let _ = &__asyncord_ctx;
                    ::core::result::Result::Ok(Self { #(#resolves)* })
                }
            }
        };
    })
}
