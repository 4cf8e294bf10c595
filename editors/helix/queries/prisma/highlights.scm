; Helix highlights for the tree-sitter-prisma grammar of prisma-analyzer.
; Capture names are Helix theme scopes (book/src/themes.md). No two patterns capture the
; same node: Helix 25.01 let the first matching pattern win, Helix 25.07 the last, so
; overlapping patterns would colour differently across versions.

; Keywords: the four that declare a type, and the two configuration blocks.
["model" "view" "type" "enum"] @keyword.storage.type
["datasource" "generator"] @keyword

; Declarations
(model_declaration name: (identifier) @type)
(view_declaration name: (identifier) @type)
(type_declaration name: (identifier) @type)
(enum_declaration name: (identifier) @type.enum)
; The datasource's name is the namespace of native types (`@db.VarChar`).
(datasource_declaration name: (identifier) @namespace)
(generator_declaration name: (identifier) @variable)

(field_declaration name: (identifier) @variable.other.member)
(enum_value name: (identifier) @type.enum.variant)
(key_value key: (identifier) @variable.other.member)

; Field types: Prisma's scalars are built in, everything else is a model, enum or type.
((field_type base: (identifier) @type.builtin)
  (#any-of? @type.builtin "String" "Boolean" "Int" "BigInt" "Float" "Decimal" "DateTime" "Json" "Bytes"))
((field_type base: (identifier) @type)
  (#not-any-of? @type "String" "Boolean" "Int" "BigInt" "Float" "Decimal" "DateTime" "Json" "Bytes"))
(unsupported_type name: (identifier) @type.builtin)
(optional_modifier) @operator
(required_modifier) @operator

; Attributes: `@id`, `@@index`, `@db.VarChar` (the dots included).
(field_attribute "@" @attribute)
(block_attribute "@@" @attribute)
(attribute_name (identifier) @attribute)
(attribute_name "." @attribute)

; Arguments and values
(named_argument name: (identifier) @variable.parameter)
; A bare name as a value: an enum value (`@default(USER)`), a referential action
; (`onDelete: Cascade`), a sort order (`sort: Desc`).
(arguments (identifier) @constant)
(named_argument value: (identifier) @constant)
(key_value value: (identifier) @constant)
; Field lists: `fields: [authorId]`, `@@index([address.city])`.
(array (identifier) @variable.other.member)
(array (path (identifier) @variable.other.member))
(path "." @punctuation.delimiter)
(object_entry key: (identifier) @variable.other.member)
; Prisma has no user-defined functions: `now()`, `uuid()`, `env("X")` are all built in. In a
; list, a call is a field with arguments (`@@index([title(ops: raw("gin_trgm_ops"))])`).
(arguments (function_call name: (identifier) @function.builtin))
(named_argument value: (function_call name: (identifier) @function.builtin))
(key_value value: (function_call name: (identifier) @function.builtin))
(object_entry value: (function_call name: (identifier) @function.builtin))
(array (function_call name: (identifier) @variable.other.member))
(array (function_call name: (path (identifier) @variable.other.member)))
(string) @string
(escape_sequence) @constant.character.escape
(number) @constant.numeric
(boolean) @constant.builtin.boolean

; Comments
(comment) @comment.line
(doc_comment) @comment.line.documentation
(block_comment) @comment.block

; Punctuation
["(" ")" "[" "]" "{" "}"] @punctuation.bracket
["," ":"] @punctuation.delimiter
"=" @operator
