use asyncord::prelude::*;

#[derive(Modal)]
#[modal(title = "Tell us everything about how this bot could become better for you")]
struct Feedback {
    #[input(label = "Text")]
    text: String,
}

fn main() {}
