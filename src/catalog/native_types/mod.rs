//! Native database types (`@db.X`): what one takes and maps to, and lookups per provider.
//! The per-provider lists are in `tables.rs`.

mod tables;

use super::Provider;
use tables::{
    COCKROACH_NATIVE_TYPES, MONGODB_NATIVE_TYPES, MYSQL_NATIVE_TYPES, POSTGRES_NATIVE_TYPES,
    SQLSERVER_NATIVE_TYPES,
};

#[derive(Clone, Copy, Debug)]
pub struct NativeType {
    /// e.g. "VarChar".
    pub name: &'static str,
    /// Argument names in order, e.g. ["length"], ["precision", "scale"], [] for none.
    pub arguments: &'static [&'static str],
    /// How many of the arguments are required; the rest are optional.
    pub required_arguments: u8,
    /// Prisma scalar types it maps to, e.g. ["String"].
    pub scalar_types: &'static [&'static str],
    pub doc: &'static str,
    /// When true, the optional arguments go together: either none or all of them
    /// (`Decimal` takes `()` or `(p, s)`, never just `(p)`).
    pub all_or_none: bool,
    /// When true, the single argument may be the keyword `Max` instead of a number
    /// (SQL Server `VarChar(Max)`, `NVarChar(Max)`, `VarBinary(Max)`).
    pub accepts_max: bool,
}

impl NativeType {
    /// Whether Prisma accepts this many arguments.
    pub fn accepts_argument_count(&self, count: usize) -> bool {
        let required = usize::from(self.required_arguments);
        let total = self.arguments.len();
        if self.all_or_none {
            count == required || count == total
        } else {
            count >= required && count <= total
        }
    }

    /// Whether the native type fits this Prisma scalar type.
    pub fn fits(&self, scalar_type: &str) -> bool {
        self.scalar_types.contains(&scalar_type)
    }

    /// A completion snippet: `Bit($1)` when arguments are required, else just the name.
    pub fn snippet(&self) -> String {
        if self.required_arguments == 0 {
            return self.name.to_string();
        }
        let placeholders: Vec<String> = (1..=self.arguments.len())
            .map(|i| format!("${i}"))
            .collect();
        format!("{}({})", self.name, placeholders.join(", "))
    }

    /// A readable signature with optional parts in brackets, e.g. `VarChar[(length)]`,
    /// `Decimal[(precision, scale)]`, `Bit(length)`, `NVarChar[(length | Max)]`.
    pub fn signature(&self) -> String {
        if self.arguments.is_empty() {
            return self.name.to_string();
        }
        let mut args = self.arguments.join(", ");
        if self.accepts_max {
            args.push_str(" | Max");
        }
        if self.required_arguments == 0 {
            format!("{}[({args})]", self.name)
        } else {
            format!("{}({args})", self.name)
        }
    }
}

/// All native types of a provider (`@db.X`). SQLite has none.
pub fn native_types(provider: Provider) -> &'static [NativeType] {
    match provider {
        Provider::PostgreSql => POSTGRES_NATIVE_TYPES,
        Provider::CockroachDb => COCKROACH_NATIVE_TYPES,
        Provider::MySql => MYSQL_NATIVE_TYPES,
        Provider::Sqlite => &[],
        Provider::SqlServer => SQLSERVER_NATIVE_TYPES,
        Provider::MongoDb => MONGODB_NATIVE_TYPES,
    }
}

/// The native types of `provider` that fit the scalar type.
pub fn native_types_for(provider: Provider, scalar_type: &str) -> Vec<&'static NativeType> {
    native_types(provider)
        .iter()
        .filter(|t| t.fits(scalar_type))
        .collect()
}

/// Looks up a native type by its exact name (names are case-sensitive in Prisma).
pub fn find_native_type(provider: Provider, name: &str) -> Option<&'static NativeType> {
    native_types(provider).iter().find(|t| t.name == name)
}
