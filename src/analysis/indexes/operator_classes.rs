//! Index types and operator classes: which fields a GiST, GIN, SP-GiST or BRIN index (and
//! each `ops:` class) accepts, by the field's Prisma type and `@db.X` native type.

use super::narrow;
use super::parse::{FieldKind, Key, KeyField, KeyKind, Ops};
use crate::analysis::{Diagnostic, codes};
use crate::model::Schema;

/// Native types each index type has a default operator class for (so `ops:` may be left out).
fn has_default_class(algorithm: &str, native: &str) -> bool {
    match algorithm {
        "Gin" => native == "JsonB",
        "SpGist" => matches!(native, "Inet" | "Text" | "VarChar" | "Char"),
        "Brin" => matches!(
            native,
            "Bit"
                | "VarBit"
                | "Char"
                | "Date"
                | "Real"
                | "DoublePrecision"
                | "Inet"
                | "SmallInt"
                | "Integer"
                | "BigInt"
                | "Decimal"
                | "Oid"
                | "ByteA"
                | "Text"
                | "VarChar"
                | "Timestamp"
                | "Timestamptz"
                | "Time"
                | "Timetz"
                | "Uuid"
        ),
        // GiST has no default class for any type Prisma knows; B-tree and hash have one for all.
        "Gist" => false,
        _ => true,
    }
}

/// Whether an index type can index a field of this Prisma type without a native type or
/// operator class.
fn supports_field_type(algorithm: &str, field: &KeyField<'_>) -> bool {
    if field.is_unsupported() {
        return true;
    }
    let scalar = field.scalar_type();
    match algorithm {
        "Gist" | "SpGist" => scalar == Some("String"),
        "Gin" => scalar == Some("Json") || field.is_list(),
        "Brin" => matches!(
            scalar,
            Some("String" | "Bytes" | "DateTime" | "Float" | "Int" | "BigInt" | "Decimal")
        ),
        _ => true,
    }
}

/// PostgreSQL: operator classes against index types and field types, and SP-GiST's single
/// column.
pub(super) fn check_postgres(schema: &Schema, index: &Key<'_>, out: &mut Vec<Diagnostic>) {
    let attribute = index.attribute;
    let algorithm = index.algorithm.map_or("BTree", |(a, _)| a);
    if algorithm == "SpGist" && index.fields.len() > 1 {
        out.push(Diagnostic::error(
            codes::INDEX_TYPE,
            attribute.span,
            "An `SpGist` index can only cover one field.",
        ));
    }
    if index.kind != KeyKind::Index && index.kind != KeyKind::Unique {
        return;
    }
    for field in &index.fields {
        if matches!(field.ops, Some(Ops::Raw)) {
            continue;
        }
        if matches!(field.leaf_kind, FieldKind::Unknown) {
            continue;
        }
        let at = narrow(schema, attribute.span, field.span);
        let class = match field.ops {
            Some(Ops::Known(info)) => Some(info),
            _ => None,
        };
        if let Some(info) = class
            && !info.index_types.contains(&algorithm)
        {
            out.push(Diagnostic::error(
                codes::INDEX_OPS,
                at,
                format!(
                    "The operator class `{}` does not work with a `{algorithm}` index (it is for {}).",
                    info.name,
                    info.index_types
                        .iter()
                        .map(|t| format!("`{t}`"))
                        .collect::<Vec<_>>()
                        .join(" and ")
                ),
            ));
            continue;
        }
        if matches!(algorithm, "BTree" | "Hash") {
            continue;
        }
        let native = field.native_type();
        let name = field.path;
        // GIN indexes lists with their default class, whatever the element type.
        if algorithm == "Gin" && field.is_list() && class.is_none() {
            continue;
        }
        let problem = match (native, class) {
            (_, Some(info)) if info.list_only => {
                if field.is_list() {
                    None
                } else {
                    Some(format!(
                        "The operator class `{}` is for list fields, and `{name}` is not a list.",
                        info.name
                    ))
                }
            }
            (Some(native), Some(info)) => (!info.native_types.contains(&native)).then(|| {
                format!(
                    "The operator class `{}` does not support the native type `{native}` of field `{name}`.",
                    info.name
                )
            }),
            (None, Some(info)) => match info.scalar_type_without_native {
                Some(scalar) => (field.scalar_type() != Some(scalar)).then(|| {
                    format!(
                        "The operator class `{}` needs a `{scalar}` field, and `{name}` is not one.",
                        info.name
                    )
                }),
                None => Some(format!(
                    "The operator class `{}` needs field `{name}` to have a matching native type (`@db.{}`).",
                    info.name,
                    info.native_types.first().copied().unwrap_or("...")
                )),
            },
            (Some(native), None) => (!has_default_class(algorithm, native)).then(|| {
                format!(
                    "A `{algorithm}` index has no default operator class for the native type `{native}` of field `{name}`; name one with `ops:`."
                )
            }),
            (None, None) => (!supports_field_type(algorithm, field)).then(|| {
                format!("A `{algorithm}` index cannot index the type of field `{name}`.")
            }),
        };
        if let Some(message) = problem {
            out.push(Diagnostic::error(codes::INDEX_OPS, at, message));
        }
    }
}

/// CockroachDB: inverted (GIN) indexes take no operator classes, and a `Json` field must be
/// their last column.
pub(super) fn check_cockroach(index: &Key<'_>, out: &mut Vec<Diagnostic>) {
    if index.algorithm.map(|(a, _)| a) != Some("Gin") {
        return;
    }
    let attribute = index.attribute;
    let count = index.fields.len();
    for (position, field) in index.fields.iter().enumerate() {
        if field.ops.is_some() {
            out.push(Diagnostic::error(
                codes::INDEX_OPS,
                attribute.span,
                "CockroachDB does not support custom operator classes (`ops:`).",
            ));
            return;
        }
        if !supports_field_type("Gin", field) {
            out.push(Diagnostic::error(
                codes::INDEX_TYPE,
                attribute.span,
                format!(
                    "A `Gin` index cannot index the type of field `{}`.",
                    field.path
                ),
            ));
        }
        if field.scalar_type() == Some("Json") && position + 1 < count {
            out.push(Diagnostic::error(
                codes::INDEX_TYPE,
                attribute.span,
                format!(
                    "In a CockroachDB inverted index a `Json` field such as `{}` must come last.",
                    field.path
                ),
            ));
        }
    }
}
