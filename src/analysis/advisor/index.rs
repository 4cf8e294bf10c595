//! `index/*`: the indexes a model's queries will need, and the ones it has for nothing.
//!
//! - `index/missing-fk-index`: a relation's scalar fields lead no index (the database does
//!   not index foreign keys by itself, except MySQL with real foreign keys).
//! - `index/redundant`: an `@@index` that another index or constraint already covers.
//! - `index/composite-order`: a composite `@@index` that starts with a range or sort column
//!   and puts an equality column after it.
//! - `index/soft-delete-partial`: an `@@index` of a soft-deleting model that could cover
//!   live rows only.
//!
//! The four read the same facts of a model (its keys, its foreign keys) and look at each
//! other's fixes: an index found redundant is neither reordered nor made partial; a foreign
//! key that a reordered index would cover is fixed by that reorder, not by a new index.

use super::conventions::{self, advised_models};
use super::{Advisor, edits, safe_fix};
use crate::analysis::indexes::names::index_name;
use crate::analysis::indexes::parse::{
    FieldKind, Key, KeyField, KeyKind, ModelKeys, Ops, model_keys,
};
use crate::analysis::{Diagnostic, RelationMode, Snippet, TextEdit, codes};
use crate::catalog::Provider;
use crate::model::{Attribute, Block, Expression, Field, Schema, Span};

pub(super) fn check(advisor: &Advisor<'_>, out: &mut Vec<Diagnostic>) {
    let context = advisor.context;
    let rules = Rules {
        missing_fk: advisor.enabled(codes::ADVICE_MISSING_FK_INDEX)
            && foreign_keys_need_an_index(context.provider, context.relation_mode),
        redundant: advisor.enabled(codes::ADVICE_REDUNDANT_INDEX),
        order: advisor.enabled(codes::ADVICE_COMPOSITE_ORDER),
        partial: advisor.enabled(codes::ADVICE_SOFT_DELETE_PARTIAL)
            && context
                .provider
                .is_some_and(Provider::supports_partial_indexes),
        tenant_reports_its_index: advisor.enabled(codes::ADVICE_TENANT_MISSING_INDEX),
    };
    if !(rules.missing_fk || rules.redundant || rules.order || rules.partial) {
        return;
    }
    // `model_keys` also reports malformed keys (validation's business): kept aside.
    let mut ignored = Vec::new();
    for block in advised_models(advisor.schema) {
        ignored.clear();
        let keys = model_keys(advisor.schema, context, block, &mut ignored);
        Model::new(advisor, block, &keys).check(&rules, out);
    }
}

/// Which rules run (each `enabled`, and applicable to the provider).
struct Rules {
    missing_fk: bool,
    redundant: bool,
    order: bool,
    partial: bool,
    /// `tenant/missing-index` reports a missing index on the tenant key itself.
    tenant_reports_its_index: bool,
}

/// Whether foreign-key columns are left without an index unless the schema declares one:
/// everywhere but MySQL with real foreign keys, where InnoDB creates the index itself.
/// Without a datasource (or with an unknown provider) the advice stands: only that one
/// database indexes foreign keys by itself.
fn foreign_keys_need_an_index(provider: Option<Provider>, mode: RelationMode) -> bool {
    !(provider == Some(Provider::MySql) && mode == RelationMode::ForeignKeys)
}

/// One model's keys and foreign keys, as the rules read them.
struct Model<'a, 'k> {
    advisor: &'a Advisor<'a>,
    schema: &'a Schema,
    block: &'a Block,
    keys: &'k ModelKeys<'a>,
    /// The relation fields with `@relation(fields: [...])`, and those fields (as written).
    relations: Vec<(&'a Field, Vec<&'a str>)>,
}

/// A composite `@@index` to reorder: `order` lists its entries' positions in the better order.
struct Reorder<'k, 'a> {
    key: &'k Key<'a>,
    order: Vec<usize>,
    /// The range column that comes too early, and the equality column after it.
    range: &'a str,
    equality: &'a str,
}

impl<'a, 'k> Model<'a, 'k> {
    fn new(advisor: &'a Advisor<'a>, block: &'a Block, keys: &'k ModelKeys<'a>) -> Self {
        let relations = block
            .fields
            .iter()
            .filter_map(|field| {
                // Columns of an `Unsupported` type may not take a B-tree index: left alone.
                // Nor may relation fields (`fields:` naming one is an error of its own), nor
                // a list of ids (MongoDB's many-to-many: the ids live in the document).
                let names = conventions::relation_scalar_fields(field);
                let known = names.iter().all(|name| {
                    block.field(name).is_some_and(|f| {
                        conventions::type_name(f) != Some("Unsupported")
                            && !conventions::is_relation_field(advisor.schema, f)
                            && f.r#type
                                .as_ref()
                                .is_none_or(|ty| ty.arity() != crate::model::Arity::List)
                    })
                });
                (!names.is_empty() && known).then_some((field, names))
            })
            .collect();
        Model {
            advisor,
            schema: advisor.schema,
            block,
            keys,
            relations,
        }
    }

    /// The keys a lookup can use: the primary key, uniques and indexes (not full-text ones).
    fn lookup_keys(&self) -> impl Iterator<Item = &'k Key<'a>> + '_ {
        self.keys
            .primary_key
            .iter()
            .chain(&self.keys.indexes)
            .filter(|key| key.kind != KeyKind::Fulltext)
    }

    /// The `@@index` attributes (not `@unique`s, constraints or full-text indexes).
    fn plain_indexes(&self) -> impl Iterator<Item = &'k Key<'a>> + '_ {
        self.keys
            .indexes
            .iter()
            .filter(|key| key.kind == KeyKind::Index)
    }

    fn check(&self, rules: &Rules, out: &mut Vec<Diagnostic>) {
        let redundant = self.redundant_indexes();
        if rules.redundant {
            for (key, by) in &redundant {
                self.report_redundant(key, by, out);
            }
        }
        let is_redundant = |key: &Key<'_>| redundant.iter().any(|(r, _)| std::ptr::eq(*r, key));
        let mut reorders: Vec<Option<Reorder<'k, 'a>>> = if rules.order {
            self.plain_indexes()
                .filter(|key| !is_redundant(key))
                .filter_map(|key| self.reorder(key, &redundant))
                .map(Some)
                .collect()
        } else {
            Vec::new()
        };
        // Indexes reordered by a fix are not made partial in the same breath: which foreign
        // key they serve changes with the order.
        let reordered: Vec<&Key<'_>> = reorders
            .iter()
            .flatten()
            .filter(|r| self.reorder_fix(r).is_some())
            .map(|r| r.key)
            .collect();
        if rules.missing_fk {
            self.missing_fk_indexes(rules, &mut reorders, out);
        }
        for reorder in reorders.iter().flatten() {
            self.report_order(reorder, out);
        }
        if rules.partial
            && let Some(marker) = conventions::soft_delete_marker(self.advisor.settings, self.block)
            && let Some(live) = LiveRows::of(marker)
        {
            // The last index over all rows of a foreign key stays whole: deleting or updating
            // a parent row looks for every child row, deleted or not. Decided from the last
            // index up, so that the first of several stays whole.
            let mut except: Vec<&Key<'_>> = redundant.iter().map(|(key, _)| *key).collect();
            let mut partial = Vec::new();
            for key in self
                .plain_indexes()
                .filter(|key| {
                    !is_redundant(key) && !reordered.iter().any(|r| std::ptr::eq(*r, *key))
                })
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
            {
                if key.predicate.is_some() {
                    continue;
                }
                except.push(key);
                let sole_cover = self
                    .relations
                    .iter()
                    .any(|(_, columns)| covers(key, columns) && !self.is_covered(columns, &except));
                if sole_cover {
                    except.pop();
                } else {
                    partial.push(key);
                }
            }
            for key in partial.into_iter().rev() {
                self.report_partial(key, marker, live, out);
            }
        }
    }

    // ---- index/missing-fk-index ----

    /// Whether some lookup key over all rows (not a partial index: deleting a parent row
    /// looks for every child row) starts with exactly these columns, in any order; `except`
    /// left out.
    fn is_covered(&self, columns: &[&str], except: &[&Key<'_>]) -> bool {
        self.lookup_keys().any(|key| {
            key.predicate.is_none()
                && !except.iter().any(|other| std::ptr::eq(*other, key))
                && covers(key, columns)
        })
    }

    fn missing_fk_indexes(
        &self,
        rules: &Rules,
        reorders: &mut [Option<Reorder<'k, 'a>>],
        out: &mut Vec<Diagnostic>,
    ) {
        let tenant_key = self.advisor.settings.tenant_key.as_str();
        // The relations whose columns lead no index, once per set of columns.
        let mut missing: Vec<(&'a Field, &[&'a str])> = Vec::new();
        for (field, columns) in &self.relations {
            if self.is_covered(columns, &[])
                || missing.iter().any(|(_, seen)| same_set(seen, columns))
            {
                continue;
            }
            missing.push((field, columns));
        }
        for (position, &(field, columns)) in missing.iter().enumerate() {
            // The tenant rule reports an unindexed tenant key itself.
            if rules.tenant_reports_its_index
                && columns == [tenant_key]
                && conventions::tenant_key(self.advisor.settings, self.block).is_some()
            {
                continue;
            }
            let Some(span) = field
                .attribute("relation")
                .and_then(|relation| relation.argument("fields", None))
                .and_then(|argument| argument.value.as_ref())
                .map(Expression::span)
            else {
                continue;
            };
            let what = describe_columns(columns, &field.name.text);
            // An index that the composite-order rule would reorder to lead with these
            // columns: reordering it is the fix, reported here once (unless the reorder has
            // no fix: then adding an index is the fix, and the order is reported apart).
            let slot = reorders.iter_mut().find(|reorder| {
                reorder.as_ref().is_some_and(|reorder| {
                    starts_with_set(
                        reorder.order.iter().map(|&i| reorder.key.fields[i].path),
                        columns,
                    )
                })
            });
            if let Some(slot) = slot
                && let Some(fix) = slot.as_ref().and_then(|reorder| self.reorder_fix(reorder))
                && let Some(reorder) = slot.take()
            {
                let Some(diagnostic) = self.advisor.diagnostic(
                    codes::ADVICE_MISSING_FK_INDEX,
                    span,
                    format!(
                        "no index starts with {what}: reorder `{}` to `{}`",
                        self.written_index(reorder.key, None),
                        self.written_index(reorder.key, Some(&reorder.order))
                    ),
                ) else {
                    return;
                };
                out.push(
                    diagnostic
                        .with_related(reorder.key.attribute.span, "this index would cover it")
                        .with_fix(fix),
                );
                continue;
            }
            let (index, shared_with) = self.index_for(&missing, position);
            let attribute = format!("@@index([{}])", index.join(", "));
            let also = shared_with
                .map(|other| format!(" (it also serves relation `{}`)", other.name.text))
                .unwrap_or_default();
            let Some(diagnostic) = self.advisor.diagnostic(
                codes::ADVICE_MISSING_FK_INDEX,
                span,
                format!("no index starts with {what}: add `{attribute}`{also}"),
            ) else {
                return;
            };
            let insert = edits::insert_block_attribute(self.schema, self.block, &attribute);
            out.push(diagnostic.with_fix(safe_fix(format!("Add `{attribute}`"), vec![insert])));
        }
    }

    /// The columns of the index to add for `missing[position]`: when the columns of another
    /// unindexed relation contain these, one index serves both (the smaller set first), so
    /// that the second added index does not make the first redundant. The tenant key leads.
    /// Also returns the relation whose columns the index has, when that is another one.
    fn index_for(
        &self,
        missing: &[(&'a Field, &[&'a str])],
        position: usize,
    ) -> (Vec<&'a str>, Option<&'a Field>) {
        let columns = missing[position].1;
        // The first of the widest (`max_by_key` keeps the last).
        let (widest, relation) = missing
            .iter()
            .rev()
            .filter(|(_, other)| is_subset(columns, other))
            .max_by_key(|(_, other)| other.len())
            .map_or((columns, None), |(field, other)| (*other, Some(*field)));
        let shared_with = relation.filter(|_| widest.len() > columns.len());
        (self.leading_order(missing, widest), shared_with)
    }

    /// `columns` ordered so that the largest other missing set inside it comes first
    /// (recursively), the tenant key before everything.
    fn leading_order(
        &self,
        missing: &[(&'a Field, &[&'a str])],
        columns: &[&'a str],
    ) -> Vec<&'a str> {
        let inner = missing
            .iter()
            .map(|(_, other)| *other)
            .rev()
            .filter(|other| other.len() < columns.len() && is_subset(other, columns))
            .max_by_key(|other| other.len());
        let mut order = match inner {
            Some(inner) => self.leading_order(missing, inner),
            None => Vec::new(),
        };
        for column in columns {
            if !order.contains(column) {
                order.push(column);
            }
        }
        let tenant_key = self.advisor.settings.tenant_key.as_str();
        if let Some(at) = order.iter().position(|c| *c == tenant_key) {
            let key = order.remove(at);
            order.insert(0, key);
        }
        order
    }

    // ---- index/redundant ----

    /// Each redundant `@@index`, with the key that covers it.
    fn redundant_indexes(&self) -> Vec<(&'k Key<'a>, &'k Key<'a>)> {
        let mut found = Vec::new();
        for (position, index) in self.keys.indexes.iter().enumerate() {
            if index.kind != KeyKind::Index
                || !self.is_plain_btree(index)
                || index.clustered == Some(true)
            {
                continue;
            }
            let by = self
                .keys
                .primary_key
                .iter()
                .map(|key| (usize::MAX, key))
                .chain(self.keys.indexes.iter().enumerate())
                .find(|&(other_position, other)| {
                    other_position != position
                        && matches!(other.kind, KeyKind::Id | KeyKind::Unique | KeyKind::Index)
                        && self.is_plain_btree(other)
                        && self.same_predicate(index, other)
                        && self.is_prefix(index, other)
                        // Of two equal indexes, the later one goes.
                        && !(other.kind == KeyKind::Index
                            && other.fields.len() == index.fields.len()
                            && other_position > position)
                });
            if let Some((_, by)) = by {
                found.push((index, by));
            }
        }
        found
    }

    /// A B-tree index: no `type:` or `type: BTree`, no operator class.
    fn is_plain_btree(&self, key: &Key<'_>) -> bool {
        key.algorithm.is_none_or(|(name, _)| name == "BTree")
            && key.fields.iter().all(|field| field.ops.is_none())
    }

    fn same_predicate(&self, a: &Key<'_>, b: &Key<'_>) -> bool {
        let text = |key: &Key<'_>| {
            key.predicate.map(|predicate| {
                self.schema
                    .text(predicate.span())
                    .split_whitespace()
                    .collect::<String>()
            })
        };
        text(a) == text(b)
    }

    /// Whether `short`'s entries are the first entries of `long`, with the same `sort:` and
    /// `length:`.
    fn is_prefix(&self, short: &Key<'_>, long: &Key<'_>) -> bool {
        short.fields.len() <= long.fields.len()
            && short.fields.iter().zip(&long.fields).all(|(a, b)| {
                a.path == b.path
                    && a.sort_order() == b.sort_order()
                    && a.length.map(|span| self.schema.text(span))
                        == b.length.map(|span| self.schema.text(span))
            })
    }

    fn report_redundant(&self, index: &Key<'a>, by: &Key<'a>, out: &mut Vec<Diagnostic>) {
        let how = if by.fields.len() == index.fields.len() {
            "repeats"
        } else {
            "is a left prefix of"
        };
        let Some(diagnostic) = self.advisor.diagnostic(
            codes::ADVICE_REDUNDANT_INDEX,
            index.attribute.span,
            format!(
                "`{}` {how} {} of model `{}`, which serves the same lookups: delete it",
                self.written_index(index, None),
                self.written_key(by),
                self.block.name.text
            ),
        ) else {
            return;
        };
        out.push(
            diagnostic
                .with_related(by.attribute.span, "this key already covers it")
                .with_fix(safe_fix(
                    format!("Delete the redundant `{}`", self.written_index(index, None)),
                    vec![edits::delete_attribute(self.schema, index.attribute)],
                )),
        );
    }

    // ---- index/composite-order ----

    /// The better order of a composite `@@index` that puts a range column before an
    /// equality column at its start: equality columns first, the others in their order.
    ///
    /// Left alone: indexes that do not start with a range column (an index led by a foreign
    /// key or the tenant key with a sort column and then more is a deliberate shape), indexes
    /// another index is a prefix of (it relies on the order), and indexes whose columns
    /// another key already holds in some order (the better order exists; this one serves
    /// the range column alone).
    fn reorder(
        &self,
        key: &'k Key<'a>,
        redundant: &[(&'k Key<'a>, &'k Key<'a>)],
    ) -> Option<Reorder<'k, 'a>> {
        if key.fields.len() < 2 || !self.is_plain_btree(key) {
            return None;
        }
        let roles: Vec<Role> = key.fields.iter().map(|f| self.role(f)).collect();
        if roles[0] != Role::Range {
            return None;
        }
        let equality = roles.iter().position(|role| *role == Role::Equality)?;
        let mut order: Vec<usize> = (0..roles.len())
            .filter(|&i| roles[i] == Role::Equality)
            .collect();
        order.extend((0..roles.len()).filter(|&i| roles[i] != Role::Equality));
        let paths: Vec<&str> = key.fields.iter().map(|f| f.path).collect();
        // A redundant index relies on the key that covers it, no other.
        let relies = |other: &Key<'_>| {
            redundant
                .iter()
                .find(|(r, _)| std::ptr::eq(*r, other))
                .is_none_or(|(_, by)| std::ptr::eq(*by, key))
        };
        let others_rely = self.lookup_keys().any(|other| {
            !std::ptr::eq(other, key)
                && relies(other)
                && ((other.fields.len() < key.fields.len() && self.is_prefix(other, key))
                    || (other.fields.len() >= key.fields.len()
                        && starts_with_set(other.fields.iter().map(|f| f.path), &paths)))
        });
        if others_rely {
            return None;
        }
        Some(Reorder {
            key,
            order,
            range: key.fields[0].path,
            equality: key.fields[equality].path,
        })
    }

    /// How a query uses a column: compared for equality (a foreign key, the tenant key, a
    /// flag, an enum, a status), or for a range or a sort (a date, a number that is no key).
    fn role(&self, field: &KeyField<'_>) -> Role {
        let name = field.path;
        if name.contains('.') || field.is_list() {
            return Role::Other;
        }
        if name == self.advisor.settings.tenant_key
            || self
                .relations
                .iter()
                .any(|(_, columns)| columns.contains(&name))
        {
            return Role::Equality;
        }
        match field.leaf_kind {
            FieldKind::Enum => Role::Equality,
            FieldKind::Scalar("Boolean") => Role::Equality,
            // A calendar date is as often compared for equality (a day's row) as for a range.
            FieldKind::Scalar("DateTime") if field.native_type() == Some("Date") => Role::Other,
            FieldKind::Scalar("DateTime") => Role::Range,
            _ if names_a_category(name) => Role::Equality,
            FieldKind::Scalar("Int" | "BigInt" | "Float" | "Decimal")
                if !is_key_like(field.leaf) =>
            {
                Role::Range
            }
            _ => Role::Other,
        }
    }

    fn report_order(&self, reorder: &Reorder<'k, 'a>, out: &mut Vec<Diagnostic>) {
        let Some(span) = fields_list(reorder.key.attribute).map(|list| list.span()) else {
            return;
        };
        let Some(diagnostic) = self.advisor.diagnostic(
            codes::ADVICE_COMPOSITE_ORDER,
            span,
            format!(
                "`{}` puts the range column `{}` before the equality column `{}`: use `{}`",
                self.written_index(reorder.key, None),
                reorder.range,
                reorder.equality,
                self.written_index(reorder.key, Some(&reorder.order))
            ),
        ) else {
            return;
        };
        out.push(match self.reorder_fix(reorder) {
            Some(fix) => diagnostic.with_fix(fix),
            None => diagnostic,
        });
    }

    /// Moves each entry of the list (with its arguments) into its new place, leaving the
    /// separators (line breaks) where they are. None when a comment sits between the
    /// entries: it would end up beside another entry.
    fn reorder_fix(&self, reorder: &Reorder<'k, 'a>) -> Option<crate::analysis::Fix> {
        let items = fields_list(reorder.key.attribute)
            .map(Expression::as_list)
            .unwrap_or_default();
        let (first, last) = (items.first()?.span(), items.last()?.span());
        if items.len() != reorder.order.len()
            || self
                .schema
                .text(Span {
                    end: last.end,
                    ..first
                })
                .contains("//")
        {
            return None;
        }
        let mut changes = Vec::new();
        {
            for (slot, &from) in reorder.order.iter().enumerate() {
                if slot != from {
                    changes.push(edits::replace(
                        items[slot].span(),
                        self.schema.text(items[from].span()),
                    ));
                }
            }
        }
        Some(safe_fix(
            format!(
                "Reorder to `{}`",
                self.written_index(reorder.key, Some(&reorder.order))
            ),
            changes,
        ))
    }

    // ---- index/soft-delete-partial ----

    fn report_partial(
        &self,
        key: &Key<'a>,
        marker: &Field,
        live: LiveRows,
        out: &mut Vec<Diagnostic>,
    ) {
        let marker_name = marker.name.text.as_str();
        if key.predicate.is_some() || key.fields.iter().any(|f| f.field.name.text == marker_name) {
            return;
        }
        let condition = live.condition(marker_name);
        let preview = self.advisor.context.has_preview_feature("partialIndexes");
        let advice = if preview {
            format!("add `where: {condition}`")
        } else {
            "the `partialIndexes` preview feature can say so, or a migration (SQL attached)"
                .to_string()
        };
        let Some(diagnostic) = self.advisor.diagnostic(
            codes::ADVICE_SOFT_DELETE_PARTIAL,
            key.attribute.span,
            format!(
                "`{}` of soft-deleting model `{}` also indexes deleted rows; an index of live rows only is smaller: {advice}",
                self.written_index(key, None),
                self.block.name.text
            ),
        ) else {
            return;
        };
        let diagnostic = if preview {
            let Some(end) = key
                .attribute
                .arguments()
                .iter()
                .map(|a| a.span)
                .max_by_key(|s| s.end)
            else {
                return;
            };
            let insert = TextEdit {
                span: Span {
                    start: end.end,
                    ..end
                },
                new_text: format!(", where: {condition}"),
            };
            // Unsafe: a partial index serves only the queries that filter on the marker, and
            // whether every query of this index does is the application's to know (on real
            // schemas, reviewers judged most of these debatable), so `check --fix` never
            // applies it.
            diagnostic.with_fix(crate::analysis::Fix {
                title: format!(
                    "Make `{}` partial: `where: {condition}`",
                    self.written_index(key, None)
                ),
                edits: vec![insert],
                applicability: crate::analysis::Applicability::Unsafe,
            })
        } else {
            let diagnostic = match self.enable_partial_indexes(key, &condition) {
                Some(fix) => diagnostic.with_fix(fix),
                None => diagnostic,
            };
            match self.partial_index_sql(key, marker, live) {
                Some(text) => diagnostic.with_snippet(Snippet {
                    title: format!(
                        "Copy the SQL of a partial `{}` for a migration",
                        self.written_index(key, None)
                    ),
                    file_name: "partial-indexes.sql".to_string(),
                    text,
                }),
                None => diagnostic,
            }
        };
        out.push(diagnostic);
    }

    /// Enables the `partialIndexes` preview feature and makes the index partial: a guess
    /// (`Unsafe`), since it needs Prisma 7.4 or later and changes the generator. Offered only
    /// for Prisma 7 schemas (see below), since Prisma 6 does not know the feature.
    fn enable_partial_indexes(
        &self,
        key: &Key<'a>,
        condition: &str,
    ) -> Option<crate::analysis::Fix> {
        // Prisma 6 does not know the feature: only for a schema that targets Prisma 7, or
        // that Prisma 6 rejects anyway (its datasource has no `url`).
        let for_prisma_7 = match self.advisor.context.prisma_version {
            crate::analysis::PrismaVersion::Seven => true,
            crate::analysis::PrismaVersion::Six => false,
            crate::analysis::PrismaVersion::Any => self
                .schema
                .datasource()
                .is_some_and(|datasource| datasource.property("url").is_none()),
        };
        if !for_prisma_7 {
            return None;
        }
        let end = key
            .attribute
            .arguments()
            .iter()
            .map(|a| a.span)
            .max_by_key(|s| s.end)?;
        let enable =
            crate::analysis::config::enable_preview_feature(self.schema, "partialIndexes")?;
        let mut changes = enable.edits;
        changes.push(TextEdit {
            span: Span {
                start: end.end,
                ..end
            },
            new_text: format!(", where: {condition}"),
        });
        Some(crate::analysis::Fix {
            title: format!(
                "Enable the `partialIndexes` preview feature (Prisma 7.4+) and make `{}` partial",
                self.written_index(key, None)
            ),
            edits: changes,
            applicability: crate::analysis::Applicability::Unsafe,
        })
    }

    /// The SQL that replaces the index by its partial twin, in the provider's dialect, with
    /// the database names of the table, columns and index.
    fn partial_index_sql(&self, key: &Key<'a>, marker: &Field, live: LiveRows) -> Option<String> {
        let provider = self.advisor.context.provider?;
        let dialect = Dialect::of(provider)?;
        let name = index_name(provider, self.keys.table, key);
        let table = match self.keys.schema_name {
            Some(schema) => format!(
                "{}.{}",
                dialect.quote(schema),
                dialect.quote(self.keys.table)
            ),
            None => dialect.quote(self.keys.table),
        };
        let mut columns = Vec::with_capacity(key.fields.len());
        for field in &key.fields {
            let mut column = dialect.quote(conventions::column_name(field.field));
            match field.ops {
                Some(Ops::Known(class)) => {
                    column.push(' ');
                    column.push_str(class.name);
                }
                Some(Ops::Raw) => return None,
                None => {}
            }
            if field.sort_order() == "Desc" {
                column.push_str(" DESC");
            }
            columns.push(column);
        }
        let columns = columns.join(", ");
        let using = match key.algorithm {
            Some((algorithm, _)) if algorithm != "BTree" && dialect != Dialect::SqlServer => {
                format!(" USING {}", algorithm.to_ascii_lowercase())
            }
            _ => String::new(),
        };
        let predicate = format!(
            "{} {}",
            dialect.quote(conventions::column_name(marker)),
            live.sql(dialect)
        );
        let quoted = dialect.quote(&name);
        let header = format!(
            "-- `{}` of model `{}`, over live rows only.\n",
            self.written_index(key, None),
            self.block.name.text
        );
        Some(match dialect {
            Dialect::Postgres | Dialect::Cockroach => {
                // Build the new index beside the old one, then swap: the table keeps an index
                // all along, and writes are not blocked.
                let temporary = temporary_name(&name, 63);
                let old = dialect.index_reference(self.keys.schema_name, self.keys.table, &name);
                let new =
                    dialect.index_reference(self.keys.schema_name, self.keys.table, &temporary);
                format!(
                    "{header}-- CONCURRENTLY cannot run inside a transaction: run each statement on its own.\n\
                     CREATE INDEX CONCURRENTLY {} ON {table}{using} ({columns}) WHERE {predicate};\n\
                     DROP INDEX CONCURRENTLY IF EXISTS {old};\n\
                     ALTER INDEX {new} RENAME TO {quoted};\n",
                    dialect.quote(&temporary)
                )
            }
            Dialect::Sqlite => format!(
                "{header}DROP INDEX IF EXISTS {};\nCREATE INDEX {quoted} ON {table} ({columns}) WHERE {predicate};\n",
                dialect.index_reference(self.keys.schema_name, self.keys.table, &name)
            ),
            Dialect::SqlServer => format!(
                "{header}CREATE NONCLUSTERED INDEX {quoted} ON {table} ({columns}) WHERE {predicate} WITH (DROP_EXISTING = ON);\n"
            ),
        })
    }

    // ---- how the messages write keys ----

    /// `@@index([a, b])`, with the entries in `order` when given (arguments of the entries
    /// kept, those of the attribute left out).
    fn written_index(&self, key: &Key<'_>, order: Option<&[usize]>) -> String {
        let items = fields_list(key.attribute)
            .map(Expression::as_list)
            .unwrap_or_default();
        let entry = |i: usize| {
            items
                .get(i)
                .map_or(key.fields[i].path, |item| self.schema.text(item.span()))
        };
        let entries: Vec<&str> = match order {
            Some(order) => order.iter().map(|&i| entry(i)).collect(),
            None => (0..key.fields.len()).map(entry).collect(),
        };
        format!("@@{}([{}])", key.attribute.name.text, entries.join(", "))
    }

    /// How a covering key is named, quoted: `` `@@unique([a, b])` ``, or
    /// `` the `@unique` of `email` ``.
    fn written_key(&self, key: &Key<'_>) -> String {
        match key.on_field {
            Some(field) => format!(
                "the `@{}` of `{}`",
                key.attribute.name.text, field.name.text
            ),
            None => format!("`{}`", self.written_index(key, None)),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Equality,
    Range,
    Other,
}

/// Names that say the column holds one of a few values: `status`, `orderStatus`, `user_type`.
fn names_a_category(name: &str) -> bool {
    const WORDS: &[&str] = &["status", "type", "kind", "state", "role"];
    let lower = name.to_ascii_lowercase();
    WORDS.iter().any(|word| {
        lower == *word
            || lower.ends_with(&format!("_{word}"))
            || (lower.ends_with(word)
                && name.len() > word.len()
                && name.as_bytes()[name.len() - word.len()].is_ascii_uppercase())
    })
}

/// A number that identifies rather than measures: an id, a reference, a unique number.
fn is_key_like(field: &Field) -> bool {
    let name = field.name.text.as_str();
    name.eq_ignore_ascii_case("id")
        || name.ends_with("Id")
        || name.ends_with("ID")
        || name.ends_with("_id")
        || field.attribute("id").is_some()
        || field.attribute("unique").is_some()
}

/// The fields list of a key attribute (`[a, b]` of `@@index([a, b])`).
fn fields_list(attribute: &Attribute) -> Option<&Expression> {
    attribute
        .argument("fields", Some(0))
        .and_then(|argument| argument.value.as_ref())
}

/// Whether the key starts with exactly these columns, in any order.
fn covers(key: &Key<'_>, columns: &[&str]) -> bool {
    starts_with_set(key.fields.iter().map(|f| f.path), columns)
}

/// Whether the first `columns.len()` of `entries` are `columns`, in any order.
fn starts_with_set<'x>(entries: impl Iterator<Item = &'x str>, columns: &[&str]) -> bool {
    let leading: Vec<&str> = entries.take(columns.len()).collect();
    leading.len() == columns.len() && same_set(&leading, columns)
}

fn same_set(a: &[&str], b: &[&str]) -> bool {
    a.len() == b.len() && is_subset(a, b)
}

fn is_subset(small: &[&str], large: &[&str]) -> bool {
    small.iter().all(|c| large.contains(c))
}

/// "the foreign key `a` of relation `author`" / "the foreign key columns `a`, `b` of …".
fn describe_columns(columns: &[&str], relation: &str) -> String {
    let quoted: Vec<String> = columns.iter().map(|c| format!("`{c}`")).collect();
    let noun = if columns.len() == 1 {
        "foreign key"
    } else {
        "foreign key columns"
    };
    format!("the {noun} {} of relation `{relation}`", quoted.join(", "))
}

/// How a soft-delete marker says "live": a nullable timestamp is null, a flag is false.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LiveRows {
    Null,
    False,
}

impl LiveRows {
    /// For markers of a type the condition is clear for: `DateTime?`, `Boolean`. Others
    /// (a required timestamp, a string) are `soft-delete/wrong-type`'s business.
    fn of(marker: &Field) -> Option<LiveRows> {
        match conventions::type_name(marker)? {
            "DateTime" if conventions::is_optional(marker) => Some(LiveRows::Null),
            "Boolean" if !conventions::is_list(marker) => Some(LiveRows::False),
            _ => None,
        }
    }

    /// The `where:` object of the schema.
    fn condition(self, marker: &str) -> String {
        match self {
            LiveRows::Null => format!("{{ {marker}: null }}"),
            LiveRows::False => format!("{{ {marker}: false }}"),
        }
    }

    fn sql(self, dialect: Dialect) -> &'static str {
        match (self, dialect) {
            (LiveRows::Null, _) => "IS NULL",
            (LiveRows::False, Dialect::Postgres | Dialect::Cockroach) => "= false",
            (LiveRows::False, Dialect::Sqlite | Dialect::SqlServer) => "= 0",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dialect {
    Postgres,
    Cockroach,
    Sqlite,
    SqlServer,
}

impl Dialect {
    fn of(provider: Provider) -> Option<Dialect> {
        Some(match provider {
            Provider::PostgreSql => Dialect::Postgres,
            Provider::CockroachDb => Dialect::Cockroach,
            Provider::Sqlite => Dialect::Sqlite,
            Provider::SqlServer => Dialect::SqlServer,
            Provider::MySql | Provider::MongoDb => return None,
        })
    }

    /// A quoted identifier: `"a""b"`, or `[a]]b]` on SQL Server.
    fn quote(self, name: &str) -> String {
        match self {
            Dialect::SqlServer => format!("[{}]", name.replace(']', "]]")),
            _ => format!("\"{}\"", name.replace('"', "\"\"")),
        }
    }

    /// How `DROP INDEX` / `ALTER INDEX` name an index: schema-qualified on PostgreSQL,
    /// `table@index` on CockroachDB.
    fn index_reference(self, schema: Option<&str>, table: &str, index: &str) -> String {
        match (self, schema) {
            (Dialect::Cockroach, Some(schema)) => {
                format!(
                    "{}.{}@{}",
                    self.quote(schema),
                    self.quote(table),
                    self.quote(index)
                )
            }
            (Dialect::Cockroach, None) => format!("{}@{}", self.quote(table), self.quote(index)),
            (_, Some(schema)) => format!("{}.{}", self.quote(schema), self.quote(index)),
            (_, None) => self.quote(index),
        }
    }
}

/// `{name}_live`, cut so that it fits the identifier limit.
fn temporary_name(name: &str, limit: usize) -> String {
    const SUFFIX: &str = "_live";
    let mut cut = name.len().min(limit - SUFFIX.len());
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}{SUFFIX}", &name[..cut])
}

#[cfg(test)]
mod tests {
    use crate::analysis::{self, Diagnostic, codes};
    use crate::model::Schema;

    fn findings(text: &str) -> Vec<Diagnostic> {
        let schema = Schema::parse("s.prisma", text);
        analysis::check(&schema)
            .into_iter()
            .filter(|d| d.code.as_str().starts_with("index/"))
            .collect()
    }

    fn snippet(text: &str) -> String {
        findings(text)
            .into_iter()
            .find(|d| d.code == codes::ADVICE_SOFT_DELETE_PARTIAL)
            .and_then(|d| d.snippet)
            .map(|s| s.text)
            .expect("a partial-index snippet")
    }

    #[test]
    fn writes_postgres_sql_with_mapped_names_and_the_default_index_name() {
        let text = "datasource db {\n  provider = \"postgresql\"\n  schemas = [\"app\"]\n}\n\
                    model Post {\n  id Int @id\n  authorId Int @map(\"author_id\")\n  createdAt DateTime @map(\"created_at\")\n  deletedAt DateTime? @map(\"deleted_at\")\n  @@index([authorId, createdAt(sort: Desc)])\n  @@map(\"posts\")\n  @@schema(\"app\")\n}\n";
        assert_eq!(
            snippet(text),
            "-- `@@index([authorId, createdAt(sort: Desc)])` of model `Post`, over live rows only.\n\
             -- CONCURRENTLY cannot run inside a transaction: run each statement on its own.\n\
             CREATE INDEX CONCURRENTLY \"posts_author_id_created_at_idx_live\" ON \"app\".\"posts\" (\"author_id\", \"created_at\" DESC) WHERE \"deleted_at\" IS NULL;\n\
             DROP INDEX CONCURRENTLY IF EXISTS \"app\".\"posts_author_id_created_at_idx\";\n\
             ALTER INDEX \"app\".\"posts_author_id_created_at_idx_live\" RENAME TO \"posts_author_id_created_at_idx\";\n"
        );
    }

    #[test]
    fn writes_sql_server_and_sqlite_sql_for_boolean_markers() {
        let model = "model Item {\n  id Int @id\n  name String\n  isDeleted Boolean @default(false)\n  @@index([name], map: \"by_name\")\n}\n";
        let sql_server = format!("datasource db {{\n  provider = \"sqlserver\"\n}}\n{model}");
        assert_eq!(
            snippet(&sql_server),
            "-- `@@index([name])` of model `Item`, over live rows only.\n\
             CREATE NONCLUSTERED INDEX [by_name] ON [Item] ([name]) WHERE [isDeleted] = 0 WITH (DROP_EXISTING = ON);\n"
        );
        let sqlite = format!("datasource db {{\n  provider = \"sqlite\"\n}}\n{model}");
        assert_eq!(
            snippet(&sqlite),
            "-- `@@index([name])` of model `Item`, over live rows only.\n\
             DROP INDEX IF EXISTS \"by_name\";\nCREATE INDEX \"by_name\" ON \"Item\" (\"name\") WHERE \"isDeleted\" = 0;\n"
        );
    }

    #[test]
    fn writes_cockroach_index_references_and_quotes_identifiers() {
        let text = "datasource db {\n  provider = \"cockroachdb\"\n}\n\
                    model A {\n  id Int @id\n  x Int @map(\"we\\\"ird\")\n  deletedAt DateTime?\n  @@index([x], type: Gin)\n}\n";
        assert_eq!(
            snippet(text),
            "-- `@@index([x])` of model `A`, over live rows only.\n\
             -- CONCURRENTLY cannot run inside a transaction: run each statement on its own.\n\
             CREATE INDEX CONCURRENTLY \"A_we\"\"ird_idx_live\" ON \"A\" USING gin (\"we\"\"ird\") WHERE \"deletedAt\" IS NULL;\n\
             DROP INDEX CONCURRENTLY IF EXISTS \"A\"@\"A_we\"\"ird_idx\";\n\
             ALTER INDEX \"A\"@\"A_we\"\"ird_idx_live\" RENAME TO \"A_we\"\"ird_idx\";\n"
        );
    }

    #[test]
    fn cuts_temporary_names_to_the_identifier_limit() {
        let name = "x".repeat(63);
        let temporary = super::temporary_name(&name, 63);
        assert_eq!(temporary.len(), 63);
        assert!(temporary.ends_with("_live"));
        assert_eq!(super::temporary_name("ab", 63), "ab_live");
    }

    #[test]
    fn recognises_category_names() {
        for name in [
            "status",
            "orderStatus",
            "user_type",
            "kind",
            "Role",
            "paymentState",
        ] {
            assert!(super::names_a_category(name), "{name}");
        }
        for name in ["statusText", "prototype", "typeface", "estate", "controle"] {
            assert!(!super::names_a_category(name), "{name}");
        }
    }
}
