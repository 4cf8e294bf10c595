// activate() against a fake `vscode` module and a fake LanguageClient: which commands are
// registered, how the client is built (id, server command, settings, middleware), and that
// the manifest declares what the code uses.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import Module = require("node:module");

const root = path.resolve(__dirname, "..", "..");
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

interface FakeClient {
  id: string;
  name: string;
  serverOptions: any;
  clientOptions: any;
  started: boolean;
  stopped: boolean;
}

function loadExtensionWithFakes(
  settings: Record<string, unknown>,
  installed: string[] = [],
  trusted = true,
) {
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const clients: FakeClient[] = [];
  const warnings: string[] = [];
  const state = new Map<string, unknown>();
  const get = (key: string) =>
    key.split(".").reduce<any>((value, part) => (value == null ? undefined : value[part]), settings);
  const vscode = {
    window: {
      createOutputChannel: (name: string) => ({ name, appendLine() {}, show() {}, dispose() {} }),
      showWarningMessage: async (message: string) => {
        warnings.push(message);
        return undefined;
      },
      showErrorMessage: async () => undefined,
      showInformationMessage: async () => undefined,
    },
    commands: {
      registerCommand: (id: string, run: (...args: unknown[]) => unknown) => {
        commands.set(id, run);
        return { dispose() {} };
      },
      executeCommand: async () => undefined,
    },
    workspace: {
      getConfiguration: () => ({ get }),
      onDidChangeConfiguration: () => ({ dispose() {} }),
      createFileSystemWatcher: (glob: string) => ({ glob, dispose() {} }),
      workspaceFolders: [{ uri: { fsPath: "/proj" } }],
      isTrusted: trusted,
    },
    extensions: { getExtension: (id: string) => (installed.includes(id) ? { id } : undefined) },
    Uri: { parse: (value: string) => ({ value }) },
  };
  class LanguageClient implements FakeClient {
    started = false;
    stopped = false;
    constructor(
      public id: string,
      public name: string,
      public serverOptions: any,
      public clientOptions: any,
    ) {
      clients.push(this);
    }
    async start() {
      this.started = true;
    }
    isRunning() {
      return this.started && !this.stopped;
    }
    async stop() {
      this.stopped = true;
    }
    async dispose() {
      this.stopped = true;
    }
  }
  const fakes: Record<string, unknown> = {
    vscode,
    "vscode-languageclient/node": { LanguageClient },
  };
  const moduleApi = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = moduleApi._load;
  moduleApi._load = function (request: string, ...rest: unknown[]) {
    return request in fakes ? fakes[request] : originalLoad.call(this, request, ...rest);
  };
  const extensionPath = path.join(root, "out", "extension.js");
  delete require.cache[extensionPath];
  try {
    const extension = require(extensionPath);
    const context = {
      subscriptions: [] as unknown[],
      extensionPath: "/nonexistent-extension",
      workspaceState: {
        get: (key: string) => state.get(key),
        update: async (key: string, value: unknown) => void state.set(key, value),
      },
    };
    return { extension, context, commands, clients, warnings };
  } finally {
    moduleApi._load = originalLoad;
  }
}

test("activate starts one client for prisma documents with the server's settings", async () => {
  const { extension, context, commands, clients } = loadExtensionWithFakes({
    server: { path: "/opt/prisma-analyzer" },
    prismaVersion: "7",
    rules: { "index/missing-fk-index": "off" },
    tenant: { key: null },
  });
  await extension.activate(context);
  assert.equal(clients.length, 1);
  const [client] = clients;
  assert.equal(client.id, "prisma-analyzer");
  assert.ok(client.started);
  assert.deepEqual(client.serverOptions.run.command, "/opt/prisma-analyzer");
  assert.deepEqual(client.serverOptions.run.args, ["lsp"]);
  assert.deepEqual(client.clientOptions.documentSelector.map((s: any) => s.language), ["prisma", "prisma"]);
  assert.deepEqual(client.clientOptions.initializationOptions, {
    prismaVersion: "7",
    rules: { "index/missing-fk-index": "off" },
  });
  // Semantic tokens come from the server: nothing may switch them off.
  assert.equal(client.clientOptions.middleware.provideDocumentSemanticTokens, undefined);
  const answer = await client.clientOptions.middleware.workspace.configuration(
    { items: [{ section: "prisma-analyzer" }] },
    undefined,
    async () => [],
  );
  assert.deepEqual(answer, [{ prismaVersion: "7", rules: { "index/missing-fk-index": "off" } }]);
  assert.ok(commands.has("prisma-analyzer.restartServer"));
  assert.ok(commands.has("prisma-analyzer.showOutput"));
});

test("restart replaces the client with a new one", async () => {
  const { extension, context, commands, clients } = loadExtensionWithFakes({ server: { path: "" } });
  await extension.activate(context);
  await commands.get("prisma-analyzer.restartServer")!();
  assert.equal(clients.length, 2);
  assert.ok(clients[0].stopped);
  assert.ok(clients[1].started && !clients[1].stopped);
  // No bundled binary in the fake extension folder: the PATH lookup.
  assert.equal(clients[1].serverOptions.run.command, "prisma-analyzer");
  await extension.deactivate();
  assert.ok(clients[1].stopped);
});

test("an untrusted workspace's own server binary is not run", async () => {
  const settings = { server: { path: "${workspaceFolder}/target/debug/prisma-analyzer" } };
  const untrusted = loadExtensionWithFakes(settings, [], false);
  await untrusted.extension.activate(untrusted.context);
  assert.equal(untrusted.clients[0].serverOptions.run.command, "prisma-analyzer");
  await untrusted.extension.deactivate();
  const trusted = loadExtensionWithFakes(settings, [], true);
  await trusted.extension.activate(trusted.context);
  assert.equal(trusted.clients[0].serverOptions.run.command, "/proj/target/debug/prisma-analyzer");
  await trusted.extension.deactivate();
});

test("the official Prisma extension is warned about once per workspace", async () => {
  const first = loadExtensionWithFakes({}, ["Prisma.prisma"]);
  await first.extension.activate(first.context);
  assert.equal(first.warnings.length, 1);
  assert.match(first.warnings[0], /Disable/);
  await first.extension.activate(first.context);
  assert.equal(first.warnings.length, 1);
  const without = loadExtensionWithFakes({});
  await without.extension.activate(without.context);
  assert.equal(without.warnings.length, 0);
});

test("the manifest declares the commands, the language and every server setting", () => {
  const contributes = manifest.contributes;
  const declared = contributes.commands.map((c: any) => c.command).sort();
  assert.deepEqual(declared, ["prisma-analyzer.restartServer", "prisma-analyzer.showOutput"]);
  assert.deepEqual(contributes.languages[0].extensions, [".prisma"]);
  assert.equal(contributes.languages[0].id, "prisma");
  assert.equal(contributes.grammars[0].language, "prisma");
  const keys = Object.keys(contributes.configuration.properties).sort();
  assert.deepEqual(keys, [
    "prisma-analyzer.allowProjectDatabaseUrl",
    "prisma-analyzer.databaseUrl",
    "prisma-analyzer.prismaVersion",
    "prisma-analyzer.rules",
    "prisma-analyzer.server.path",
    "prisma-analyzer.softDelete.exemptModels",
    "prisma-analyzer.softDelete.markers",
    "prisma-analyzer.tenant.globalModels",
    "prisma-analyzer.tenant.key",
    "prisma-analyzer.tenant.model",
    "prisma-analyzer.trace.server",
  ]);
  assert.deepEqual(
    contributes.configuration.properties["prisma-analyzer.prismaVersion"].enum.sort(),
    ["6", "7", "any"],
  );
  // What a repository must not choose: the executable and consent to its own database
  // are user settings only; in Restricted Mode the workspace's values of these are ignored.
  const properties = contributes.configuration.properties;
  assert.equal(properties["prisma-analyzer.server.path"].scope, "machine");
  assert.equal(properties["prisma-analyzer.allowProjectDatabaseUrl"].scope, "machine");
  assert.equal(properties["prisma-analyzer.allowProjectDatabaseUrl"].default, false);
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, "limited");
  assert.deepEqual(untrusted.restrictedConfigurations.sort(), [
    "prisma-analyzer.allowProjectDatabaseUrl",
    "prisma-analyzer.databaseUrl",
    "prisma-analyzer.server.path",
  ]);
  const languageConfiguration = JSON.parse(
    fs.readFileSync(path.join(root, contributes.languages[0].configuration), "utf8"),
  );
  assert.equal(languageConfiguration.comments.lineComment, "//");
  for (const key of ["increaseIndentPattern", "decreaseIndentPattern"]) {
    new RegExp(languageConfiguration.indentationRules[key]);
  }
  assert.ok(new RegExp(languageConfiguration.indentationRules.increaseIndentPattern).test("model User {"));
  assert.ok(new RegExp(languageConfiguration.indentationRules.decreaseIndentPattern).test("  }"));
});
