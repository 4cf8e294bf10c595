// Test doubles shared by the tests.

import { SettingsReader } from "../src/wiring";

/** VS Code's `getConfiguration("prisma-analyzer").get("tenant.key")` over nested values. */
export function fakeSettings(values: Record<string, unknown>): SettingsReader {
  return {
    get<T>(key: string): T | undefined {
      let value: unknown = values;
      for (const part of key.split(".")) {
        if (value === null || typeof value !== "object") {
          return undefined;
        }
        value = (value as Record<string, unknown>)[part];
      }
      return value as T | undefined;
    },
  };
}
