// The client's wiring, free of the `vscode` module so that `npm test` can check it in plain
// Node: which settings the server gets, which executable starts, which documents it serves.
// Everything a user sees as a feature lives in the server; this file only connects it.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The section of VS Code's settings, and of `workspace/configuration`, the server reads. */
export const CONFIGURATION_SECTION = "prisma-analyzer";

/** The extension id of the official Prisma extension, which serves the same language id. */
export const OFFICIAL_PRISMA_EXTENSION = "Prisma.prisma";

/** The documents the server handles: Prisma schemas on disk and unsaved ones. */
export const DOCUMENT_SELECTOR = [
  { scheme: "file", language: "prisma" },
  { scheme: "untitled", language: "prisma" },
];

/** What the server needs from a settings object: VS Code's `WorkspaceConfiguration.get`,
 * and `inspect` for the settings only the user may set. */
export interface SettingsReader {
  get<T>(key: string): T | undefined;
  inspect?<T>(key: string): { defaultValue?: T; globalValue?: T } | undefined;
}

/**
 * A setting as the user set it (user or remote-machine settings), never a workspace's:
 * for what a repository must not choose (the executable VS Code runs, consent to its own
 * database URL). VS Code already ignores workspace values of these `machine`-scoped
 * settings; reading the user's value only keeps it so whatever VS Code merges.
 */
export function userSetting<T>(config: SettingsReader, key: string): T | undefined {
  if (!config.inspect) {
    return config.get<T>(key);
  }
  const inspected = config.inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

/** The server's settings, as in `prisma-analyzer.toml` but in camel case (see src/settings.rs). */
export interface ServerSettings {
  prismaVersion?: string;
  databaseUrl?: string;
  allowProjectDatabaseUrl?: boolean;
  rules?: Record<string, string>;
  tenant?: { key?: string; model?: string; globalModels?: string[] };
  softDelete?: { markers?: string[]; exemptModels?: string[] };
}

/**
 * The `prisma-analyzer` section the server gets in `initializationOptions` and
 * `workspace/configuration`. Unset settings are left out rather than sent as `null`, so the
 * server keeps its own defaults for them (it reports a `null` name as a mistake), and the
 * client-only settings (`server.path`, `trace.server`) are not sent at all (the server would
 * call them unknown).
 */
export function serverSettings(config: SettingsReader): ServerSettings {
  const settings: ServerSettings = {};
  const version = config.get<string>("prismaVersion");
  if (typeof version === "string" && version !== "") {
    settings.prismaVersion = version;
  }
  const databaseUrl = nonEmptyString(config.get("databaseUrl"));
  if (databaseUrl) {
    settings.databaseUrl = databaseUrl;
  }
  if (userSetting<boolean>(config, "allowProjectDatabaseUrl") === true) {
    settings.allowProjectDatabaseUrl = true;
  }
  const rules = config.get<Record<string, unknown>>("rules");
  if (rules && typeof rules === "object" && !Array.isArray(rules)) {
    const levels: Record<string, string> = {};
    for (const [code, level] of Object.entries(rules)) {
      if (typeof level === "string") {
        levels[code] = level;
      }
    }
    if (Object.keys(levels).length > 0) {
      settings.rules = levels;
    }
  }
  const tenant = definedEntries({
    key: nonEmptyString(config.get("tenant.key")),
    model: nonEmptyString(config.get("tenant.model")),
    globalModels: stringList(config.get("tenant.globalModels")),
  });
  if (tenant) {
    settings.tenant = tenant;
  }
  const softDelete = definedEntries({
    markers: stringList(config.get("softDelete.markers")),
    exemptModels: stringList(config.get("softDelete.exemptModels")),
  });
  if (softDelete) {
    settings.softDelete = softDelete;
  }
  return settings;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item) => typeof item === "string") : undefined;
}

/** The object without its undefined entries, or undefined when none is left. */
function definedEntries<T extends object>(entries: T): Partial<T> | undefined {
  const kept = Object.fromEntries(
    Object.entries(entries).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** The name of the server executable on this platform. */
export function executableName(platform: NodeJS.Platform = process.platform): string {
  return platform === "win32" ? "prisma-analyzer.exe" : "prisma-analyzer";
}

export interface ServerPathInputs {
  /** `prisma-analyzer.server.path` as the user set it ("" when unset; see `userSetting`). */
  configured: string | undefined;
  /** Whether the user trusts the workspace (`vscode.workspace.isTrusted`); default true. */
  workspaceTrusted?: boolean;
  /** The extension's install folder (its `server/` folder may hold a bundled binary). */
  extensionPath: string;
  /** The first workspace folder, against which a relative configured path is resolved. */
  workspaceFolder?: string;
  platform?: NodeJS.Platform;
  homeDir?: string;
  isFile?: (candidate: string) => boolean;
}

export interface ResolvedServer {
  command: string;
  /** Where the command came from, for the output channel. */
  source: "setting" | "bundled" | "PATH";
  /** Why the configured path was not used, if it was not. */
  refused?: string;
}

/**
 * The executable to start: the `server.path` setting if set (`~` and `${workspaceFolder}`
 * expanded, a relative path taken from the workspace folder), else the binary bundled in the
 * extension's `server/` folder if present, else `prisma-analyzer` looked up on PATH. In an
 * untrusted workspace a configured path inside the workspace (relative, or with
 * `${workspaceFolder}`) is not run: it would run a program the repository provides.
 */
export function resolveServerPath(inputs: ServerPathInputs): ResolvedServer {
  const isFile = inputs.isFile ?? defaultIsFile;
  const platform = inputs.platform ?? process.platform;
  const configured = inputs.configured?.trim();
  let refused: string | undefined;
  if (configured) {
    let expanded = configured;
    const inWorkspace = expanded.includes("${workspaceFolder}");
    if (inputs.workspaceFolder) {
      expanded = expanded.split("${workspaceFolder}").join(inputs.workspaceFolder);
    }
    if (expanded === "~" || expanded.startsWith("~/")) {
      expanded = path.join(inputs.homeDir ?? os.homedir(), expanded.slice(1));
    }
    // A bare name ("prisma-analyzer-dev") is a PATH lookup, as in a terminal.
    const isBareName = !expanded.includes("/") && !expanded.includes("\\");
    const relative = !isBareName && !path.isAbsolute(expanded);
    if (relative && inputs.workspaceFolder) {
      expanded = path.join(inputs.workspaceFolder, expanded);
    }
    if (inputs.workspaceTrusted === false && (inWorkspace || relative)) {
      refused = `\`${configured}\` is inside the workspace, which is not trusted`;
    } else {
      return { command: expanded, source: "setting" };
    }
  }
  const bundled = path.join(inputs.extensionPath, "server", executableName(platform));
  const fallback: ResolvedServer = isFile(bundled)
    ? { command: bundled, source: "bundled" }
    : { command: executableName(platform), source: "PATH" };
  return refused ? { ...fallback, refused } : fallback;
}

function defaultIsFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}

/** How the server is started: `prisma-analyzer lsp` over stdio, for running and debugging. */
export function serverExecutable(command: string): {
  command: string;
  args: string[];
  options: { env: NodeJS.ProcessEnv };
} {
  return { command, args: ["lsp"], options: { env: { ...process.env } } };
}

/** One item of a `workspace/configuration` request. */
export interface ConfigurationItem {
  section?: string;
  scopeUri?: string;
}

/**
 * The answer to a `workspace/configuration` request: our section built by
 * `serverSettings` (what VS Code would send raw has `null`s and client-only keys), any other
 * section as VS Code answers it (`answerOthers`).
 */
export async function answerConfiguration(
  items: ConfigurationItem[],
  ourSection: (scopeUri: string | undefined) => ServerSettings,
  answerOthers: (items: ConfigurationItem[]) => Promise<unknown[]>,
): Promise<unknown[]> {
  const answers: unknown[] = new Array(items.length).fill(null);
  const others: number[] = [];
  items.forEach((item, index) => {
    if (item.section === CONFIGURATION_SECTION) {
      answers[index] = ourSection(item.scopeUri);
    } else {
      others.push(index);
    }
  });
  if (others.length > 0) {
    const otherAnswers = await answerOthers(others.map((index) => items[index]));
    others.forEach((index, i) => {
      answers[index] = otherAnswers[i] ?? null;
    });
  }
  return answers;
}

/** Whether a settings change concerns the server's settings (it then pulls them again). */
export function affectsServerSettings(affects: (section: string) => boolean): boolean {
  return [
    "prismaVersion",
    "databaseUrl",
    "allowProjectDatabaseUrl",
    "rules",
    "tenant",
    "softDelete",
  ].some((key) =>
    affects(`${CONFIGURATION_SECTION}.${key}`),
  );
}
