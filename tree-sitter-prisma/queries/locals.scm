; Each model-like block is a scope whose fields are definitions.
(model_block) @local.scope
(enum_block) @local.scope

(model_declaration name: (identifier) @local.definition.type)
(view_declaration name: (identifier) @local.definition.type)
(type_declaration name: (identifier) @local.definition.type)
(enum_declaration name: (identifier) @local.definition.enum)
(field_declaration name: (identifier) @local.definition.field)
(enum_value name: (identifier) @local.definition.constant)

(field_type base: (identifier) @local.reference)
(array (identifier) @local.reference)
