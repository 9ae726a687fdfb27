use asyncord::prelude::*;

#[derive(Modal)]
struct Feedback {
    #[input(label = "Text")]
    text: String,
}

fn main() {}
