//! Users, avatar decorations, primary guilds, connections, and user flags.
