//! The `generator` block: provider values, keys and the documented values of each key.

use super::{Item, PREVIEW_FEATURES, item};

/// Generator provider values: "prisma-client-js", "prisma-client" (Prisma 7's new generator), with docs.
pub const GENERATOR_PROVIDERS: &[Item] = &[
    item(
        "prisma-client",
        "The ESM-first client generator (added in Prisma 6.6, the default in Prisma 7). Writes plain TypeScript into `output`, which is required.",
    ),
    item(
        "prisma-client-js",
        "The classic client generated into `node_modules/.prisma/client`. The default up to Prisma 6; deprecated in Prisma 7.",
    ),
];

/// Generator keys. Generators may take extra keys of their own, so unknown keys are not errors.
pub const GENERATOR_KEYS: &[Item] = &[
    item(
        "provider",
        "Required. Which generator to run: `prisma-client`, `prisma-client-js`, or a path/command of a custom generator.",
    ),
    item(
        "output",
        "Directory for the generated code, relative to the schema file. Required for `prisma-client`.",
    ),
    item(
        "previewFeatures",
        "List of preview feature flags to enable, e.g. `previewFeatures = [\"views\"]`.",
    ),
    item(
        "binaryTargets",
        "`prisma-client-js` with the Rust engine (Prisma 6 and earlier): platforms to download query engines for, e.g. `[\"native\", \"debian-openssl-3.0.x\"]`.",
    ),
    item(
        "engineType",
        "`prisma-client-js` only, Prisma 6 and earlier: `\"library\"` (default), `\"binary\"` or `\"client\"` (no Rust engine). Removed in Prisma 7.",
    ),
    item(
        "runtime",
        "`prisma-client` only: target runtime, e.g. `\"nodejs\"` (default), `\"deno\"`, `\"bun\"`, `\"workerd\"`, `\"vercel-edge\"` or `\"react-native\"`.",
    ),
    item(
        "moduleFormat",
        "`prisma-client` only: `\"esm\"` or `\"cjs\"` for the generated code; inferred from the project when omitted.",
    ),
    item(
        "generatedFileExtension",
        "`prisma-client` only: extension of the generated files: `\"ts\"` (default), `\"mts\"` or `\"cts\"`.",
    ),
    item(
        "importFileExtension",
        "`prisma-client` only: extension used in generated import paths: `\"ts\"`, `\"mts\"`, `\"cts\"`, `\"js\"`, `\"mjs\"`, `\"cjs\"` or `\"\"` (bare).",
    ),
    item(
        "compilerBuild",
        "Which query compiler build the client bundles: `\"fast\"` (default, larger) or `\"small\"` (smaller, a bit slower).",
    ),
];

/// Values of the `prisma-client` generator's `runtime` key.
pub const GENERATOR_RUNTIMES: &[Item] = &[
    item("nodejs", "Node.js (the default)."),
    item("deno", "Deno."),
    item("bun", "Bun."),
    item("workerd", "Cloudflare Workers (alias `cloudflare`)."),
    item("cloudflare", "Alias of `workerd`."),
    item("vercel-edge", "Vercel Edge Functions (alias `edge-light`)."),
    item("edge-light", "Alias of `vercel-edge`."),
    item("react-native", "React Native."),
];

/// Values of the `moduleFormat` key.
pub const MODULE_FORMATS: &[Item] = &[
    item("esm", "ES modules (`import`); recommended."),
    item("cjs", "CommonJS (`require`)."),
];

/// Values of the `generatedFileExtension` key.
pub const GENERATED_FILE_EXTENSIONS: &[Item] = &[
    item("ts", "`.ts` files (the default)."),
    item("mts", "`.mts` files."),
    item("cts", "`.cts` files."),
];

/// Values of the `importFileExtension` key.
pub const IMPORT_FILE_EXTENSIONS: &[Item] = &[
    item("ts", "Imports end in `.ts`."),
    item("mts", "Imports end in `.mts`."),
    item("cts", "Imports end in `.cts`."),
    item("js", "Imports end in `.js`."),
    item("mjs", "Imports end in `.mjs`."),
    item("cjs", "Imports end in `.cjs`."),
    item("", "Bare imports without an extension."),
];

/// Values of the `compilerBuild` key.
pub const COMPILER_BUILDS: &[Item] = &[
    item(
        "fast",
        "Faster query compilation, larger bundle (the default).",
    ),
    item(
        "small",
        "Smallest bundle, slightly slower query compilation.",
    ),
];

/// Values of the `engineType` key (`prisma-client-js`, Prisma 6 and earlier).
pub const ENGINE_TYPES: &[Item] = &[
    item(
        "library",
        "Node-API library query engine loaded in-process (the default).",
    ),
    item("binary", "Query engine run as a separate executable."),
    item(
        "client",
        "No Rust query engine: queries are compiled in TypeScript and sent through a driver adapter (Prisma 6.16+).",
    ),
];

/// Common `binaryTargets` values (`native` means the current machine).
pub const BINARY_TARGETS: &[Item] = &[
    item(
        "native",
        "The platform `prisma generate` runs on (the default).",
    ),
    item("darwin", "macOS on Intel."),
    item("darwin-arm64", "macOS on Apple silicon."),
    item("windows", "Windows."),
    item(
        "debian-openssl-1.0.x",
        "glibc Linux (Debian, Ubuntu, Mint, Arch) with OpenSSL 1.0.",
    ),
    item(
        "debian-openssl-1.1.x",
        "glibc Linux (Debian, Ubuntu, Mint, Arch) with OpenSSL 1.1.",
    ),
    item(
        "debian-openssl-3.0.x",
        "glibc Linux (Debian 12, Ubuntu 22.04+) with OpenSSL 3.",
    ),
    item("rhel-openssl-1.0.x", "RHEL/CentOS/Fedora with OpenSSL 1.0."),
    item("rhel-openssl-1.1.x", "RHEL/CentOS/Fedora with OpenSSL 1.1."),
    item("rhel-openssl-3.0.x", "RHEL/Fedora with OpenSSL 3."),
    item("linux-musl", "Alpine Linux (x86_64) with OpenSSL 1.1."),
    item(
        "linux-musl-openssl-3.0.x",
        "Alpine Linux 3.17+ (x86_64) with OpenSSL 3.",
    ),
    item(
        "linux-musl-arm64-openssl-1.1.x",
        "Alpine Linux (ARM64) with OpenSSL 1.1.",
    ),
    item(
        "linux-musl-arm64-openssl-3.0.x",
        "Alpine Linux 3.17+ (ARM64) with OpenSSL 3.",
    ),
    item(
        "linux-arm64-openssl-1.0.x",
        "glibc Linux on ARM64 with OpenSSL 1.0.",
    ),
    item(
        "linux-arm64-openssl-1.1.x",
        "glibc Linux on ARM64 with OpenSSL 1.1.",
    ),
    item(
        "linux-arm64-openssl-3.0.x",
        "glibc Linux on ARM64 with OpenSSL 3.",
    ),
];

/// The documented values of a generator key (empty for free-form keys like `output`).
pub fn generator_key_values(key: &str) -> &'static [Item] {
    match key {
        "provider" => GENERATOR_PROVIDERS,
        "previewFeatures" => PREVIEW_FEATURES,
        "binaryTargets" => BINARY_TARGETS,
        "engineType" => ENGINE_TYPES,
        "runtime" => GENERATOR_RUNTIMES,
        "moduleFormat" => MODULE_FORMATS,
        "generatedFileExtension" => GENERATED_FILE_EXTENSIONS,
        "importFileExtension" => IMPORT_FILE_EXTENSIONS,
        "compilerBuild" => COMPILER_BUILDS,
        _ => &[],
    }
}

/// Whether a generator key only makes sense for one built-in generator provider:
/// returns that provider's name, or None for keys every generator may use.
pub fn generator_key_owner(key: &str) -> Option<&'static str> {
    match key {
        "runtime" | "moduleFormat" | "generatedFileExtension" | "importFileExtension" => {
            Some("prisma-client")
        }
        "binaryTargets" | "engineType" => Some("prisma-client-js"),
        _ => None,
    }
}
