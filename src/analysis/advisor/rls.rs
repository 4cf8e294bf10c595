//! Row-level-security SQL for a multi-tenant schema (to be written).
