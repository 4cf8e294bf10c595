-- Prisma comments: `//` for code (what `gc` writes), `///` for documentation comments that
-- the server shows on hover. Neovim's own runtime sets the same; this keeps it when that
-- file is missing or was overridden.
vim.bo.commentstring = '// %s'
vim.bo.comments = ':///,://'
-- `prisma format` indents with two spaces.
vim.bo.expandtab = true
vim.bo.shiftwidth = 2
vim.bo.softtabstop = 2
