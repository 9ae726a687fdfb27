//! Applications, teams, install params, integration types, and application flags.
