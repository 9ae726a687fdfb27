//! The end every generated handler or command shares: await the user's function and turn what
//! it returned into a `HandlerResult`.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, ReturnType};

/// `let out = <call>; IntoHandlerResult::into_handler_result(out)` for a function named `name`
/// returning `output`. The local is named at the call site (a span of the user's tokens would
/// name it in that span's hygiene, which a function written inside a `macro_rules!` does not
/// share), and its use is located at the return type, so a wrong one is reported there.
pub(crate) fn call_into_result(
    call: &TokenStream,
    name: &Ident,
    output: &ReturnType,
) -> TokenStream {
    let span = match output {
        ReturnType::Default => name.span(),
        ReturnType::Type(_, ty) => ty.span(),
    };
    let out = Ident::new("__asyncord_out", Span::call_site());
    let out_at_output = Ident::new("__asyncord_out", Span::call_site().located_at(span));
    let into_handler_result =
        quote!(::asyncord::dispatcher::IntoHandlerResult::into_handler_result);
    let convert = quote_spanned! {span=> #into_handler_result(#out_at_output) };
    quote! {
        let #out = #call;
        #convert
    }
}
