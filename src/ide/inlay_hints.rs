//! Inlay hints: facts about a relation field that the schema does not show where the field
//! is, and that one would otherwise look up in another model. Only two, to stay quiet:
//!
//! - **Back-relation fields** (`posts Post[]`, the side without `fields`/`references`):
//!   `← Post.authorId`, the foreign key on the other side that this relation goes through.
//!   Reading a model, one sees its lists of related records but not how they are joined
//!   without opening the other model.
//! - **Implicit many-to-many fields** (both sides lists, no `fields`): `_CategoryToPost`,
//!   the join table Prisma creates. Its name appears nowhere in the schema, yet it is what
//!   one sees in the database, in SQL and in migrations, and it changes when a model is
//!   renamed or the relation named.
//!
//! Nothing is hinted where the schema already says it (`@map`, `@@map`, `fields:`), nor when
//! the relation is ambiguous (several candidate opposite fields: analysis reports that).

use crate::model::{Arity, Block, BlockKind, Field, FileId, Schema};
use crate::semantics;

/// A hint shown after `offset` (bytes, in the file asked about).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InlayHint {
    pub offset: u32,
    pub label: String,
    /// A sentence explaining the hint, for the editor's tooltip.
    pub tooltip: String,
}

/// The hints of the fields of `file` that end within `range` (bytes).
pub fn inlay_hints(schema: &Schema, file: FileId, range: std::ops::Range<usize>) -> Vec<InlayHint> {
    let mongodb = crate::semantics::Config::of(schema).is(crate::catalog::Provider::MongoDb);
    let mut hints = Vec::new();
    for block in &schema.file_model(file).blocks {
        if block.kind != BlockKind::Model
            || (block.span.end as usize) < range.start
            || (block.span.start as usize) > range.end
        {
            continue;
        }
        for field in &block.fields {
            let Some(field_type) = &field.r#type else {
                continue;
            };
            let at = field_type.span.end as usize;
            if !(range.start..=range.end).contains(&at) || field.name.is_missing() {
                continue;
            }
            if let Some(hint) = relation_hint(schema, block, field, mongodb) {
                hints.push(hint);
            }
        }
    }
    hints
}

fn relation_hint(
    schema: &Schema,
    block: &Block,
    field: &Field,
    mongodb: bool,
) -> Option<InlayHint> {
    let field_type = field.r#type.as_ref()?;
    let other = schema
        .find_type(&field_type.name.text)
        .filter(|b| b.kind == BlockKind::Model)?;
    if has_keys(field) {
        return None;
    }
    let mut candidates = other.fields_pointing_back(&block.name.text, field);
    let opposite = candidates.next()?;
    if candidates.next().is_some() {
        return None;
    }
    let offset = field_type.span.end;
    if has_keys(opposite) {
        let relation = opposite.attribute("relation")?;
        let keys = relation
            .argument("fields", None)?
            .value
            .as_ref()?
            .listed_names()?;
        let keys = match keys.as_slice() {
            [one] => one.to_string(),
            many => format!("({})", many.join(", ")),
        };
        return Some(InlayHint {
            offset,
            label: format!("← {}.{keys}", other.name.text),
            tooltip: format!(
                "The foreign key of this relation is `{}.{keys}`.",
                other.name.text
            ),
        });
    }
    let both_lists = field_type.arity() == Arity::List
        && opposite.r#type.as_ref().map(|t| t.arity()) == Some(Arity::List);
    if !both_lists || mongodb {
        return None;
    }
    let table = semantics::join_table_name(&semantics::relation_name(
        field,
        &block.name.text,
        &other.name.text,
    ));
    Some(InlayHint {
        offset,
        label: table.clone(),
        tooltip: format!(
            "Implicit many-to-many relation: Prisma keeps it in the join table `{table}`."
        ),
    })
}

/// Whether the field's `@relation` gives `fields` (the side that holds the foreign key).
fn has_keys(field: &Field) -> bool {
    field
        .attribute("relation")
        .is_some_and(|r| r.argument("fields", None).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hints(text: &str) -> Vec<String> {
        let schema = Schema::parse("s.prisma", text);
        let file = schema.file(FileId(0));
        inlay_hints(&schema, FileId(0), 0..file.text.len())
            .into_iter()
            .map(|hint| {
                let line = file.line_index.line_of(hint.offset as usize);
                let offset = hint.offset as usize;
                let line_start = crate::syntax::line_start(&file.text, offset);
                let line_text = file.text[line_start..offset].trim();
                format!("{line}: {line_text} ⟨{}⟩", hint.label)
            })
            .collect()
    }

    #[test]
    fn hints_back_relations_and_join_tables_only() {
        let text = "\
model User {
  id      Int    @id
  posts   Post[]
  profile Profile?
  friends User[] @relation(\"friends\")
  friendOf User[] @relation(\"friends\")
}
model Profile {
  id     Int  @id
  userId Int  @unique
  user   User @relation(fields: [userId], references: [id])
}
model Post {
  id       Int        @id
  authorId Int
  author   User       @relation(fields: [authorId], references: [id])
  tags     Tag[]
}
model Tag {
  id    Int    @id
  posts Post[]
}
";
        insta::assert_snapshot!(hints(text).join("\n"), @r"
        2: posts   Post[] ⟨← Post.authorId⟩
        3: profile Profile? ⟨← Profile.userId⟩
        4: friends User[] ⟨_friends⟩
        5: friendOf User[] ⟨_friends⟩
        16: tags     Tag[] ⟨_PostToTag⟩
        20: posts Post[] ⟨_PostToTag⟩
        ");
    }

    #[test]
    fn no_hint_when_ambiguous_or_on_mongodb_or_broken() {
        let ambiguous = "model A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id Int @id\n  a1 Int\n  a2 Int\n  x A @relation(fields: [a1], references: [id])\n  y A @relation(fields: [a2], references: [id])\n}\n";
        assert!(hints(ambiguous).is_empty());
        let mongo = "datasource db {\n  provider = \"mongodb\"\n}\nmodel A {\n  id String @id\n  bs B[]\n}\nmodel B {\n  id String @id\n  as A[]\n}\n";
        assert!(hints(mongo).is_empty());
        for broken in [
            "model A {\n  b B[\n",
            "model A {\n  b B[] @relation(\n}\nmodel B {\n  a A[]",
            "model",
        ] {
            let _ = hints(broken);
        }
    }

    #[test]
    fn the_range_limits_the_hints() {
        let text = "model A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id Int @id\n  as A[]\n}\n";
        let schema = Schema::parse("s.prisma", text);
        let second = text.find("model B").unwrap_or(0);
        let found = inlay_hints(&schema, FileId(0), second..text.len());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].label, "_AToB");
    }
}
