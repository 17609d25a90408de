-- Neovim 0.7's built-in LSP client against session-clangd, as a user has it
-- on the first day: a headless run that opens one file,
-- attaches session-clangd, waits for the file's diagnostics and writes what
-- the editor received (each diagnostic's position, source, code, doc link
-- and message; every window/showMessage) to the file named by $NVIM_LSP_OUT.
--
-- Usage: SESSION_CLANGD=... NVIM_LSP_OUT=... nvim --headless --clean \
--          -u neovim_client.lua FILE
local out_path = os.getenv('NVIM_LSP_OUT')
local lines = {}
local published = false
local messages = 0

local function record(line) table.insert(lines, line) end

local handlers = {
  ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    if result.uri ~= vim.uri_from_bufnr(0) then return end
    local diagnostics = result.diagnostics
    table.sort(diagnostics, function(a, b)
      return a.range.start.line < b.range.start.line
    end)
    for _, d in ipairs(diagnostics) do
      local href = d.codeDescription and d.codeDescription.href or '-'
      record(string.format('diagnostic %d:%d %s %s %s: %s',
        d.range.start.line + 1, d.range.start.character + 1,
        d.source or '?', tostring(d.code), href,
        vim.split(d.message, '\n')[1]))
    end
    published = true
    -- The editor shows them as usual.
    vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
  end,
  ['window/showMessage'] = function(err, result, ctx, config)
    record(string.format('showMessage type=%d: %s', result.type,
                         result.message))
    messages = messages + 1
  end,
}

local function run()
  local file = vim.api.nvim_buf_get_name(0)
  local client = vim.lsp.start_client({
    name = 'session-clangd',
    cmd = { os.getenv('SESSION_CLANGD'), '--log=error', '-j=1',
            '--pch-storage=memory' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    handlers = handlers,
  })
  vim.lsp.buf_attach_client(0, client)
  local ok = vim.wait(120000, function() return published end, 100)
  if not ok then record('error: no diagnostics within 120 s') end
  -- A message sent before the diagnostics has arrived with them.
  vim.wait(500, function() return false end, 100)
  record(string.format('%d diagnostics shown in the buffer',
                       #vim.diagnostic.get(0)))
  vim.lsp.stop_client(client)
end

-- Whatever happens, the output is written and Neovim exits: a test that
-- fails must not hang.
vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  local ok, err = pcall(run)
  if not ok then record('error: ' .. tostring(err)) end
  local f = io.open(out_path, 'w')
  f:write(table.concat(lines, '\n') .. '\n')
  f:close()
  vim.cmd('qa!')
end })
