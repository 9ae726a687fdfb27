//! The conformance checks: a recorded request against its operation (path parameters, query
//! parameters, body), and a response against the operation's declared responses.

use std::collections::BTreeSet;

use serde_json::{Map, Number, Value};

use super::matcher::{DEFAULT_BASE, path_values, split_path};
use super::operation::{Location, Operation};
use super::problem::Problem;
use super::request::{ParsedBody, Part, RecordedRequest, media_type, parse_body, parse_query};
use super::spec::Spec;
use super::values::describe;

/// The outcome of checking one request.
#[derive(Clone, Debug)]
pub struct Checked<'s> {
    /// The operation the request calls, if any matched.
    pub operation: Option<&'s Operation>,
    /// Everything wrong with it (empty when it conforms).
    pub problems: Vec<Problem>,
}

impl Spec {
    /// Checks a request (under [`DEFAULT_BASE`] or without a base) and says which operation it
    /// calls.
    pub fn check(&self, request: &RecordedRequest) -> Checked<'_> {
        self.check_under(DEFAULT_BASE, request)
    }

    /// [`Spec::check`] with another base prefix.
    pub fn check_under(&self, base: &str, request: &RecordedRequest) -> Checked<'_> {
        let Some(op) = self.match_request_under(base, &request.method, &request.path) else {
            let (path, _) = split_path(&request.path, base);
            let others = self.match_path_any_method(base, &request.path);
            let message = if others.is_empty() {
                format!(
                    "no operation matches {} {path}",
                    request.method.to_ascii_uppercase()
                )
            } else {
                let allowed: Vec<String> = others
                    .iter()
                    .map(|o| format!("{} ({})", o.method, o.id))
                    .collect();
                format!(
                    "{} is not a method of {path}; it has {}",
                    request.method.to_ascii_uppercase(),
                    allowed.join(", ")
                )
            };
            return Checked {
                operation: None,
                problems: vec![Problem::new("request", message)],
            };
        };
        let mut problems = Vec::new();
        let (path, query) = split_path(&request.path, base);
        self.check_path(op, path, &mut problems);
        self.check_query(op, query, &mut problems);
        self.check_body(op, request, &mut problems);
        Checked {
            operation: Some(op),
            problems,
        }
    }

    /// Checks a request; the problems only.
    pub fn check_request(&self, request: &RecordedRequest) -> Vec<Problem> {
        self.check(request).problems
    }

    /// Checks a response: the status is declared by the operation, a body-less status has no
    /// body (pass `Value::Null` for none), and a JSON body validates against the declared
    /// schema. Non-JSON responses (`image/png`, `text/csv`) are not validated.
    pub fn check_response(&self, op: &Operation, status: u16, body: &Value) -> Vec<Problem> {
        let Some(response) = op.response_for(status) else {
            let declared: Vec<&str> = op.responses.iter().map(|r| r.status.as_str()).collect();
            return vec![Problem::new(
                "response",
                format!(
                    "status {status} is not declared by {} (declared: {})",
                    op.id,
                    declared.join(", ")
                ),
            )];
        };
        if response.content.is_empty() {
            if body.is_null() {
                return Vec::new();
            }
            return vec![Problem::new(
                "response",
                format!(
                    "status {status} of {} has no body, but {} was returned",
                    op.id,
                    describe(body)
                ),
            )];
        }
        match response.content.get("application/json") {
            Some(schema) => self.validator().validate(schema, body, "response"),
            None => Vec::new(),
        }
    }

    /// Checks the values of the response headers the spec declares for this status (the
    /// `X-RateLimit-*` family): each one present must parse as its declared type. Absent
    /// headers are not problems (the spec does not mark them required, and Discord omits them
    /// on some routes). Header names compare case-insensitively.
    pub fn check_response_headers(
        &self,
        op: &Operation,
        status: u16,
        headers: &[(String, String)],
    ) -> Vec<Problem> {
        let Some(response) = op.response_for(status) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (name, schema) in &response.headers {
            for (_, value) in headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case(name)) {
                let value = self.coerce(schema, &[value.as_str()]);
                out.extend(
                    self.validator()
                        .validate(schema, &value, &format!("header.{name}")),
                );
            }
        }
        out
    }

    /// [`Spec::check_response`] over raw bytes (empty means no body).
    pub fn check_response_bytes(&self, op: &Operation, status: u16, body: &[u8]) -> Vec<Problem> {
        if body.is_empty() {
            return self.check_response(op, status, &Value::Null);
        }
        match serde_json::from_slice::<Value>(body) {
            Ok(value) => self.check_response(op, status, &value),
            Err(e) => {
                let json = op
                    .response_for(status)
                    .is_some_and(|r| r.content.contains_key("application/json"));
                if json {
                    vec![Problem::new("response", format!("invalid JSON: {e}"))]
                } else {
                    Vec::new()
                }
            }
        }
    }

    fn check_path(&self, op: &Operation, path: &str, out: &mut Vec<Problem>) {
        for (name, raw) in path_values(op, path) {
            let at = format!("path.{name}");
            let Some(parameter) = op.path_parameter(&name) else {
                continue;
            };
            let value = self.coerce(&parameter.schema, &[raw.as_str()]);
            out.extend(self.validator().validate(&parameter.schema, &value, &at));
        }
    }

    fn check_query(&self, op: &Operation, query: &str, out: &mut Vec<Problem>) {
        let pairs = parse_query(query);
        let mut names: Vec<&str> = Vec::new();
        for (name, _) in &pairs {
            if !names.contains(&name.as_str()) {
                names.push(name);
            }
        }
        for name in &names {
            let at = format!("query.{name}");
            let Some(parameter) = op.query_parameter(name) else {
                let declared: Vec<&str> = op
                    .parameters
                    .iter()
                    .filter(|p| p.location == Location::Query)
                    .map(|p| p.name.as_str())
                    .collect();
                let declared = if declared.is_empty() {
                    "it takes none".to_owned()
                } else {
                    format!("declared: {}", declared.join(", "))
                };
                out.push(Problem::new(
                    at,
                    format!("not a query parameter of {} ({declared})", op.id),
                ));
                continue;
            };
            let raws: Vec<&str> = pairs
                .iter()
                .filter(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
                .collect();
            let value = self.coerce(&parameter.schema, &raws);
            out.extend(self.validator().validate(&parameter.schema, &value, &at));
        }
        for parameter in &op.parameters {
            if parameter.location == Location::Query
                && parameter.required
                && !names.contains(&parameter.name.as_str())
            {
                out.push(Problem::new(
                    "query",
                    format!("missing required query parameter `{}`", parameter.name),
                ));
            }
        }
    }

    fn check_body(&self, op: &Operation, request: &RecordedRequest, out: &mut Vec<Problem>) {
        let parsed = match parse_body(request.content_type.as_deref(), &request.body) {
            Ok(parsed) => parsed,
            Err(message) => {
                out.push(Problem::new("body", message));
                return;
            }
        };
        let Some(declared) = &op.request_body else {
            if parsed != ParsedBody::Empty {
                out.push(Problem::new(
                    "body",
                    format!("{} takes no body, but one was sent", op.id),
                ));
            }
            return;
        };
        let accepts = || {
            declared
                .content
                .keys()
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        };
        let schema_for = |media: &str, out: &mut Vec<Problem>| {
            let schema = declared.content.get(media);
            if schema.is_none() {
                out.push(Problem::new(
                    "body",
                    format!("{} does not accept {media} (accepts {})", op.id, accepts()),
                ));
            }
            schema
        };
        match parsed {
            ParsedBody::Empty => {
                if declared.required {
                    out.push(Problem::new(
                        "body",
                        format!("missing: {} requires a body", op.id),
                    ));
                }
            }
            ParsedBody::Json(value) => {
                if let Some(schema) = schema_for("application/json", out) {
                    out.extend(self.request_validator().validate(schema, &value, "body"));
                }
            }
            ParsedBody::Multipart(parts) => {
                if let Some(schema) = schema_for("multipart/form-data", out) {
                    self.check_multipart(schema, &parts, out);
                }
            }
            ParsedBody::Form(pairs) => {
                if let Some(schema) = schema_for("application/x-www-form-urlencoded", out) {
                    let object = self.form_object(schema, &pairs);
                    out.extend(self.request_validator().validate(schema, &object, "body"));
                }
            }
            ParsedBody::Other(media) => out.push(Problem::new(
                "body",
                format!("{} does not accept {media} (accepts {})", op.id, accepts()),
            )),
        }
    }

    /// The validator for what the client sends: objects closed (an undeclared field is an
    /// error; see [`super::validator`]).
    fn request_validator(&self) -> super::Validator<'_> {
        self.validator().with_closed_objects()
    }

    /// A multipart body validates as one object: the fields of `payload_json`, plus every other
    /// part as a field (file parts as a placeholder string: the schema marks them
    /// `contentEncoding: binary`). Every non-`payload_json` part must be a field the
    /// multipart schema declares (`files[0]`, `file`, `name`...).
    fn check_multipart(&self, schema: &Value, parts: &[Part], out: &mut Vec<Problem>) {
        let mut object = Map::new();
        if let Some(payload) = parts.iter().find(|p| p.name == "payload_json") {
            match serde_json::from_slice::<Value>(&payload.data) {
                Ok(Value::Object(fields)) => object = fields,
                Ok(other) => out.push(Problem::new(
                    "body.payload_json",
                    format!("expected a JSON object, found {}", describe(&other)),
                )),
                Err(e) => out.push(Problem::new(
                    "body.payload_json",
                    format!("invalid JSON: {e}"),
                )),
            }
        }
        if parts.iter().filter(|p| p.name == "payload_json").count() > 1 {
            out.push(Problem::new("body.payload_json", "sent more than once"));
        }
        let mut declared = BTreeSet::new();
        self.property_names(schema, &mut declared, 0);
        for part in parts.iter().filter(|p| p.name != "payload_json") {
            let at = format!("body.{}", part.name);
            if !declared.contains(part.name.as_str()) {
                out.push(Problem::new(
                    &at,
                    "part not declared by the operation's multipart schema",
                ));
            }
            if object.contains_key(&part.name) {
                out.push(Problem::new(
                    &at,
                    "sent both as a part and inside payload_json",
                ));
                continue;
            }
            let is_file = part.filename.is_some()
                || part
                    .content_type
                    .as_deref()
                    .is_some_and(|ct| !media_type(ct).starts_with("text/"));
            let value = if is_file {
                format!("<{} bytes>", part.data.len())
            } else {
                String::from_utf8_lossy(&part.data).into_owned()
            };
            object.insert(part.name.clone(), Value::String(value));
        }
        out.extend(
            self.request_validator()
                .validate(schema, &Value::Object(object), "body"),
        );
    }

    /// A form body as a JSON object: each field read as its property's type (repeated fields
    /// as arrays), like query parameters.
    fn form_object(&self, schema: &Value, pairs: &[(String, String)]) -> Value {
        let mut object = Map::new();
        for (name, _) in pairs {
            if object.contains_key(name) {
                continue;
            }
            let raws: Vec<&str> = pairs
                .iter()
                .filter(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
                .collect();
            let property = self
                .property_schema(schema, name, 0)
                .unwrap_or(&Value::Bool(true));
            object.insert(name.clone(), self.coerce(property, &raws));
        }
        Value::Object(object)
    }

    /// The schema of property `name`, through `$ref`s and unions (the first one declared).
    fn property_schema<'a>(
        &'a self,
        schema: &'a Value,
        name: &str,
        depth: usize,
    ) -> Option<&'a Value> {
        if depth > 16 {
            return None;
        }
        if let Some(found) = schema.get("properties").and_then(|p| p.get(name)) {
            return Some(found);
        }
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str)
            && let Some(found) = self
                .validator()
                .resolve(reference)
                .and_then(|target| self.property_schema(target, name, depth + 1))
        {
            return Some(found);
        }
        ["allOf", "anyOf", "oneOf"].iter().find_map(|keyword| {
            schema
                .get(*keyword)
                .and_then(Value::as_array)?
                .iter()
                .find_map(|sub| self.property_schema(sub, name, depth + 1))
        })
    }

    /// Names of the properties a schema declares, through `$ref`s and unions (every variant).
    pub fn property_names_of<'a>(&'a self, schema: &'a Value) -> BTreeSet<&'a str> {
        let mut names = BTreeSet::new();
        self.property_names(schema, &mut names, 0);
        names
    }

    /// Names of the properties a schema declares, through `$ref`s and unions.
    fn property_names<'a>(
        &'a self,
        schema: &'a Value,
        names: &mut BTreeSet<&'a str>,
        depth: usize,
    ) {
        if depth > 16 {
            return;
        }
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str)
            && let Some(target) = self.validator().resolve(reference)
        {
            self.property_names(target, names, depth + 1);
        }
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            names.extend(props.keys().map(String::as_str));
        }
        for keyword in ["allOf", "anyOf", "oneOf"] {
            for sub in schema
                .get(keyword)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                self.property_names(sub, names, depth + 1);
            }
        }
    }

    /// Reads string values from a path or query string as the schema's type: integers,
    /// numbers and booleans (`true`/`false`) are parsed, an array takes repeated values or a
    /// comma-separated list, everything else stays a string. A value that does not parse
    /// stays a string, so the validator reports it against the declared type.
    fn coerce(&self, schema: &Value, raws: &[&str]) -> Value {
        let mut types = BTreeSet::new();
        self.declared_types(schema, &mut types, 0);
        let array_only = types.contains("array") && !types.contains("string");
        if raws.len() > 1 || (array_only && raws.len() == 1) {
            let items = self.array_items(schema, 0).unwrap_or(&Value::Bool(true));
            let pieces: Vec<&str> = if raws.len() == 1 {
                raws[0].split(',').collect()
            } else {
                raws.to_vec()
            };
            return Value::Array(
                pieces
                    .iter()
                    .map(|raw| self.coerce(items, &[raw]))
                    .collect(),
            );
        }
        let raw = raws.first().copied().unwrap_or_default();
        if types.contains("integer")
            && let Ok(i) = raw.parse::<i64>()
        {
            return Value::Number(i.into());
        }
        if types.contains("number")
            && let Some(n) = raw.parse::<f64>().ok().and_then(Number::from_f64)
        {
            return Value::Number(n);
        }
        if types.contains("boolean") && (raw == "true" || raw == "false") {
            return Value::Bool(raw == "true");
        }
        Value::String(raw.to_owned())
    }

    /// The `type` names a schema can take, through `$ref`s and unions.
    fn declared_types<'a>(
        &'a self,
        schema: &'a Value,
        types: &mut BTreeSet<&'a str>,
        depth: usize,
    ) {
        if depth > 16 {
            return;
        }
        match schema.get("type") {
            Some(Value::String(name)) => {
                types.insert(name);
            }
            Some(Value::Array(names)) => types.extend(names.iter().filter_map(Value::as_str)),
            _ => {}
        }
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str)
            && let Some(target) = self.validator().resolve(reference)
        {
            self.declared_types(target, types, depth + 1);
        }
        for keyword in ["allOf", "anyOf", "oneOf"] {
            for sub in schema
                .get(keyword)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                self.declared_types(sub, types, depth + 1);
            }
        }
    }

    /// The `items` schema of the array form of a schema, through `$ref`s and unions.
    fn array_items<'a>(&'a self, schema: &'a Value, depth: usize) -> Option<&'a Value> {
        if depth > 16 {
            return None;
        }
        if let Some(items) = schema.get("items") {
            return Some(items);
        }
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str)
            && let Some(items) = self
                .validator()
                .resolve(reference)
                .and_then(|t| self.array_items(t, depth + 1))
        {
            return Some(items);
        }
        ["allOf", "anyOf", "oneOf"].iter().find_map(|keyword| {
            schema
                .get(*keyword)
                .and_then(Value::as_array)?
                .iter()
                .find_map(|sub| self.array_items(sub, depth + 1))
        })
    }
}
