//! Scaffolding of whole models: an audit log and an event store, written the way the schema
//! writes its own models (id style, snake_case mapping, tenant key) and only with types the
//! provider has (no `Json` nor enums on SQL Server).

use super::Advisor;
use super::conventions::{self, type_name};
use super::scaffold::{Action, ActionScope, append_block};
use crate::analysis::TextEdit;
use crate::catalog::Provider;
use crate::model::{BlockKind, FileId, Schema};

/// "Add audit log", "Add event store" (schema-wide `source` actions).
pub(super) fn actions(advisor: &Advisor<'_>, out: &mut Vec<Action>) {
    if let Some(edit) = audit_log(advisor) {
        out.push(Action {
            title: "Add audit log".to_string(),
            scope: ActionScope::Schema,
            edits: vec![edit],
        });
    }
    if let Some(edit) = event_store(advisor) {
        out.push(Action {
            title: "Add event store".to_string(),
            scope: ActionScope::Schema,
            edits: vec![edit],
        });
    }
}

/// A field of a new model: name, type, attributes (without `@map`, added by `Writer`).
struct NewField {
    name: String,
    field_type: String,
    attributes: String,
}

fn field(name: &str, field_type: impl Into<String>, attributes: impl Into<String>) -> NewField {
    NewField {
        name: name.to_string(),
        field_type: field_type.into(),
        attributes: attributes.into(),
    }
}

/// What new models take from the schema: where they go, how fields and tables are named, the
/// id, the types the provider has.
struct Writer<'a> {
    advisor: &'a Advisor<'a>,
    snake: bool,
}

impl<'a> Writer<'a> {
    fn new(advisor: &'a Advisor<'a>) -> Self {
        Writer {
            advisor,
            snake: conventions::schema_maps_to_snake_case(advisor.schema),
        }
    }

    fn provider(&self) -> Option<Provider> {
        self.advisor.context.provider
    }

    fn db(&self) -> &str {
        self.advisor
            .context
            .datasource_name
            .as_deref()
            .unwrap_or("db")
    }

    fn id(&self) -> NewField {
        let (field_type, attributes) =
            conventions::new_model_id(self.advisor.schema, self.advisor.context);
        field("id", field_type, attributes)
    }

    /// A JSON document: `Json`, or on SQL Server (no `Json`) a string of unlimited length.
    fn json(&self, optional: bool) -> (String, String) {
        let mark = if optional { "?" } else { "" };
        if self.provider().is_some_and(|p| !p.supports_json()) {
            (
                format!("String{mark}"),
                format!("@{}.NVarChar(Max)", self.db()),
            )
        } else {
            (format!("Json{mark}"), String::new())
        }
    }

    /// The type of a field that references `model`'s id (`userId`), or `String`.
    fn reference_type(&self, model: &str, optional: bool) -> (String, String) {
        let mark = if optional { "?" } else { "" };
        let schema = self.advisor.schema;
        match schema
            .find_model(model)
            .and_then(|block| conventions::id_type(schema, block))
        {
            Some((ty, native)) => (format!("{ty}{mark}"), native.unwrap_or("").to_string()),
            None => (format!("String{mark}"), String::new()),
        }
    }

    /// The tenant key of a multi-tenant schema, typed like the tenant model's id (or like
    /// the tenant keys of the other models).
    fn tenant_key(&self) -> Option<NewField> {
        let schema = self.advisor.schema;
        let settings = self.advisor.settings;
        if !conventions::is_multi_tenant(schema, settings) {
            return None;
        }
        let typed_like = conventions::tenant_model(schema, settings)
            .and_then(|tenant| conventions::id_type(schema, tenant))
            .map(|(ty, native)| (ty.to_string(), native.unwrap_or("").to_string()))
            .or_else(|| {
                conventions::advised_models(schema)
                    .find_map(|block| conventions::tenant_key(settings, block))
                    .and_then(|key| {
                        let native = conventions::native_type_attribute(key)
                            .map_or("", |a| schema.text(a.span));
                        type_name(key).map(|ty| (ty.to_string(), native.to_string()))
                    })
            })
            .unwrap_or_else(|| ("String".to_string(), String::new()));
        Some(NewField {
            name: settings.tenant_key.clone(),
            field_type: typed_like.0,
            attributes: typed_like.1,
        })
    }

    /// The text of a model, aligned as `prisma format` aligns it.
    fn model(&self, name: &str, fields: &[NewField], block_attributes: &[String]) -> String {
        let rows: Vec<(String, &str, String)> = fields
            .iter()
            .map(|f| {
                let snake = conventions::to_snake_case(&f.name);
                let mut attributes = f.attributes.clone();
                if self.snake && snake != f.name && f.name != "id" {
                    if !attributes.is_empty() {
                        attributes.push(' ');
                    }
                    attributes.push_str(&format!("@map(\"{snake}\")"));
                }
                // `@id` and `@default` before `@map`, the native type last, as Prisma writes.
                (
                    f.name.clone(),
                    f.field_type.as_str(),
                    order_attributes(&attributes),
                )
            })
            .collect();
        let name_width = rows.iter().map(|(n, _, _)| n.len()).max().unwrap_or(0);
        let type_width = rows.iter().map(|(_, t, _)| t.len()).max().unwrap_or(0);
        let mut text = format!("model {name} {{\n");
        for (field_name, field_type, attributes) in &rows {
            let line = if attributes.is_empty() {
                format!("  {field_name:<name_width$} {field_type}")
            } else {
                format!("  {field_name:<name_width$} {field_type:<type_width$} {attributes}")
            };
            text.push_str(line.trim_end());
            text.push('\n');
        }
        let mut block_attributes = block_attributes.to_vec();
        if let Some(table) = conventions::new_table_name(self.advisor.schema, name) {
            block_attributes.push(format!("@@map(\"{table}\")"));
        }
        if !block_attributes.is_empty() {
            text.push('\n');
            for attribute in &block_attributes {
                text.push_str(&format!("  {attribute}\n"));
            }
        }
        text.push_str("}\n");
        text
    }

    /// Where new blocks go: the end of the file with the datasource, else the first file.
    fn file(&self) -> FileId {
        self.advisor
            .schema
            .datasource()
            .map_or(FileId(0), crate::model::Block::file)
    }

    fn append(&self, text: &str) -> TextEdit {
        append_block(self.advisor.schema, self.file(), text)
    }
}

/// Orders field attributes as Prisma writes them: `@id`, `@default`, `@unique`, `@updatedAt`,
/// `@map`, then native types.
fn order_attributes(attributes: &str) -> String {
    let mut parts: Vec<&str> = attributes.split(" @").filter(|p| !p.is_empty()).collect();
    let rank = |part: &str| {
        let part = part.trim_start_matches('@');
        if part.starts_with("id") {
            0
        } else if part.starts_with("default") {
            1
        } else if part.starts_with("unique") {
            2
        } else if part.starts_with("updatedAt") {
            3
        } else if part.starts_with("map") {
            4
        } else {
            5
        }
    };
    parts.sort_by_key(|part| rank(part));
    parts
        .iter()
        .map(|part| {
            if part.starts_with('@') {
                (*part).to_string()
            } else {
                format!("@{part}")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a model, enum, view or composite type of this name exists.
fn is_declared(schema: &Schema, name: &str) -> bool {
    schema.find_type(name).is_some()
}

// ---------------------------------------------------------------------------------------------
// Audit log
// ---------------------------------------------------------------------------------------------

/// `model AuditLog` and `enum AuditAction`, appended; `None` when the model exists (or its
/// name is taken), or `AuditAction` is taken by something other than an enum.
fn audit_log(advisor: &Advisor<'_>) -> Option<TextEdit> {
    let schema = advisor.schema;
    if is_declared(schema, "AuditLog") {
        return None;
    }
    let writer = Writer::new(advisor);
    let enums = writer.provider().is_none_or(Provider::supports_enums);
    let existing_enum = schema.find_type("AuditAction");
    if existing_enum.is_some_and(|block| block.kind != BlockKind::Enum) {
        return None;
    }
    let action_type = if enums { "AuditAction" } else { "String" };
    let (json_type, json_attributes) = writer.json(true);
    let (user_type, user_attributes) = writer.reference_type("User", true);
    let (mut user_agent, mut key_column) = (String::new(), String::new());
    match writer.provider() {
        // `varchar(191)` is too short for many user agents.
        Some(Provider::MySql) => user_agent = format!("@{}.Text", writer.db()),
        // Two `nvarchar(1000)` exceed the 1,700-byte key of a nonclustered index.
        Some(Provider::SqlServer) => key_column = format!("@{}.NVarChar(255)", writer.db()),
        _ => {}
    }
    let mut fields = vec![
        writer.id(),
        field("tableName", "String", key_column.clone()),
        field("recordId", "String", key_column),
        field("action", action_type, ""),
        field("oldValues", json_type.clone(), json_attributes.clone()),
        field("newValues", json_type, json_attributes),
        field("userId", user_type, user_attributes),
    ];
    let tenant = writer.tenant_key();
    let mut indexes = vec![
        "@@index([tableName, recordId])".to_string(),
        "@@index([userId, createdAt])".to_string(),
    ];
    if let Some(tenant) = tenant {
        indexes.push(format!("@@index([{}, createdAt])", tenant.name));
        fields.push(tenant);
    }
    fields.extend([
        field("ipAddress", "String?", ""),
        field("userAgent", "String?", user_agent),
        field("createdAt", "DateTime", "@default(now())"),
    ]);
    let mut text = writer.model("AuditLog", &fields, &indexes);
    if enums && existing_enum.is_none() {
        text.push_str("\nenum AuditAction {\n  CREATE\n  UPDATE\n  DELETE\n}\n");
    }
    Some(writer.append(&text))
}

// ---------------------------------------------------------------------------------------------
// Event store
// ---------------------------------------------------------------------------------------------

/// `model Event` (or `DomainEvent` when `Event` is taken) with a unique version per stream;
/// `None` when the schema has an event store already (a model with `streamId` and `version`).
fn event_store(advisor: &Advisor<'_>) -> Option<TextEdit> {
    let schema = advisor.schema;
    if conventions::advised_models(schema)
        .any(|block| block.field("streamId").is_some() && block.field("version").is_some())
    {
        return None;
    }
    let name = ["Event", "DomainEvent", "StoredEvent"]
        .into_iter()
        .find(|name| !is_declared(schema, name))?;
    let writer = Writer::new(advisor);
    let (data_type, data_attributes) = writer.json(false);
    let (metadata_type, metadata_attributes) = writer.json(true);
    let mut fields = vec![
        writer.id(),
        field("streamId", "String", ""),
        field("version", "Int", ""),
        field("eventType", "String", ""),
        field("data", data_type, data_attributes),
        field("metadata", metadata_type, metadata_attributes),
    ];
    // Tenant-scoped like every other model of a multi-tenant schema: the tenant key leads
    // the constraint and the index (each query filters on it first).
    let (unique, index) = match writer.tenant_key() {
        Some(tenant) => {
            let key = tenant.name.clone();
            fields.push(tenant);
            (
                format!("@@unique([{key}, streamId, version])"),
                format!("@@index([{key}, eventType, createdAt])"),
            )
        }
        None => (
            "@@unique([streamId, version])".to_string(),
            "@@index([eventType, createdAt])".to_string(),
        ),
    };
    fields.push(field("createdAt", "DateTime", "@default(now())"));
    let text = writer.model(name, &fields, &[unique, index]);
    Some(writer.append(&text))
}

/// The scaffolding actions of the soft-delete area and of this one, applied to schemas of
/// every provider: each result validates, and the action is not offered again on it.
#[cfg(test)]
mod tests {
    use super::super::{Advisor, AdvisorSettings, scaffold};
    use crate::analysis::{self, Context, Options, Severity, fixes};
    use crate::model::Schema;

    const HEADER_POSTGRES: &str =
        "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n";

    fn header(provider: &str) -> String {
        HEADER_POSTGRES.replace("postgresql", provider)
    }

    fn errors(text: &str) -> Vec<String> {
        analysis::check(&Schema::parse("schema.prisma", text))
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect()
    }

    /// Every action offered on the schema (schema-wide, and on each model), by title.
    fn actions(text: &str) -> Vec<(String, String)> {
        let schema = Schema::parse("schema.prisma", text);
        let context = Context::new(&schema, &Options::default());
        let settings = AdvisorSettings::default();
        let advisor = Advisor::new(&schema, &context, &settings);
        let mut out: Vec<(String, String)> = Vec::new();
        let mut add = |action: scaffold::Action| {
            // The tenant actions are tested with the tenant rules.
            if action.title.starts_with("Add tenant") {
                return;
            }
            let fixed = fixes::apply_edits(text, &action.edits).expect("edits apply");
            if !out.iter().any(|(title, _)| *title == action.title) {
                out.push((action.title, fixed));
            }
        };
        for action in scaffold::actions(&advisor, None) {
            add(action);
        }
        for block in schema.models() {
            for action in scaffold::actions(&advisor, Some(block)) {
                add(action);
            }
        }
        out
    }

    /// Applies every action; returns the results by title after checking each.
    fn check_all(text: &str) -> Vec<(String, String)> {
        assert!(errors(text).is_empty(), "{:?}\n{text}", errors(text));
        let results = actions(text);
        for (title, fixed) in &results {
            let after = errors(fixed);
            assert!(after.is_empty(), "{title}: {after:?}\n{fixed}");
            let again = actions(fixed);
            assert!(
                !again.iter().any(|(t, _)| t == title),
                "{title} is offered again after it was applied:\n{fixed}"
            );
            if let Ok(folder) = std::env::var("SCAFFOLD_DUMP") {
                let name: String = title.chars().filter(char::is_ascii_alphanumeric).collect();
                let provider = text.split('"').nth(1).unwrap_or("none").to_string();
                let count = std::fs::read_dir(&folder).map_or(0, Iterator::count);
                let _ = std::fs::write(
                    format!("{folder}/{count:03}_{provider}_{name}.prisma"),
                    fixed,
                );
            }
        }
        results
    }

    fn result<'a>(results: &'a [(String, String)], title: &str) -> &'a str {
        &results
            .iter()
            .find(|(t, _)| t == title)
            .unwrap_or_else(|| {
                panic!(
                    "no action {title:?} in {:?}",
                    results.iter().map(|(t, _)| t).collect::<Vec<_>>()
                )
            })
            .1
    }

    const MODELS: &str = "
model User {
  id    String @id @default(cuid())
  email String @unique
  posts Post[]
}

model Post {
  id       String @id @default(cuid())
  title    String
  authorId String
  author   User   @relation(fields: [authorId], references: [id])

  @@index([authorId])
}
";

    #[test]
    fn actions_on_every_relational_provider() {
        for provider in ["postgresql", "mysql", "sqlite", "sqlserver", "cockroachdb"] {
            let text = format!("{}{MODELS}", header(provider));
            let results = check_all(&text);
            let titles: Vec<&str> = results.iter().map(|(t, _)| t.as_str()).collect();
            assert_eq!(
                titles,
                [
                    "Add soft delete to all models",
                    "Add audit log",
                    "Add event store",
                    "Add soft delete to User",
                    "Add soft delete to Post"
                ],
                "{provider}"
            );
            let audit = result(&results, "Add audit log");
            if provider == "sqlserver" {
                assert!(audit.contains("action    String\n"), "{audit}");
                assert!(!audit.contains("enum AuditAction"), "{audit}");
                assert!(audit.contains("@db.NVarChar(Max)"), "{audit}");
            } else {
                assert!(
                    audit.contains("enum AuditAction {\n  CREATE\n  UPDATE\n  DELETE\n}\n"),
                    "{audit}"
                );
            }
        }
    }

    #[test]
    fn the_audit_log_follows_the_schema() {
        let text = format!("{}{MODELS}", header("postgresql"));
        let results = check_all(&text);
        assert_eq!(
            &result(&results, "Add audit log")[text.len()..],
            "
model AuditLog {
  id        String      @id @default(cuid())
  tableName String
  recordId  String
  action    AuditAction
  oldValues Json?
  newValues Json?
  userId    String?
  ipAddress String?
  userAgent String?
  createdAt DateTime    @default(now())

  @@index([tableName, recordId])
  @@index([userId, createdAt])
}

enum AuditAction {
  CREATE
  UPDATE
  DELETE
}
"
        );
        assert_eq!(
            &result(&results, "Add event store")[text.len()..],
            "
model Event {
  id        String   @id @default(cuid())
  streamId  String
  version   Int
  eventType String
  data      Json
  metadata  Json?
  createdAt DateTime @default(now())

  @@unique([streamId, version])
  @@index([eventType, createdAt])
}
"
        );
    }

    #[test]
    fn multi_tenant_snake_case_uuid_schemas() {
        let text = format!(
            "{}{}",
            header("postgresql"),
            "
model Tenant {
  id        String   @id @default(uuid()) @db.Uuid
  name      String
  createdAt DateTime @default(now()) @map(\"created_at\")
  users     User[]

  @@map(\"tenants\")
}

model User {
  id        String   @id @default(uuid()) @db.Uuid
  tenantId  String   @map(\"tenant_id\") @db.Uuid
  tenant    Tenant   @relation(fields: [tenantId], references: [id])
  createdAt DateTime @default(now()) @map(\"created_at\")
  deletedAt DateTime? @map(\"deleted_at\")

  @@index([tenantId])
  @@map(\"users\")
}

model Event {
  id    Int    @id @default(autoincrement())
  title String
}
"
        );
        let results = check_all(&text);
        let audit = &result(&results, "Add audit log")[text.len()..];
        assert!(
            audit.contains("  id        String      @id @default(uuid()) @db.Uuid\n"),
            "{audit}"
        );
        assert!(
            audit.contains("  userId    String?     @map(\"user_id\") @db.Uuid\n"),
            "{audit}"
        );
        assert!(
            audit.contains("  tenantId  String      @map(\"tenant_id\") @db.Uuid\n"),
            "{audit}"
        );
        assert!(
            audit.contains("  @@index([tenantId, createdAt])\n  @@map(\"audit_logs\")\n"),
            "{audit}"
        );
        let events = &result(&results, "Add event store")[text.len()..];
        assert!(events.starts_with("\nmodel DomainEvent {\n"), "{events}");
        assert!(
            events.contains("@@unique([tenantId, streamId, version])"),
            "{events}"
        );
        // The soft-delete convention of the schema: `deletedAt` mapped to `deleted_at`.
        let tenant = result(&results, "Add soft delete to Tenant");
        assert!(
            tenant.contains("  deletedAt DateTime? @map(\"deleted_at\")\n"),
            "{tenant}"
        );
    }

    #[test]
    fn new_ids_are_generated_even_where_the_schema_leaves_them_to_the_application() {
        let text = format!(
            "{}{}",
            header("postgresql"),
            "
model User {
  id String @id @db.Uuid
}

model Team {
  id String @id @db.Uuid
}
"
        );
        let results = check_all(&text);
        let events = &result(&results, "Add event store")[text.len()..];
        assert!(
            events.contains("  id        String   @id @default(uuid()) @db.Uuid\n"),
            "{events}"
        );
    }

    #[test]
    fn mongodb_ids_are_object_ids() {
        let text = format!(
            "{}{}",
            header("mongodb"),
            "
model User {
  id    String @id @default(auto()) @map(\"_id\") @db.ObjectId
  email String @unique
}
"
        );
        let results = check_all(&text);
        let audit = &result(&results, "Add audit log")[text.len()..];
        assert!(
            audit.contains(
                "  id        String      @id @default(auto()) @map(\"_id\") @db.ObjectId\n"
            ),
            "{audit}"
        );
        assert!(
            audit.contains("  userId    String?     @db.ObjectId\n"),
            "{audit}"
        );
    }

    #[test]
    fn nothing_is_offered_twice() {
        let text = format!(
            "{}{}",
            header("postgresql"),
            "
model AuditLog {
  id Int @id
}

model Stream {
  id       Int    @id
  streamId String
  version  Int
  deletedAt DateTime?
}
"
        );
        let results = check_all(&text);
        let titles: Vec<&str> = results.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(titles, ["Add soft delete to AuditLog"]);
    }
}
