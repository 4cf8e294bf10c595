// Formats schemas with Prisma's own formatter (the Prisma 7 engine's `format`).
// Input (stdin): a JSON array of schemas, each an array of [fileName, text] pairs.
// Output (stdout): a JSON array with, per schema, its formatted files as [fileName, text]
// pairs (in Prisma's order), or null when the formatter failed.
"use strict";
const engine = require("prisma-schema-wasm-7");

const params = JSON.stringify({
  textDocument: { uri: "file:/schema.prisma" },
  options: { tabSize: 2, insertSpaces: true },
});

function formatted(files) {
  try {
    // The JSON array form: the single-string form answers some inputs unchanged.
    return JSON.parse(engine.format(JSON.stringify(files), params));
  } catch (_) {
    return null;
  }
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const schemas = JSON.parse(input);
  process.stdout.write(JSON.stringify(schemas.map(formatted)));
});
