; Capture names are those of tree-sitter's highlight themes (`tree-sitter highlight`), with
; suffixes an editor may style more precisely and otherwise falls back from
; (`type.definition` → `type`, `constant.builtin.boolean` → `constant.builtin`); Neovim
; knows them all. No two patterns capture the same node: editors, and versions of them,
; differ on which of two such patterns wins.

; Keywords
["model" "view" "type" "enum" "datasource" "generator"] @keyword

; Declarations
(model_declaration name: (identifier) @type.definition)
(view_declaration name: (identifier) @type.definition)
(type_declaration name: (identifier) @type.definition)
(enum_declaration name: (identifier) @type.definition)
; The datasource's name is the namespace of its native types (`@db.VarChar`).
(datasource_declaration name: (identifier) @module)
(generator_declaration name: (identifier) @variable)

(field_declaration name: (identifier) @property)
(enum_value name: (identifier) @constant)
(key_value key: (identifier) @property)

; Types
((field_type base: (identifier) @type.builtin)
  (#any-of? @type.builtin "String" "Boolean" "Int" "BigInt" "Float" "Decimal" "DateTime" "Json" "Bytes"))
((field_type base: (identifier) @type)
  (#not-any-of? @type "String" "Boolean" "Int" "BigInt" "Float" "Decimal" "DateTime" "Json" "Bytes"))
(unsupported_type name: (identifier) @type.builtin)
(list_modifier) @punctuation.special
(optional_modifier) @punctuation.special
(required_modifier) @punctuation.special

; Attributes
(field_attribute "@" @attribute name: (attribute_name) @attribute)
(block_attribute "@@" @attribute name: (attribute_name) @attribute)

; Arguments and values
(named_argument name: (identifier) @variable.parameter)
(object_entry key: (identifier) @property)
; Prisma has no user-defined functions: `now()`, `uuid()`, `env("X")` are all built in. In a
; list, a call is a field with arguments (`@@index([title(ops: raw("gin_trgm_ops"))])`).
(arguments (function_call name: (identifier) @function.builtin))
(named_argument value: (function_call name: (identifier) @function.builtin))
(key_value value: (function_call name: (identifier) @function.builtin))
(object_entry value: (function_call name: (identifier) @function.builtin))
(array (function_call name: (identifier) @property))
(array (function_call name: (path (identifier) @property)))
(string) @string
(escape_sequence) @string.escape
(number) @number
(boolean) @constant.builtin.boolean
; A bare name as a value: an enum value (`@default(USER)`), a referential action
; (`onDelete: Cascade`), a sort order (`sort: Desc`).
(arguments (identifier) @constant)
(named_argument value: (identifier) @constant)
(key_value value: (identifier) @constant)
; Field lists: `fields: [authorId]`, `@@index([address.city])`.
(array (identifier) @property)
(array (path (identifier) @property))

; Comments
(comment) @comment
(block_comment) @comment
(doc_comment) @comment.documentation

; Punctuation
["(" ")" "[" "]" "{" "}"] @punctuation.bracket
["," ":" "."] @punctuation.delimiter
"=" @operator
