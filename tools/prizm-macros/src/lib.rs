//! The Prizm SDK's compile-time asset macros. Use them through the `prizm` crate:
//! `prizm::include_image!("sprite.png")` and `prizm::include_font!("font.bdf")` (its
//! wrappers pass the path of the `prizm` crate in, so that the generated code names the
//! SDK's types wherever the SDK is).
//!
//! Files are read relative to the calling crate's manifest folder (like `include_bytes!`
//! relative to the source file, but from `CARGO_MANIFEST_DIR`), and the generated code
//! `include_bytes!`s the file as well, so cargo rebuilds the crate when the file changes.
//! A missing or invalid file is a compile error that names the file and what is wrong.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as Tokens, TokenTree};
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Ident, Lit, LitStr, Token};

mod font;
mod image;

/// `__include_image!($crate, "file.png")`: the `Sprite` of a PNG (see the `prizm`
/// crate's `include_image!`).
#[proc_macro]
pub fn __include_image(input: TokenStream) -> TokenStream {
    include_image(input.into()).into()
}

/// `__include_font!($crate, "file.bdf" | "sheet.png", options)`: the `MonoFont1bpp` of
/// a BDF file or a PNG glyph sheet (see the `prizm` crate's `include_font!`).
#[proc_macro]
pub fn __include_font(input: TokenStream) -> TokenStream {
    include_font(input.into()).into()
}

/// [`__include_image`] on `proc_macro2` tokens (testable outside the compiler).
fn include_image(input: Tokens) -> Tokens {
    expand(input, |krate, args| {
        if let Some(o) = args.options.first() {
            return Err(syn::Error::new(
                o.key.span(),
                "include_image! takes no options",
            ));
        }
        let (path, bytes) = args.read()?;
        let sprite = image::Sprite::from_png(&bytes).map_err(|e| args.error(&path, &e))?;
        Ok(sprite.tokens(&krate, &path))
    })
}

/// [`__include_font`] on `proc_macro2` tokens.
fn include_font(input: Tokens) -> Tokens {
    expand(input, |krate, args| {
        let (path, bytes) = args.read()?;
        let opts = font::Options::parse(&args.options)?;
        let is_bdf = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("bdf"));
        let font = if is_bdf {
            opts.bdf_only()?;
            let text = String::from_utf8_lossy(&bytes);
            font::MonoFont::from_bdf(&text)
        } else {
            font::MonoFont::from_png_sheet(&bytes, &opts)
        }
        .map_err(|e| args.error(&path, &e))?;
        Ok(font.tokens(&krate, &path))
    })
}

/// Splits `$crate, args` and runs `f`; an error becomes `compile_error!`.
fn expand(input: Tokens, f: impl FnOnce(Tokens, Args) -> syn::Result<Tokens>) -> Tokens {
    let mut krate = Tokens::new();
    let mut rest = input.into_iter();
    for t in rest.by_ref() {
        match &t {
            TokenTree::Punct(p) if p.as_char() == ',' => break,
            _ => krate.extend([t]),
        }
    }
    let result = syn::parse2::<Args>(rest.collect()).and_then(|args| f(krate, args));
    result.unwrap_or_else(|e| e.to_compile_error())
}

/// The user's arguments: a file name, then `key = value` options.
struct Args {
    file: LitStr,
    options: Vec<Opt>,
}

/// One `key = value` option.
struct Opt {
    key: Ident,
    value: Lit,
}

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.is_empty() {
            return Err(syn::Error::new(
                Span::call_site(),
                "expected a file name, e.g. include_image!(\"sprite.png\")",
            ));
        }
        let file: LitStr = input.parse()?;
        let mut options = Vec::new();
        if input.parse::<Option<Token![,]>>()?.is_some() {
            let list = Punctuated::<Opt, Token![,]>::parse_terminated(input)?;
            options.extend(list);
        }
        Ok(Args { file, options })
    }
}

impl Parse for Opt {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let key = input.parse()?;
        input.parse::<Token![=]>()?;
        let value = input.parse()?;
        Ok(Opt { key, value })
    }
}

impl Args {
    /// The file's absolute path (relative names from `CARGO_MANIFEST_DIR`) and bytes.
    fn read(&self) -> syn::Result<(std::path::PathBuf, Vec<u8>)> {
        let name = self.file.value();
        let path = match std::env::var_os("CARGO_MANIFEST_DIR") {
            Some(dir) => std::path::Path::new(&dir).join(&name),
            None => std::path::PathBuf::from(&name),
        };
        match std::fs::read(&path) {
            Ok(b) => Ok((path, b)),
            Err(e) => Err(syn::Error::new(
                self.file.span(),
                format!(
                    "cannot read {} ({e}); the path is relative to the crate's folder \
                     (where its Cargo.toml is)",
                    path.display()
                ),
            )),
        }
    }

    /// A compile error on the file name: `file: what`.
    fn error(&self, path: &std::path::Path, what: &str) -> syn::Error {
        syn::Error::new(self.file.span(), format!("{}: {what}", path.display()))
    }
}

/// `const _: &[u8] = include_bytes!(path);`: makes cargo rebuild when the file changes
/// (the compiler records the files `include_bytes!` reads; the constant is never used).
fn track(path: &std::path::Path) -> Tokens {
    let p = path.to_string_lossy();
    quote! { const _: &[u8] = include_bytes!(#p); }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A macro's expansion function.
    type Expand = fn(Tokens) -> Tokens;

    /// The expansion of `f` on `args` as text.
    fn expand_text(f: Expand, args: Tokens) -> String {
        f(quote!(krate, #args)).to_string()
    }

    #[test]
    fn a_png_expands_to_a_tracked_sprite() {
        let out = expand_text(include_image, quote!("../../tests/assets/ball.png"));
        assert!(out.contains("include_bytes !"), "{out}");
        assert!(
            out.contains("krate :: display :: Sprite :: new (16u16 , 16u16"),
            "{out}"
        );
    }

    #[test]
    fn bad_input_is_a_compile_error_naming_the_file() {
        let cases: [(Expand, Tokens, &str); 7] = [
            (include_image, quote!("missing.png"), "cannot read"),
            (
                include_image,
                quote!("Cargo.toml"),
                "Cargo.toml: not a valid PNG",
            ),
            (
                include_image,
                quote!("Cargo.toml", width = 3),
                "takes no options",
            ),
            (include_image, quote!(), "expected a file name"),
            (
                include_font,
                quote!("Cargo.toml"),
                "Cargo.toml: the PNG glyph sheet needs",
            ),
            (
                include_font,
                quote!("../../tests/assets/digits-5x7.bdf", width = 5),
                "no options",
            ),
            (
                include_font,
                quote!("../../tests/assets/digits-5x7.png", widht = 5),
                "unknown option `widht`",
            ),
        ];
        for (f, args, want) in cases {
            let out = expand_text(f, args.clone());
            assert!(
                out.starts_with(":: core :: compile_error !"),
                "{args}: {out}"
            );
            assert!(out.contains(want), "{args}: {out}");
        }
    }
}
