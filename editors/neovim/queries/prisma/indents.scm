; nvim-treesitter indentation: one level inside blocks and brackets, back out on the line
; that closes them (`prisma format` indents by two spaces; ftplugin/prisma.lua sets that).
[
  (model_block)
  (enum_block)
  (config_block)
  (arguments)
  (array)
  (object)
] @indent.begin

["}" ")" "]"] @indent.branch @indent.end

[(comment) (block_comment) (doc_comment)] @indent.auto
