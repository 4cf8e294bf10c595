//! The names a schema gives things in the database: a field's column (`@map`, else its name),
//! a block's table or enum type (`@@map`, else its name) and its database schema
//! (`@@schema`). Validation (name clashes, constraint names), the database layer (drift,
//! findings), the advisor (row-level security) and hover read them here.

use crate::model::{Attribute, Block, Expression, Field, Span};

/// The name `@map`/`@@map` gives: its `name` argument, or the first positional one.
pub fn map_name(attribute: &Attribute) -> Option<&str> {
    attribute
        .argument("name", Some(0))
        .and_then(|argument| argument.value.as_ref())
        .and_then(Expression::as_str)
}

/// The first `@map` of a list of attributes (a field's or an enum value's), if it names one.
pub fn mapped_name(attributes: &[Attribute]) -> Option<&str> {
    attributes
        .iter()
        .find(|attribute| attribute.name.text == "map")
        .and_then(map_name)
}

/// A field's `@map`, if it names a column.
pub fn field_map(field: &Field) -> Option<&str> {
    field.attribute("map").and_then(map_name)
}

/// A field's column: its `@map`, else its name.
pub fn column_name(field: &Field) -> &str {
    field_map(field).unwrap_or(&field.name.text)
}

/// A block's table (or enum type): its `@@map`, else its name.
pub fn table_name(block: &Block) -> &str {
    block
        .attributes_named("map")
        .next()
        .and_then(map_name)
        .unwrap_or(&block.name.text)
}

/// A block's `@@schema` with the span of its value. Prisma names the argument `map`
/// (`@@schema(map: "auth")`); it is usually written without its name (`@@schema("auth")`).
pub fn block_schema(block: &Block) -> Option<(&str, Span)> {
    let value = schema_value(block.attributes_named("schema").next()?)?;
    Some((value.as_str()?, value.span()))
}

/// A block's `@@schema`, if it names one.
pub fn schema_name(block: &Block) -> Option<&str> {
    block_schema(block).map(|(name, _)| name)
}

/// The value of a `@@schema` attribute (its `map` argument, or the first positional one).
pub fn schema_value(attribute: &Attribute) -> Option<&Expression> {
    attribute
        .argument("map", Some(0))
        .and_then(|argument| argument.value.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Schema;

    /// `@@schema` written with its argument's name reads as written without it: two indexes
    /// of one name in two database schemas do not clash (they did, when the keys read the
    /// argument as `name`).
    #[test]
    fn a_named_schema_argument_is_the_schema() {
        let text = |schema_a: &str, schema_b: &str| {
            format!(
                "datasource db {{\n  provider = \"postgresql\"\n  schemas  = [\"a\", \"b\"]\n}}\n\nmodel User {{\n  id    Int    @id\n  email String\n\n  @@index([email], map: \"email_idx\")\n  @@schema({schema_a})\n}}\n\nmodel Person {{\n  id    Int    @id\n  email String\n\n  @@index([email], map: \"email_idx\")\n  @@schema({schema_b})\n}}\n"
            )
        };
        for (a, b) in [
            ("\"a\"", "\"b\""),
            ("map: \"a\"", "map: \"b\""),
            ("map: \"a\"", "\"b\""),
        ] {
            let schema = Schema::parse("schema.prisma", text(a, b));
            let user = schema.find_type("User").expect("the model");
            assert_eq!(schema_name(user), Some("a"), "@@schema({a})");
            let codes: Vec<&str> = crate::analysis::check(&schema)
                .iter()
                .map(|d| d.code.as_str())
                .collect();
            assert!(
                !codes.contains(&"index/constraint-name-clash"),
                "@@schema({a}) and @@schema({b}): {codes:?}"
            );
        }
        let same = Schema::parse("schema.prisma", text("map: \"a\"", "map: \"a\""));
        assert!(
            crate::analysis::check(&same)
                .iter()
                .any(|d| d.code.as_str() == "index/constraint-name-clash"),
            "one schema: the names clash"
        );
    }
}
