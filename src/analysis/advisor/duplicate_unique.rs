//! Unique constraints that another key of the model already enforces, so that the database
//! maintains a unique index for nothing:
//!
//! - `index/duplicate-unique`: the same columns, in the same order, as the primary key or
//!   another unique constraint (`id String @id @unique`: Prisma creates `User_id_key` beside
//!   `User_pkey`). Certain: the same index twice, and the fix removes one;
//! - `index/implied-unique`: a composite `@@unique` whose uniqueness another key implies:
//!   the same columns in another order, or a column unique on its own among them (`email
//!   @unique` and `@@unique([email, name])`: no two rows share `email`, so none share the
//!   pair). Its index differs and may serve queries, and it is often kept on purpose for its
//!   compound `findUnique` input: hence its own code, a lower level, an unsafe fix.
//!
//! `index/redundant` speaks of `@@index`es only; these rules of unique constraints only, so
//! they never report one attribute together. Silent on MongoDB, where Prisma rejects an id
//! that is also unique and two indexes over one field list.

use super::conventions::advised_models;
use super::{Advisor, edits, safe_fix};
use crate::analysis::codes::{ADVICE_DUPLICATE_UNIQUE, ADVICE_IMPLIED_UNIQUE};
use crate::analysis::indexes::names::index_name;
use crate::analysis::indexes::parse::{Key, KeyKind, ModelKeys, model_keys};
use crate::analysis::{Applicability, Diagnostic, Fix, TextEdit};
use crate::catalog::Provider;
use crate::model::{Attribute, Block, Schema, Span};

pub(super) fn check(advisor: &Advisor<'_>, out: &mut Vec<Diagnostic>) {
    let enabled =
        advisor.enabled(ADVICE_DUPLICATE_UNIQUE) || advisor.enabled(ADVICE_IMPLIED_UNIQUE);
    if !enabled || advisor.context.is(Provider::MongoDb) {
        return;
    }
    let mut problems = Vec::new();
    for block in advised_models(advisor.schema) {
        problems.clear();
        let keys = model_keys(advisor.schema, advisor.context, block, &mut problems);
        // A malformed key is validation's business; what it means is not ours to guess.
        if !problems.is_empty() {
            continue;
        }
        let model = Model {
            advisor,
            block,
            keys: &keys,
            referenced: advisor.referenced().of_model(&block.name.text),
        };
        model.check(out);
    }
}

/// How a unique constraint repeats another key.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// The same columns, in the same order, with the same `sort:`.
    Same,
    /// The same columns in another order (or another `sort:`).
    Reordered,
    /// A composite unique constraint over a column that is unique on its own.
    Implied,
}

struct Model<'a, 'k> {
    advisor: &'a Advisor<'a>,
    block: &'a Block,
    keys: &'k ModelKeys<'a>,
    /// The `references:` lists of relations that point to this model.
    referenced: &'a [Vec<&'a str>],
}

impl<'a, 'k> Model<'a, 'k> {
    fn check(&self, out: &mut Vec<Diagnostic>) {
        let uniques: Vec<&Key<'_>> = self.unique_keys().collect();
        for (position, key) in uniques.iter().enumerate() {
            if key.kind != KeyKind::Unique || !self.is_comparable(key) {
                continue;
            }
            if let Some((by, shape)) = self.covering_key(&uniques, position) {
                self.report(key, by, shape, out);
            }
        }
    }

    /// The primary key, then the unique constraints in the order `model_keys` reads them
    /// (field `@unique`s, then `@@unique`s).
    fn unique_keys(&self) -> impl Iterator<Item = &'k Key<'a>> + '_ {
        self.keys.primary_key.iter().chain(
            self.keys
                .indexes
                .iter()
                .filter(|key| key.kind == KeyKind::Unique),
        )
    }

    /// A key whose uniqueness the rule can compare with another's: over model columns (not
    /// into composite types), over whole values (a `length:` prefix makes a different
    /// constraint), over all rows (no `where:`), and not the table's clustered index (which
    /// orders the table itself).
    fn is_comparable(&self, key: &Key<'_>) -> bool {
        !key.fields.is_empty()
            && key.predicate.is_none()
            && key.clustered != Some(true)
            && key
                .fields
                .iter()
                .all(|field| !field.path.contains('.') && field.length.is_none())
    }

    /// The key that already enforces what `uniques[position]` does, and how. An exact
    /// repeat is reported on the later of two unique constraints (the primary key always
    /// stays).
    fn covering_key(
        &self,
        uniques: &[&'k Key<'a>],
        position: usize,
    ) -> Option<(&'k Key<'a>, Shape)> {
        let key = uniques[position];
        let paths = field_paths(key);
        let referenced = self.is_referenced(&paths);
        let mut implied_by = None;
        for (other_position, other) in uniques.iter().enumerate() {
            if other_position == position || !self.is_comparable(other) {
                continue;
            }
            let other_paths = field_paths(other);
            if same_set(&paths, &other_paths) {
                // Of two unique constraints over one set, the later is the repeat.
                if other.kind == KeyKind::Unique && other_position > position {
                    continue;
                }
                // Two constraints with one generated name: Prisma rejects the schema.
                if self.database_name(key) == self.database_name(other)
                    && other.kind == KeyKind::Unique
                {
                    return None;
                }
                let same_order = key
                    .fields
                    .iter()
                    .zip(&other.fields)
                    .all(|(a, b)| a.path == b.path && a.sort_order() == b.sort_order());
                if same_order {
                    return Some((other, Shape::Same));
                }
                // Prisma may read `references:` in the constraint's own order.
                if !referenced {
                    return Some((other, Shape::Reordered));
                }
                return None;
            }
            if paths.len() > 1
                && other_paths.len() == 1
                && paths.contains(&other_paths[0])
                && implied_by.is_none()
            {
                implied_by = Some(*other);
            }
        }
        // A composite constraint that a relation needs (another model's `references:`, or
        // this model's one-to-one over exactly these fields) stays whatever it implies; so
        // does the one a sign-in library looks tokens up by.
        let needed = referenced
            || self.backs_one_to_one(&paths)
            || self.is_verification_token_key(&paths)
            || self.is_per_tenant(&paths);
        implied_by
            .filter(|_| !needed)
            .map(|by| (by, Shape::Implied))
    }

    /// A constraint over the tenant key in a multi-tenant schema is the one the tenant
    /// rules ask for: where a field is unique on its own beside it, that global constraint is
    /// the suspect (`tenant/global-unique`), not this one.
    fn is_per_tenant(&self, paths: &[&str]) -> bool {
        let settings = self.advisor.settings;
        paths.contains(&settings.tenant_key.as_str())
            && super::conventions::is_multi_tenant(self.advisor.schema, settings)
    }

    /// Auth.js's `VerificationToken` (and models made after it) declare `token @unique` and
    /// `@@unique([identifier, token])`: its adapter looks tokens up by the compound input
    /// `identifier_token`, so the schema must keep it.
    fn is_verification_token_key(&self, paths: &[&str]) -> bool {
        let has = |name: &str| self.block.field(name).is_some();
        same_set(paths, &["identifier", "token"]) && (has("expires") || has("expiresAt"))
    }

    fn is_referenced(&self, paths: &[&str]) -> bool {
        self.referenced
            .iter()
            .any(|references| same_set(references, paths))
    }

    /// Whether a relation of this model holds exactly these fields: a one-to-one relation
    /// needs a unique constraint over them.
    fn backs_one_to_one(&self, paths: &[&str]) -> bool {
        self.block.fields.iter().any(|field| {
            let fields = super::conventions::relation_scalar_fields(field);
            !fields.is_empty() && same_set(&fields, paths)
        })
    }

    fn database_name(&self, key: &Key<'_>) -> String {
        let provider = self
            .advisor
            .context
            .provider
            .unwrap_or(Provider::PostgreSql);
        index_name(provider, self.keys.table, key)
    }

    fn report(&self, key: &Key<'a>, by: &Key<'a>, shape: Shape, out: &mut Vec<Diagnostic>) {
        // Where an `@@index` repeats the constraint, `index/redundant` reports that index
        // (the constraint covers it); advising to turn the constraint into the same index
        // beside it would contradict that. Once the index is gone, this finding comes.
        if shape != Shape::Same && self.has_index_like(key) {
            return;
        }
        // A compound input named for the client (`name:`), or a comment beside the
        // constraint (`// used for upserts via prisma`), says it is kept on purpose.
        if shape != Shape::Same
            && key.on_field.is_none()
            && (key.attribute.argument("name", None).is_some()
                || has_comment_beside(self.advisor.schema, key.attribute))
        {
            return;
        }
        let schema = self.advisor.schema;
        // The key itself, as written: its model is named by the key that covers it.
        let written = match key.on_field {
            Some(field) => format!(
                "the `@unique` of `{}.{}`",
                self.block.name.text, field.name.text
            ),
            None => format!("`{}`", written_attribute(schema, key)),
        };
        let by_written = written_key(schema, self.block, by);
        let message = match shape {
            Shape::Same if key.on_field.is_some() && by.kind == KeyKind::Id => format!(
                "{written} repeats {by_written}: the primary key is already unique, and the database keeps a second unique index beside it; remove `@unique`"
            ),
            Shape::Same => format!(
                "{written} repeats {by_written}: the database keeps two unique indexes over the same columns; remove it"
            ),
            Shape::Reordered => format!(
                "{written} is implied by {by_written} (the same columns in another order): it only costs writes (make it an `@@index` if queries need this column order)"
            ),
            Shape::Implied => format!(
                "{written} is implied by {by_written}: no two rows share `{}`, so none share the whole list; it only costs writes (make it an `@@index` if queries need it)",
                by.fields.first().map_or("", |f| f.path)
            ),
        };
        let code = match shape {
            Shape::Same => ADVICE_DUPLICATE_UNIQUE,
            Shape::Reordered | Shape::Implied => ADVICE_IMPLIED_UNIQUE,
        };
        let Some(diagnostic) = self.advisor.diagnostic(code, key.attribute.span, message) else {
            return;
        };
        let diagnostic = diagnostic.with_related(by.attribute.span, "this key already enforces it");
        let fix = match shape {
            Shape::Same => Some(self.removal(key, by)),
            Shape::Reordered | Shape::Implied => self.to_index(key),
        };
        out.push(match fix {
            Some(fix) => diagnostic.with_fix(fix),
            None => diagnostic,
        });
    }

    /// Removes an exact repeat. Safe when nothing but the database loses a name: the client
    /// keeps every `findUnique` input (the covering key has the same client name), and the
    /// constraint has no `map:` that raw SQL might use (`ON CONFLICT ON CONSTRAINT`).
    fn removal(&self, key: &Key<'a>, by: &Key<'a>) -> Fix {
        let schema = self.advisor.schema;
        let same_input = client_name(key) == client_name(by);
        let applicability = if same_input && key.map.is_none() {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        };
        let title = match key.on_field {
            Some(field) => format!("Remove the repeated `@unique` of `{}`", field.name.text),
            None => format!("Remove the repeated `{}`", written_attribute(schema, key)),
        };
        let edit = edits::delete_attribute(schema, key.attribute);
        match applicability {
            Applicability::Safe => safe_fix(title, vec![edit]),
            Applicability::Unsafe => Fix {
                title,
                edits: vec![edit],
                applicability,
            },
        }
    }

    /// Whether an `@@index` lists the key's fields in its order (an `@@index` made of the key
    /// would repeat it, under the same generated name).
    fn has_index_like(&self, key: &Key<'_>) -> bool {
        self.keys.indexes.iter().any(|other| {
            other.kind == KeyKind::Index
                && other.fields.len() == key.fields.len()
                && other
                    .fields
                    .iter()
                    .zip(&key.fields)
                    .all(|(a, b)| a.path == b.path)
        })
    }

    /// `@@unique([...])` → `@@index([...])`, without the `name:` (the client name of a
    /// compound unique input; an `@@index`'s `name:` would be its database name). Unsafe:
    /// `findUnique` loses the compound input, and the constraint is gone. Only for block
    /// attributes; a field `@unique` is over one column and never reordered or implied.
    fn to_index(&self, key: &Key<'a>) -> Option<Fix> {
        let attribute = key.attribute;
        if !attribute.is_block {
            return None;
        }
        let mut changes = vec![edits::replace(attribute.name.span, "index")];
        if let Some(position) = attribute
            .arguments()
            .iter()
            .position(|argument| argument.name.as_ref().is_some_and(|n| n.text == "name"))
        {
            changes.push(delete_argument(attribute, position)?);
        }
        Some(Fix {
            title: format!(
                "Make `{}` an `@@index` (`findUnique` loses its `{}` input)",
                written_attribute(self.advisor.schema, key),
                client_name(key)
            ),
            edits: changes,
            applicability: Applicability::Unsafe,
        })
    }
}

/// Deletes the argument at `position` with the comma that separates it from its neighbour.
fn delete_argument(attribute: &Attribute, position: usize) -> Option<TextEdit> {
    let arguments = attribute.arguments();
    let argument = arguments.get(position)?;
    let span = if position > 0 {
        let previous = arguments.get(position - 1)?;
        Span {
            start: previous.span.end,
            ..argument.span
        }
    } else {
        let next = arguments.get(1)?;
        Span {
            end: next.span.start,
            ..argument.span
        }
    };
    Some(edits::replace(span, ""))
}

fn field_paths<'a>(key: &Key<'a>) -> Vec<&'a str> {
    key.fields.iter().map(|field| field.path).collect()
}

fn same_set(a: &[&str], b: &[&str]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.contains(x))
}

/// The name of the key's `findUnique` input: the field of a one-field key, else `name:` or
/// the fields joined by `_`.
fn client_name(key: &Key<'_>) -> String {
    if let [field] = key.fields.as_slice()
        && key.name.is_none()
    {
        return field.path.to_string();
    }
    match key.name {
        Some((name, _)) => name.to_string(),
        None => field_paths(key).join("_"),
    }
}

/// `` the `@unique` of `User.id` `` or `` `@@unique([a, b])` of model `User` ``.
fn written_key(schema: &Schema, block: &Block, key: &Key<'_>) -> String {
    match key.on_field {
        Some(field) => format!(
            "the `@{}` of `{}.{}`",
            key.attribute.name.text, block.name.text, field.name.text
        ),
        None => format!(
            "`{}` of model `{}`",
            written_attribute(schema, key),
            block.name.text
        ),
    }
}

/// `@@unique([a, b])`: the attribute with its field list only.
fn written_attribute(schema: &Schema, key: &Key<'_>) -> String {
    let list = key
        .attribute
        .argument("fields", Some(0))
        .and_then(|argument| argument.value.as_ref())
        .map_or_else(String::new, |value| schema.text(value.span()).to_string());
    format!("@@{}({list})", key.attribute.name.text)
}

/// Whether a `//` comment follows the attribute on its line or fills the line above it.
fn has_comment_beside(schema: &Schema, attribute: &Attribute) -> bool {
    let text = &schema.file(attribute.span.file).text;
    let (start, end) = (attribute.span.start as usize, attribute.span.end as usize);
    let after = text.get(end..).unwrap_or_default();
    let rest_of_line = after.split(['\n', '\r']).next().unwrap_or_default();
    if rest_of_line.trim_start().starts_with("//") {
        return true;
    }
    // The attribute's own line up to it, then the line above (any line break).
    let own_start = crate::syntax::line_start(text, start);
    if own_start == 0
        || !text
            .get(own_start..start)
            .unwrap_or_default()
            .trim()
            .is_empty()
    {
        return false;
    }
    let above_start = crate::syntax::line_start(text, own_start - 1);
    let above = text
        .get(above_start..crate::syntax::line_end(text, above_start))
        .unwrap_or_default();
    above.trim_start().starts_with("//")
}
