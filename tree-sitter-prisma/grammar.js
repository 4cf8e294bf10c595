/**
 * Tree-sitter grammar for the Prisma Schema Language.
 *
 * Newlines end fields, enum values and key/value pairs, but are plain whitespace inside
 * brackets: `_newline` is an ordinary token, and tree-sitter's lexer only produces it where
 * the parser can accept it (after a declaration), skipping line breaks as whitespace
 * elsewhere. The last declaration before `}` or the end of the file needs none, so two
 * declarations on one line also parse; the analyzer reports that. (`_newline` was an
 * external token once: tree-sitter then walks every reused subtree for its last external
 * token, which made incremental re-parses five times slower.)
 *
 * The external scanner (src/scanner.c) only emits recovery tokens: `implicit_block_end`
 * when an unclosed block is followed by a new top-level declaration, `implicit_close` for
 * an unclosed bracket, `unterminated_string_end` for a string cut by a line break.
 */

const commaSeparated = (rule) =>
  optional(seq(rule, repeat(seq(',', rule)), optional(',')));

export default grammar({
  name: 'prisma',

  word: $ => $.identifier,

  extras: $ => [/\s/, $.comment, $.doc_comment, $.block_comment],

  externals: $ => [
    $.implicit_block_end,
    $.implicit_close,
    $.unterminated_string_end,
    $._error_sentinel,
  ],

  rules: {
    source_file: $ => repeat($._declaration),

    _declaration: $ => choice(
      $.model_declaration,
      $.view_declaration,
      $.type_declaration,
      $.enum_declaration,
      $.datasource_declaration,
      $.generator_declaration,
      $.invalid_declaration,
    ),

    // `Todo {…}` or `modle User {…}`: a block with an unknown keyword. Parsed as a block (and
    // reported by the analyzer) so one typo does not turn the rest of the file into an error.
    invalid_declaration: $ => seq(
      field('keyword', $.identifier),
      optional(field('name', $.identifier)),
      field('body', $.model_block),
    ),

    model_declaration: $ => seq('model', field('name', $.identifier), field('body', $.model_block)),
    view_declaration: $ => seq('view', field('name', $.identifier), field('body', $.model_block)),
    type_declaration: $ => seq('type', field('name', $.identifier), field('body', $.model_block)),
    enum_declaration: $ => seq('enum', field('name', $.identifier), field('body', $.enum_block)),
    datasource_declaration: $ => seq('datasource', field('name', $.identifier), field('body', $.config_block)),
    generator_declaration: $ => seq('generator', field('name', $.identifier), field('body', $.config_block)),

    // A line break ends a field, an enum value or a property; it is an ordinary token, valid
    // only where a declaration may end (elsewhere, line breaks are whitespace). The last
    // declaration before `}` or the end of the file needs none.
    // `\n`, `\r\n` or a lone `\r`, as Prisma's grammar reads line breaks.
    _newline: $ => token(prec(1, /\r\n|\r|\n/)),

    model_block: $ => seq('{', repeat(choice($.field_declaration, $.block_attribute)), $._block_end),
    enum_block: $ => seq('{', repeat(choice($.enum_value, $.block_attribute)), $._block_end),
    config_block: $ => seq('{', repeat($.key_value), $._block_end),

    _block_end: $ => choice('}', $.implicit_block_end),

    // The type is optional so that a half-typed field (`  email`) still yields a field node:
    // the model layer reports it with a precise message and completion knows where it is.
    field_declaration: $ => prec.right(seq(
      field('name', $.identifier),
      optional(field('type', $.field_type)),
      repeat(field('attribute', $.field_attribute)),
      optional($._newline),
    )),

    field_type: $ => seq(
      field('base', choice($.identifier, $.unsupported_type)),
      repeat(choice($.list_modifier, $.optional_modifier, $.required_modifier)),
    ),
    unsupported_type: $ => seq(
      field('name', $.identifier),
      '(',
      field('argument', $.string),
      choice(')', $.implicit_close),
    ),
    list_modifier: $ => seq('[', ']'),
    optional_modifier: $ => '?',
    // `Type!` was accepted by very old Prisma versions; parsed so it can be reported clearly.
    required_modifier: $ => '!',

    enum_value: $ => prec.right(seq(
      field('name', $.identifier),
      repeat(field('attribute', $.field_attribute)),
      optional($._newline),
    )),

    key_value: $ => prec.right(seq(
      field('key', $.identifier),
      '=',
      optional(field('value', $._expression)),
      optional($._newline),
    )),

    // The name is optional (and must follow `@` directly) so that a lone `@` typed at the end
    // of a line is an attribute without a name, not the start of the next line's field.
    field_attribute: $ => seq('@', optional(field('name', $.attribute_name)), optional(field('arguments', $.arguments))),
    block_attribute: $ => seq('@@', optional(field('name', $.attribute_name)), optional(field('arguments', $.arguments))),
    attribute_name: $ => seq(
      alias($._attribute_name_part, $.identifier),
      repeat(seq(token.immediate('.'), optional(alias($._attribute_name_part, $.identifier)))),
    ),
    _attribute_name_part: $ => token.immediate(/[\p{L}_][\p{L}\p{N}_-]*/),

    arguments: $ => seq('(', commaSeparated($._argument), choice(')', $.implicit_close)),
    _argument: $ => choice($.named_argument, $._expression),
    // The value is optional so that `fields: ` while typing is not a syntax error node.
    named_argument: $ => seq(field('name', $.identifier), ':', optional(field('value', $._expression))),

    _expression: $ => choice(
      $.function_call,
      $.array,
      $.object,
      $.string,
      $.number,
      $.boolean,
      $.identifier,
      $.path,
    ),

    // `address.number`: a field of a composite type, in index field lists.
    path: $ => seq($.identifier, repeat1(seq(token.immediate('.'), $.identifier))),

    function_call: $ => seq(field('name', choice($.identifier, $.path)), field('arguments', $.arguments)),
    array: $ => seq('[', commaSeparated($._expression), choice(']', $.implicit_close)),
    object: $ => seq('{', commaSeparated($.object_entry), '}'),
    object_entry: $ => seq(
      field('key', choice($.identifier, $.string)),
      ':',
      field('value', $._expression),
    ),

    string: $ => seq(
      '"',
      repeat(choice(token.immediate(prec(1, /[^"\\\n\r]+/)), $.escape_sequence)),
      choice(token.immediate('"'), $.unterminated_string_end),
    ),
    escape_sequence: $ => token.immediate(seq('\\', choice(/u[0-9a-fA-F]{4}/, /[^\n\r]/))),

    number: $ => token(prec(1, /-?\d+(\.\d+)?([eE][+-]?\d+)?/)),
    boolean: $ => choice('true', 'false'),

    // Prisma identifiers are Unicode letters, digits, `_` and `-`, and may start with a digit
    // (enum values such as `1080p`); a bare number stays a number because the number token
    // has the higher precedence.
    identifier: $ => /[\p{L}_][\p{L}\p{N}_-]*|[0-9]+[\p{L}_][\p{L}\p{N}_-]*/,

    doc_comment: $ => token(seq('///', /[^\n\r]*/)),
    comment: $ => token(prec(-1, seq('//', /[^\n\r]*/))),
    block_comment: $ => token(seq('/*', /[^*]*\*+([^/*][^*]*\*+)*/, '/')),
  },
});
