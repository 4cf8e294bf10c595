; Each block folds from its declaration line; long argument lists, arrays and objects
; (a multi-line `@@index([...])`) fold too.
[
  (model_declaration)
  (view_declaration)
  (type_declaration)
  (enum_declaration)
  (datasource_declaration)
  (generator_declaration)
  (invalid_declaration)
  (arguments)
  (array)
  (object)
] @fold
