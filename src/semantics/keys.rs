//! A model's keys as written: its primary key and its unique criteria (`@id`, `@unique`,
//! `@@id`, `@@unique`), by field name. Relations, their fixes, the formatter's relation
//! completion and the advisor ask these; the keys' own validation (arguments, lengths,
//! constraint names) reads them with their arguments in `analysis::indexes::parse`.

use crate::model::{Attribute, Block, Field};

/// The fields a key or index attribute lists (`fields:` or its first argument), as written,
/// sort and length options dropped: `@@unique([a, b(sort: Desc)])` → `a`, `b`.
pub fn key_fields(attribute: &Attribute) -> Vec<&str> {
    attribute
        .argument("fields", Some(0))
        .and_then(|argument| argument.value.as_ref())
        .map(|value| value.field_names().collect())
        .unwrap_or_default()
}

/// The model's primary key: its `@id` field, else the fields of `@@id([...])`; `None`
/// without one (or with an empty `@@id([])`).
pub fn primary_key(model: &Block) -> Option<Vec<&str>> {
    if let Some(id) = model.fields.iter().find(|f| f.attribute("id").is_some()) {
        return Some(vec![id.name.text.as_str()]);
    }
    let fields = key_fields(model.attributes_named("id").next()?);
    (!fields.is_empty()).then_some(fields)
}

/// The field of a one-field primary key (`@id`); `None` for a compound one (`@@id`), or
/// without any.
pub fn single_id_field(model: &Block) -> Option<&Field> {
    if model.attributes_named("id").next().is_some() {
        return None;
    }
    model.fields.iter().find(|f| f.attribute("id").is_some())
}

/// Whether the field is part of the model's primary key (`@id` on it, or listed in `@@id`).
pub fn in_primary_key(model: &Block, field: &Field) -> bool {
    field.attribute("id").is_some()
        || model
            .attributes_named("id")
            .any(|id| key_fields(id).contains(&field.name.text.as_str()))
}

/// Whether the field alone is the model's primary key (`@id`, or `@@id([field])`).
pub fn is_single_id(model: &Block, field: &Field) -> bool {
    field.attribute("id").is_some()
        || model
            .attributes_named("id")
            .any(|id| key_fields(id) == [field.name.text.as_str()])
}

/// Every set of fields that identifies a record of the model, each once: the primary key
/// first, then the `@unique` fields in the order of the fields, then the `@@unique` lists in
/// the order written. Names as written (a name the model lacks is kept: the caller decides).
pub fn unique_criteria(model: &Block) -> Vec<Vec<&str>> {
    let singles = model
        .fields
        .iter()
        .filter(|f| f.attribute("unique").is_some())
        .map(|field| vec![field.name.text.as_str()]);
    let compounds = model.attributes_named("unique").map(key_fields);
    let mut criteria: Vec<Vec<&str>> = primary_key(model).into_iter().collect();
    for criterion in singles.chain(compounds) {
        if !criterion.is_empty() && !criteria.contains(&criterion) {
            criteria.push(criterion);
        }
    }
    criteria
}

/// Whether exactly these fields (in any order) are a unique criterion of the model.
pub fn is_unique_criterion(model: &Block, fields: &[&str]) -> bool {
    let mut wanted = fields.to_vec();
    wanted.sort_unstable();
    unique_criteria(model).into_iter().any(|mut criterion| {
        criterion.sort_unstable();
        criterion == wanted
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Schema;

    fn model(body: &str) -> Schema {
        Schema::parse("schema.prisma", format!("model M {{\n{body}\n}}\n"))
    }

    #[test]
    fn the_primary_key_comes_first_and_each_criterion_once() {
        let schema = model(
            "  email String @unique\n  id Int @id\n  a Int\n  b Int\n\n  @@unique([b, a(sort: Desc)])\n  @@unique([email])\n  @@unique([])",
        );
        let m = schema.find_type("M").expect("the model");
        assert_eq!(
            unique_criteria(m),
            vec![vec!["id"], vec!["email"], vec!["b", "a"]]
        );
        assert_eq!(primary_key(m), Some(vec!["id"]));
        assert!(is_unique_criterion(m, &["a", "b"]));
        assert!(!is_unique_criterion(m, &["a"]));
        assert_eq!(single_id_field(m).map(|f| f.name.text.as_str()), Some("id"));
    }

    #[test]
    fn a_compound_primary_key_has_no_single_id_field() {
        let schema = model("  a Int\n  b Int\n\n  @@id([a, b])");
        let m = schema.find_type("M").expect("the model");
        assert_eq!(primary_key(m), Some(vec!["a", "b"]));
        assert!(single_id_field(m).is_none());
        let a = m.field("a").expect("field a");
        assert!(in_primary_key(m, a));
        assert!(!is_single_id(m, a));
        let single = model("  a Int\n\n  @@id([a])");
        let m = single.find_type("M").expect("the model");
        assert!(is_single_id(m, m.field("a").expect("field a")));
    }
}
