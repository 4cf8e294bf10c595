; Helix textobjects (book/src/guides/textobject.md) for tree-sitter-prisma.
; `mat`/`mit` (class): a block (model, view, type, enum, datasource, generator) and its body;
; `mae`/`mie` (entry): a field, enum value, property or block attribute, or a list element;
; `maa`/`mia` (parameter): one argument of an attribute or function call;
; `mac`/`mic` (comment). The same captures drive `]t`, `]e`, `]a`, `]c` navigation.

(model_declaration body: (model_block) @class.inside) @class.around
(view_declaration body: (model_block) @class.inside) @class.around
(type_declaration body: (model_block) @class.inside) @class.around
(enum_declaration body: (enum_block) @class.inside) @class.around
(datasource_declaration body: (config_block) @class.inside) @class.around
(generator_declaration body: (config_block) @class.inside) @class.around

; Entries: one line of a block. Inside a field: its type and attributes, without the name
; (Helix joins the nodes of one capture in a match into one range).
(field_declaration
  type: (_)? @entry.inside
  attribute: (_)* @entry.inside) @entry.around
(enum_value) @entry.around
(key_value value: (_) @entry.inside) @entry.around
(block_attribute arguments: (arguments) @entry.inside) @entry.around
(array (_) @entry.around)
(object (object_entry value: (_) @entry.inside) @entry.around)

; Arguments: the argument, and with `around` its trailing comma.
(arguments
  ((_) @parameter.inside . ","? @parameter.around) @parameter.around)

; Comments: one, or a run of consecutive ones (`///` docs above a field).
[(comment) (doc_comment) (block_comment)] @comment.inside
[(comment) (doc_comment)]+ @comment.around
(block_comment) @comment.around
