use asyncord::prelude::*;

#[derive(Choice)]
enum Letter {
    A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z,
}

fn main() {}
