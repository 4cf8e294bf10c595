[
  (model_block)
  (enum_block)
  (config_block)
  (arguments)
  (array)
  (object)
] @fold
