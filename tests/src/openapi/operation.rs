//! [`Operation`]: one REST operation (method + path template) with its parameters, request
//! body and responses, read from the spec's `paths` object.

use std::collections::BTreeMap;

use serde_json::Value;

/// One segment of a path template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// A fixed segment such as `channels` or `@me`.
    Literal(String),
    /// A parameter such as `{channel_id}` (the name without braces).
    Param(String),
}

/// Where a parameter goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    /// A `{name}` segment of the path.
    Path,
    /// A query string parameter.
    Query,
}

/// A declared path or query parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Parameter {
    /// Its name.
    pub name: String,
    /// Path or query.
    pub location: Location,
    /// Whether it must be present (always true for path parameters).
    pub required: bool,
    /// Its JSON schema (values arrive as strings and are read as the schema's type).
    pub schema: Value,
}

/// A declared request body.
#[derive(Clone, Debug, PartialEq)]
pub struct RequestBody {
    /// Whether a body is required.
    pub required: bool,
    /// Media type (`application/json`, `multipart/form-data`, ...) to schema.
    pub content: BTreeMap<String, Value>,
}

/// A declared response.
#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    /// The status key as written in the spec: `200`, `204`, `4XX`, `429`.
    pub status: String,
    /// Media type to schema; empty when the response has no body (`204`).
    pub content: BTreeMap<String, Value>,
    /// Declared header name (as written, e.g. `X-RateLimit-Limit`) to its value's schema.
    pub headers: BTreeMap<String, Value>,
}

/// One REST operation.
#[derive(Clone, Debug, PartialEq)]
pub struct Operation {
    /// The spec's `operationId` (`create_message`), or `list_skus` for the one operation the
    /// docs have and the spec lacks.
    pub id: String,
    /// Upper-case HTTP method.
    pub method: String,
    /// Path template, e.g. `/channels/{channel_id}/messages`.
    pub path: String,
    /// Group name from `derived/rest-operations.json`.
    pub group: String,
    /// False for operations added from the docs (`list_skus`).
    pub in_spec: bool,
    /// Accepted auth schemes (`BotToken`, `OAuth2`, `none`).
    pub auth: Vec<String>,
    /// Path and query parameters.
    pub parameters: Vec<Parameter>,
    /// The request body, if the operation takes one.
    pub request_body: Option<RequestBody>,
    /// Declared responses, success and error.
    pub responses: Vec<Response>,
    segments: Vec<Segment>,
}

impl Operation {
    /// Reads an operation from the spec: `item` is the path item (for shared `parameters`),
    /// `op` the operation object; `document` resolves `$ref`d responses.
    pub(crate) fn from_spec(
        document: &Value,
        path: &str,
        method: &str,
        item: &Value,
        op: &Value,
    ) -> Result<Self, String> {
        let id = op
            .get("operationId")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{method} {path} has no operationId"))?
            .to_owned();
        let mut parameters: Vec<Parameter> = Vec::new();
        let shared = item.get("parameters").and_then(Value::as_array);
        let own = op.get("parameters").and_then(Value::as_array);
        for raw in shared.into_iter().chain(own).flatten() {
            let parameter = read_parameter(document, raw)
                .ok_or_else(|| format!("{id}: unreadable parameter {raw}"))?;
            // Operation-level parameters override path-level ones of the same name and place.
            parameters.retain(|p| !(p.name == parameter.name && p.location == parameter.location));
            parameters.push(parameter);
        }
        let request_body = op.get("requestBody").map(|body| RequestBody {
            required: body
                .get("required")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            content: read_content(body),
        });
        let mut responses = Vec::new();
        if let Some(map) = op.get("responses").and_then(Value::as_object) {
            for (status, raw) in map {
                let resolved = match raw.get("$ref").and_then(Value::as_str) {
                    Some(reference) => reference
                        .strip_prefix('#')
                        .and_then(|p| document.pointer(p))
                        .ok_or_else(|| {
                            format!("{id}: response $ref {reference} does not resolve")
                        })?,
                    None => raw,
                };
                responses.push(Response {
                    status: status.clone(),
                    content: read_content(resolved),
                    headers: read_headers(document, resolved),
                });
            }
        }
        let mut auth = Vec::new();
        for requirement in op
            .get("security")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            match requirement.as_object() {
                Some(schemes) if schemes.is_empty() => auth.push("none".to_owned()),
                Some(schemes) => auth.extend(schemes.keys().cloned()),
                None => {}
            }
        }
        let segments = parse_template(path);
        for segment in &segments {
            if let Segment::Param(name) = segment
                && !parameters
                    .iter()
                    .any(|p| p.location == Location::Path && &p.name == name)
            {
                parameters.push(Parameter {
                    name: name.clone(),
                    location: Location::Path,
                    required: true,
                    schema: Value::Bool(true),
                });
            }
        }
        Ok(Self {
            id,
            method: method.to_ascii_uppercase(),
            path: path.to_owned(),
            group: String::new(),
            in_spec: true,
            auth,
            parameters,
            request_body,
            responses,
            segments,
        })
    }

    /// The path template split into segments.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// A declared query parameter.
    pub fn query_parameter(&self, name: &str) -> Option<&Parameter> {
        self.parameters
            .iter()
            .find(|p| p.location == Location::Query && p.name == name)
    }

    /// A declared path parameter.
    pub fn path_parameter(&self, name: &str) -> Option<&Parameter> {
        self.parameters
            .iter()
            .find(|p| p.location == Location::Path && p.name == name)
    }

    /// The response declared for `status`: the exact code, else its class (`4XX`), else
    /// `default`.
    pub fn response_for(&self, status: u16) -> Option<&Response> {
        let exact = status.to_string();
        let class = format!("{}XX", status / 100);
        self.responses
            .iter()
            .find(|r| r.status == exact)
            .or_else(|| {
                self.responses
                    .iter()
                    .find(|r| r.status.eq_ignore_ascii_case(&class))
            })
            .or_else(|| self.responses.iter().find(|r| r.status == "default"))
    }

    /// The declared 2xx status codes.
    pub fn success_statuses(&self) -> Vec<u16> {
        self.responses
            .iter()
            .filter_map(|r| r.status.parse::<u16>().ok())
            .filter(|s| (200..300).contains(s))
            .collect()
    }

    pub(crate) fn set_group(&mut self, group: &str) {
        group.clone_into(&mut self.group);
    }

    pub(crate) fn set_in_spec(&mut self, in_spec: bool) {
        self.in_spec = in_spec;
    }
}

fn read_parameter(document: &Value, raw: &Value) -> Option<Parameter> {
    let raw = match raw.get("$ref").and_then(Value::as_str) {
        Some(reference) => document.pointer(reference.strip_prefix('#')?)?,
        None => raw,
    };
    let location = match raw.get("in")?.as_str()? {
        "path" => Location::Path,
        "query" => Location::Query,
        _ => return None,
    };
    Some(Parameter {
        name: raw.get("name")?.as_str()?.to_owned(),
        location,
        required: location == Location::Path
            || raw
                .get("required")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        schema: raw.get("schema").cloned().unwrap_or(Value::Bool(true)),
    })
}

fn read_content(node: &Value) -> BTreeMap<String, Value> {
    node.get("content")
        .and_then(Value::as_object)
        .map(|content| {
            content
                .iter()
                .map(|(media, entry)| {
                    let schema = entry.get("schema").cloned().unwrap_or(Value::Bool(true));
                    (media.clone(), schema)
                })
                .collect()
        })
        .unwrap_or_default()
}

fn read_headers(document: &Value, response: &Value) -> BTreeMap<String, Value> {
    let mut headers = BTreeMap::new();
    for (name, raw) in response
        .get("headers")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let header = match raw.get("$ref").and_then(Value::as_str) {
            Some(reference) => reference
                .strip_prefix('#')
                .and_then(|p| document.pointer(p))
                .unwrap_or(raw),
            None => raw,
        };
        let schema = header.get("schema").cloned().unwrap_or(Value::Bool(true));
        headers.insert(name.clone(), schema);
    }
    headers
}

/// `/channels/{channel_id}/messages` to `[Literal(channels), Param(channel_id), Literal(messages)]`.
pub(crate) fn parse_template(path: &str) -> Vec<Segment> {
    path.split('/')
        .filter(|s| !s.is_empty())
        .map(
            |s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) => Segment::Param(name.to_owned()),
                None => Segment::Literal(s.to_owned()),
            },
        )
        .collect()
}
