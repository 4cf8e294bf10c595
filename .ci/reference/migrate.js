// The SQL Prisma's own schema engine (the WebAssembly build `prisma migrate` uses with driver
// adapters) would run to create each schema from an empty PostgreSQL database: what
// `prisma migrate diff --from-empty --to-schema schema.prisma --script` prints.
// Input (stdin): a JSON array of schemas, each an array of [fileName, text] pairs.
// Output (stdout): a JSON array with, per schema, {"sql": text, "engine": "7" | "6"} (the
// Prisma 7 engine, or the Prisma 6 one when only Prisma 6 accepts the schema, e.g. for `url`
// in its datasource) or {"error": text} when neither engine accepts it.
//
// Offline: the engine is given a driver adapter that answers the one query it asks when it
// starts (whether the `public` schema exists, and the server's version: PostgreSQL 15, as the
// tests' cluster) and refuses any other, so no database is needed or touched.
"use strict";
const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("url");
const { bindMigrationAwareSqlAdapterFactory } = require("@prisma/driver-adapter-utils");

const SERVER_VERSION = "PostgreSQL 15.0 (prisma-analyzer's offline stand-in)";
const SERVER_VERSION_NUM = 150000;

// Where a wasm panic's message goes (the engines call this global).
let lastPanic = null;
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    lastPanic = message;
  },
};

let instances = 0;

/** The engine's module `name` (`schema-engine-wasm-7` or `-6`), instantiated. */
async function loadEngine(name) {
  // The package's entry imports the .wasm as an ES module, which node only does behind a
  // flag: instantiate it by hand, as that entry would.
  // A fresh copy of the glue module each time (a query string makes a new module), so an
  // instance reloaded after a panic shares no state with the dead one.
  const gluePath = require.resolve(`${name}/schema_engine_bg`);
  const glue = await import(`${pathToFileURL(gluePath).href}?instance=${++instances}`);
  const dir = path.dirname(gluePath);
  const module = new WebAssembly.Module(fs.readFileSync(path.join(dir, "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(module, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue.SchemaEngine;
}

/** A driver adapter that answers only the engine's start-up query. */
function offlineAdapterFactory() {
  const refuse = (what) => Promise.reject(new Error(`migrate.js is offline: the engine asked to ${what}`));
  const adapter = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    queryRaw(query) {
      if (/\bversion\(\)/.test(query.sql) && /pg_namespace/.test(query.sql)) {
        return Promise.resolve({
          columnNames: ["exists", "version", "numeric_version"],
          // Boolean, Text, Int32 (driver-adapter-utils' ColumnTypeEnum).
          columnTypes: [5, 7, 0],
          rows: [[true, SERVER_VERSION, SERVER_VERSION_NUM]],
        });
      }
      return refuse(`query ${query.sql}`);
    },
    executeRaw: (query) => refuse(`execute ${query.sql}`),
    executeScript: () => refuse("execute a script"),
    startTransaction: () => refuse("start a transaction"),
    dispose: () => Promise.resolve(),
  };
  return bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => Promise.resolve(adapter),
    connectToShadowDb: () => Promise.resolve(adapter),
  });
}

function messageOf(error) {
  return String((error && error.message) || error);
}

/** The create script for `files` with `SchemaEngine` (engine `version`), or throws. */
async function createScript(SchemaEngine, version, files) {
  lastPanic = null;
  let engine;
  try {
    engine = await SchemaEngine.new({ datamodels: files }, () => {}, offlineAdapterFactory());
    const params = {
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", files: files.map(([p, content]) => ({ path: p, content })) },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    };
    if (version === "6") params.shadowDatabaseUrl = null;
    const result = await engine.diff(params);
    return result.stdout || "";
  } catch (error) {
    if (lastPanic) throw new Error(`the engine panicked: ${lastPanic}`);
    throw error;
  } finally {
    if (engine) engine.free();
  }
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  try {
    const engines = {
      7: await loadEngine("schema-engine-wasm-7"),
      6: await loadEngine("schema-engine-wasm-6"),
    };
    const results = [];
    for (const files of JSON.parse(input)) {
      const errors = [];
      let done = null;
      for (const version of ["7", "6"]) {
        try {
          done = { sql: await createScript(engines[version], version, files), engine: version };
          break;
        } catch (error) {
          errors.push(`Prisma ${version}: ${messageOf(error)}`);
          // A panic leaves that engine's instance unusable: reload it.
          if (lastPanic) engines[version] = await loadEngine(`schema-engine-wasm-${version}`);
        }
      }
      results.push(done || { error: errors.join("\n") });
    }
    process.stdout.write(JSON.stringify(results));
  } catch (error) {
    process.stderr.write(`migrate.js: ${messageOf(error)}\n`);
    process.exit(1);
  }
});
