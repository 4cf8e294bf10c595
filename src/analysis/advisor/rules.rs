//! The advisor's rules: default level and documentation, one entry per code. The README's
//! rules table and `prisma-analyzer rule <code>` are generated from this table.

use super::settings::Level;
use crate::analysis::codes::*;
use crate::analysis::{Code, Severity};

pub struct Rule {
    pub code: Code,
    pub default: Level,
    /// Whether `check --fix` applies the rule's fixes on its own: only where the fix was right
    /// for at least 95% of the judged corpus findings (docs/advisor-evaluation.md). Otherwise
    /// a fix is an editor action the user chooses.
    pub fix_is_safe: bool,
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
        // Judged (docs/advisor-evaluation.md): 14 real, 15 debatable, 1 noise of 30; its fix right for 26 of 30.
        default: INFO,
        fix_is_safe: false,
        checks: "The scalar fields of a relation (`@relation(fields: [...])`, on the side that holds them) are not the left prefix, in any order, of any `@id`, `@@id`, `@unique`, `@@unique` or `@@index` of the model (a partial index with `where:` does not count: deleting a parent row looks for every child row). Silent on MySQL with foreign keys (InnoDB indexes foreign keys itself); on everywhere else: PostgreSQL, SQLite, SQL Server, CockroachDB, MongoDB, MySQL with `relationMode = \"prisma\"`, and a schema without a datasource. Reported once per set of columns; a relation over exactly the tenant key is left to `tenant/missing-index` while that rule is on.",
        why: "Those databases do not index foreign-key columns by themselves: every join, every `include` and every `ON DELETE CASCADE` then scans the child table.",
        example: "model Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n}\n// fixed:\nmodel Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n  @@index([authorId])\n}",
        fix: Some(
            "adds `@@index([...])` with the relation's fields after the model's last block attribute (one index for two relations when the columns of one contain the other's; the tenant key first); when a composite `@@index` that `index/composite-order` would reorder then starts with them, reorders that index instead",
        ),
    },
    Rule {
        code: ADVICE_REDUNDANT_INDEX,
        // Judged (docs/advisor-evaluation.md): 30 real, 0 debatable, 0 noise of 30; its fix right for 29 of 30.
        default: WARNING,
        fix_is_safe: true,
        checks: "An `@@index` whose fields equal, or are a left prefix of, another `@@index`, `@@unique`, `@@id`, or a single-field `@unique`/`@id` of the same model. Only plain B-tree indexes: a different `type:`, `ops:`, `sort:`, `length:` or `where:` makes an index different, a clustered index is never redundant, and unique constraints are never flagged (not even as a prefix of an index). Of two equal `@@index`es, the later one is flagged.",
        why: "A redundant index costs disk and slows every write for no query it serves.",
        example: "model User {\n  id    Int    @id\n  email String @unique\n  @@index([email])\n}\n// fixed: the `@@index([email])` line is removed",
        fix: Some("deletes the redundant attribute's line"),
    },
    Rule {
        code: ADVICE_COMPOSITE_ORDER,
        // Judged (docs/advisor-evaluation.md): 1 real, 2 debatable, 2 noise of 5; its fix right for 2 of 5.
        default: HINT,
        fix_is_safe: false,
        checks: "A composite `@@index` starts with a range or sort column (`DateTime`, or a number that is not a key) and lists an equality column after it (`Boolean`, an enum, a foreign key, the tenant key, a column named like `status`, `type`, `kind`, `state` or `role`). Left alone: indexes that start with an equality column (`[authorId, createdAt, status]` is a deliberate shape), `@db.Date` columns (as often compared for equality), unique constraints (their order names the compound key), non-B-tree indexes, indexes another index relies on as its prefix, and indexes whose columns another key already leads with in some order.",
        why: "A B-tree serves `WHERE published = true ORDER BY createdAt` from `[published, createdAt]`, not from `[createdAt, published]`.",
        example: "@@index([createdAt, published])\n// fixed:\n@@index([published, createdAt])",
        fix: Some(
            "reorders the list: equality columns first, the original order otherwise kept; entries keep their arguments (not offered when a comment sits inside the list)",
        ),
    },
    Rule {
        code: ADVICE_SOFT_DELETE_PARTIAL,
        // Judged (docs/advisor-evaluation.md): 0 real, 19 debatable, 11 noise of 30; its fix right for 0 of 16.
        default: HINT,
        fix_is_safe: false,
        checks: "An `@@index` of a model with a soft-delete marker (`DateTime?`, or a `Boolean` flag) that could cover live rows only: one hint per index. Left alone: indexes with `where:` already, indexes over the marker itself, redundant indexes, and the last index over all rows of a foreign key (deleting a parent row looks for every child row). Since Prisma 7.4 the `partialIndexes` preview feature lets the schema say so with `where:`. PostgreSQL, CockroachDB, SQLite and SQL Server; not MySQL or MongoDB. A hint: the schema cannot tell whether the queries filter on live rows.",
        why: "Queries of a soft-deleting application filter on live rows; an index over live rows only is smaller and faster, and deleted rows stop costing index space.",
        example: "@@index([status, createdAt])\n// fixed (with the partialIndexes preview feature):\n@@index([status, createdAt], where: { deletedAt: null })",
        fix: Some(
            "adds `where: { deletedAt: null }` (`{ isDeleted: false }` for a flag) when the preview feature is on, unsafe (never applied by `check --fix`: only the application knows whether every query of the index filters on live rows); otherwise the finding carries the SQL of a migration that swaps the index for its partial twin (`CREATE INDEX CONCURRENTLY ... WHERE \"deleted_at\" IS NULL`, then drop and rename; SQLite and SQL Server in their own dialect), with the database names of table, columns and index, and an unsafe fix that enables the preview feature (Prisma 7.4+; not when targeting Prisma 6) and adds `where:`",
        ),
    },
    Rule {
        code: ADVICE_SOFT_DELETE_MISSING,
        // Judged (docs/advisor-evaluation.md): 0 real, 1 debatable, 9 noise of 10; its fix right for 0 of 10.
        default: Level::Off,
        fix_is_safe: false,
        checks: "A model without a soft-delete marker, on relational evidence only: (1) it holds user content (a `String` or `Json` field named `title`, `name`, `body`, `content`, `text`, `description`, `note`, `message`, `comment`, `summary`, `subject`, …) and belongs to a soft-deleted parent through a required relation with `onDelete: Cascade` (the schema means its rows to go with the parent; a soft delete leaves them live), the parent not being a container its children are reached through (a user, account, member, customer, profile, organization, workspace, team, project, tenant, company, environment, space or site) and its marker saying \"deleted\", not \"archived\"; or (2) it holds user content under a parent (a required relation) whose other children are soft-deleted: at least two of them and at least half. A one-to-one child (its foreign key unique) is read through its parent and left alone. Never for join tables, associations (two required relations and no content), append-only logs (`AuditLog`, `Event`, `…History`), sessions, tokens and OAuth accounts, singletons (an id defaulting to a constant), models named like ledgers, transactions, payments, payouts, invoices, orders, credits, subscriptions, versions, revisions, snapshots, runs, executions, deliveries, jobs, metrics, usage, counters, configuration, settings, preferences, options, flags, invitations, memberships, assignments, partitions, notifications or errors, models without `updatedAt` where most soft-deleted models have one (rows never updated are never soft-deleted), and the models listed as exempt.",
        why: "A soft-deleted parent no longer cascades its deletes: the children it was meant to take with it stay live and show up wherever they are read without the parent; and where a parent's other children can be restored, deleting this one by mistake cannot be undone.",
        example: "model Comment {\n  id     Int    @id\n  body   String\n  postId Int\n  post   Post   @relation(fields: [postId], references: [id], onDelete: Cascade)\n}\n// Post has `deletedAt DateTime?`; fixed:\nmodel Comment {\n  id        Int       @id\n  body      String\n  postId    Int\n  post      Post      @relation(fields: [postId], references: [id], onDelete: Cascade)\n  deletedAt DateTime?\n}",
        fix: Some(
            "adds the schema's marker as its other models declare it (name, type, native type; else the first configured marker, `deletedAt DateTime?`), with `@map(\"deleted_at\")` when the model maps its fields to snake_case. Unsafe: never applied by `check --fix` (whether rows should be restorable is the application's decision, and the marker does nothing until its queries filter on it)",
        ),
    },
    Rule {
        code: ADVICE_SOFT_DELETE_WRONG_TYPE,
        // Judged (docs/advisor-evaluation.md): 0 real, 0 debatable, 3 noise of 3; its fix right for 0 of 3.
        default: Level::Off,
        fix_is_safe: false,
        checks: "A soft-delete marker that is required (`DateTime` without `?`) or not a `DateTime`, or a boolean marker without `@default(false)`.",
        why: "A required timestamp cannot say \"not deleted\"; a boolean marker without a default makes every insert decide, and forgetting it is an error.",
        example: "deletedAt DateTime\n// fixed:\ndeletedAt DateTime?",
        fix: Some(
            "makes a required marker `DateTime?`, or adds `@default(false)` to a boolean marker; unsafe (not applied by `check --fix`): retyping a marker that is not a `DateTime` (only when no attribute depends on its type) and turning `@default(true)` into `@default(false)`",
        ),
    },
    Rule {
        code: ADVICE_SOFT_DELETE_UNIQUE,
        // Judged (docs/advisor-evaluation.md): 2 real, 3 debatable, 25 noise of 30.
        default: Level::Off,
        fix_is_safe: false,
        checks: "A soft-deleted model has a `@unique` or `@@unique` on a business column. Left alone: constraints with `where:`, or that include the id or the marker, back a one-to-one relation or another model's `references:`, or are one identifier (`stripeCustomerId`); constraints with a column no new row takes again: a generated key (`@default(uuid())`, `cuid()`, `nanoid()`, `ulid()`, …), a random value by its name (`token`, `uid`, `iCalUID`, `nonce`, `secret`, `apiKey`, `accessKey`, `idempotencyKey`), a reference into another system (`externalRef`, `externalId`: an import should restore the deleted row, not insert it again); and constraints of hashes or digests only. PostgreSQL, CockroachDB, SQLite and SQL Server only (MySQL has no partial indexes).",
        why: "A deleted row still holds its value, so a deleted user's email can never be used again. A partial unique constraint over live rows only solves it.",
        example: "email String @unique\n// better (partialIndexes preview feature):\n@@unique([email], where: { deletedAt: null })",
        fix: Some(
            "adds `where: { deletedAt: null }` (unsafe: the constraint changes meaning and needs a migration) when the `partialIndexes` preview feature is on; otherwise a code action copies the SQL (`DROP INDEX` then `CREATE UNIQUE INDEX ... WHERE`, with the database's names)",
        ),
    },
    Rule {
        code: ADVICE_TENANT_MISSING_KEY,
        // Judged (docs/advisor-evaluation.md): 0 real, 0 debatable, 7 noise of 7; its fix right for 0 of 7.
        default: Level::Off,
        fix_is_safe: false,
        checks: "In a multi-tenant schema (the tenant model exists, or a model has the tenant key as a required field), a model that leads to tenant data (it holds an optional foreign key to the tenant model or to a tenant-scoped model, or has an implicit many-to-many with a tenant-scoped model) yet has no tenant key and no required relation (a required relation field with `fields:`) to the tenant model or to a tenant-scoped model, followed transitively. A model with no such path is global infrastructure (a job queue, a dispatcher, a library's store) and is left alone, as is one that belongs to a user (a required relation to a user model: a session of a global user is global). Exempt too: the tenant model, the configured global models, the tenant model's join tables, what the tenant model points to (its plan, its owner, transitively) and what those own through required relations (not what a user owns), users (the members of a membership model, whom sign-in sessions belong to, a model named `User`) and their own `User…` models, sign-in and bookkeeping models (`Account` of a sign-in provider, `Session`, `VerificationToken`, `Passkey`, `OAuth…`, `…Migration`, `…WebhookEvent`, …) shared catalogs (`Plan`, `Price`, `Coupon`, `Feature`, `Country`, `Currency`, `Language`, `Locale`, `Timezone`, any `…Template…`), and application-wide settings related to nothing (`…Setting(s)`, `…Config(uration)`, `…Counter`).",
        why: "Every such table is a place where one tenant can read another's rows.",
        example: "model Invoice {\n  id Int @id\n}\n// fixed:\nmodel Invoice {\n  id       Int    @id\n  tenantId String\n  tenant   Tenant @relation(fields: [tenantId], references: [id], onDelete: Cascade)\n  @@index([tenantId])\n}",
        fix: Some(
            "adds the tenant key typed like the tenant model's id (native type included, `@map(\"tenant_id\")` when the model maps to snake_case), the relation to the tenant (with `onDelete: Cascade`; `NoAction` for both actions on SQL Server, where a second cascading path is rejected; named when the model already relates to the tenant), an index, and the back-relation on the tenant model (in its own file). Without a tenant model: the key typed like the others and its index. Not applied by `check --fix`: a new required column needs values for the existing rows",
        ),
    },
    Rule {
        code: ADVICE_TENANT_GLOBAL_UNIQUE,
        // Judged (docs/advisor-evaluation.md): 0 real, 0 debatable, 1 noise of 1; its fix right for 0 of 1.
        default: Level::Off,
        fix_is_safe: false,
        checks: "A model with the tenant key as a required field has a single-field `@unique` or a `@@unique` without the tenant key. Silent for uniques over a globally unique value (an id, a generated default such as `@default(cuid())`, a `@db.Uuid` column or one named `uuid`, `cuid`, `uid`, …, or a foreign key: unique within the parent row, or a one-to-one), for identifiers from elsewhere and lookup secrets (`…Id`, `token`, `hash`, `key`, `secret`, …), domains, URLs and links, and for models named like tokens, OAuth data, domains or links (public addresses). Models with an optional tenant key (rows shared beside the tenants') and models with one row per tenant (the tenant key `@unique` or `@id`: the tenant's own email or domain) are left alone, as is the tenant model itself (its `slug`).",
        why: "Uniqueness across all tenants means two tenants cannot both have a user `a@b.com`, and a failed insert tells one tenant that the value exists in another.",
        example: "email String @unique\n// fixed:\n@@unique([email, tenantId])",
        fix: Some(
            "replaces `@unique` with `@@unique([col, tenantId])` (keeping `map:`, `sort:`, `length:`, `clustered:`), or adds the tenant key to the `@@unique` list; none when another model's `references:` needs the constraint. Not applied by `check --fix`: it changes the client's `findUnique` inputs",
        ),
    },
    Rule {
        code: ADVICE_TENANT_MISSING_INDEX,
        // Judged (docs/advisor-evaluation.md): 9 real, 0 debatable, 0 noise of 9; its fix right for 8 of 9.
        default: WARNING,
        fix_is_safe: false,
        checks: "The tenant key is not the left prefix of any `@id`, `@@id`, `@unique`, `@@unique` or `@@index` of a model that has it. When the tenant key is a relation's only field, this rule reports it and `index/missing-fk-index` stays silent. Silent on MySQL with foreign keys when the key is a relation's only field (InnoDB indexes it itself).",
        why: "Every tenant-scoped query filters on the tenant key first.",
        example: "tenantId String\n// fixed:\n@@index([tenantId])",
        fix: Some("adds `@@index([tenantId])`"),
    },
    Rule {
        code: ADVICE_TENANT_NO_CASCADE,
        // Judged (docs/advisor-evaluation.md): 0 real, 1 debatable, 4 noise of 5; its fix right for 1 of 5.
        default: Level::Off,
        fix_is_safe: false,
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
        fix_is_safe: false,
        checks: "`@db.Money` on PostgreSQL. (SQL Server's `money` has a fixed scale of 4 and no locale; Prisma reads it as a `Float`, which `types/float-money` covers.)",
        why: "Its output depends on the locale, its scale is fixed to 2 digits and it casts awkwardly; the PostgreSQL project itself advises against it.",
        example: "price Decimal @db.Money\n// fixed:\nprice Decimal @db.Decimal(19, 4)",
        fix: Some("replaces it with `@db.Decimal(19, 4)`"),
    },
    Rule {
        code: ADVICE_FLOAT_MONEY,
        // Judged (docs/advisor-evaluation.md): 0 real, 12 debatable, 3 noise of 15; its fix right for 12 of 15.
        default: INFO,
        fix_is_safe: false,
        checks: "A `Float` field that holds money: by the words of its name (`price`, `unitPrice`, `amount`, `cost`, `balance`, `fee`, `salary`, `revenue`, `tax`, `total`, `grandTotal`, `valuation`, `adSpend`, `netWorth`, `mrr`, `deposit`, ...), a generic name in a model about money (`AccountBalance.value`, `Payment.sum`; not beside a `type` or a percentage), or its doc comment or the comment after it (\"monetary value\", `// in USD`, `// in cents`); not a ratio, share, duration, count or score (`taxRate`, `returnOnAdSpend`, `totalCount`, `amountOfTime`, `tokenBudget`, `pointsBalance`; a comment that says percent, rate, \"in decimals\" or gives a quotient, `// totalSales / clicks`; `latitude`, `taxonomy` are other words). On MongoDB, which has no `Decimal` in Prisma, the advice is integer cents.",
        why: "Binary floating point cannot hold most decimal fractions exactly: sums of prices lose cents.",
        example: "price Float\n// fixed:\nprice Decimal",
        fix: Some(
            "changes the type to `Decimal` and drops a native type that only fits `Float` (`@db.DoublePrecision`); unsafe, since the client type and the column change",
        ),
    },
    Rule {
        code: ADVICE_PLAINTEXT_SECRET,
        // Judged (docs/advisor-evaluation.md): 6 real, 4 debatable, 20 noise of 30.
        default: Level::Off,
        fix_is_safe: false,
        checks: "A `String` field named like a secret or a sensitive identifier (`password`, `pass` as in `smtpPass`, `passphrase`, `ssn`, `cardNumber`, `iban`, `taxId`, `apiKey`, `secret`, `token`, key material such as `privateKey`, `signingKey`, `encryptionKey`, `secretKey`, `hmacKey`, but not `key` alone as in a key-value table), or a `Bytes` field holding key material, a seed or a secret the application uses, with no sign of protection: not in its name or column name (`passwordHash`, `encryptedSsn`, `@map(\"secret_hash\")`), not in a comment beside it (`///` or `//` above, or `//` after it: `hashed`, `encrypted`, `bcrypt`, `argon2`, `SHA-256`, `KMS`, `Vault`, …), not a password column sized for a bcrypt hash (`@db.VarChar(60)`, `@db.Char(60)`). Names about the secret rather than the secret are left alone: public keys, references into a secret store (`secretRef`, `vaultPath`, `kmsKeyId`, `secretArn`), counts and usage (`tokenCount`, `tokenUsage`, `maxTokens`), masked or partial forms (`obfuscatedToken`, `maskedKey`, `last4`, `tokenPrefix`), `apiKeyId`, `tokenType`, `passwordHint`. The fields an authentication library's adapter stores by name (Auth.js accounts, sessions, verification tokens) are left alone. The message says which kind: a secret the application only compares (its users' passwords, the API keys and reset, invitation or verification tokens it issues, recovery codes): store a hash; a secret it must read back to use (passwords of other systems: SMTP, IMAP, registry, database; access and refresh tokens, TOTP seeds, signing and encryption keys, webhook secrets, OAuth client secrets): encrypt it at rest or keep it in a secret store; a sensitive identifier: encrypt it or keep only what is shown; a card security code: never store it.",
        why: "A database dump, a log line or a read replica then leaks it in clear.",
        example: "password     String\nsmtpPassword String\n// better:\npasswordHash          String\n/// AES-GCM, encrypted with the application's key.\nencryptedSmtpPassword String",
        fix: None,
    },
    Rule {
        code: ADVICE_MISSING_TIMESTAMPS,
        default: Level::Off,
        fix_is_safe: true,
        checks: "A model without `createdAt` or `updatedAt` (append-only logs need no `updatedAt`). Off by default.",
        why: "Timestamps answer \"when did this change\" in every incident.",
        example: "model Post {\n  id Int @id\n}\n// fixed:\nmodel Post {\n  id        Int      @id\n  createdAt DateTime @default(now())\n  updatedAt DateTime @default(now()) @updatedAt\n}",
        fix: Some(
            "adds the missing fields (`updatedAt` with a default too, so that a migration can add it to a table with rows), mapped to snake_case when the model maps its fields",
        ),
    },
    Rule {
        code: ADVICE_UPDATED_AT,
        // Judged (docs/advisor-evaluation.md): 8 real, 2 debatable, 20 noise of 30; its fix right for 10 of 30.
        default: Level::Off,
        fix_is_safe: false,
        checks: "A `DateTime` field named `updatedAt` (or `updated_at`) without `@updatedAt` (unless a database default maintains it: `dbgenerated(...)`), or `createdAt` (`created_at`) without a default.",
        why: "The name promises a value the schema does not maintain: the column stays as the first insert set it, or every insert must set it.",
        example: "updatedAt DateTime\n// fixed:\nupdatedAt DateTime @updatedAt",
        fix: Some("adds `@updatedAt` or `@default(now())`"),
    },
    Rule {
        code: ADVICE_ID_DEFAULT,
        // Off: on real schemas every id without a default was given on purpose (Stripe ids,
        // ids of authentication libraries, partition and deterministic ids), and a schema
        // cannot tell those from a forgotten default.
        default: Level::Off,
        fix_is_safe: false,
        checks: "A `String` field `id` marked `@id` without a `@default`, in a schema that generates at least two thirds of its string ids (where it does not, the application generates them on purpose), or a MongoDB ObjectId without `@default(auto())`. Left alone: natural keys (`code String @id`), ids shared with a parent through a relation, composite ids, and models whose ids come from elsewhere by their name (billing objects: `Stripe…`, `…Subscription`, `Customer`, `Price`, `Product`, `Invoice`, `Payment`; credentials: `Passkey`, `Authenticator`, `Credential`; `…Config`, `…Setting(s)`, `…Partition`) and libraries' tables (`mastra_threads`). Off by default: an id without a default is most often assigned by the application or another system on purpose.",
        why: "Every insert must then invent an id; the database or Prisma can do it reliably.",
        example: "id String @id\n// fixed:\nid String @id @default(cuid())",
        fix: Some(
            "adds the schema's own generator (`@default(uuid())`, `@default(cuid(2))`, ...; `cuid()` by default), `uuid()` for a `@db.Uuid` column, `auto()` for an ObjectId; none when the value would not fit the column's length. Unsafe: never applied by `check --fix`",
        ),
    },
    Rule {
        code: DB_DRIFT,
        default: WARNING,
        fix_is_safe: true,
        checks: "With a database to compare against (`check --database-url`; PostgreSQL and CockroachDB): a table, column, primary key, unique constraint, index or foreign key the schema declares and the database lacks, at the schema item; and the reverse, at the model (or at the datasource for a whole table): tables of the schemas the Prisma schema covers (except `_prisma_migrations`), columns, indexes and foreign keys it does not declare. Names go through `@@map`, `@map`, `@@schema` and Prisma's default constraint names (`User_pkey`, `User_email_key`, `Post_authorId_idx`, `Post_authorId_fkey`, cut to 63 bytes); implicit many-to-many join tables (`_AToB`) are expected with columns `A` and `B`. Columns are compared by name and nullability (not scalar lists), and by type where Prisma's mapping is certain (on PostgreSQL: the scalar types without a native type, `String` as `text`, `DateTime` as `timestamp(3) without time zone`, ..., and native types written with their arguments; never enums or `Unsupported`); indexes by name, columns and uniqueness; foreign keys by name, columns, referenced table and columns, and `ON DELETE`/`ON UPDATE` (Prisma's defaults when the schema says nothing).",
        why: "The schema is what Prisma Client trusts: a migration that was not applied fails at run time, and an object changed by hand is dropped or overwritten by the next migration.",
        example: "model User {\n  id    Int    @id\n  email String @unique\n}\n// the database has no index `User_email_key`: run `prisma migrate deploy`",
        fix: None,
    },
    Rule {
        code: DB_UNUSED_INDEX,
        default: INFO,
        fix_is_safe: true,
        checks: "With a database to compare against: an index with no scans since the statistics were reset (`pg_stat_user_indexes.idx_scan = 0`), with its size. Never a unique or primary-key index (they enforce something); an index that serves a foreign key is reported with that caveat (deleting parent rows uses it). Reported at the `@@index` that declares it, else at the model.",
        why: "An index nobody reads costs disk and slows every insert and update.",
        example: "@@index([createdAt])\n// index `Post_createdAt_idx` has not been scanned since the statistics were reset; it takes 2 MB",
        fix: None,
    },
    Rule {
        code: DB_PARTIAL_INDEX,
        default: WARNING,
        fix_is_safe: true,
        checks: "With a database to compare against: a partial index (`CREATE INDEX ... WHERE ...`) in a model's table that the schema does not declare with `where:` (the `partialIndexes` preview feature), whether the schema declares it without `where:` or not at all.",
        why: "Prisma Migrate diffs the schema against the database: its next migration drops an index the schema does not declare, or rebuilds it over every row.",
        example: "@@index([email])\n// the database has `User_email_idx` ... WHERE deleted_at IS NULL; fixed:\n@@index([email], where: { deletedAt: null })",
        fix: None,
    },
    Rule {
        code: ADVICE_DUPLICATE_UNIQUE,
        // Judged (docs/advisor-evaluation.md): 30 real, 0 debatable, 0 noise of 30; its fix right for 30 of 30.
        default: WARNING,
        fix_is_safe: true,
        checks: "A `@unique` or `@@unique` over the same fields, in the same order, as the model's `@id`, `@@id` or another unique constraint: `@unique` on the id field (`id String @id @unique`), `@@unique([a, b])` beside `@@id([a, b])`, `@unique` beside `@@unique([email], map: ...)` (the later of two unique constraints is reported). Left alone: constraints with `where:`, `length:` or `clustered: true`, two constraints with one generated name (Prisma rejects them), and MongoDB (Prisma rejects an id that is also unique there). The same fields in another order are `index/implied-unique`'s; `index/redundant` reports `@@index`es, this rule unique constraints only.",
        why: "Each unique constraint is a unique index that the database updates on every insert and on every change of its columns: a repeated one costs writes and disk and enforces nothing more. For `@id @unique` Prisma creates `User_id_key` beside the primary key `User_pkey`.",
        example: "model User {\n  id String @id @unique @default(cuid())\n}\n// fixed:\nmodel User {\n  id String @id @default(cuid())\n}",
        fix: Some(
            "removes the repeated constraint: safe when the client keeps every `findUnique` input (the covering key has the same input name, so `findUnique({ where: { id } })` still works) and the constraint has no `map:` (raw SQL may name it), unsafe otherwise",
        ),
    },
    Rule {
        code: ADVICE_IMPLIED_UNIQUE,
        // Judged (docs/advisor-evaluation.md): 2 real, 1 debatable, 7 noise of 10; its fix right for 0 of 10.
        default: Level::Off,
        fix_is_safe: false,
        checks: "A composite `@@unique` whose uniqueness another key of the model implies: it contains a field unique on its own (its `@id` or `@unique`, or a one-field `@@unique`: `email @unique` and `@@unique([email, name])`), or it lists the fields of the `@@id` or of another unique constraint in another order. Left alone: constraints a relation needs (another model's `references:`, this model's one-to-one over exactly those fields), Auth.js's `@@unique([identifier, token])` (its adapter looks tokens up by that input), constraints over the tenant key of a multi-tenant schema (there the field unique on its own is the suspect: `tenant/global-unique`), constraints with `where:`, `length:` or `clustered: true`, constraints an `@@index` over the same list repeats (`index/redundant` reports that index first), constraints kept on purpose (a compound input named for the client with `name:`, or a `//` comment beside the constraint or on the line above), and MongoDB.",
        why: "No two rows share the unique field, so none share the whole list: the composite constraint enforces nothing and its unique index costs every write. Its index may still serve queries (as an `@@index` would); and since Prisma 5, `findUnique({ where: { id, teamId } })` takes a unique field with other filters, so a compound input (`id_teamId`) is no longer needed for such lookups.",
        example: "model User {\n  id    Int    @id\n  email String @unique\n  name  String\n  @@unique([email, name])\n}\n// fixed (if queries need the index):\nmodel User {\n  id    Int    @id\n  email String @unique\n  name  String\n  @@index([email, name])\n}",
        fix: Some(
            "makes it an `@@index` (keeping `map:`); unsafe: the compound `findUnique` input goes away",
        ),
    },
    Rule {
        code: ADVICE_UNINDEXED_REFERENCE,
        // Judged (docs/advisor-evaluation.md): 3 real, 9 debatable, 18 noise of 30; its fix right for 12 of 30.
        default: Level::Off,
        fix_is_safe: false,
        checks: "A scalar field named and typed like a foreign key that no relation holds and no index starts with: its name less `Id`/`ID`/`_id` is a model of the schema (`userId` → `User`, `contact_book_id` → `ContactBook`, `team_id` → `teams`), and its type is that model's one-field id type (an ObjectId for an ObjectId). Left alone: a model's own name (`Account.accountId` is the provider's id), ids of other systems (`stripeCustomerId`: no model `StripeCustomer`; a doc comment or the comment after the field that says external, Stripe, provider, API, Gmail, ...), polymorphic references (`resourceId` beside `resourceType`), fields with a literal default (`@default(0)` names no row), `sessionId` pointing at a sign-in library's session, lists, and append-only logs (`AuditLog`, `…History`), which keep ids of rows that may be gone and are read by time. A tenant key without an index is left to `tenant/missing-index`. Everywhere, MongoDB and `relationMode = \"prisma\"` included.",
        why: "The database indexes nothing it does not know to be a key: every lookup by such a field, and every join written by hand over it, scans the whole table. (With a relation, `index/missing-fk-index` would say the same.)",
        example: "model Email {\n  id       String @id\n  domainId Int\n}\n// fixed:\nmodel Email {\n  id       String @id\n  domainId Int\n  @@index([domainId])\n}",
        fix: Some(
            "adds `@@index([field])`; unsafe (not applied by `check --fix`): the reference is read from a name, and an index costs every write",
        ),
    },
    Rule {
        code: ADVICE_MISSING_RELATION,
        // Judged (docs/advisor-evaluation.md): 2 real, 10 debatable, 17 noise of 29.
        default: Level::Off,
        fix_is_safe: false,
        checks: "The same fields as `index/unindexed-reference` (named and typed like a foreign key to a model of the schema, held by no relation), when an index starts with them: the advice left is the relation. Only with foreign keys: not on MongoDB, not with `relationMode = \"prisma\"`. Reported once per field (the missing index first).",
        why: "Without a relation the database does not check that the row exists: a typo or a race stores an id that names nothing, and deleting the row leaves its ids dangling. Some schemas leave foreign keys out on purpose (very large or partitioned tables, data loaded out of order): then suppress the hint.",
        example: "model Snapshot {\n  id          String @id\n  workspaceId String\n  @@index([workspaceId])\n}\n// better:\nmodel Snapshot {\n  id          String    @id\n  workspaceId String\n  workspace   Workspace @relation(fields: [workspaceId], references: [id], onDelete: Cascade)\n  @@index([workspaceId])\n}",
        fix: None,
    },
    Rule {
        code: ADVICE_DELETE_BLOCKED,
        // Judged (docs/advisor-evaluation.md): 9 real, 14 debatable, 7 noise of 30; its fix right for 15 of 30.
        default: INFO,
        fix_is_safe: false,
        checks: "A required relation (the relation field and its foreign-key fields required) with no `onDelete`, to a model whose rows are meant to be deleted: another relation to that model says what happens when it is deleted (`onDelete: Cascade`, `SetNull` or `SetDefault` written out), or the model is itself deleted by a cascade from its own parent. Prisma's default for a required relation is `Restrict` (`NoAction` on SQL Server; emulated the same way with `relationMode = \"prisma\"` and on MongoDB). An `onDelete` written out, `Restrict` included, is a decision and is left alone; so are optional relations (their default sets null). The relation that scopes a row to its tenant is left to `tenant/no-cascade` while that rule is on, and the tenant model's own relations (a tenant is never deleted as a side effect of deleting its owner).",
        why: "Once such a child row exists, deleting the parent fails (`Foreign key constraint violated`), although the other relations say it is deleted: an account deletion that works in tests fails for the first user who wrote a comment.",
        example: "model Post {\n  author   User @relation(fields: [authorId], references: [id], onDelete: Cascade)\n  authorId Int\n}\nmodel Comment {\n  author   User @relation(fields: [authorId], references: [id])\n  authorId Int\n}\n// fixed:\nmodel Comment {\n  author   User @relation(fields: [authorId], references: [id], onDelete: Cascade)\n  authorId Int\n}",
        fix: Some(
            "adds `onDelete: Cascade`, or writes the default (`onDelete: Restrict`; `NoAction` on SQL Server) to say deletes are refused on purpose; both unsafe (the choice is the owner's), the refusal first for records of money or events (`Invoice`, `OrderItem`, `Payout`, `Commission`, `Booking`, ...). No cascade where SQL Server or `relationMode = \"prisma\"` checks cascades for cycles and `onUpdate` stops them",
        ),
    },
    Rule {
        code: ADVICE_DUPLICATE_LINK,
        // Judged (docs/advisor-evaluation.md): 8 real, 0 debatable, 0 noise of 8; its fix right for 8 of 8.
        default: WARNING,
        fix_is_safe: false,
        checks: "A model that links two models, with no `@id`, `@@id`, `@unique` or `@@unique` over the pair (or part of it), and none over the pair and more (`[userId, teamId, role]`, two links that differ on purpose): a link table has exactly two relations, both required, with their foreign keys in it, no list of other rows, and no other column than an id, timestamps, who did it (`createdBy`), flags, enums and a `role`, `status` or `type`. Not a link: a side named for an actor (`impersonatedBy`: a row per event), items and entries (`OrderItem`, `LedgerEntry`, where a pair repeats as a quantity), a `position` or `quantity` column. Also an external identity: a model named like an account, identity, login, OAuth or SSO with a provider and the provider's id of an account (`provider` and `providerAccountId`, `providerId` and `accountId`, ...) and no unique constraint over both.",
        why: "Without a unique constraint the same link is stored twice by a double click or a retried request: a user in a team twice, a count off by one, and for an external identity, one provider account signed in to two users.",
        example: "model TeamUser {\n  id     String @id\n  teamId String\n  userId String\n  team   Team   @relation(fields: [teamId], references: [id])\n  user   User   @relation(fields: [userId], references: [id])\n}\n// fixed:\nmodel TeamUser {\n  id     String @id\n  teamId String\n  userId String\n  team   Team   @relation(fields: [teamId], references: [id])\n  user   User   @relation(fields: [userId], references: [id])\n  @@unique([teamId, userId])\n}",
        fix: Some(
            "adds `@@unique([...])` over the pair; unsafe (not applied by `check --fix`): rows that already repeat a pair make the migration fail",
        ),
    },
    Rule {
        code: ADVICE_CASE_SENSITIVE_EMAIL,
        // Judged (docs/advisor-evaluation.md): 0 real, 19 debatable, 11 noise of 30; its fix right for 17 of 30.
        default: HINT,
        fix_is_safe: false,
        checks: "On PostgreSQL, a `String` field named like an email address (`email`, `emailAddress`, `contactEmail`, `billing_email`; not `emailVerified`, `emailToken`, `normalizedEmail`) under a unique constraint or the id (`@unique`, `@id`, or in a `@@unique`/`@@id`), not stored as `@db.Citext`, with no comment saying it is lower-cased or normalised. Silent on CockroachDB (no `citext`), MySQL and SQL Server (case-insensitive collations by default), SQLite (its `NOCASE` collation cannot be declared in the schema) and MongoDB.",
        why: "PostgreSQL compares `text` byte for byte: `Alice@example.com` and `alice@example.com` pass the unique constraint as two accounts, and a sign-in that looks the address up as typed misses the account. `citext` compares case-insensitively (enable it with `extensions = [citext]` under the `postgresqlExtensions` preview feature, or in a migration); otherwise lower-case addresses in the application before every write and lookup.",
        example: "email String @unique\n// better:\nemail String @unique @db.Citext",
        fix: Some(
            "adds `@db.Citext` (in place of a `@db.Text`, `@db.VarChar` or `@db.Char`); unsafe (not applied by `check --fix`): the column type changes, and the `citext` extension must exist first",
        ),
    },
    Rule {
        code: ADVICE_NUMBER_AS_STRING,
        // Judged (docs/advisor-evaluation.md): 0 real, 1 debatable, 7 noise of 8.
        default: Level::Off,
        fix_is_safe: false,
        checks: "A `String` field whose name says it holds a number: a count (`count`, `viewCount`, `quantity`, `numberOfGuests`, `numPages`), a storage size (`fileSize`, `db_size`), a quantity with its unit (`sizeInBytes`, `durationMs`, `priceCents`), or any quantity word (`total`, `size`, `percent`, `duration`, `age`, `weight`, `price`, `amount`, ...) with a number as its default (`@default(\"0\")`; money not on MongoDB, where Prisma has no `Decimal` and text keeps amounts exact). Left alone: identifiers, codes and formatted text (`phoneNumber`, `zipCode`, `sizeUnit`, `amountCurrency`, `sizeLabel`, `priceId`, `version`), user-interface values (`lineHeight`, `fontSize`, `iconWeight`), headcounts asked as ranges (`employeeCount`, `companySize`), a bare `size`, `age`, `duration` or `price` (`\"XL\"`, `\"25-34\"`, `\"3 months\"`, `\"Free\"`), `@db.Text` columns, and fields whose comment says deprecated, a format, a range or a label.",
        why: "Text sorts `\"10\"` before `\"9\"`, cannot be summed or compared as a number in a query, and takes any value (`\"\"`, `\"1,5\"`, `\"n/a\"`): every reader parses it and handles what does not parse.",
        example: "quantity String\n// better:\nquantity Int",
        fix: None,
    },
];

/// Whether `check --fix` may apply the fixes of findings with `code` (see
/// `Rule::fix_is_safe`); codes that are not advisor rules keep what their fix says.
pub fn fix_is_safe(code: Code) -> bool {
    rule(code.as_str()).is_none_or(|rule| rule.fix_is_safe)
}

/// The rule of an advisor code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.code.as_str() == code)
}
