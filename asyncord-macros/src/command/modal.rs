//! `#[derive(Modal)]`: a struct with named fields as a modal form — `#[modal(title = "..")]` on
//! the struct, `#[input(label = "..", paragraph, min_length = .., max_length = ..,
//! placeholder = "..")]` on each field (one text input per field, required unless the field is
//! an `Option`). Discord's limits (title and labels of 1-45 characters, 1-5 inputs, lengths of
//! 0-4000, placeholders of at most 100) are checked at compile time.
//!
//! Modals: <https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-modal>.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, LitInt, LitStr};

use crate::error;

struct Input {
    ident: syn::Ident,
    ty: syn::Type,
    label: String,
    paragraph: bool,
    min_length: Option<u16>,
    max_length: Option<u16>,
    placeholder: Option<String>,
}

fn chars(at: &LitStr, what: &str, min: usize, max: usize) -> syn::Result<String> {
    let text = at.value();
    let n = text.chars().count();
    if (min..=max).contains(&n) {
        Ok(text)
    } else {
        Err(error(
            at,
            &format!("{what} is {min} to {max} characters long, not {n}"),
            "Discord refuses the modal otherwise: shorten it",
        ))
    }
}

fn length(lit: &LitInt, min: u16) -> syn::Result<u16> {
    let v: u64 = lit.base10_parse()?;
    if v < u64::from(min) || v > 4000 {
        return Err(error(
            lit,
            &format!("a text input's length is {min} to 4000 characters, not {v}"),
            "use a length within that range",
        ));
    }
    Ok(v as u16)
}

pub(crate) fn derive(input: TokenStream) -> syn::Result<TokenStream> {
    let input: DeriveInput = syn::parse2(input)?;
    let Data::Struct(data) = &input.data else {
        return Err(error(
            &input.ident,
            "`#[derive(Modal)]` goes on a struct with named fields",
            "write a struct: each field is one text input of the form",
        ));
    };
    let Fields::Named(fields) = &data.fields else {
        return Err(error(
            &data.fields,
            "a modal's fields must be named",
            "name each field: the name is the input's `custom_id`",
        ));
    };
    let mut title = None;
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("modal")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("title") {
                let lit: LitStr = meta.value()?.parse()?;
                title = Some(chars(&lit, "a modal's title", 1, 45)?);
                Ok(())
            } else {
                Err(error(
                    &meta.path,
                    "unknown `#[modal]` argument",
                    "write `#[modal(title = \"...\")]`",
                ))
            }
        })?;
    }
    let Some(title) = title else {
        return Err(error(
            &input.ident,
            "a modal needs a title",
            "add `#[modal(title = \"...\")]` under the derive",
        ));
    };
    let count = fields.named.len();
    if count == 0 || count > 5 {
        return Err(error(
            &input.ident,
            &format!("a modal has 1 to 5 inputs, not {count}"),
            "Discord shows at most 5 inputs in a modal: split the form",
        ));
    }
    let mut inputs = Vec::new();
    for field in &fields.named {
        let Some(ident) = field.ident.clone() else {
            continue;
        };
        let mut label = None;
        let mut paragraph = false;
        let mut min_length = None;
        let mut max_length = None;
        let mut placeholder = None;
        for attr in field.attrs.iter().filter(|a| a.path().is_ident("input")) {
            attr.parse_nested_meta(|meta| {
                let key = meta
                    .path
                    .get_ident()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                match key.as_str() {
                    "label" => label = Some(chars(&meta.value()?.parse()?, "a label", 1, 45)?),
                    "paragraph" => paragraph = true,
                    "min_length" => {
                        let lit: LitInt = meta.value()?.parse()?;
                        min_length = Some((length(&lit, 0)?, lit));
                    }
                    "max_length" => {
                        let lit: LitInt = meta.value()?.parse()?;
                        max_length = Some((length(&lit, 1)?, lit));
                    }
                    "placeholder" => {
                        placeholder =
                            Some(chars(&meta.value()?.parse()?, "a placeholder", 0, 100)?);
                    }
                    _ => {
                        return Err(error(
                            &meta.path,
                            "unknown `#[input]` argument",
                            "the arguments are `label = \"..\"`, `paragraph`, `min_length = ..`, \
                             `max_length = ..`, `placeholder = \"..\"`",
                        ));
                    }
                }
                Ok(())
            })?;
        }
        if let (Some((min, lit)), Some((max, _))) = (&min_length, &max_length)
            && min > max
        {
            return Err(error(
                lit,
                &format!("`min_length = {min}` is larger than `max_length = {max}`"),
                "swap them",
            ));
        }
        let Some(label) = label else {
            return Err(error(
                &ident,
                "a modal input needs a label",
                "add `#[input(label = \"...\")]` to the field",
            ));
        };
        inputs.push(Input {
            ident,
            ty: field.ty.clone(),
            label,
            paragraph,
            min_length: min_length.map(|(v, _)| v),
            max_length: max_length.map(|(v, _)| v),
            placeholder,
        });
    }

    let c = quote!(::asyncord::commands);
    let p = quote!(::asyncord::commands::private);
    let opt = |v: Option<u16>| {
        v.map_or_else(
            || quote!(::core::option::Option::None),
            |v| quote!(::core::option::Option::Some(#v)),
        )
    };
    let components = inputs.iter().map(|i| {
        let id = i.ident.to_string();
        let ty = &i.ty;
        let label = &i.label;
        let style = if i.paragraph {
            quote!(#p::TextInput::paragraph(#id))
        } else {
            quote!(#p::TextInput::short(#id))
        };
        let (min, max) = (opt(i.min_length), opt(i.max_length));
        let placeholder = match &i.placeholder {
            Some(text) => quote!(__input.placeholder = ::core::option::Option::Some(::std::string::String::from(#text));),
            None => quote!(),
        };
        quote_spanned! {ty.span()=>
            {
                let mut __input = #style;
                __input.min_length = #min;
                __input.max_length = #max;
                __input.required = ::core::option::Option::Some(
                    <#ty as #c::ModalField>::REQUIRED,
                );
                #placeholder
                #p::ModalComponent::from(#p::Label::new(#label, __input))
            }
        }
    });
    let reads = inputs.iter().map(|i| {
        let ident = &i.ident;
        let id = ident.to_string();
        let ty = &i.ty;
        let label = &i.label;
        let (min, max) = (opt(i.min_length), opt(i.max_length));
        quote_spanned! {ty.span()=>
            #ident: #c::FieldRules {
                id: #id,
                label: #label,
                min_length: #min,
                max_length: #max,
            }
            .read::<#ty>(data)?,
        }
    });
    let ident = &input.ident;
    Ok(quote! {
        impl #c::Modal for #ident {
            fn modal_data(custom_id: &str) -> #p::ModalData {
                #p::ModalData {
                    custom_id: ::std::string::String::from(custom_id),
                    title: ::std::string::String::from(#title),
                    components: ::std::vec![#(#components),*],
                }
            }

            fn from_submission(
                data: &#p::ModalSubmitData,
            ) -> ::core::result::Result<Self, #c::ModalError> {
                ::core::result::Result::Ok(Self {
                    #(#reads)*
                })
            }
        }
    })
}
