; Keywords
["model" "view" "type" "enum" "datasource" "generator"] @keyword

; Declarations
(model_declaration name: (identifier) @type.definition)
(view_declaration name: (identifier) @type.definition)
(type_declaration name: (identifier) @type.definition)
(enum_declaration name: (identifier) @type.definition)
(datasource_declaration name: (identifier) @variable)
(generator_declaration name: (identifier) @variable)

(field_declaration name: (identifier) @property)
(enum_value name: (identifier) @constant)
(key_value key: (identifier) @property)

; Types
(field_type base: (identifier) @type)
((field_type base: (identifier) @type.builtin)
  (#any-of? @type.builtin "String" "Boolean" "Int" "BigInt" "Float" "Decimal" "DateTime" "Json" "Bytes"))
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
(function_call name: (identifier) @function)
(string) @string
(escape_sequence) @string.escape
(number) @number
(boolean) @boolean
(arguments (identifier) @constant)
(array (identifier) @variable.member)

; Comments
(comment) @comment
(block_comment) @comment
(doc_comment) @comment.documentation

; Punctuation
["(" ")" "[" "]" "{" "}"] @punctuation.bracket
["," ":" "."] @punctuation.delimiter
"=" @operator
