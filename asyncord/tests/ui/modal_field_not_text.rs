use asyncord::prelude::*;

#[derive(Modal)]
#[modal(title = "Feedback")]
struct Feedback {
    #[input(label = "Tags")]
    tags: Vec<String>,
}

fn main() {}
