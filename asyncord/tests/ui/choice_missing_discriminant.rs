use asyncord::prelude::*;

#[derive(Choice)]
enum Speed {
    Slow = 1,
    Fast,
}

fn main() {}
