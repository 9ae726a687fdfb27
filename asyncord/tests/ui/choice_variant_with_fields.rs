use asyncord::prelude::*;

#[derive(Choice)]
enum Size {
    Small,
    Custom(u8),
}

fn main() {}
