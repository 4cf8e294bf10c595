// Validates schemas with Prisma's own validators (the Prisma 6 and Prisma 7 engines).
// Input (stdin): a JSON array of schemas, each an array of [fileName, text] pairs.
// Output (stdout): a JSON array with, per schema, {"6": verdict, "7": verdict}, where a
// verdict is {"valid": bool, "errors": [{"file": name, "line": n, "message": text}]}.
"use strict";
const engines = {
  6: require("prisma-schema-wasm-6"),
  7: require("prisma-schema-wasm-7"),
};

function verdict(engine, files) {
  try {
    engine.validate(JSON.stringify({ prismaSchema: files, noColor: true }));
    return { valid: true, errors: [] };
  } catch (error) {
    const text = String((error && error.message) || error);
    let message = text;
    try {
      message = JSON.parse(text).message || text;
    } catch (_) {}
    const errors = [];
    let current = null;
    for (const line of message.split("\n")) {
      const headline = /^error: (.*)$/.exec(line);
      if (headline) {
        current = { file: null, line: null, message: headline[1] };
        errors.push(current);
        continue;
      }
      const location = /^\s*-->\s+(.*):(\d+)\s*$/.exec(line);
      if (location && current && current.line === null) {
        current.file = location[1];
        current.line = Number(location[2]);
      }
    }
    return { valid: false, errors };
  }
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const schemas = JSON.parse(input);
  const results = schemas.map((files) => ({
    6: verdict(engines[6], files),
    7: verdict(engines[7], files),
  }));
  process.stdout.write(JSON.stringify(results));
});
