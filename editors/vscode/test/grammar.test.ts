// The TextMate grammar, tokenized by vscode-textmate + vscode-oniguruma (the engine VS Code
// uses): sample lines must get the expected scopes.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as oniguruma from "vscode-oniguruma";
import * as textmate from "vscode-textmate";

const root = path.resolve(__dirname, "..", "..");
const grammarPath = path.join(root, "syntaxes", "prisma.tmLanguage.json");

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === "source.prisma"
        ? textmate.parseRawGrammar(fs.readFileSync(grammarPath, "utf8"), grammarPath)
        : null,
  });
  const grammar = await registry.loadGrammar("source.prisma");
  assert.ok(grammar, "the grammar loads");
  return grammar;
}

/** Each token of the text with its innermost scope, line by line. */
function tokenize(grammar: textmate.IGrammar, text: string): Array<[string, string[]]> {
  let stack = textmate.INITIAL;
  const out: Array<[string, string[]]> = [];
  for (const line of text.split("\n")) {
    const result = grammar.tokenizeLine(line, stack);
    for (const token of result.tokens) {
      const piece = line.slice(token.startIndex, token.endIndex);
      if (piece.trim() !== "") {
        out.push([piece, token.scopes]);
      }
    }
    stack = result.ruleStack;
  }
  return out;
}

/** The innermost scope of the first token whose text is `piece` (after `skip` earlier ones). */
function scopeOf(tokens: Array<[string, string[]]>, piece: string, skip = 0): string {
  const found = tokens.filter(([text]) => text === piece)[skip];
  assert.ok(found, `a token "${piece}" in ${JSON.stringify(tokens.map(([t]) => t))}`);
  return found[1][found[1].length - 1];
}

const SCHEMA = `/// A user of the app.
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["fullTextSearch"]
}

// Accounts
model User {
  id        Int      @id @default(autoincrement())
  email     String   @unique @db.VarChar(255)
  name      String?
  posts     Post[]
  createdAt DateTime @default(now())
  score     Float    @default(1.5)
  active    Boolean  @default(true)
  geom      Unsupported("geometry")?
  org       Org      @relation(fields: [orgId], references: [id], onDelete: Cascade)

  @@index([email(sort: Desc)])
  @@map("users")
}

enum Role {
  ADMIN
  USER @map("user")
}

modle Broken {
  id Int @id
}`;

test("the grammar gives each part of a schema its scope", async () => {
  const grammar = await loadGrammar();
  const tokens = tokenize(grammar, SCHEMA);
  const expect = (piece: string, scope: string, skip = 0) =>
    assert.equal(scopeOf(tokens, piece, skip), scope, `the scope of "${piece}" #${skip}`);

  expect("/// A user of the app.".slice(3), "comment.line.documentation.prisma");
  expect("// Accounts".slice(2), "comment.line.double-slash.prisma");
  expect("datasource", "keyword.other.datasource.prisma");
  expect("db", "entity.name.type.datasource.prisma");
  expect("generator", "keyword.other.generator.prisma");
  expect("provider", "variable.other.property.key.prisma");
  expect("=", "keyword.operator.assignment.prisma");
  expect("postgresql", "string.quoted.double.prisma");
  expect("env", "support.function.prisma");
  expect("DATABASE_URL", "string.quoted.double.prisma");
  expect("fullTextSearch", "string.quoted.double.prisma");
  expect("model", "keyword.other.model.prisma");
  expect("User", "entity.name.type.model.prisma");
  expect("id", "variable.other.property.field.prisma");
  expect("Int", "support.type.primitive.prisma");
  expect("id", "entity.name.function.attribute.field.prisma", 1);
  expect("default", "entity.name.function.attribute.field.prisma");
  expect("autoincrement", "support.function.prisma");
  expect("unique", "entity.name.function.attribute.field.prisma");
  expect("db", "entity.name.namespace.datasource.prisma", 1);
  expect("VarChar", "support.type.native.prisma");
  expect("255", "constant.numeric.prisma");
  expect("?", "keyword.operator.type.optional.prisma");
  expect("Post", "entity.name.type.reference.prisma");
  expect("[]", "keyword.operator.type.list.prisma");
  expect("now", "support.function.prisma");
  expect("1.5", "constant.numeric.prisma");
  expect("true", "constant.language.boolean.prisma");
  expect("Unsupported", "support.type.unsupported.prisma");
  expect("geometry", "string.quoted.double.prisma");
  expect("relation", "entity.name.function.attribute.field.prisma");
  expect("fields", "variable.parameter.named-argument.prisma");
  expect("orgId", "variable.other.prisma");
  expect("Cascade", "constant.other.prisma");
  expect("@@", "punctuation.definition.attribute.prisma");
  expect("index", "entity.name.function.attribute.block.prisma");
  expect("email", "support.function.prisma", 1);
  expect("Desc", "constant.other.prisma");
  expect("map", "entity.name.function.attribute.block.prisma");
  expect("enum", "keyword.other.enum.prisma");
  expect("Role", "entity.name.type.enum.prisma");
  expect("ADMIN", "variable.other.enummember.prisma");
  expect("map", "entity.name.function.attribute.field.prisma", 1);
  expect("modle", "invalid.illegal.keyword.prisma");
  expect("id", "variable.other.property.field.prisma", 3);
});

test("a block's closing brace ends it: the next block is read afresh", async () => {
  const grammar = await loadGrammar();
  const tokens = tokenize(grammar, "model A {\n  id Int @id\n}\nenum B {\n  X\n}");
  assert.equal(scopeOf(tokens, "enum"), "keyword.other.enum.prisma");
  assert.equal(scopeOf(tokens, "X"), "variable.other.enummember.prisma");
});

test("an attribute's arguments may span lines", async () => {
  const grammar = await loadGrammar();
  const tokens = tokenize(
    grammar,
    "model A {\n  b B @relation(fields: [bId],\n    references: [id])\n  c Int\n}",
  );
  assert.equal(scopeOf(tokens, "references"), "variable.parameter.named-argument.prisma");
  assert.equal(scopeOf(tokens, "c"), "variable.other.property.field.prisma");
});
