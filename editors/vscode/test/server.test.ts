// The wiring against the real server: `prisma-analyzer lsp` started as the extension starts
// it, given the settings as the extension builds them (initializationOptions, and answers to
// `workspace/configuration` from the extension's middleware function). The schema's
// diagnostics must follow the settings.
//
// The binary: $PRISMA_ANALYZER_BIN, else the repository's target/debug or target/release.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as cp from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  PublishDiagnosticsParams,
  Diagnostic,
} from "vscode-languageserver-protocol/node";
import { answerConfiguration, serverExecutable, serverSettings } from "../src/wiring";
import { fakeSettings } from "./fakes";

const root = path.resolve(__dirname, "..", "..");
const repo = path.resolve(root, "..", "..");

function serverBinary(): string {
  const candidates = [
    process.env.PRISMA_ANALYZER_BIN,
    path.join(repo, "target", "debug", "prisma-analyzer"),
    path.join(repo, "target", "release", "prisma-analyzer"),
  ].filter((c): c is string => !!c);
  const found = candidates.find((c) => fs.existsSync(c));
  assert.ok(found, `a prisma-analyzer binary (build it, or set PRISMA_ANALYZER_BIN); looked at ${candidates.join(", ")}`);
  return found;
}

test("the server's diagnostics follow the settings the client sends", { timeout: 60_000 }, async () => {
  const executable = serverExecutable(serverBinary());
  const child = cp.spawn(executable.command, executable.args, {
    env: executable.options.env,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );

  // What the user set in VS Code; changed below, as a user editing settings.json would.
  let userSettings: Record<string, unknown> = {
    prismaVersion: "any",
    rules: {},
    tenant: { key: null, model: null, globalModels: null },
    server: { path: "" },
  };
  let configurationRequests = 0;
  connection.onRequest("workspace/configuration", (params: { items: { section?: string }[] }) => {
    configurationRequests += 1;
    return answerConfiguration(
      params.items,
      () => serverSettings(fakeSettings(userSettings)),
      async (items) => items.map(() => null),
    );
  });
  connection.onRequest("client/registerCapability", () => null);
  connection.onNotification("window/logMessage", () => {});

  const published: Diagnostic[][] = [];
  const waiters: Array<() => void> = [];
  const file = path.join(root, "test", "fixtures", "advice.prisma");
  const uri = pathToFileURL(file).toString();
  connection.onNotification(
    "textDocument/publishDiagnostics",
    (params: PublishDiagnosticsParams) => {
      if (params.uri === uri) {
        published.push(params.diagnostics);
        waiters.splice(0).forEach((wake) => wake());
      }
    },
  );
  connection.listen();

  /** Waits until the latest diagnostics satisfy `ready`, and returns them. */
  async function diagnosticsWhere(ready: (d: Diagnostic[]) => boolean, what: string) {
    const deadline = Date.now() + 20_000;
    while (!(published.length > 0 && ready(published[published.length - 1]))) {
      assert.ok(Date.now() < deadline, `diagnostics where ${what}; last: ${JSON.stringify(published.at(-1))}`);
      await new Promise<void>((wake) => {
        waiters.push(wake);
        setTimeout(wake, 500);
      });
    }
    return published[published.length - 1];
  }
  const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));
  const advice = "index/missing-fk-index";

  try {
    await connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(path.dirname(file)).toString(),
      capabilities: { workspace: { configuration: true, didChangeConfiguration: {} } },
      initializationOptions: serverSettings(fakeSettings(userSettings)),
    });
    await connection.sendNotification("initialized", {});
    await connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "prisma", version: 1, text: fs.readFileSync(file, "utf8") },
    });

    // The defaults: Prisma's error on `Strng` and the advisor's information on the foreign key.
    const first = await diagnosticsWhere(
      (d) => codes(d).includes("name/unknown-type") && codes(d).includes(advice),
      "the unknown type and the missing index are reported",
    );
    assert.equal(first.find((d) => d.code === advice)!.severity, 3, "information by default");

    // The user turns the rule up to an error: the server pulls the settings again.
    userSettings = { ...userSettings, rules: { [advice]: "error" } };
    await connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
    const raised = await diagnosticsWhere(
      (d) => d.find((x) => x.code === advice)?.severity === 1,
      `${advice} is an error`,
    );
    assert.ok(codes(raised).includes("name/unknown-type"));

    // And off: only Prisma's error is left.
    userSettings = { ...userSettings, rules: { [advice]: "off" } };
    await connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
    const off = await diagnosticsWhere((d) => !codes(d).includes(advice), `${advice} is gone`);
    assert.deepEqual(codes(off), ["name/unknown-type"]);
    assert.ok(configurationRequests >= 2, "the server asked for the section through the middleware");

    await connection.sendRequest("shutdown");
    await connection.sendNotification("exit");
  } finally {
    connection.dispose();
    child.kill();
  }
});
