-- `*.prisma` files are Prisma schemas. Recent Neovim releases know this already; saying it
-- again keeps older 0.11 builds and custom filetype setups right.
vim.filetype.add({ extension = { prisma = 'prisma' } })
