//! Code actions: quick fixes of the diagnostics in range (reusing the worker's last analysis
//! when the files have not changed), SQL snippets, scaffolding and prisma.config.ts.

use super::settings;
use super::{Backend, convert};
use crate::analysis;
use crate::ide;
use crate::model::FileId;
use crate::workspace;
use std::sync::Arc;
use tower_lsp_server::jsonrpc::Result as RpcResult;
use tower_lsp_server::ls_types::*;

pub(super) fn code_action(
    server: &Backend,
    params: CodeActionParams,
) -> RpcResult<Option<CodeActionResponse>> {
    let uri = params.text_document.uri;
    let Some(snapshot) = server.state.schema_for(&uri) else {
        return Ok(None);
    };
    let Some((schema_key, _)) = snapshot.files.first() else {
        return Ok(None);
    };
    let file_id = FileId(
        snapshot
            .files
            .iter()
            .position(|(file_uri, _)| *file_uri == uri)
            .unwrap_or(0) as u32,
    );
    let options = settings::schema_options(&server.state, schema_key).options;
    let reused = server
        .state
        .last_analysis
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(schema_key)
        .filter(|last| last.files == snapshot.files && last.options == options)
        .map(|last| Arc::new(last.diagnostics()));
    let diagnostics = match reused {
        Some(diagnostics) => diagnostics,
        None => Arc::new(analysis::check_with(&snapshot.schema, options.clone())),
    };
    let encoding = server.state.encoding();
    let file = snapshot.schema.file(file_id);
    let at = crate::model::Span::new(file_id, convert::byte_range(file, params.range, encoding));
    // Only a URL in a Prisma 7 datasource needs to know (from the disk) whether the
    // project has a prisma.config.ts.
    let moves_urls = diagnostics
        .iter()
        .any(|d| d.code == analysis::codes::VERSION_DATASOURCE_URL);
    let schema_paths: Vec<std::path::PathBuf> = snapshot
        .files
        .iter()
        .filter(|_| moves_urls)
        .filter_map(|(file_uri, _)| file_uri.to_file_path())
        .map(|path| path.into_owned())
        .collect();
    let new_config = workspace::new_prisma_config(&schema_paths)
        .map(|(path, schema_path)| ide::NewPrismaConfig { path, schema_path });
    // The diagnostics the client names (matched by range and message), so their fixes
    // are offered wherever the cursor is.
    let named: Vec<usize> = params
        .context
        .diagnostics
        .iter()
        .filter_map(|named| {
            let span =
                crate::model::Span::new(file_id, convert::byte_range(file, named.range, encoding));
            diagnostics
                .iter()
                .position(|ours| ours.span == span && ours.message == named.message)
        })
        .collect();
    let actions = ide::code_actions(
        &snapshot.schema,
        &options,
        &diagnostics,
        ide::ActionRequest {
            at,
            named_diagnostics: &named,
            new_config: new_config.as_ref(),
        },
    );
    let only = params.context.only.unwrap_or_default();
    let uri_of = snapshot.uri_of();
    let creates_files = server.state.creates_files.get() == Some(&true);
    let response: CodeActionResponse = actions
        .iter()
        .filter_map(|action| {
            let kind = convert::action_kind(action.kind);
            let wanted = only.is_empty()
                || only.iter().any(|prefix| {
                    kind.as_str() == prefix.as_str()
                        || kind.as_str().starts_with(&format!("{}.", prefix.as_str()))
                });
            if !wanted || (action.new_file.is_some() && !creates_files) {
                return None;
            }
            let diagnostic = action.diagnostic.and_then(|index| diagnostics.get(index));
            convert::code_action(&snapshot.schema, action, diagnostic, &uri_of, encoding)
                .map(CodeActionOrCommand::CodeAction)
        })
        .collect();
    Ok(Some(response))
}
