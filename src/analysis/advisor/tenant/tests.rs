//! Tests of the tenant rules, their fixes and actions.

use super::super::scaffold::{Action, ActionScope};
use super::missing_key::{lower_camel, missing_key, plural_lower_camel};
use super::unique::{is_global_by_nature, words};
use super::*;
use crate::analysis::Diagnostic;
use crate::analysis::advisor::AdvisorSettings;
use crate::analysis::{Context, Options, Severity, fixes};
use crate::model::Schema;
use crate::model::SourceFile;

fn options(settings: AdvisorSettings) -> Options {
    Options {
        advisor: std::sync::Arc::new(settings),
        ..Options::default()
    }
}

fn findings(schema: &Schema, settings: AdvisorSettings) -> Vec<Diagnostic> {
    crate::analysis::check_with(schema, options(settings))
        .into_iter()
        .filter(|d| d.code.as_str().starts_with("tenant/"))
        .collect()
}

fn errors(name: &str, text: &str) -> Vec<String> {
    crate::analysis::check(&Schema::parse(name, text))
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.message)
        .collect()
}

fn organization_settings() -> AdvisorSettings {
    AdvisorSettings {
        tenant_key: "organizationId".to_string(),
        tenant_model: "Organization".to_string(),
        global_models: vec!["Country".to_string()],
        ..AdvisorSettings::default()
    }
    .with_rules_on(
        &[
            codes::ADVICE_TENANT_MISSING_KEY,
            codes::ADVICE_TENANT_GLOBAL_UNIQUE,
            codes::ADVICE_TENANT_NO_CASCADE,
        ],
        Severity::Info,
    )
}

const ORGANIZATION: &str = "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel Organization {\n  id       Int       @id @default(autoincrement())\n  projects Project[]\n}\n\nmodel Project {\n  id             Int          @id @default(autoincrement())\n  organizationId Int\n  organization   Organization @relation(fields: [organizationId], references: [id], onDelete: Cascade)\n\n  invoices       Invoice[]\n\n  @@index([organizationId])\n}\n\nmodel Country {\n  code String @id\n}\n\nmodel Invoice {\n  id        Int      @id\n  projectId Int?\n  project   Project? @relation(fields: [projectId], references: [id])\n\n  @@index([projectId])\n}\n";

#[test]
fn the_tenant_key_model_and_global_models_are_configurable() {
    let schema = Schema::parse("schema.prisma", ORGANIZATION);
    let found = findings(&schema, organization_settings());
    let codes: Vec<(&str, &str)> = found
        .iter()
        .map(|d| (d.code.as_str(), schema.text(d.span)))
        .collect();
    assert_eq!(codes, [("tenant/missing-key", "Invoice")]);
    let fixed = fixes::apply_edits(ORGANIZATION, &found[0].fixes[0].edits).expect("edits");
    assert!(fixed.contains("  invoices Invoice[]\n}"), "{fixed}");
    assert!(
        fixed.contains("  organizationId Int\n  organization   Organization @relation(fields: [organizationId], references: [id], onDelete: Cascade)\n")
            && fixed.contains("  @@index([projectId])\n  @@index([organizationId])\n}"),
        "{fixed}"
    );
    assert!(errors("schema.prisma", &fixed).is_empty(), "{fixed}");
    // With the default settings the schema is not multi-tenant.
    assert!(findings(&schema, AdvisorSettings::default()).is_empty());
}

#[test]
fn the_back_relation_goes_into_the_tenant_models_file() {
    let tenant = "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel Project {\n  id       String    @id\n  tenantId String    @db.Uuid\n  tenant   Tenant    @relation(fields: [tenantId], references: [id], onDelete: Cascade)\n  bills    Invoice[]\n\n  @@index([tenantId])\n}\n\nmodel Tenant {\n  id       String    @id @default(uuid()) @db.Uuid\n  projects Project[]\n}\n";
    // Leads to tenant data through an optional relation.
    let invoice = "model Invoice {\n  id        String   @id\n  projectId String?\n  project   Project? @relation(fields: [projectId], references: [id])\n\n  @@index([projectId])\n}\n";
    let schema = Schema::new(vec![
        SourceFile::parse("tenant.prisma", tenant),
        SourceFile::parse("invoice.prisma", invoice),
    ]);
    let settings = AdvisorSettings::default()
        .with_rules_on(&[codes::ADVICE_TENANT_MISSING_KEY], Severity::Info);
    let found = findings(&schema, settings);
    assert_eq!(found.len(), 1, "{found:?}");
    let edits = &found[0].fixes[0].edits;
    let texts = [tenant, invoice].map(String::from);
    let fixed: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(index, text)| {
            fixes::apply_edits(
                text,
                edits.iter().filter(|e| e.span.file.0 as usize == index),
            )
            .expect("edits")
        })
        .collect();
    assert!(fixed[0].contains("  invoices Invoice[]\n}"), "{}", fixed[0]);
    assert!(
        fixed[1].contains("  tenantId  String   @db.Uuid\n"),
        "{}",
        fixed[1]
    );
    let schema = Schema::new(vec![
        SourceFile::parse("tenant.prisma", fixed[0].clone()),
        SourceFile::parse("invoice.prisma", fixed[1].clone()),
    ]);
    assert!(
        crate::analysis::check(&schema)
            .iter()
            .all(|d| d.severity != Severity::Error)
    );
}

fn actions_for(text: &str, block: Option<&str>) -> Vec<Action> {
    let schema = Schema::parse("schema.prisma", text);
    let settings = AdvisorSettings::default();
    let context = Context::new(&schema, &Options::default());
    let advisor = Advisor::new(&schema, &context, &settings);
    let block = block.and_then(|name| schema.find_model(name));
    // The other areas' actions are tested with their rules.
    super::super::scaffold::actions(&advisor, block)
        .into_iter()
        .filter(|action| action.title.contains("tenant"))
        .collect()
}

fn apply_action(text: &str, action: &Action) -> String {
    let fixed = fixes::apply_edits(text, &action.edits).expect("edits");
    assert!(errors("schema.prisma", &fixed).is_empty(), "{fixed}");
    fixed
}

#[test]
fn adds_a_tenant_model_in_the_schemas_conventions() {
    let text = "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel Post {\n  id        Int      @id @default(autoincrement())\n  createdAt DateTime @default(now()) @map(\"created_at\")\n\n  @@map(\"posts\")\n}\n";
    let actions = actions_for(text, Some("Post"));
    let titles: Vec<&str> = actions.iter().map(|a| a.title.as_str()).collect();
    assert!(titles.contains(&"Add tenant model"), "{titles:?}");
    // No tenant model and no tenant key anywhere: no key to add yet.
    assert!(!titles.contains(&"Add tenant key to Post"), "{titles:?}");
    let action = actions
        .iter()
        .find(|a| a.title == "Add tenant model")
        .expect("action");
    let fixed = apply_action(text, action);
    assert!(
        fixed.ends_with("}\n\nmodel Tenant {\n  id        Int      @id @default(autoincrement())\n  name      String\n  slug      String   @unique\n  createdAt DateTime @default(now()) @map(\"created_at\")\n  updatedAt DateTime @updatedAt @map(\"updated_at\")\n\n  @@map(\"tenants\")\n}\n"),
        "{fixed}"
    );
    // Then the key can be added to every model.
    let actions = actions_for(&fixed, Some("Post"));
    let add_key = actions
        .iter()
        .find(|a| a.title == "Add tenant key to Post")
        .expect("add key");
    assert_eq!(add_key.scope, ActionScope::Block);
    let keyed = apply_action(&fixed, add_key);
    assert!(
        keyed.contains("tenantId  Int      @map(\"tenant_id\")"),
        "{keyed}"
    );
    assert!(actions_for(&keyed, Some("Post")).is_empty());
}

#[test]
fn the_tenant_model_of_a_mongodb_schema_has_an_object_id() {
    let text = "datasource db {\n  provider = \"mongodb\"\n}\n\nmodel Post {\n  id String @id @default(auto()) @map(\"_id\") @db.ObjectId\n}\n";
    let actions = actions_for(text, None);
    let fixed = apply_action(text, &actions[0]);
    assert!(
        fixed.contains("  id        String   @id @default(auto()) @map(\"_id\") @db.ObjectId\n"),
        "{fixed}"
    );
}

#[test]
fn no_key_is_added_where_a_cascade_would_come_back_to_the_tenant() {
    // With relationMode = "prisma", a relation from `Plan` to the tenant would close the
    // cycle Tenant → Plan → Tenant.
    let text = "datasource db {\n  provider     = \"postgresql\"\n  relationMode = \"prisma\"\n}\n\nmodel Tenant {\n  id     String @id\n  planId String\n  plan   Plan   @relation(fields: [planId], references: [id])\n\n  @@index([planId])\n}\n\nmodel Plan {\n  id      String   @id\n  tenants Tenant[]\n}\n";
    let titles: Vec<String> = actions_for(text, Some("Plan"))
        .into_iter()
        .map(|a| a.title)
        .collect();
    assert!(
        !titles.iter().any(|t| t.starts_with("Add tenant key")),
        "{titles:?}"
    );
}

#[test]
fn scoping_is_linear_on_long_chains() {
    // 3,000 models, each the required child of the previous one: one walk scopes them all.
    let mut text = String::from(
        "model Tenant {\n  id String @id\n}\nmodel M0 {\n  id String @id\n  tenantId String\n  children M1[]\n}\n",
    );
    for i in 1..3000 {
        text.push_str(&format!(
            "model M{i} {{\n  id String @id\n  parentId String\n  parent M{} @relation(fields: [parentId], references: [id])\n  children M{}[]\n}}\n",
            i - 1,
            i + 1
        ));
    }
    text.push_str("model M3000 {\n  id String @id\n  parentId String\n  parent M2999 @relation(fields: [parentId], references: [id])\n}\n");
    let schema = Schema::parse("schema.prisma", text);
    let settings = AdvisorSettings::default();
    let context = Context::new(&schema, &Options::default());
    let advisor = Advisor::new(&schema, &context, &settings);
    let scoping = Scoping::new(&advisor);
    assert!((0..=3000).all(|i| scoping.is_scoped(&format!("M{i}"))));
    assert!(
        matches!(scoping.scope("M3000"), Some(Scope::Parent(_, parent)) if parent.name.text == "M2999")
    );
    let mut out = Vec::new();
    missing_key(&advisor, &scoping, &mut out);
    assert!(out.is_empty());
}

#[test]
fn names() {
    assert_eq!(lower_camel("Tenant"), "tenant");
    assert_eq!(lower_camel("APIKey"), "apiKey");
    assert_eq!(lower_camel("URL"), "url");
    assert_eq!(plural_lower_camel("Invoice"), "invoices");
    assert_eq!(plural_lower_camel("Category"), "categories");
    assert_eq!(plural_lower_camel("Survey"), "surveys");
    assert_eq!(plural_lower_camel("Address"), "addresses");
    assert_eq!(plural_lower_camel("Match"), "matches");
    assert_eq!(words("hashedKey"), ["hashed", "key"]);
    assert_eq!(words("stripeCustomerID"), ["stripe", "customer", "id"]);
    assert_eq!(words("short_link"), ["short", "link"]);
    assert_eq!(words("apiURL"), ["api", "url"]);
    assert!(is_global_by_nature("publicId"));
    assert!(is_global_by_nature("customDomain"));
    assert!(!is_global_by_nature("email"));
    assert!(!is_global_by_nature("slug"));
    assert!(!is_global_by_nature("monkey"));
}
