use asyncord::prelude::*;

#[derive(Choice)]
struct Size {
    cups: u8,
}

fn main() {}
