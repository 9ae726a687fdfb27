//! Channels of every type, threads, thread members and metadata, forum tags, permission overwrites, followed channels, and channel flags.
