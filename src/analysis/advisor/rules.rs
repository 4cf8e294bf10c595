//! The advisor's rules: default level and documentation, one entry per code. The README's
//! rules table and `prisma-analyzer rule <code>` are generated from this table.

use super::settings::Level;
use crate::analysis::codes::*;
use crate::analysis::{Code, Severity};

pub struct Rule {
    pub code: Code,
    pub default: Level,
    /// What the rule checks (one paragraph).
    pub checks: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// A schema excerpt the rule flags, then the same after the fix.
    pub example: &'static str,
    /// What the quick fix does, if there is one.
    pub fix: Option<&'static str>,
}

const WARNING: Level = Level::On(Severity::Warning);
const INFO: Level = Level::On(Severity::Info);
const HINT: Level = Level::On(Severity::Hint);

pub const RULES: &[Rule] = &[
    Rule {
        code: ADVICE_MISSING_FK_INDEX,
        default: WARNING,
        checks: "The scalar fields of a relation (`@relation(fields: [...])`) are not the left prefix of any `@id`, `@@id`, `@unique`, `@@unique` or `@@index` of the model. Silent on MySQL with foreign keys (InnoDB indexes foreign keys itself); always on PostgreSQL, SQLite, SQL Server, CockroachDB and MongoDB, and on MySQL with `relationMode = \"prisma\"`.",
        why: "Those databases do not index foreign-key columns by themselves: every join, every `include` and every `ON DELETE CASCADE` then scans the child table.",
        example: "model Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n}\n// fixed:\nmodel Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n  @@index([authorId])\n}",
        fix: Some("adds `@@index([...])` with the relation's fields to the model"),
    },
    Rule {
        code: ADVICE_REDUNDANT_INDEX,
        default: WARNING,
        checks: "An `@@index` whose fields equal, or are a left prefix of, another `@@index`, `@@unique`, `@@id`, or a single-field `@unique`/`@id` of the same model. Only plain B-tree indexes: a different `type:`, `ops:`, `sort:`, `length:` or `where:` makes an index different, and a unique constraint that is a prefix of a non-unique index is not redundant.",
        why: "A redundant index costs disk and slows every write for no query it serves.",
        example: "model User {\n  id    Int    @id\n  email String @unique\n  @@index([email])\n}\n// fixed: the `@@index([email])` line is removed",
        fix: Some("deletes the redundant attribute's line"),
    },
    Rule {
        code: ADVICE_COMPOSITE_ORDER,
        default: INFO,
        checks: "A composite `@@index` puts a range or sort column (`DateTime`, or a number that is not a key) before an equality column (`Boolean`, an enum, a foreign key, the tenant key, a column named like `status`, `type` or `kind`).",
        why: "A B-tree serves `WHERE published = true ORDER BY createdAt` from `[published, createdAt]`, not from `[createdAt, published]`.",
        example: "@@index([createdAt, published])\n// fixed:\n@@index([published, createdAt])",
        fix: Some("reorders the list: equality columns first, the original order otherwise kept"),
    },
    Rule {
        code: ADVICE_SOFT_DELETE_PARTIAL,
        default: HINT,
        checks: "A model with a soft-delete marker has indexes that could cover live rows only. Since Prisma 7.4 the `partialIndexes` preview feature lets the schema say so with `where:`. Not on MySQL or MongoDB.",
        why: "Queries of a soft-deleting application filter on live rows; an index over live rows only is smaller and faster, and deleted rows stop costing index space.",
        example: "@@index([authorId])\n// fixed (with the partialIndexes preview feature):\n@@index([authorId], where: { deletedAt: null })",
        fix: Some(
            "adds `where:` when the preview feature is on; otherwise a code action copies the `CREATE INDEX ... WHERE` SQL for a migration",
        ),
    },
    Rule {
        code: ADVICE_SOFT_DELETE_MISSING,
        default: INFO,
        checks: "The schema uses soft delete (some model has a marker such as `deletedAt DateTime?`), but this model has none. Join tables, append-only logs (`AuditLog`, `Event`, ...) and models listed as exempt are left alone.",
        why: "A soft-delete convention applied to some models only leaves hard deletes where the application expects to be able to restore, and breaks queries that assume every table has the marker.",
        example: "model Comment {\n  id Int @id\n}\n// fixed:\nmodel Comment {\n  id        Int       @id\n  deletedAt DateTime?\n}",
        fix: Some(
            "adds `deletedAt DateTime?` (with `@map(\"deleted_at\")` when the model maps its fields to snake_case)",
        ),
    },
    Rule {
        code: ADVICE_SOFT_DELETE_WRONG_TYPE,
        default: WARNING,
        checks: "A soft-delete marker that is required (`DateTime` without `?`) or not a `DateTime`, or a boolean marker without `@default(false)`.",
        why: "A required timestamp cannot say \"not deleted\"; a boolean marker without a default makes every insert decide, and forgetting it is an error.",
        example: "deletedAt DateTime\n// fixed:\ndeletedAt DateTime?",
        fix: Some("makes the marker `DateTime?`, or adds `@default(false)` to a boolean marker"),
    },
    Rule {
        code: ADVICE_SOFT_DELETE_UNIQUE,
        default: INFO,
        checks: "A soft-deleted model has a `@unique` or `@@unique` on a business column (not the id).",
        why: "A deleted row still holds its value, so a deleted user's email can never be used again. A partial unique constraint over live rows only solves it.",
        example: "email String @unique\n// better (partialIndexes preview feature):\n@@unique([email], where: { deletedAt: null })",
        fix: Some(
            "makes the constraint partial when the preview feature is on; otherwise a code action copies the SQL",
        ),
    },
    Rule {
        code: ADVICE_TENANT_MISSING_KEY,
        default: WARNING,
        checks: "In a multi-tenant schema (the tenant model exists, or a model has the tenant key as a required field), a model with no tenant key and no required relation (a required relation field with `fields:`) to the tenant model or to a tenant-scoped model, followed transitively. Exempt: the tenant model, the configured global models, the tenant model's join tables, what the tenant model points to (its plan, its owner, transitively) and what those own through required relations (not what a user owns), users (the members of a membership model, whom sign-in sessions belong to, a model named `User`) and their own `User…` models, sign-in and bookkeeping models (`Account` of a sign-in provider, `Session`, `VerificationToken`, `Passkey`, `OAuth…`, `…Migration`, `…WebhookEvent`, …) and shared catalogs (`Plan`, `Price`, `Coupon`, `Feature`, `Country`, `Currency`, `Language`, `Locale`, `Timezone`).",
        why: "Every such table is a place where one tenant can read another's rows.",
        example: "model Invoice {\n  id Int @id\n}\n// fixed:\nmodel Invoice {\n  id       Int    @id\n  tenantId String\n  tenant   Tenant @relation(fields: [tenantId], references: [id], onDelete: Cascade)\n  @@index([tenantId])\n}",
        fix: Some(
            "adds the tenant key typed like the tenant model's id (native type included, `@map(\"tenant_id\")` when the model maps to snake_case), the relation to the tenant (with `onDelete: Cascade`; `NoAction` for both actions on SQL Server, where a second cascading path is rejected; named when the model already relates to the tenant), an index, and the back-relation on the tenant model (in its own file). Without a tenant model: the key typed like the others and its index. Not applied by `check --fix`: a new required column needs values for the existing rows",
        ),
    },
    Rule {
        code: ADVICE_TENANT_GLOBAL_UNIQUE,
        default: WARNING,
        checks: "A model with the tenant key has a single-field `@unique` or a `@@unique` without the tenant key. Silent for ids and generated values (`@default(cuid())`, …), uniques with a foreign key (unique within the parent row, or a one-to-one), identifiers from elsewhere and lookup secrets (`…Id`, `token`, `hash`, `key`, `secret`, …), domains, URLs and links, and models named like tokens, OAuth data, domains or links (public addresses). The tenant model itself (its `slug`) is not tenant-scoped.",
        why: "Uniqueness across all tenants means two tenants cannot both have a user `a@b.com`, and a failed insert tells one tenant that the value exists in another.",
        example: "email String @unique\n// fixed:\n@@unique([email, tenantId])",
        fix: Some(
            "replaces `@unique` with `@@unique([col, tenantId])` (keeping `map:`, `sort:`, `length:`, `clustered:`), or adds the tenant key to the `@@unique` list; none when another model's `references:` needs the constraint. Not applied by `check --fix`: it changes the client's `findUnique` inputs",
        ),
    },
    Rule {
        code: ADVICE_TENANT_MISSING_INDEX,
        default: WARNING,
        checks: "The tenant key is not the left prefix of any `@id`, `@@id`, `@unique`, `@@unique` or `@@index` of a model that has it. When the tenant key is a relation's only field, this rule reports it and `index/missing-fk-index` stays silent. Silent on MySQL with foreign keys when the key is a relation's only field (InnoDB indexes it itself).",
        why: "Every tenant-scoped query filters on the tenant key first.",
        example: "tenantId String\n// fixed:\n@@index([tenantId])",
        fix: Some("adds `@@index([tenantId])`"),
    },
    Rule {
        code: ADVICE_TENANT_NO_CASCADE,
        default: INFO,
        checks: "The relation to the tenant model that scopes the model (its `fields:` hold the tenant key, or it is the required relation that scopes a model without the key) has no `onDelete`. Other relations to the tenant model (a `submittedFor` tenant) are left alone.",
        why: "Deleting a tenant then fails on its rows (or, without foreign keys, leaves them orphaned).",
        example: "tenant Tenant @relation(fields: [tenantId], references: [id])\n// fixed:\ntenant Tenant @relation(fields: [tenantId], references: [id], onDelete: Cascade)",
        fix: Some(
            "adds `onDelete: Cascade` (not offered on SQL Server or with `relationMode = \"prisma\"` when `onUpdate` is `NoAction`/`Restrict`: a cascade there may form a cycle or a second path)",
        ),
    },
    Rule {
        code: ADVICE_MONEY_TYPE,
        default: WARNING,
        checks: "`@db.Money` on PostgreSQL.",
        why: "Its output depends on the locale, its scale is fixed to 2 digits and it casts awkwardly; the PostgreSQL project itself advises against it.",
        example: "price Decimal @db.Money\n// fixed:\nprice Decimal @db.Decimal(19, 4)",
        fix: Some("replaces it with `@db.Decimal(19, 4)`"),
    },
    Rule {
        code: ADVICE_FLOAT_MONEY,
        default: WARNING,
        checks: "A `Float` field whose name says money (`price`, `amount`, `total`, `cost`, `balance`, `fee`, `salary`, ...).",
        why: "Binary floating point cannot hold most decimal fractions exactly: sums of prices lose cents.",
        example: "price Float\n// fixed:\nprice Decimal",
        fix: Some("changes the type to `Decimal`"),
    },
    Rule {
        code: ADVICE_PLAINTEXT_SECRET,
        default: INFO,
        checks: "A `String` field named like a secret or a sensitive identifier (`password`, `ssn`, `cardNumber`, `iban`, `taxId`, `apiKey`, `secret`, `token`, ...) with no sign of hashing or encryption in its name (`passwordHash`, `encryptedSsn`, ...).",
        why: "A database dump, a log line or a read replica then leaks it in clear.",
        example: "password String\n// better:\npasswordHash String",
        fix: None,
    },
    Rule {
        code: ADVICE_MISSING_TIMESTAMPS,
        default: Level::Off,
        checks: "A model without `createdAt DateTime @default(now())` and `updatedAt DateTime @updatedAt`. Off by default.",
        why: "Timestamps answer \"when did this change\" in every incident.",
        example: "model Post {\n  id Int @id\n}\n// fixed:\nmodel Post {\n  id        Int      @id\n  createdAt DateTime @default(now())\n  updatedAt DateTime @updatedAt\n}",
        fix: Some("adds the missing fields"),
    },
    Rule {
        code: ADVICE_UPDATED_AT,
        default: WARNING,
        checks: "A `DateTime` field named `updatedAt` without `@updatedAt`, or `createdAt` without a default.",
        why: "The name promises a value the schema does not maintain: the column stays as the first insert set it, or every insert must set it.",
        example: "updatedAt DateTime\n// fixed:\nupdatedAt DateTime @updatedAt",
        fix: Some("adds `@updatedAt` or `@default(now())`"),
    },
    Rule {
        code: ADVICE_ID_DEFAULT,
        default: INFO,
        checks: "A `String @id` without a `@default`.",
        why: "Every insert must then invent an id; the database or Prisma can do it reliably.",
        example: "id String @id\n// fixed:\nid String @id @default(cuid())",
        fix: Some(
            "adds `@default(cuid())`, or `@default(uuid())` when the schema uses uuid elsewhere",
        ),
    },
];

/// The rule of an advisor code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.code.as_str() == code)
}
