; Helix rainbow brackets (book/src/guides/rainbow_bracket_queries.md).

[
  (model_block)
  (enum_block)
  (config_block)
  (arguments)
  (array)
  (object)
  (unsupported_type)
] @rainbow.scope

["(" ")" "[" "]" "{" "}"] @rainbow.bracket
