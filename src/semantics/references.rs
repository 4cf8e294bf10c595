//! The field sets other models' relations name in `references: [...]`, by the model they
//! point to: Prisma requires each to be unique, so the advisor never suggests dropping or
//! widening a constraint over one, and a referenced field is an identifier, not data.
//! Built once per schema (one pass over every field), where each rule used to scan the
//! whole schema again per field.

use crate::model::Schema;
use rustc_hash::FxHashMap;

#[derive(Default)]
pub struct ReferencedSets<'a> {
    by_model: FxHashMap<&'a str, Vec<Vec<&'a str>>>,
}

impl<'a> ReferencedSets<'a> {
    /// Every non-empty `references:` list of the schema's models, as written.
    pub fn of(schema: &'a Schema) -> Self {
        let mut by_model: FxHashMap<&str, Vec<Vec<&str>>> = FxHashMap::default();
        for block in schema.models() {
            for field in &block.fields {
                let (Some(relation), Some(target)) = (field.attribute("relation"), &field.r#type)
                else {
                    continue;
                };
                let references: Vec<&str> = relation
                    .argument("references", None)
                    .and_then(|argument| argument.value.as_ref())
                    .map(|value| value.field_names().collect())
                    .unwrap_or_default();
                if !references.is_empty() {
                    by_model
                        .entry(target.name.text.as_str())
                        .or_default()
                        .push(references);
                }
            }
        }
        ReferencedSets { by_model }
    }

    /// The `references:` lists that point to `model`.
    pub fn of_model(&self, model: &str) -> &[Vec<&'a str>] {
        self.by_model.get(model).map_or(&[], Vec::as_slice)
    }

    /// Whether some relation's `references:` names `field` of `model`.
    pub fn names_field(&self, model: &str, field: &str) -> bool {
        self.of_model(model)
            .iter()
            .any(|references| references.contains(&field))
    }
}
