//! What the user configures about the advisor: rule levels, the tenant key and model, the
//! soft-delete markers, the models the rules leave alone. Read from `prisma-analyzer.toml`
//! (see `crate::settings`) or from the editor's settings.

use crate::analysis::{Code, Severity};
use std::collections::BTreeMap;

/// How loudly a rule speaks: not at all, or with a severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    Off,
    On(Severity),
}

impl Level {
    /// From the configuration value: `"off"`, `"hint"`, `"info"`, `"warning"` or `"error"`.
    pub fn from_name(name: &str) -> Option<Level> {
        Some(match name.trim() {
            "off" => Level::Off,
            "hint" => Level::On(Severity::Hint),
            "info" | "information" => Level::On(Severity::Info),
            "warning" | "warn" => Level::On(Severity::Warning),
            "error" => Level::On(Severity::Error),
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::On(severity) => severity.as_str(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AdvisorSettings {
    /// Levels chosen by the user, by code (`index/redundant`) or prefix (`index`).
    pub levels: BTreeMap<String, Level>,
    /// The field that holds the tenant (`tenantId`).
    pub tenant_key: String,
    /// The model of tenants (`Tenant`).
    pub tenant_model: String,
    /// Models that are not tenant-scoped (countries, plans, …).
    pub global_models: Vec<String>,
    /// Field names that mark a soft-deleted row, the first being the one fixes add.
    pub soft_delete_markers: Vec<String>,
    /// Models the soft-delete rules leave alone.
    pub soft_delete_exempt: Vec<String>,
}

impl Default for AdvisorSettings {
    fn default() -> Self {
        AdvisorSettings {
            levels: BTreeMap::new(),
            tenant_key: "tenantId".to_string(),
            tenant_model: "Tenant".to_string(),
            global_models: Vec::new(),
            soft_delete_markers: [
                "deletedAt",
                "deleted_at",
                "archivedAt",
                "isDeleted",
                "deleted",
            ]
            .map(str::to_string)
            .to_vec(),
            soft_delete_exempt: Vec::new(),
        }
    }
}

impl AdvisorSettings {
    /// The defaults with every advisor rule off: validation only (for tests of validation).
    pub fn without_advice() -> Self {
        let mut settings = AdvisorSettings::default();
        for rule in super::rules::RULES {
            settings
                .levels
                .insert(rule.code.as_str().to_string(), Level::Off);
        }
        settings
    }

    /// These settings with `codes` switched on at `severity` (rules that are off by default).
    pub fn with_rules_on(mut self, codes: &[Code], severity: Severity) -> Self {
        for code in codes {
            self.levels
                .insert(code.as_str().to_string(), Level::On(severity));
        }
        self
    }

    /// The level the user chose for `code`: by the code itself, else by its longest
    /// configured prefix (`tenant` for `tenant/missing-key`).
    pub fn chosen_level(&self, code: Code) -> Option<Level> {
        let code = code.as_str();
        if let Some(level) = self.levels.get(code) {
            return Some(*level);
        }
        let mut prefix = code;
        while let Some(slash) = prefix.rfind('/') {
            prefix = &prefix[..slash];
            if let Some(level) = self.levels.get(prefix) {
                return Some(*level);
            }
        }
        None
    }

    pub fn is_global_model(&self, name: &str) -> bool {
        self.global_models.iter().any(|global| global == name)
    }

    pub fn is_soft_delete_exempt(&self, name: &str) -> bool {
        self.soft_delete_exempt.iter().any(|exempt| exempt == name)
    }
}
