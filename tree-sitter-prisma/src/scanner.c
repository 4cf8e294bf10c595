// External scanner for tree-sitter-prisma (hand-written, not generated).
//
// Only recovery tokens live here; line breaks are an ordinary token of the grammar (see the
// comment at the top of grammar.js). None of these tokens occurs in a well-formed schema, so
// subtrees of valid text carry no external tokens and incremental re-parses stay cheap.
//
// IMPLICIT_BLOCK_END: where a block may close, a line that starts a new top-level block
// (`model X {`, `enum X {`, `datasource x {`, ...) closes the current one. The token is
// zero-width and becomes an `implicit_block_end` node, which the analyzer reports as a
// missing `}`. Without it, one unclosed block would absorb every later declaration.
//
// IMPLICIT_CLOSE: inside `(...)` or `[...]`, a following line that can only be a new field
// (`name Type`), a block attribute (`@@`), the end of the block (`}`) or the end of the file
// closes the bracket. A half-typed `@relation(fields: [` then costs one node, not the file.
//
// UNTERMINATED_STRING_END: a string literal cannot span lines; a line break inside one ends
// it, so the next line still parses.

#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <string.h>

enum TokenType { IMPLICIT_BLOCK_END, IMPLICIT_CLOSE, UNTERMINATED_STRING_END, ERROR_SENTINEL };

void *tree_sitter_prisma_external_scanner_create(void) { return NULL; }
void tree_sitter_prisma_external_scanner_destroy(void *payload) { (void)payload; }
unsigned tree_sitter_prisma_external_scanner_serialize(void *payload, char *buffer) {
  (void)payload;
  (void)buffer;
  return 0;
}
void tree_sitter_prisma_external_scanner_deserialize(void *payload, const char *buffer, unsigned length) {
  (void)payload;
  (void)buffer;
  (void)length;
}

static bool is_horizontal_space(int32_t c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == 0xFEFF; }
// `\n`, and `\r` alone or before `\n`: Prisma reads all three as line breaks.
static bool is_line_break(int32_t c) { return c == '\n' || c == '\r'; }
// ASCII identifier characters, and any non-ASCII character (identifiers may hold Unicode
// letters; this is only used to look ahead, so the approximation is safe).
static bool is_identifier_char(int32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         (c > 0x7F && c != 0xFEFF);
}

// Reads an identifier into `buffer` (truncated to its size); returns its full length.
static unsigned read_word(TSLexer *lexer, char *buffer, unsigned size) {
  unsigned length = 0;
  while (is_identifier_char(lexer->lookahead)) {
    if (length + 1 < size) buffer[length] = (char)lexer->lookahead;
    length++;
    lexer->advance(lexer, false);
  }
  buffer[length < size ? length : size - 1] = '\0';
  return length;
}

static bool is_block_keyword(const char *word) {
  static const char *const keywords[] = {"model", "enum", "type", "view", "datasource", "generator"};
  for (unsigned i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++) {
    if (strcmp(word, keywords[i]) == 0) return true;
  }
  return false;
}

// Looks ahead (without consuming) for `keyword Name {` on the current line.
static bool at_block_header(TSLexer *lexer) {
  char word[16];
  unsigned length = read_word(lexer, word, sizeof word);
  if (length == 0 || length >= sizeof word || !is_block_keyword(word)) return false;
  if (!is_horizontal_space(lexer->lookahead)) return false;
  while (is_horizontal_space(lexer->lookahead)) lexer->advance(lexer, false);
  char name[2];
  if (read_word(lexer, name, sizeof name) == 0) return false;
  while (is_horizontal_space(lexer->lookahead)) lexer->advance(lexer, false);
  return lexer->lookahead == '{';
}

// Looks ahead (without consuming) past the line break: does the next line start something
// that cannot continue an argument list or array?
static bool at_line_that_closes_brackets(TSLexer *lexer) {
  bool crossed_line = false;
  while (is_line_break(lexer->lookahead) || is_horizontal_space(lexer->lookahead)) {
    if (is_line_break(lexer->lookahead)) crossed_line = true;
    lexer->advance(lexer, false);
  }
  if (lexer->eof(lexer)) return true;
  if (!crossed_line) return false;
  if (lexer->lookahead == '}') return true;
  if (lexer->lookahead == '@') {
    lexer->advance(lexer, false);
    return lexer->lookahead == '@';
  }
  char word[2];
  if (read_word(lexer, word, sizeof word) == 0) return false;
  if (!is_horizontal_space(lexer->lookahead)) return false;
  while (is_horizontal_space(lexer->lookahead)) lexer->advance(lexer, false);
  return is_identifier_char(lexer->lookahead) || lexer->lookahead == '@';
}

bool tree_sitter_prisma_external_scanner_scan(void *payload, TSLexer *lexer, const bool *valid_symbols) {
  (void)payload;
  bool error_recovery = valid_symbols[ERROR_SENTINEL];

  if (error_recovery) return false;

  if (valid_symbols[UNTERMINATED_STRING_END]) {
    // Inside a string every character is content: only a line break (or the end of the
    // file) is ours, and the token is zero-width before it.
    if (is_line_break(lexer->lookahead) || lexer->eof(lexer)) {
      lexer->mark_end(lexer);
      lexer->result_symbol = UNTERMINATED_STRING_END;
      return true;
    }
    return false;
  }

  while (is_horizontal_space(lexer->lookahead)) lexer->advance(lexer, true);

  if (valid_symbols[IMPLICIT_CLOSE]) {
    lexer->mark_end(lexer);
    if (at_line_that_closes_brackets(lexer)) {
      lexer->result_symbol = IMPLICIT_CLOSE;
      return true;
    }
    return false;
  }

  if (valid_symbols[IMPLICIT_BLOCK_END]) {
    while (is_line_break(lexer->lookahead) || is_horizontal_space(lexer->lookahead)) lexer->advance(lexer, true);
    lexer->mark_end(lexer);
    if (lexer->eof(lexer) || at_block_header(lexer)) {
      lexer->result_symbol = IMPLICIT_BLOCK_END;
      return true;
    }
  }
  return false;
}
