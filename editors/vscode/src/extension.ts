// The VS Code side of prisma-analyzer: starts `prisma-analyzer lsp`, hands it `*.prisma`
// documents and the `prisma-analyzer.*` settings, and nothing more. Diagnostics, completion,
// semantic tokens, formatting and the rest come from the server.

import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";
import {
  CONFIGURATION_SECTION,
  DOCUMENT_SELECTOR,
  OFFICIAL_PRISMA_EXTENSION,
  affectsServerSettings,
  answerConfiguration,
  resolveServerPath,
  serverExecutable,
  serverSettings,
  userSetting,
} from "./wiring";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("Prisma Analyzer");
  context.subscriptions.push(output);

  context.subscriptions.push(
    vscode.commands.registerCommand("prisma-analyzer.restartServer", async () => {
      // A fresh client, not `client.restart()`: the server path may have changed.
      await stopClient();
      await startClient(context);
    }),
    vscode.commands.registerCommand("prisma-analyzer.showOutput", () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (client && affectsServerSettings((section) => event.affectsConfiguration(section))) {
        // The server answers a change notification by pulling `workspace/configuration`,
        // which the middleware below answers; the payload is for servers that cannot pull.
        void client.sendNotification("workspace/didChangeConfiguration", {
          settings: { [CONFIGURATION_SECTION]: currentServerSettings() },
        });
      }
      if (event.affectsConfiguration(`${CONFIGURATION_SECTION}.server.path`)) {
        void offerRestart();
      }
    }),
  );

  // Trust changes what the server may be started from (a path inside the workspace).
  const granted = vscode.workspace.onDidGrantWorkspaceTrust?.(() =>
    vscode.commands.executeCommand("prisma-analyzer.restartServer"),
  );
  if (granted) {
    context.subscriptions.push(granted);
  }

  warnAboutOfficialExtensionOnce(context);
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}

function currentServerSettings(scope?: vscode.Uri) {
  return serverSettings(vscode.workspace.getConfiguration(CONFIGURATION_SECTION, scope));
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const channel = output!;
  // The user's own setting only: a repository must not choose the program VS Code runs.
  const configured = userSetting<string>(
    vscode.workspace.getConfiguration(CONFIGURATION_SECTION),
    "server.path",
  );
  const server = resolveServerPath({
    configured,
    workspaceTrusted: vscode.workspace.isTrusted ?? true,
    extensionPath: context.extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
  });
  if (server.refused) {
    channel.appendLine(`Not running prisma-analyzer.server.path: ${server.refused}`);
  }
  channel.appendLine(`Starting ${server.command} lsp (from ${server.source})`);

  const executable = serverExecutable(server.command);
  const serverOptions: ServerOptions = { run: executable, debug: executable };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: channel,
    traceOutputChannel: channel,
    initializationOptions: currentServerSettings(),
    // No `synchronize.fileEvents`: the server registers the file watchers it needs (schema
    // files, prisma-analyzer.toml) itself.
    middleware: {
      workspace: {
        configuration: (params, token, next) =>
          answerConfiguration(
            params.items,
            (scopeUri) => currentServerSettings(scopeUri ? vscode.Uri.parse(scopeUri) : undefined),
            async (items) => {
              const answer = await next({ items }, token);
              return Array.isArray(answer) ? answer : items.map(() => null);
            },
          ),
      },
    },
    // Semantic tokens are left on (the client's default): the server's tokens refine the
    // TextMate grammar's colours.
  };

  client = new LanguageClient(
    CONFIGURATION_SECTION,
    "Prisma Analyzer",
    serverOptions,
    clientOptions,
  );
  try {
    await client.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    channel.appendLine(`The server did not start: ${message}`);
    const choice = await vscode.window.showErrorMessage(
      `Prisma Analyzer could not start \`${server.command}\`: ${message}. ` +
        "Install prisma-analyzer on PATH or set `prisma-analyzer.server.path`.",
      "Open settings",
      "Show output",
    );
    if (choice === "Open settings") {
      await vscode.commands.executeCommand(
        "workbench.action.openSettings",
        `${CONFIGURATION_SECTION}.server.path`,
      );
    } else if (choice === "Show output") {
      channel.show(true);
    }
  }
}

async function stopClient(): Promise<void> {
  const stopping = client;
  client = undefined;
  if (stopping?.isRunning()) {
    await stopping.stop();
  } else {
    await stopping?.dispose();
  }
}

async function offerRestart(): Promise<void> {
  const choice = await vscode.window.showInformationMessage(
    "The Prisma Analyzer server path changed. Restart the server to use it?",
    "Restart",
  );
  if (choice === "Restart") {
    await vscode.commands.executeCommand("prisma-analyzer.restartServer");
  }
}

/**
 * Both this extension and the official Prisma extension serve the language id `prisma`, so
 * with both enabled every schema gets two servers: doubled diagnostics, completions and
 * formatters. We do not disable it (an extension cannot); we say so once per workspace.
 */
function warnAboutOfficialExtensionOnce(context: vscode.ExtensionContext): void {
  const official = vscode.extensions.getExtension(OFFICIAL_PRISMA_EXTENSION);
  const key = "prisma-analyzer.warnedAboutOfficialExtension";
  if (!official || context.workspaceState.get<boolean>(key)) {
    return;
  }
  void context.workspaceState.update(key, true);
  void vscode.window
    .showWarningMessage(
      "The official Prisma extension is also enabled: both will analyse your schemas. " +
        "Disable it for this workspace (Extensions view → Prisma → Disable (Workspace)) " +
        "to use Prisma Analyzer alone.",
      "Show Prisma extension",
    )
    .then((choice) => {
      if (choice === "Show Prisma extension") {
        void vscode.commands.executeCommand(
          "workbench.extensions.search",
          `@installed ${OFFICIAL_PRISMA_EXTENSION}`,
        );
      }
    });
}
