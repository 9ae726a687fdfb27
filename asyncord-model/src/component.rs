//! Message and modal components, v1 (action rows, buttons, selects, text inputs) and v2 (sections, containers, text displays, media, files, separators, labels, ...).
