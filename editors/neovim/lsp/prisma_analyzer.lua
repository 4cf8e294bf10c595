-- prisma-analyzer for Neovim 0.11+: `vim.lsp.enable('prisma_analyzer')` finds this file on
-- 'runtimepath' (as `lsp/prisma_analyzer.lua`) and uses the table it returns.
-- Every feature lives in the server; this only says how to start it and where.
---@type vim.lsp.Config
return {
  cmd = { 'prisma-analyzer', 'lsp' },
  filetypes = { 'prisma' },
  -- The nearest folder holding one of these is the workspace root. The server finds a
  -- schema's other files and its `prisma-analyzer.toml` from the file itself, so the root
  -- only matters for workspace-wide requests (workspace symbols).
  root_markers = { 'prisma-analyzer.toml', 'package.json', '.git', 'schema.prisma' },
  -- Answered to the server's `workspace/configuration` request (section `prisma-analyzer`).
  -- Keys as in `prisma-analyzer.toml`, in camel case; a `prisma-analyzer.toml` above the
  -- schema overrides them. Examples:
  --   prismaVersion = '7',                       -- '6', '7' or 'any'
  --   databaseUrl = 'env',                       -- a live PostgreSQL, read-only (off by default)
  --   allowProjectDatabaseUrl = true,            -- let a project's prisma-analyzer.toml name it
  --                                              -- (keep this in your own config, not a project's)
  --   rules = { ['index/redundant'] = 'off', tenant = 'error' }, -- code or group: 'off'|'hint'|'info'|'warning'|'error'
  --   tenant = { key = 'tenantId', model = 'Tenant', globalModels = { 'Plan' } },
  --   softDelete = { markers = { 'deletedAt' }, exemptModels = { 'AuditLog' } },
  settings = {
    ['prisma-analyzer'] = {},
  },
}
