//! Small shared value types: colours, image hashes, locales, the PATCH "absent vs null" helper.
