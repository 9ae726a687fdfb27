//! [`Spec`]: Discord's OpenAPI document, loaded once, with the operation list the SDK is
//! measured against.
//!
//! The list is every operation of `testdata/discord-api/openapi/openapi.json` except the Social
//! SDK ones (paths under `/lobbies` and `/partner-sdk`): 222, plus List SKUs from the docs
//! ([`super::extra`]): 223. Groups come from `testdata/discord-api/derived/rest-operations.json`.

use std::sync::OnceLock;

use serde_json::Value;

use super::extra;
use super::operation::Operation;
use super::validator::Validator;

/// Path of the spec, relative to this crate.
pub const SPEC_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../testdata/discord-api/openapi/openapi.json"
);

/// Path of the derived grouping of operations.
pub const GROUPS_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../testdata/discord-api/derived/rest-operations.json"
);

/// Path prefixes of the Social SDK operations, left out of the list.
pub const EXCLUDED_PREFIXES: &[&str] = &["/lobbies", "/partner-sdk"];

/// HTTP methods an OpenAPI path item may hold.
const METHODS: &[&str] = &[
    "get", "put", "post", "patch", "delete", "head", "options", "trace",
];

/// A named group of operations (by resource).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// Its name, e.g. `Messages`.
    pub name: String,
    /// Its operation ids, in the derived file's order.
    pub operations: Vec<String>,
}

/// Discord's OpenAPI spec and the operations taken from it.
#[derive(Debug)]
pub struct Spec {
    document: Value,
    operations: Vec<Operation>,
    groups: Vec<Group>,
}

static SPEC: OnceLock<Result<Spec, String>> = OnceLock::new();

impl Spec {
    /// The spec, read from [`SPEC_PATH`] on first use.
    ///
    /// # Panics
    /// If the spec or the grouping file is missing or malformed (the test cannot run then).
    pub fn load() -> &'static Spec {
        match Self::try_load() {
            Ok(spec) => spec,
            Err(message) => panic!("cannot load the OpenAPI spec: {message}"),
        }
    }

    /// Like [`Spec::load`], returning the reason instead of panicking.
    pub fn try_load() -> Result<&'static Spec, String> {
        SPEC.get_or_init(|| Self::read(SPEC_PATH, GROUPS_PATH))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Reads a spec and a grouping file from explicit paths.
    pub fn read(spec_path: &str, groups_path: &str) -> Result<Spec, String> {
        let document = read_json(spec_path)?;
        let derived = read_json(groups_path)?;
        Self::from_documents(document, &derived)
    }

    /// Builds the operation list from an already parsed spec and grouping document.
    pub fn from_documents(mut document: Value, derived: &Value) -> Result<Spec, String> {
        extra::apply_docs_fixes(&mut document);
        let paths = document
            .get("paths")
            .and_then(Value::as_object)
            .ok_or("the spec has no `paths` object")?;
        let mut operations = Vec::new();
        for (path, item) in paths {
            if EXCLUDED_PREFIXES
                .iter()
                .any(|prefix| path.starts_with(prefix))
            {
                continue;
            }
            for method in METHODS {
                if let Some(op) = item.get(*method) {
                    operations.push(Operation::from_spec(&document, path, method, item, op)?);
                }
            }
        }
        for (path, item, method, op) in extra::operations() {
            let mut operation = Operation::from_spec(&document, path, method, &item, &op)?;
            operation.set_in_spec(false);
            operations.push(operation);
        }

        let mut groups: Vec<Group> = Vec::new();
        let derived_groups = derived
            .get("groups")
            .and_then(Value::as_object)
            .ok_or("the grouping file has no `groups` object")?;
        for (name, group) in derived_groups {
            let ids: Vec<String> = group
                .get("operations")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|op| op.get("operationId").and_then(Value::as_str))
                .filter(|id| operations.iter().any(|o| o.id == *id))
                .map(str::to_owned)
                .collect();
            if !ids.is_empty() || name == extra::LIST_SKUS_GROUP {
                groups.push(Group {
                    name: name.clone(),
                    operations: ids,
                });
            }
        }
        for operation in operations.iter_mut().filter(|o| !o.in_spec) {
            if let Some(group) = groups.iter_mut().find(|g| g.name == extra::LIST_SKUS_GROUP) {
                group.operations.push(operation.id.clone());
            }
        }
        let mut ungrouped = Vec::new();
        for operation in &mut operations {
            match groups.iter().find(|g| g.operations.contains(&operation.id)) {
                Some(group) => operation.set_group(&group.name),
                None => ungrouped.push(operation.id.clone()),
            }
        }
        if !ungrouped.is_empty() {
            for operation in &mut operations {
                if ungrouped.contains(&operation.id) {
                    operation.set_group("Ungrouped");
                }
            }
            groups.push(Group {
                name: "Ungrouped".to_owned(),
                operations: ungrouped,
            });
        }
        Ok(Spec {
            document,
            operations,
            groups,
        })
    }

    /// The whole OpenAPI document.
    pub fn document(&self) -> &Value {
        &self.document
    }

    /// Every operation of the list (223), in the spec's order, List SKUs last.
    pub fn operations(&self) -> &[Operation] {
        &self.operations
    }

    /// The operation with this id.
    pub fn operation(&self, id: &str) -> Option<&Operation> {
        self.operations.iter().find(|o| o.id == id)
    }

    /// The groups, in the derived file's order.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// A validator over this spec's schemas (unions: at least one variant).
    pub fn validator(&self) -> Validator<'_> {
        Validator::new(&self.document)
    }

    /// A component schema by name, e.g. `MessageResponse`.
    pub fn schema(&self, name: &str) -> Option<&Value> {
        self.document.get("components")?.get("schemas")?.get(name)
    }
}

fn read_json(path: &str) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))
}
