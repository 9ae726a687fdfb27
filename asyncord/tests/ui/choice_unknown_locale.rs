use asyncord::prelude::*;

#[derive(Choice)]
enum Size {
    Small,
    #[choice(localize(locale = "french", name = "Grand"))]
    Large,
}

fn main() {}
