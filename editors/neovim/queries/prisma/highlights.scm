; Prisma highlights for Neovim (nvim-treesitter capture names), for the grammar in
; tree-sitter-prisma/ of prisma-analyzer. Later patterns win over earlier ones, so the
; general captures come first and the specific ones after them.

; Keywords
["model" "view" "type" "enum" "datasource" "generator"] @keyword

; Declarations
(model_declaration name: (identifier) @type.definition)
(view_declaration name: (identifier) @type.definition)
(type_declaration name: (identifier) @type.definition)
(enum_declaration name: (identifier) @type.definition)
(datasource_declaration name: (identifier) @module)
(generator_declaration name: (identifier) @module)

(field_declaration name: (identifier) @variable.member)
(enum_value name: (identifier) @constant)
(key_value key: (identifier) @property)

; Types
(field_type base: (identifier) @type)
((field_type base: (identifier) @type.builtin)
  (#any-of? @type.builtin
    "String" "Boolean" "Int" "BigInt" "Float" "Decimal" "DateTime" "Json" "Bytes"))
(unsupported_type name: (identifier) @type.builtin)
[(list_modifier) (optional_modifier) (required_modifier)] @punctuation.special

; Attributes: `@id`, `@@index`, `@db.VarChar`
(field_attribute "@" @attribute)
(block_attribute "@@" @attribute)
(attribute_name (identifier) @attribute)
(attribute_name "." @attribute)

; Arguments and values
(named_argument name: (identifier) @variable.parameter)
(object_entry key: (identifier) @property)
; Bare words as values: `onDelete: Cascade`, `@default(ADMIN)`, `sort: Desc`
(arguments (identifier) @constant)
(named_argument value: (identifier) @constant)
(key_value value: (identifier) @constant)
; Field lists: `fields: [authorId]`, `@@index([address.city])`
(array (identifier) @variable.member)
(array (path (identifier) @variable.member))
(function_call name: (identifier) @function.call)
(function_call name: (path (identifier) @function.call))
(string) @string
(escape_sequence) @string.escape
(number) @number
(boolean) @boolean

; Comments
[(comment) (block_comment)] @comment @spell
(doc_comment) @comment.documentation @spell

; Punctuation
["(" ")" "[" "]" "{" "}"] @punctuation.bracket
["," ":"] @punctuation.delimiter
(path "." @punctuation.delimiter)
"=" @operator
