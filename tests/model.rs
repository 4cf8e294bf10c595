//! The schema model: items, spans, doc comments, arguments and lookups.

use prisma_analyzer::model::{Arity, BlockKind, Expression, Schema, SourceFile, TypeModifier};

const SCHEMA: &str = r#"datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

/// Людей и их посты 😀
/// second line
model User {
  /// The primary key
  id    Int     @id @default(autoincrement())
  email String? @unique @db.VarChar(255)
  posts Post[]
  tags  String[]?

  @@index([email(sort: Desc), id], map: "by_email")
  @@map("users")
}

model Post {
  id       Int  @id
  authorId Int
  author   User @relation("UserPosts", fields: [authorId], references: [id], onDelete: Cascade)
}

enum Role {
  USER  @map("user")
  ADMIN
}
"#;

#[test]
fn blocks_fields_and_lookups() {
    let schema = Schema::parse("schema.prisma", SCHEMA);
    let kinds: Vec<BlockKind> = schema.blocks().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Datasource,
            BlockKind::Model,
            BlockKind::Model,
            BlockKind::Enum
        ]
    );

    let user = schema.find_model("User").expect("User");
    assert!(user.closed);
    assert_eq!(
        user.doc.as_deref(),
        Some("Людей и их посты 😀\nsecond line")
    );
    assert_eq!(schema.text(user.name.span), "User");
    assert!(schema.find_enum("User").is_none());
    assert!(schema.find_enum("Role").is_some());
    assert!(schema.find_type("Missing").is_none());

    let id = user.field("id").expect("id");
    assert_eq!(id.doc.as_deref(), Some("The primary key"));
    assert_eq!(
        schema.text(id.span),
        "id    Int     @id @default(autoincrement())"
    );
    let email = user.field("email").expect("email");
    let email_type = email.r#type.as_ref().expect("typed");
    assert_eq!(email_type.arity(), Arity::Optional);
    let native = email.attribute("db.VarChar").expect("@db.VarChar");
    assert!(
        matches!(&native.arguments()[0].value, Some(Expression::Number { text, .. }) if text == "255")
    );
    assert_eq!(
        user.field("posts")
            .and_then(|f| f.r#type.as_ref())
            .map(|t| t.arity()),
        Some(Arity::List)
    );
    let tags = user
        .field("tags")
        .and_then(|f| f.r#type.as_ref())
        .expect("tags");
    let modifiers: Vec<TypeModifier> = tags.modifiers.iter().map(|(m, _)| *m).collect();
    assert_eq!(modifiers, [TypeModifier::List, TypeModifier::Optional]);
}

#[test]
fn attributes_and_arguments() {
    let schema = Schema::parse("schema.prisma", SCHEMA);
    let user = schema.find_model("User").expect("User");
    let index = user.attributes_named("index").next().expect("@@index");
    assert!(index.is_block);
    let fields = index
        .argument("fields", Some(0))
        .and_then(|a| a.value.as_ref())
        .expect("fields");
    let items = fields.as_list();
    assert_eq!(items.len(), 2);
    assert!(matches!(&items[0], Expression::Function { name, .. } if name.text == "email"));
    assert_eq!(
        index
            .argument("map", None)
            .and_then(|a| a.value.as_ref())
            .and_then(|v| v.as_str()),
        Some("by_email")
    );

    let post = schema.find_model("Post").expect("Post");
    let relation = post
        .field("author")
        .and_then(|f| f.attribute("relation"))
        .expect("@relation");
    // The name is positional even though it comes first; named arguments are found by name.
    assert_eq!(
        relation
            .argument("name", Some(0))
            .and_then(|a| a.value.as_ref())
            .and_then(|v| v.as_str()),
        Some("UserPosts")
    );
    let references = relation
        .argument("references", None)
        .and_then(|a| a.value.as_ref())
        .expect("references");
    assert!(matches!(&references.as_list()[0], Expression::Constant(ident) if ident.text == "id"));
    assert!(matches!(
        relation.argument("onDelete", None).and_then(|a| a.value.as_ref()),
        Some(Expression::Constant(action)) if action.text == "Cascade"
    ));

    let datasource = schema.datasource().expect("datasource");
    let url = datasource
        .property("url")
        .and_then(|p| p.value.as_ref())
        .expect("url");
    assert!(matches!(url, Expression::Function { name, arguments, .. }
        if name.text == "env" && arguments.items[0].value.as_ref().and_then(|v| v.as_str()) == Some("DATABASE_URL")));

    let role = schema.find_enum("Role").expect("Role");
    let names: Vec<&str> = role
        .enum_values
        .iter()
        .map(|v| v.name.text.as_str())
        .collect();
    assert_eq!(names, ["USER", "ADMIN"]);
    assert!(role.enum_values[0].attributes[0].name.text == "map");
}

#[test]
fn half_typed_items_stay_in_the_model() {
    let schema = Schema::parse(
        "schema.prisma",
        "model A {\n  id Int @id\n  email\n  author User @relation(fields: [\n}\nmodel B {\n  id Int @id\n}\n",
    );
    let a = schema.find_model("A").expect("A");
    assert!(a.field("email").is_some_and(|f| f.r#type.is_none()));
    let relation = a
        .field("author")
        .and_then(|f| f.attribute("relation"))
        .expect("@relation");
    assert!(!relation.arguments.as_ref().expect("arguments").closed);
    assert!(
        schema
            .find_model("B")
            .is_some_and(|b| b.closed && b.field("id").is_some())
    );
}

#[test]
fn multi_file_items_know_their_file() {
    let schema = Schema::new(vec![
        SourceFile::parse("a.prisma", "model A {\n  id Int @id\n  b B\n}\n"),
        SourceFile::parse("b.prisma", "\n\nmodel B {\n  id Int @id\n}\n"),
    ]);
    let b = schema.find_model("B").expect("B");
    assert_eq!(schema.file(b.file()).name, "b.prisma");
    assert_eq!(
        schema
            .file(b.file())
            .line_index
            .line_of(b.span.start as usize),
        2
    );
    let a = schema.find_model("A").expect("A");
    assert_eq!(schema.file(a.file()).name, "a.prisma");
}
