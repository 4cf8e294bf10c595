; Helix indents (book/src/guides/indent.md) for tree-sitter-prisma: one level inside block
; bodies and inside bracketed lists spread over several lines; the closing bracket goes
; back out.

[
  (model_block)
  (enum_block)
  (config_block)
  (arguments)
  (array)
  (object)
] @indent

["}" ")" "]"] @outdent
