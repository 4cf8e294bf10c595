//! Relations: every relation field needs exactly one opposite field, and the relations
//! between two models must be told apart by name.
//!
//! A relation's name is the string in `@relation("Name")` (or `name:`), else the default
//! Prisma gives it: the two model names in alphabetical order joined by `To`
//! (`PostToUser`). So an explicit `"ClubToUser"` and an unnamed relation between `Club`
//! and `User` are the same relation.

mod actions;
mod fixes;
mod inline;
mod many_to_many;

use super::{Context, Diagnostic, codes};
use crate::model::{
    Argument, Arity, Attribute, Block, BlockKind, Expression, Field, Ident, Schema,
};
use crate::semantics::keys::is_unique_criterion;
use rustc_hash::{FxHashMap, FxHashSet};

/// A field of a model or view whose type is a model or view, with what its `@relation`
/// says (read once: this runs on every analysis).
struct RelationField<'a> {
    model: &'a Block,
    field: &'a Field,
    target: &'a Block,
    /// The name from `@relation("…")`, unless it is the default name anyway.
    explicit: Option<&'a str>,
    /// The name comes from `@relation("…")` (even if it equals the default).
    named: bool,
    /// The name as written in `@relation("…")`: the two sides of a relation pair up by it
    /// (an unnamed side does not pair with one that writes out the default name).
    written_name: Option<&'a str>,
    list: bool,
    required: bool,
    relation: Option<&'a Attribute>,
    /// The items of `fields:` / `references:`, when given.
    fields: Option<&'a [Expression]>,
    references: Option<&'a [Expression]>,
    on_delete: Option<&'a Argument>,
    on_update: Option<&'a Argument>,
}

impl<'a> RelationField<'a> {
    fn new(model: &'a Block, field: &'a Field, target: &'a Block) -> Self {
        let relation = field.attribute("relation");
        let explicit = field.relation_name();
        let model_name = model.name.text.as_str();
        let arity = field.r#type.as_ref().map(|t| t.arity());
        RelationField {
            model,
            field,
            target,
            explicit: explicit.filter(|name| !is_default_name(name, model_name, &target.name.text)),
            named: explicit.is_some(),
            written_name: explicit,
            list: arity == Some(Arity::List),
            required: arity == Some(Arity::Required),
            relation,
            fields: relation.and_then(|a| argument_list(a, "fields")),
            references: relation.and_then(|a| argument_list(a, "references")),
            on_delete: relation.and_then(|a| a.argument("onDelete", None)),
            on_update: relation.and_then(|a| a.argument("onUpdate", None)),
        }
    }

    fn target_name(&self) -> &'a str {
        &self.target.name.text
    }

    /// `model.field`, for messages.
    fn path(&self) -> String {
        format!("{}.{}", self.model.name.text, self.field.name.text)
    }

    fn has_actions(&self) -> bool {
        self.on_delete.is_some() || self.on_update.is_some()
    }

    fn error(&self, code: crate::analysis::Code, message: String) -> Diagnostic {
        Diagnostic::error(code, self.field.name.span, message)
    }

    /// The fields of this model that `fields:` names (unknown names skipped: reported
    /// elsewhere).
    fn referencing_fields(&self) -> Vec<&'a Field> {
        named_fields(self.fields.unwrap_or_default(), self.model)
    }

    /// The fields of the target that `references:` names.
    fn referenced_fields(&self) -> Vec<&'a Field> {
        named_fields(self.references.unwrap_or_default(), self.target)
    }
}

/// Adds the missing opposite of a relation field that holds the foreign key (`fields:`): a
/// list of this model on the target (`posts Post[]`), or an optional one when the foreign key
/// is unique (a one-to-one), with the relation's name when it has one. A singular side
/// without `fields:` gets a list too (as Prisma's quick fix does), as an unsafe step: its
/// foreign key is then still to be added (the fix of the next diagnostic). Not offered for a
/// self-relation or a list side (whether its opposite is a list or holds a foreign key is
/// the author's choice).
fn add_opposite(schema: &Schema, relation: &RelationField<'_>) -> Option<crate::analysis::Fix> {
    let model = relation.model.name.text.as_str();
    if std::ptr::eq(relation.model, relation.target) || relation.list {
        return None;
    }
    // Without `fields:` this side is still to get its foreign key (another fix completes
    // its `@relation`): the opposite is the list, as Prisma adds it.
    let without_fields = relation.fields.is_none();
    let keys: Vec<&str> = listed_names(relation.fields.unwrap_or_default())
        .map(|name| name.text.as_str())
        .collect();
    let one_to_one = !without_fields && is_unique_criterion(relation.model, &keys);
    // Named as `prisma format` names the fields it adds.
    let name = crate::inflection::free_name(
        &crate::inflection::opposite_field_name(model, !one_to_one),
        |candidate| relation.target.field(candidate).is_some(),
    );
    let field_type = if one_to_one {
        format!("{model}?")
    } else {
        format!("{model}[]")
    };
    let attributes = relation
        .written_name
        .map(|name| format!("@relation(\"{name}\")"))
        .unwrap_or_default();
    let edit = crate::analysis::edits::insert_field(
        schema,
        relation.target,
        &name,
        &field_type,
        &attributes,
    );
    Some(crate::analysis::Fix {
        title: format!(
            "Add the opposite field `{name} {field_type}` to `{}`",
            relation.target_name()
        ),
        edits: vec![edit],
        // Without a foreign key the relation is incomplete either way: a step, not a cure.
        applicability: if without_fields {
            crate::analysis::Applicability::Unsafe
        } else {
            crate::analysis::Applicability::Safe
        },
    })
}

/// `blogPost` → `BlogPost`.
fn upper_first(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The field names listed in an argument (`[a, b]`), as written.
fn listed_names(items: &[Expression]) -> impl Iterator<Item = &Ident> {
    items.iter().filter_map(|item| match item {
        Expression::Constant(name) => Some(name),
        // `@@unique([a(sort: Desc)])`
        Expression::Function { name, .. } => Some(name),
        _ => None,
    })
}

fn named_fields<'a>(items: &'a [Expression], model: &'a Block) -> Vec<&'a Field> {
    listed_names(items)
        .filter_map(|name| model.field(&name.text))
        .collect()
}

/// Whether a foreign key field has the type of the field it references, as Prisma compares
/// them: by the type's name (native types may differ).
fn same_key_type(field: &Field, referenced: &Field) -> bool {
    match (&field.r#type, &referenced.r#type) {
        (Some(a), Some(b)) => a.name.text == b.name.text,
        _ => false,
    }
}

/// Whether a field's type is a model or view (a relation field).
fn is_relation_field(schema: &Schema, field: &Field) -> bool {
    relation_target(schema, field).is_some()
}

/// Whether `name` is Prisma's default name for a relation between these models: the two
/// names in alphabetical order joined by `To`. Checked without building it: this runs for
/// every relation field on every analysis.
fn is_default_name(name: &str, a: &str, b: &str) -> bool {
    let (first, second) = if a <= b { (a, b) } else { (b, a) };
    name.len() == first.len() + 2 + second.len()
        && name.starts_with(first)
        && name[first.len()..].starts_with("To")
        && name.ends_with(second)
}

impl RelationField<'_> {
    /// The relation's name as Prisma shows it.
    fn name(&self) -> String {
        match self.explicit {
            Some(name) => name.to_string(),
            None => {
                crate::semantics::default_relation_name(&self.model.name.text, self.target_name())
            }
        }
    }
}

/// The items of `@relation(<argument>: [...])`, if the argument is given.
fn argument_list<'a>(relation: &'a Attribute, argument: &str) -> Option<&'a [Expression]> {
    Some(relation.argument(argument, None)?.value.as_ref()?.as_list())
}

/// The model or view a field's type names, if any: the other side of a relation.
fn relation_target<'s>(schema: &'s Schema, field: &Field) -> Option<&'s Block> {
    let name = &field.r#type.as_ref()?.name.text;
    // Most fields are scalars: no need to look those up.
    if crate::catalog::is_scalar_type(name) {
        return None;
    }
    schema
        .find_type(name)
        .filter(|b| matches!(b.kind, BlockKind::Model | BlockKind::View))
}

/// The error for the names in `items` (from `argument`) that `model` has no field for.
fn unknown_names(
    argument: &str,
    items: &[Expression],
    model: &Block,
    at: crate::model::Span,
) -> Option<Diagnostic> {
    let unknown = |item: &&Expression| matches!(item, Expression::Constant(name) if model.field(&name.text).is_none());
    if !items.iter().any(|item| unknown(&item)) {
        return None;
    }
    let names: Vec<String> = items
        .iter()
        .filter(unknown)
        .filter_map(|item| match item {
            Expression::Constant(name) => Some(format!("`{}`", name.text)),
            _ => None,
        })
        .collect();
    Some(Diagnostic::error(
        codes::RELATION_ARGUMENTS,
        at,
        format!(
            "`{argument}` names {}, which model `{}` does not have",
            names.join(", "),
            model.name.text
        ),
    ))
}

/// What the relation passes read from a block, as far as the block alone decides: its kind
/// and name; its relation fields (name, type, modifiers, `@relation` text); its keys
/// (fields with `@id`/`@unique`, with their type and native type; `@@id`, `@@unique`,
/// `@@ignore`); the fields its own `fields:` lists name. The fields that other blocks'
/// `references:` name are added per analysis (`referenced_fingerprint`), so that typing in
/// any other scalar field keeps the passes' cached results.
///
/// Which fields are relation fields also depends on the other blocks; but a change there
/// changes their revision or the declared type names, both part of the schema-wide
/// fingerprint.
pub(super) fn fingerprint(
    schema: &Schema,
    source: &crate::model::SourceFile,
    block: &Block,
) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    (block.kind as u8).hash(&mut hasher);
    block.name.text.hash(&mut hasher);
    let foreign_keys: Vec<&str> = block
        .fields
        .iter()
        .filter_map(|f| f.attribute("relation"))
        .filter_map(|r| argument_list(r, "fields"))
        .flat_map(listed_names)
        .map(|n| n.text.as_str())
        .collect();
    for field in &block.fields {
        // Every `@relation`, also on a field whose type is no model: the names its `fields`
        // lists are checked while reading.
        let relevant = relation_target(schema, field).is_some()
            || field.attribute("relation").is_some()
            || field.attribute("id").is_some()
            || field.attribute("unique").is_some()
            || foreign_keys.contains(&field.name.text.as_str());
        if relevant {
            hash_field(source, field, &mut hasher);
        }
    }
    for attribute in &block.attributes {
        if matches!(attribute.name.text.as_str(), "id" | "unique" | "ignore") {
            source.slice(attribute.span).hash(&mut hasher);
        }
    }
    hasher.finish()
}

/// A field as the relation passes see it: name, type, modifiers, and the text of its
/// `@relation`, `@id`, `@unique` and native type attributes.
fn hash_field(
    source: &crate::model::SourceFile,
    field: &Field,
    hasher: &mut impl std::hash::Hasher,
) {
    use std::hash::Hash;
    field.name.text.hash(hasher);
    if let Some(field_type) = &field.r#type {
        field_type.name.text.hash(hasher);
        (field_type.arity() as u8).hash(hasher);
    }
    for attribute in &field.attributes {
        let name = attribute.name.text.as_str();
        if matches!(name, "relation" | "id" | "unique") || name.contains('.') {
            source.slice(attribute.span).hash(hasher);
        }
    }
}

/// The fields a block's `references:` lists name, by target model: `(target, field)`.
pub(super) fn outgoing_references(block: &Block) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for field in &block.fields {
        let (Some(target), Some(items)) = (
            field.r#type.as_ref().map(|t| t.name.text.as_str()),
            field
                .attribute("relation")
                .and_then(|r| argument_list(r, "references")),
        ) else {
            continue;
        };
        for name in listed_names(items) {
            found.push((target.to_string(), name.text.clone()));
        }
    }
    found
}

/// What the relation passes read of the fields that `references:` lists name (in the model
/// they name): whether each exists, and how it is declared. The order of `references` does
/// not matter (each one is hashed alone and the hashes are summed).
pub(super) fn referenced_fingerprint<'a>(
    schema: &Schema,
    references: impl Iterator<Item = &'a (String, String)>,
) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut sum: u64 = 0;
    for (target, name) in references {
        let mut hasher = rustc_hash::FxHasher::default();
        target.hash(&mut hasher);
        name.hash(&mut hasher);
        let field = schema
            .find_type(target)
            .and_then(|b| b.field(name).map(|f| (schema.file(b.file()), f)));
        match field {
            Some((source, field)) => hash_field(source, field, &mut hasher),
            None => 0u8.hash(&mut hasher),
        }
        sum = sum.wrapping_add(hasher.finish());
    }
    sum
}

pub(super) fn check(schema: &Schema, context: &Context, out: &mut Vec<Diagnostic>) {
    // A name declared twice is already an error; its relations would only add noise.
    let declared_once = |name: &str| schema.declarations_of(name).nth(1).is_none();
    let mut relations: Vec<RelationField> = Vec::new();
    for model in schema
        .blocks()
        .filter(|b| matches!(b.kind, BlockKind::Model | BlockKind::View) && !b.name.is_missing())
    {
        if !declared_once(&model.name.text) {
            continue;
        }
        for field in &model.fields {
            if let Some(target) = relation_target(schema, field)
                && declared_once(&target.name.text)
            {
                relations.push(RelationField::new(model, field, target));
            }
        }
    }

    // Each relation's key (model, target, name) as small integers, and the relations sorted
    // by key (stable: source order within a key), so the fields of one relation are a run.
    let mut interned: FxHashMap<&str, u32> = FxHashMap::default();
    fn intern<'s>(table: &mut FxHashMap<&'s str, u32>, text: &'s str) -> u32 {
        let next = table.len() as u32 + 1;
        *table.entry(text).or_insert(next)
    }
    let keys: Vec<(u32, u32, u32)> = relations
        .iter()
        .map(|r| {
            let model = intern(&mut interned, r.model.name.text.as_str());
            let target = intern(&mut interned, r.target_name());
            // Names share the table with models; 0 is the default name.
            let name = r.explicit.map_or(0, |name| intern(&mut interned, name));
            (model, target, name)
        })
        .collect();
    let mut order: Vec<usize> = (0..relations.len()).collect();
    order.sort_by_key(|&i| keys[i]);
    // The run of `order` holding `key`.
    let run = |key: (u32, u32, u32)| -> &[usize] {
        let start = order.partition_point(|&i| keys[i] < key);
        let end = order.partition_point(|&i| keys[i] <= key);
        &order[start..end]
    };
    let pair = |(model, target, _): (u32, u32, u32)| (model.min(target), model.max(target));
    // The keys that pair the sides: by the name as written.
    let pair_keys: Vec<(u32, u32, u32)> = relations
        .iter()
        .zip(&keys)
        .map(|(r, &(model, target, _))| {
            let name = r.written_name.map_or(0, |name| intern(&mut interned, name));
            (model, target, name)
        })
        .collect();
    let mut pair_order: Vec<usize> = (0..relations.len()).collect();
    pair_order.sort_by_key(|&i| pair_keys[i]);
    let pair_run = |key: (u32, u32, u32)| -> &[usize] {
        let start = pair_order.partition_point(|&i| pair_keys[i] < key);
        let end = pair_order.partition_point(|&i| pair_keys[i] <= key);
        &pair_order[start..end]
    };

    // Ambiguities first: a model pair with one gets no other relation error (as in Prisma,
    // which reports the ambiguity once per pair).
    let mut ambiguous_pairs: FxHashSet<(u32, u32)> = FxHashSet::default();
    for (index, relation) in relations.iter().enumerate() {
        let key = keys[index];
        let group = run(key);
        // A self-relation's two sides are in one group, and must both be named explicitly
        // (an explicit name that equals the default one still counts as a name).
        let too_many = if key.0 == key.1 {
            group.len() > 2 || (group.len() == 2 && group.iter().any(|&i| !relations[i].named))
        } else {
            group.len() > 1
        };
        if too_many && group[0] == index && ambiguous_pairs.insert(pair(key)) {
            let members: Vec<&RelationField> = group.iter().map(|&i| &relations[i]).collect();
            out.push(ambiguous(relation, &members));
        }
    }
    // Forward sides (the ones holding a foreign key) for the cycle checks.
    let mut forward_sides: Vec<&RelationField> = Vec::new();
    for (index, relation) in relations.iter().enumerate() {
        let key = keys[index];
        if ambiguous_pairs.contains(&pair(key)) {
            continue;
        }
        actions::check_allowed(relation, context, out);
        let pair_key = pair_keys[index];
        let opposite = if pair_key.0 == pair_key.1 {
            pair_run(pair_key).iter().copied().find(|&i| i != index)
        } else {
            pair_run((pair_key.1, pair_key.0, pair_key.2))
                .first()
                .copied()
        };
        let Some(opposite) = opposite else {
            let model = relation.model.name.text.as_str();
            // A field on the other side that points back but carries another name: the run
            // of `pair_order` from the target to this model, whatever the name.
            let back = (pair_key.1, pair_key.0);
            let start = pair_order.partition_point(|&i| (pair_keys[i].0, pair_keys[i].1) < back);
            let end = pair_order.partition_point(|&i| (pair_keys[i].0, pair_keys[i].1) <= back);
            let named_apart = pair_order[start..end]
                .iter()
                .map(|&i| (i, &relations[i]))
                .find(|&(i, _)| i != index && !ambiguous_pairs.contains(&pair(keys[i])));
            let message = match named_apart {
                Some((_, other)) => format!(
                    "relation field `{}` on model `{model}` has no opposite field: `{}` points back, but under another relation name ({} here, {} there); give both sides the same `@relation(\"…\")` name",
                    relation.field.name.text,
                    other.path(),
                    relation
                        .written_name
                        .map_or("none".to_string(), |n| format!("`{n}`")),
                    other
                        .written_name
                        .map_or("none".to_string(), |n| format!("`{n}`")),
                ),
                None => format!(
                    "relation field `{}` on model `{model}` has no opposite field on `{}`: add a field of type `{model}` to `{}` (or run `prisma format`)",
                    relation.field.name.text,
                    relation.target_name(),
                    relation.target_name()
                ),
            };
            let mut diagnostic = relation
                .error(codes::RELATION_MISSING_OPPOSITE, message)
                .with_related(relation.target.name.span, "the opposite field belongs here");
            // Also when a field points back under another name: as Prisma's own action,
            // a new opposite field under this relation's name (renaming the other side would
            // take it from the relation it may already belong to).
            if let Some(fix) = add_opposite(schema, relation) {
                diagnostic = diagnostic.with_fix(fix);
            }
            out.push(diagnostic);
            if !relation.list && relation.fields.is_some() {
                inline::check_forward(schema, relation, context, out);
                forward_sides.push(relation);
            }
            continue;
        };
        // Each pair once: from its first field (in key order; a self-relation's sides
        // share a key, so by index).
        let opposite_relation = &relations[opposite];
        if (pair_keys[opposite], opposite) < (pair_key, index) {
            continue;
        }
        let forward = match (relation.list, opposite_relation.list) {
            (true, true) => {
                many_to_many::check(schema, relation, opposite_relation, context, out);
                None
            }
            (false, true) => {
                inline::check_one_to_many(schema, relation, opposite_relation, context, out);
                Some(relation)
            }
            (true, false) => {
                inline::check_one_to_many(schema, opposite_relation, relation, context, out);
                Some(opposite_relation)
            }
            (false, false) => Some(inline::check_one_to_one(
                schema,
                relation,
                opposite_relation,
                out,
            )),
        };
        if let Some(forward) = forward
            && forward.fields.is_some()
        {
            inline::check_forward(schema, forward, context, out);
            forward_sides.push(forward);
        }
    }
    actions::check_cycles(&forward_sides, context, out);
}

fn ambiguous(first: &RelationField, group: &[&RelationField]) -> Diagnostic {
    let names: Vec<String> = group
        .iter()
        .map(|r| format!("`{}`", r.field.name.text))
        .collect();
    let mut diagnostic = Diagnostic::error(
        codes::RELATION_AMBIGUOUS,
        first.field.name.span,
        format!(
            "ambiguous relations: {} in model `{}` all refer to `{}` as relation `{}`; give each its own name with `@relation(\"…\")`",
            names.join(" and "),
            first.model.name.text,
            first.target_name(),
            first.name()
        ),
    );
    for other in &group[1..] {
        diagnostic = diagnostic.with_related(other.field.name.span, "also this relation");
    }
    diagnostic
}

/// What Prisma reports while reading relations (before it validates them): names in
/// `fields` that the model does not have (with a fix that declares the missing foreign key
/// fields), actions that are no referential actions, and relation fields where
/// `fields`/`references` need scalars. Unknown names in `references` are reported by
/// `check_references`.
pub(super) fn read(schema: &Schema, out: &mut Vec<Diagnostic>) {
    for model in schema
        .blocks()
        .filter(|b| matches!(b.kind, BlockKind::Model | BlockKind::View))
    {
        for field in &model.fields {
            let Some(attribute) = field.attribute("relation") else {
                continue;
            };
            let target = relation_target(schema, field);
            let relation = target.map(|target| RelationField::new(model, field, target));
            if let Some(items) = argument_list(attribute, "fields")
                && let Some(mut diagnostic) = unknown_names("fields", items, model, field.name.span)
            {
                if let Some(fix) = relation
                    .as_ref()
                    .and_then(|relation| fixes::add_missing_foreign_keys(schema, relation))
                {
                    diagnostic = diagnostic.with_fix(fix);
                }
                out.push(diagnostic);
            }
            let Some(relation) = relation else {
                continue;
            };
            actions::read_names(&relation, out);
            if relation.fields.is_some() || relation.references.is_some() {
                inline::read_forward(schema, &relation, out);
            }
        }
    }
}

/// `@relation(references: [...])` names fields of the related model: depends on that model,
/// so it runs with the relation passes (a scan of the relation attributes, no allocation
/// unless a name is unknown).
pub(super) fn check_references(schema: &Schema, out: &mut Vec<Diagnostic>) {
    for block in schema
        .blocks()
        .filter(|b| matches!(b.kind, BlockKind::Model | BlockKind::View))
    {
        for field in &block.fields {
            let Some(items) = field
                .attribute("relation")
                .and_then(|r| argument_list(r, "references"))
            else {
                continue;
            };
            if let Some(target) = relation_target(schema, field) {
                out.extend(unknown_names("references", items, target, field.name.span));
            }
        }
    }
}
