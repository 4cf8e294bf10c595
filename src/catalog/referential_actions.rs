//! Referential actions (`onDelete:`, `onUpdate:`): which a provider and relation mode allow,
//! the defaults when omitted, and the warnings Prisma gives for allowed ones.

use super::Provider;

/// What the database (or Prisma, with `relationMode = "prisma"`) does to referencing records
/// when the referenced record is deleted (`onDelete:`) or its key changes (`onUpdate:`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferentialAction {
    Cascade,
    Restrict,
    NoAction,
    SetNull,
    SetDefault,
}

impl ReferentialAction {
    /// All actions, in the order Prisma's completion lists them
    /// (completion scenario referential_actions_relation_mode_fk_mysql).
    pub const ALL: [ReferentialAction; 5] = [
        ReferentialAction::Cascade,
        ReferentialAction::Restrict,
        ReferentialAction::NoAction,
        ReferentialAction::SetNull,
        ReferentialAction::SetDefault,
    ];

    /// The name as written in `onDelete:` / `onUpdate:`.
    pub fn name(self) -> &'static str {
        match self {
            ReferentialAction::Cascade => "Cascade",
            ReferentialAction::Restrict => "Restrict",
            ReferentialAction::NoAction => "NoAction",
            ReferentialAction::SetNull => "SetNull",
            ReferentialAction::SetDefault => "SetDefault",
        }
    }

    /// A short description for hover and completion.
    pub fn doc(self) -> &'static str {
        match self {
            ReferentialAction::Cascade => {
                "Deleting the referenced record deletes the records that point to it; updating its key updates their foreign keys."
            }
            ReferentialAction::Restrict => {
                "Refuses to delete or update the referenced record while other records point to it. Not available on SQL Server (use `NoAction`)."
            }
            ReferentialAction::NoAction => {
                "Like `Restrict`, but some databases check at the end of the statement or transaction (PostgreSQL can defer it). With `relationMode = \"prisma\"` it is not offered on PostgreSQL and SQLite."
            }
            ReferentialAction::SetNull => {
                "Sets the referencing foreign key fields to NULL, so they must be optional. Example: `onDelete: SetNull`"
            }
            ReferentialAction::SetDefault => {
                "Sets the referencing foreign key fields to their `@default` value. Not with `relationMode = \"prisma\"`; MySQL treats it like `NoAction` (Prisma warns)."
            }
        }
    }

    /// Parses an action name (exact, case-sensitive).
    pub fn from_name(name: &str) -> Option<ReferentialAction> {
        ReferentialAction::ALL
            .into_iter()
            .find(|a| a.name() == name)
    }
}

/// The actions Prisma allows for this provider and relation mode.
///
/// * Foreign keys (the default for SQL providers): all five, except SQL Server which has no
///   `Restrict` (completion scenario referential_actions_mssql; psl-rust
///   relations/referential_actions__restrict_should_not_work_on_sql_server).
/// * `relationMode = "prisma"` (always the case for MongoDB): `Cascade`, `Restrict`, `NoAction`,
///   `SetNull` — no `SetDefault` (scenarios referential_actions_relation_mode_prisma_mysql and
///   _mongodb; psl-rust ...__set_default_action_should_not_work_on_prisma_level_relation_mode).
///   PostgreSQL and SQLite also drop `NoAction` there (psl-rust
///   ...__on_delete_no_action_should_not_work_on_postgres_with_prisma_relation_mode and the
///   sqlite twin).
/// * Unknown provider: the foreign-key list (all five), or the generic emulated list.
pub fn referential_actions(
    provider: Option<Provider>,
    relation_mode_prisma: bool,
) -> Vec<ReferentialAction> {
    use ReferentialAction::*;
    let emulated = relation_mode_prisma || provider == Some(Provider::MongoDb);
    let actions: &[ReferentialAction] = match (provider, emulated) {
        (Some(Provider::PostgreSql | Provider::Sqlite), true) => &[Cascade, Restrict, SetNull],
        (_, true) => &[Cascade, Restrict, NoAction, SetNull],
        (Some(Provider::SqlServer), false) => &[Cascade, NoAction, SetNull, SetDefault],
        (_, false) => &ReferentialAction::ALL,
    };
    actions.to_vec()
}

/// The action Prisma uses when `onDelete` is omitted: `SetNull` for optional relations;
/// `Restrict` for required ones, or `NoAction` where `Restrict` is unavailable (SQL Server).
pub fn default_on_delete(
    provider: Option<Provider>,
    relation_mode_prisma: bool,
    required: bool,
) -> ReferentialAction {
    if !required {
        ReferentialAction::SetNull
    } else if referential_actions(provider, relation_mode_prisma)
        .contains(&ReferentialAction::Restrict)
    {
        ReferentialAction::Restrict
    } else {
        ReferentialAction::NoAction
    }
}

/// The action Prisma uses when `onUpdate` is omitted.
pub fn default_on_update() -> ReferentialAction {
    ReferentialAction::Cascade
}

/// A warning (not an error) Prisma gives for an allowed action, if any: MySQL with foreign keys
/// accepts `SetDefault` but InnoDB does not implement it. Source: conformance
/// psl/mysql/set_default_warning.prisma.
pub fn referential_action_warning(
    provider: Option<Provider>,
    relation_mode_prisma: bool,
    action: ReferentialAction,
) -> Option<&'static str> {
    match (provider, relation_mode_prisma, action) {
        (Some(Provider::MySql), false, ReferentialAction::SetDefault) => Some(
            "MySQL does not really support `SetDefault`: it behaves like `NoAction` and can fail at runtime. Consider another action.",
        ),
        _ => None,
    }
}
