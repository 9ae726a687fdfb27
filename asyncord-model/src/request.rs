//! REST request bodies with builders; each validates Discord's documented limits before anything is sent.
