//! A JSON Schema validator for the subset of JSON Schema 2020-12 that Discord's OpenAPI 3.1
//! spec uses (listed in [`super::keywords`]).
//!
//! Schemas are read straight from the spec's JSON; `$ref`s point into the same document
//! (`#/components/schemas/...`). Recursive schemas (`ErrorDetails`) are fine because every
//! recursion step descends into the instance; a `$ref` that re-enters itself on the same value
//! without consuming anything is reported instead of looping.
//!
//! # Unions
//! The spec writes unions two ways: `oneOf` (295 of them are `[null, X]`, 91 lists of `const`s
//! acting as enums, 85 unions of object schemas) and `anyOf` marked `x-discord-union: oneOf`
//! (16). Discord's README says the marked `anyOf` means "exactly one". Object schemas are open
//! (no `additionalProperties: false`) and overlap heavily: a thread validates as a
//! `GuildChannelResponse` too, a `PATCH /channels/{id}` body with only `name` validates against
//! all four channel-update variants. So by default ([`UnionMode::AtLeastOne`]) every union
//! needs at least one matching variant; [`UnionMode::ExactlyOne`] is the letter of
//! JSON Schema, kept for measuring how often the letter would reject valid bodies.
//!
//! # Closed objects
//! What Discord sends may carry fields the spec does not declare (Discord adds them without
//! notice), so responses are validated as the spec writes them: open. What the client sends
//! must use only what Discord documents, so request bodies are validated with
//! [`Validator::with_closed_objects`]: a field no schema of the object declares (its
//! `properties`, with those of its `allOf` parts) is an error, at every depth. An object schema
//! with `additionalProperties` (a map) or without `properties` (free-form) stays open.

use serde_json::{Map, Value};

use super::keywords;
use super::problem::Problem;
use super::values::{check_format, compare, describe, has_type, json_eq};

/// How `oneOf` (and `anyOf` marked `x-discord-union: oneOf`) is enforced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UnionMode {
    /// At least one variant must match (the default; see the module docs for why).
    #[default]
    AtLeastOne,
    /// Exactly one variant must match (JSON Schema's `oneOf`).
    ExactlyOne,
}

/// Nesting bound: deeper than this is treated as a spec bug rather than followed.
const MAX_DEPTH: usize = 256;

/// Validates JSON values against schemas of one OpenAPI document.
#[derive(Clone, Copy, Debug)]
pub struct Validator<'d> {
    document: &'d Value,
    unions: UnionMode,
    closed_objects: bool,
}

/// Per-call state: the `$ref`s being expanded for each instance value, the depth, and the
/// object whose undeclared fields an enclosing `allOf` checks (its parts do not).
struct State<'s> {
    active: Vec<(&'s str, *const Value)>,
    depth: usize,
    fields_checked_above: Option<*const Value>,
}

impl<'d> Validator<'d> {
    /// A validator resolving `$ref`s inside `document`.
    pub fn new(document: &'d Value) -> Self {
        Self {
            document,
            unions: UnionMode::default(),
            closed_objects: false,
        }
    }

    /// The same validator with closed objects: a field the schema does not declare is an
    /// error (for what the client sends; see the module docs).
    pub fn with_closed_objects(self) -> Self {
        Self {
            closed_objects: true,
            ..self
        }
    }

    /// The same validator with another union mode.
    pub fn with_unions(self, unions: UnionMode) -> Self {
        Self { unions, ..self }
    }

    /// Looks up a local `$ref` such as `#/components/schemas/SnowflakeType`.
    pub fn resolve(&self, reference: &str) -> Option<&'d Value> {
        self.document.pointer(reference.strip_prefix('#')?)
    }

    /// Validates `instance` against `schema`; `at` names the instance's root in problems
    /// (`body`, `response`, `query.limit`).
    pub fn validate<'s>(&self, schema: &'s Value, instance: &Value, at: &str) -> Vec<Problem>
    where
        'd: 's,
    {
        let mut state = State {
            active: Vec::new(),
            depth: 0,
            fields_checked_above: None,
        };
        let mut out = Vec::new();
        self.check(schema, instance, at, &mut state, &mut out);
        out
    }

    fn check<'s>(
        &self,
        schema: &'s Value,
        inst: &Value,
        at: &str,
        st: &mut State<'s>,
        out: &mut Vec<Problem>,
    ) where
        'd: 's,
    {
        let map = match schema {
            Value::Bool(true) => return,
            Value::Bool(false) => {
                out.push(Problem::new(
                    at,
                    format!("no value allowed, found {}", describe(inst)),
                ));
                return;
            }
            Value::Object(map) => map,
            _ => {
                out.push(Problem::new(at, "the spec's schema here is not an object"));
                return;
            }
        };
        if st.depth >= MAX_DEPTH {
            out.push(Problem::new(at, "schema nesting too deep (spec cycle?)"));
            return;
        }
        st.depth += 1;
        self.check_map(map, inst, at, st, out);
        st.depth -= 1;
    }

    fn check_map<'s>(
        &self,
        map: &'s Map<String, Value>,
        inst: &Value,
        at: &str,
        st: &mut State<'s>,
        out: &mut Vec<Problem>,
    ) where
        'd: 's,
    {
        if let Some(reference) = map.get("$ref") {
            self.check_ref(reference, inst, at, st, out);
        }
        if let Some(types) = map.get("type")
            && !type_matches(types, inst)
        {
            out.push(Problem::new(
                at,
                format!("expected {}, found {}", type_list(types), describe(inst)),
            ));
            // Other keywords would only add noise about a value of the wrong type.
            return;
        }
        if let Some(Value::Array(values)) = map.get("enum") {
            // Quirk: the spec has `"enum": []` (GuildJoinRequestApplicationStatus query
            // parameter) next to an `allOf` that carries the real values; an empty enum would
            // reject everything, so it is read as absent.
            if !values.is_empty() && !values.iter().any(|v| json_eq(v, inst)) {
                out.push(Problem::new(
                    at,
                    format!("{} is not one of {}", describe(inst), list_values(values)),
                ));
            }
        }
        if let Some(expected) = map.get("const")
            && !json_eq(expected, inst)
        {
            out.push(Problem::new(
                at,
                format!("expected {expected}, found {}", describe(inst)),
            ));
        }
        match inst {
            Value::String(s) => check_string(map, s, inst, at, out),
            Value::Number(n) => {
                if let Some(Value::Number(min)) = map.get("minimum")
                    && compare(n, min).is_some_and(std::cmp::Ordering::is_lt)
                {
                    out.push(Problem::new(at, format!("{n} is less than {min}")));
                }
                if let Some(Value::Number(max)) = map.get("maximum")
                    && compare(n, max).is_some_and(std::cmp::Ordering::is_gt)
                {
                    out.push(Problem::new(at, format!("{n} is greater than {max}")));
                }
            }
            Value::Array(items) => self.check_array(map, items, at, st, out),
            Value::Object(fields) => {
                self.check_object(map, fields, at, st, out);
                if self.closed_objects && st.fields_checked_above != Some(std::ptr::from_ref(inst))
                {
                    self.check_undeclared(map, fields, at, out);
                }
            }
            Value::Null | Value::Bool(_) => {}
        }
        if let Some(Value::String(format)) = map.get("format")
            && let Err(message) = check_format(format, inst)
        {
            out.push(Problem::new(at, message));
        }
        if let Some(Value::Array(all)) = map.get("allOf") {
            // the fields of all parts were checked together above
            let above = st.fields_checked_above.replace(std::ptr::from_ref(inst));
            for sub in all {
                self.check(sub, inst, at, st, out);
            }
            st.fields_checked_above = above;
        }
        if let Some(Value::Array(variants)) = map.get("oneOf") {
            let exactly = self.unions == UnionMode::ExactlyOne;
            self.check_union("oneOf", variants, exactly, inst, at, st, out);
        }
        if let Some(Value::Array(variants)) = map.get("anyOf") {
            let marked = map.get("x-discord-union").and_then(Value::as_str) == Some("oneOf");
            let exactly = marked && self.unions == UnionMode::ExactlyOne;
            self.check_union("anyOf", variants, exactly, inst, at, st, out);
        }
    }

    fn check_ref<'s>(
        &self,
        reference: &'s Value,
        inst: &Value,
        at: &str,
        st: &mut State<'s>,
        out: &mut Vec<Problem>,
    ) where
        'd: 's,
    {
        let Some(reference) = reference.as_str() else {
            out.push(Problem::new(at, "the spec's $ref here is not a string"));
            return;
        };
        let Some(target) = self.resolve(reference) else {
            out.push(Problem::new(
                at,
                format!("the spec's $ref {reference} does not resolve"),
            ));
            return;
        };
        let key = (reference, std::ptr::from_ref(inst));
        if st.active.contains(&key) {
            out.push(Problem::new(
                at,
                format!("the spec's {reference} refers to itself without consuming the value"),
            ));
            return;
        }
        st.active.push(key);
        self.check(target, inst, at, st, out);
        st.active.pop();
    }

    fn check_array<'s>(
        &self,
        map: &'s Map<String, Value>,
        items: &[Value],
        at: &str,
        st: &mut State<'s>,
        out: &mut Vec<Problem>,
    ) where
        'd: 's,
    {
        if let Some(min) = map.get("minItems").and_then(Value::as_u64)
            && (items.len() as u64) < min
        {
            out.push(Problem::new(
                at,
                format!("{} items, fewer than {min}", items.len()),
            ));
        }
        if let Some(max) = map.get("maxItems").and_then(Value::as_u64)
            && items.len() as u64 > max
        {
            out.push(Problem::new(
                at,
                format!("{} items, more than {max}", items.len()),
            ));
        }
        if map.get("uniqueItems") == Some(&Value::Bool(true)) {
            for (i, item) in items.iter().enumerate() {
                if let Some(j) = items[..i].iter().position(|earlier| json_eq(earlier, item)) {
                    out.push(Problem::new(
                        format!("{at}[{i}]"),
                        format!("duplicate of item {j}, items must be unique"),
                    ));
                }
            }
        }
        if let Some(item_schema) = map.get("items") {
            for (i, item) in items.iter().enumerate() {
                self.check(item_schema, item, &format!("{at}[{i}]"), st, out);
            }
        }
    }

    fn check_object<'s>(
        &self,
        map: &'s Map<String, Value>,
        fields: &Map<String, Value>,
        at: &str,
        st: &mut State<'s>,
        out: &mut Vec<Problem>,
    ) where
        'd: 's,
    {
        if let Some(Value::Array(required)) = map.get("required") {
            for name in required.iter().filter_map(Value::as_str) {
                if !fields.contains_key(name) {
                    out.push(Problem::new(at, format!("missing required field `{name}`")));
                }
            }
        }
        if let Some(min) = map.get("minProperties").and_then(Value::as_u64)
            && (fields.len() as u64) < min
        {
            out.push(Problem::new(
                at,
                format!("{} fields, fewer than {min}", fields.len()),
            ));
        }
        if let Some(max) = map.get("maxProperties").and_then(Value::as_u64)
            && fields.len() as u64 > max
        {
            out.push(Problem::new(
                at,
                format!("{} fields, more than {max}", fields.len()),
            ));
        }
        let properties = map.get("properties").and_then(Value::as_object);
        let additional = map.get("additionalProperties");
        for (name, value) in fields {
            let child = format!("{at}.{name}");
            if let Some(schema) = properties.and_then(|p| p.get(name)) {
                self.check(schema, value, &child, st, out);
            } else if let Some(schema) = additional {
                if schema == &Value::Bool(false) {
                    out.push(Problem::new(
                        child,
                        "unknown field (the schema allows no others)",
                    ));
                } else {
                    self.check(schema, value, &child, st, out);
                }
            }
        }
    }

    /// Closed objects: the fields of `fields` that neither `map` nor its `allOf` parts declare.
    fn check_undeclared(
        &self,
        map: &Map<String, Value>,
        fields: &Map<String, Value>,
        at: &str,
        out: &mut Vec<Problem>,
    ) {
        let mut declared = Vec::new();
        if !self.declared_fields(map, &mut declared, 0) || declared.is_empty() {
            return; // a map, or a free-form object
        }
        for name in fields.keys() {
            if !declared.contains(&name.as_str()) {
                out.push(Problem::new(
                    format!("{at}.{name}"),
                    "field not declared by Discord's schema (a request may send only documented fields)",
                ));
            }
        }
    }

    /// Collects the property names `map` and its `allOf` parts (through `$ref`s) declare;
    /// false when one of them allows other fields (`additionalProperties`).
    fn declared_fields<'a>(
        &'a self,
        map: &'a Map<String, Value>,
        names: &mut Vec<&'a str>,
        depth: usize,
    ) -> bool {
        if depth > 16 {
            return false;
        }
        if map
            .get("additionalProperties")
            .is_some_and(|a| a != &Value::Bool(false))
        {
            return false;
        }
        if let Some(properties) = map.get("properties").and_then(Value::as_object) {
            names.extend(properties.keys().map(String::as_str));
        }
        let mut open = false;
        if let Some(Value::Array(all)) = map.get("allOf") {
            for part in all {
                let part = match part.get("$ref").and_then(Value::as_str) {
                    Some(reference) => self.resolve(reference),
                    None => Some(part),
                };
                if let Some(part) = part.and_then(Value::as_object) {
                    open |= !self.declared_fields(part, names, depth + 1);
                }
            }
        }
        !open
    }

    #[allow(clippy::too_many_arguments)]
    fn check_union<'s>(
        &self,
        keyword: &str,
        variants: &'s [Value],
        exactly_one: bool,
        inst: &Value,
        at: &str,
        st: &mut State<'s>,
        out: &mut Vec<Problem>,
    ) where
        'd: 's,
    {
        let mut results = Vec::with_capacity(variants.len());
        for variant in variants {
            let mut problems = Vec::new();
            self.check(variant, inst, at, st, &mut problems);
            results.push(problems);
        }
        let passing: Vec<usize> = (0..results.len())
            .filter(|&i| results[i].is_empty())
            .collect();
        if passing.len() > 1 && exactly_one {
            let names: Vec<String> = passing
                .iter()
                .map(|&i| Self::variant_name(&variants[i], i))
                .collect();
            out.push(Problem::new(
                at,
                format!(
                    "matches {} variants of a {keyword} union ({}), exactly one expected",
                    passing.len(),
                    names.join(", ")
                ),
            ));
        }
        if !passing.is_empty() {
            return;
        }
        if !variants.is_empty() && variants.iter().all(|v| v.get("const").is_some()) {
            let allowed: Vec<Value> = variants
                .iter()
                .filter_map(|v| v.get("const").cloned())
                .collect();
            out.push(Problem::new(
                at,
                format!("{} is not one of {}", describe(inst), list_values(&allowed)),
            ));
            return;
        }
        // Report the closest variant: prefer one whose type fits, then one whose `type` field
        // (Discord's discriminator) is right, then the fewest problems at the value itself
        // and the deepest first problem (a variant that only fails deeper in got further), then
        // the fewest problems.
        let discriminator = format!("{at}.type");
        let closest = (0..results.len()).min_by_key(|&i| {
            (
                !self.type_fits(&variants[i], inst, 0),
                results[i].iter().any(|p| p.at == discriminator),
                results[i].iter().filter(|p| p.at == at).count(),
                std::cmp::Reverse(results[i].iter().map(|p| p.at.len()).min().unwrap_or(0)),
                results[i].len(),
            )
        });
        let names: Vec<String> = variants
            .iter()
            .enumerate()
            .map(|(i, v)| Self::variant_name(v, i))
            .collect();
        let Some(closest) = closest else {
            out.push(Problem::new(
                at,
                format!("empty {keyword} in the spec matches nothing"),
            ));
            return;
        };
        out.push(Problem::new(
            at,
            format!(
                "{} matches none of {} ({}); closest is {}:",
                describe(inst),
                keyword,
                names.join(" | "),
                names[closest]
            ),
        ));
        out.append(&mut results[closest]);
    }

    /// Whether the variant's declared type (following `$ref`s) accepts the value's type.
    fn type_fits(&self, schema: &Value, inst: &Value, hops: usize) -> bool {
        if let Some(types) = schema.get("type") {
            return type_matches(types, inst);
        }
        match schema.get("$ref").and_then(Value::as_str) {
            Some(reference) if hops < 16 => self
                .resolve(reference)
                .is_none_or(|target| self.type_fits(target, inst, hops + 1)),
            _ => true,
        }
    }

    /// `GuildChannelResponse` for a `$ref`, else the title, else the type, else `#i`.
    fn variant_name(schema: &Value, index: usize) -> String {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            return reference.rsplit('/').next().unwrap_or(reference).to_owned();
        }
        if let Some(title) = schema.get("title").and_then(Value::as_str) {
            return title.to_owned();
        }
        if let Some(types) = schema.get("type") {
            return type_list(types);
        }
        format!("#{index}")
    }
}

fn check_string(map: &Map<String, Value>, s: &str, inst: &Value, at: &str, out: &mut Vec<Problem>) {
    let len = s.chars().count() as u64;
    if let Some(min) = map.get("minLength").and_then(Value::as_u64)
        && len < min
    {
        out.push(Problem::new(
            at,
            format!("string shorter than {min} ({len} characters)"),
        ));
    }
    if let Some(max) = map.get("maxLength").and_then(Value::as_u64)
        && len > max
    {
        out.push(Problem::new(
            at,
            format!("string longer than {max} ({len} characters)"),
        ));
    }
    if let Some(Value::String(pattern)) = map.get("pattern") {
        match keywords::matches_pattern(pattern, s) {
            Some(true) => {}
            Some(false) => out.push(Problem::new(
                at,
                format!("{} does not match {pattern}", describe(inst)),
            )),
            None => out.push(Problem::new(
                at,
                format!("unsupported pattern {pattern} in the spec"),
            )),
        }
    }
}

/// Whether `type` (a name or a list of names) accepts the value.
fn type_matches(types: &Value, inst: &Value) -> bool {
    match types {
        Value::String(name) => has_type(inst, name),
        Value::Array(names) => names
            .iter()
            .filter_map(Value::as_str)
            .any(|name| has_type(inst, name)),
        _ => true,
    }
}

/// `string`, or `string or null`.
fn type_list(types: &Value) -> String {
    match types {
        Value::String(name) => name.clone(),
        Value::Array(names) => names
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" or "),
        other => other.to_string(),
    }
}

/// `[1, 2, 3]`, shortened after twelve values.
fn list_values(values: &[Value]) -> String {
    let shown: Vec<String> = values.iter().take(12).map(Value::to_string).collect();
    if values.len() > 12 {
        format!("[{}, ... {} more]", shown.join(", "), values.len() - 12)
    } else {
        format!("[{}]", shown.join(", "))
    }
}
