//! Procedural macros for [asyncord](https://docs.rs/asyncord): `#[handler]` and `#[inject]`.
//!
//! Both are thin: they check the item's shape (with errors at the offending token that say what
//! to do) and expand to impls of traits in `asyncord::dispatcher`, where all the logic lives.
//! Expansions refer to `::asyncord::...` paths.

mod handler;
mod inject;

use proc_macro::TokenStream;

/// Turns an `async fn` into an event handler for `dispatcher.add_handler(name)`.
///
/// The first parameter's type selects the event (`E`, `&E` or `Arc<E>` for any
/// `E: GatewayEvent`); every other parameter is the registered argument of the same name (or an
/// `Inject` type). The function stays callable as `name::call(...)`.
///
/// ```ignore
/// #[handler]
/// async fn on_message(event: MessageCreateEvent, client: RestClient, my_number: i32) -> HandlerResult {
///     Ok(())
/// }
/// ```
#[proc_macro_attribute]
pub fn handler(attr: TokenStream, item: TokenStream) -> TokenStream {
    handler::expand(attr.into(), item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Derives `Inject` for a struct with named fields: each field is the registered argument of
/// the same name, and a handler can take the struct as one parameter.
///
/// ```ignore
/// #[inject]
/// struct Services { client: RestClient, db: Db }
/// ```
#[proc_macro_attribute]
pub fn inject(attr: TokenStream, item: TokenStream) -> TokenStream {
    inject::expand(attr.into(), item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// An error at `tokens` with a `help` line saying what to do.
pub(crate) fn error(tokens: impl quote::ToTokens, message: &str, help: &str) -> syn::Error {
    syn::Error::new_spanned(tokens, format!("{message}\n\nhelp: {help}"))
}
