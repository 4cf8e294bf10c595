// The settings → server mapping, the server path resolution and the configuration answer.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import {
  SettingsReader,
  affectsServerSettings,
  answerConfiguration,
  resolveServerPath,
  serverSettings,
  userSetting,
} from "../src/wiring";
import { fakeSettings } from "./fakes";

/** What VS Code returns for a user who set nothing: the defaults from package.json. */
const DEFAULTS = {
  server: { path: "" },
  prismaVersion: "any",
  databaseUrl: "",
  rules: {},
  tenant: { key: null, model: null, globalModels: null },
  softDelete: { markers: null, exemptModels: null },
  allowProjectDatabaseUrl: false,
  trace: { server: "off" },
};

test("defaults send only the version, no nulls and no client-only keys", () => {
  assert.deepEqual(serverSettings(fakeSettings(DEFAULTS)), { prismaVersion: "any" });
});

test("every server key is passed in the server's camel case", () => {
  const settings = serverSettings(
    fakeSettings({
      ...DEFAULTS,
      prismaVersion: "7",
      databaseUrl: "env",
      rules: { "index/missing-fk-index": "off", relation: "error" },
      tenant: { key: "orgId", model: "Organization", globalModels: ["Country"] },
      softDelete: { markers: ["deletedAt"], exemptModels: ["AuditLog"] },
    }),
  );
  assert.deepEqual(settings, {
    prismaVersion: "7",
    databaseUrl: "env",
    rules: { "index/missing-fk-index": "off", relation: "error" },
    tenant: { key: "orgId", model: "Organization", globalModels: ["Country"] },
    softDelete: { markers: ["deletedAt"], exemptModels: ["AuditLog"] },
  });
});

test("a partly set group sends only what is set; blank names count as unset", () => {
  const settings = serverSettings(
    fakeSettings({ ...DEFAULTS, tenant: { key: "  ", model: "Org", globalModels: null } }),
  );
  assert.deepEqual(settings, { prismaVersion: "any", tenant: { model: "Org" } });
});

test("non-string rule levels and list items are dropped", () => {
  const settings = serverSettings(
    fakeSettings({
      ...DEFAULTS,
      rules: { a: 1, b: "off" },
      softDelete: { markers: ["deletedAt", 3] },
    }),
  );
  assert.deepEqual(settings, {
    prismaVersion: "any",
    rules: { b: "off" },
    softDelete: { markers: ["deletedAt"] },
  });
});

const noFiles = () => false;

test("server path: the setting wins, with ~ and ${workspaceFolder} expanded", () => {
  const base = { extensionPath: "/ext", workspaceFolder: "/proj", homeDir: "/home/u", isFile: () => true, platform: "linux" as const };
  assert.deepEqual(resolveServerPath({ ...base, configured: "/opt/pa" }), {
    command: "/opt/pa",
    source: "setting",
  });
  assert.equal(resolveServerPath({ ...base, configured: "~/bin/pa" }).command, path.join("/home/u", "bin/pa"));
  assert.equal(
    resolveServerPath({ ...base, configured: "${workspaceFolder}/target/debug/prisma-analyzer" }).command,
    "/proj/target/debug/prisma-analyzer",
  );
  assert.equal(resolveServerPath({ ...base, configured: "target/pa" }).command, "/proj/target/pa");
  assert.equal(resolveServerPath({ ...base, configured: "pa-dev" }).command, "pa-dev");
});

test("server path: the bundled binary when present, else PATH", () => {
  const bundled = path.join("/ext", "server", "prisma-analyzer");
  assert.deepEqual(
    resolveServerPath({ configured: "", extensionPath: "/ext", platform: "linux", isFile: (p) => p === bundled }),
    { command: bundled, source: "bundled" },
  );
  assert.deepEqual(
    resolveServerPath({ configured: "  ", extensionPath: "/ext", platform: "linux", isFile: noFiles }),
    { command: "prisma-analyzer", source: "PATH" },
  );
  assert.equal(
    resolveServerPath({ configured: undefined, extensionPath: "/ext", platform: "win32", isFile: noFiles }).command,
    "prisma-analyzer.exe",
  );
});

test("workspace/configuration: our section is built, other sections go to VS Code", async () => {
  const asked: unknown[] = [];
  const answers = await answerConfiguration(
    [{ section: "editor" }, { section: "prisma-analyzer", scopeUri: "file:///a.prisma" }],
    (scope) => ({ prismaVersion: scope ?? "none" }),
    async (items) => {
      asked.push(...items);
      return [{ tabSize: 2 }];
    },
  );
  assert.deepEqual(answers, [{ tabSize: 2 }, { prismaVersion: "file:///a.prisma" }]);
  assert.deepEqual(asked, [{ section: "editor" }]);
});

test("only server settings trigger a configuration push", () => {
  assert.equal(affectsServerSettings((s) => s === "prisma-analyzer.rules"), true);
  assert.equal(affectsServerSettings((s) => s === "prisma-analyzer.server.path"), false);
  assert.equal(affectsServerSettings((s) => s === "prisma-analyzer.allowProjectDatabaseUrl"), true);
});

/**
 * VS Code's settings with each level apart, as `WorkspaceConfiguration.inspect` gives them:
 * what the user set, and what the workspace's `.vscode/settings.json` says.
 */
function layeredSettings(user: Record<string, unknown>, workspace: Record<string, unknown>): SettingsReader {
  const merged = { ...DEFAULTS, ...user, ...workspace };
  const reader = (values: Record<string, unknown>) => (key: string) =>
    key.split(".").reduce<any>((value, part) => (value == null ? undefined : value[part]), values);
  return {
    get: <T>(key: string) => reader(merged)(key) as T | undefined,
    inspect: <T>(key: string) => ({
      defaultValue: reader(DEFAULTS)(key) as T | undefined,
      globalValue: reader(user)(key) as T | undefined,
      workspaceValue: reader(workspace)(key) as T | undefined,
    }),
  };
}

test("a workspace's settings choose neither the executable nor consent to its database", () => {
  const cloned = layeredSettings(
    {},
    { server: { path: "./evil/prisma-analyzer" }, allowProjectDatabaseUrl: true },
  );
  const configured = userSetting<string>(cloned, "server.path");
  assert.equal(configured, "");
  assert.deepEqual(
    resolveServerPath({ configured, extensionPath: "/ext", workspaceFolder: "/proj", platform: "linux", isFile: () => false }),
    { command: "prisma-analyzer", source: "PATH" },
  );
  assert.equal(serverSettings(cloned).allowProjectDatabaseUrl, undefined);
  // The user's own settings count.
  const own = layeredSettings({ server: { path: "/opt/pa" }, allowProjectDatabaseUrl: true }, {});
  assert.equal(userSetting<string>(own, "server.path"), "/opt/pa");
  assert.equal(serverSettings(own).allowProjectDatabaseUrl, true);
});

test("an untrusted workspace does not run a server path inside it", () => {
  const base = { extensionPath: "/ext", workspaceFolder: "/proj", homeDir: "/home/u", isFile: () => false, platform: "linux" as const, workspaceTrusted: false };
  for (const inside of ["${workspaceFolder}/target/debug/prisma-analyzer", "target/pa", "./pa"]) {
    const resolved = resolveServerPath({ ...base, configured: inside });
    assert.equal(resolved.source, "PATH", inside);
    assert.match(resolved.refused ?? "", /not trusted/);
  }
  assert.equal(resolveServerPath({ ...base, configured: "/opt/pa" }).command, "/opt/pa");
  assert.equal(resolveServerPath({ ...base, configured: "~/bin/pa" }).command, path.join("/home/u", "bin/pa"));
  assert.equal(resolveServerPath({ ...base, workspaceTrusted: true, configured: "target/pa" }).command, "/proj/target/pa");
});
