use asyncord::prelude::*;

#[derive(Choice)]
enum Size {
    Small,
    #[choice(name = "Small")]
    Tiny,
}

fn main() {}
