use asyncord::prelude::*;

#[derive(Modal)]
#[modal(title = "Survey")]
struct Survey {
    #[input(label = "A")]
    a: String,
    #[input(label = "B")]
    b: String,
    #[input(label = "C")]
    c: String,
    #[input(label = "D")]
    d: String,
    #[input(label = "E")]
    e: String,
    #[input(label = "F")]
    f: String,
}

fn main() {}
