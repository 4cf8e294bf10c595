//! Outline requests: document symbols, workspace symbols (over the schemas of the open
//! documents) and folding ranges.

use super::{Backend, convert};
use crate::ide;
use tower_lsp_server::jsonrpc::Result as RpcResult;
use tower_lsp_server::ls_types::*;

/// At most this many workspace symbols are returned (the editor filters further as the
/// user types, and sends a new query).
const WORKSPACE_SYMBOL_LIMIT: usize = 256;

pub(super) fn document_symbol(
    server: &Backend,
    params: DocumentSymbolParams,
) -> RpcResult<Option<DocumentSymbolResponse>> {
    let uri = params.text_document.uri;
    let Some((model, _)) = server.state.refresh(&uri, server.current_file_id(&uri)) else {
        return Ok(None);
    };
    let encoding = server.state.encoding();
    let symbols = ide::document_symbols(&model)
        .iter()
        .map(|symbol| convert::document_symbol(&model.source, symbol, encoding))
        .collect();
    Ok(Some(DocumentSymbolResponse::Nested(symbols)))
}

pub(super) fn symbol(
    server: &Backend,
    params: WorkspaceSymbolParams,
) -> RpcResult<Option<WorkspaceSymbolResponse>> {
    let uris: Vec<Uri> = server
        .state
        .documents
        .iter()
        .map(|d| d.key().clone())
        .collect();
    let encoding = server.state.encoding();
    let mut seen: std::collections::HashSet<Uri> = std::collections::HashSet::new();
    let mut found: Vec<(ide::WorkspaceSymbol, WorkspaceSymbol)> = Vec::new();
    for uri in uris {
        // Each schema once, whichever of its open files comes first.
        if seen.contains(&uri) {
            continue;
        }
        let Some(snapshot) = server.state.schema_for(&uri) else {
            continue;
        };
        seen.extend(snapshot.files.iter().map(|(file_uri, _)| file_uri.clone()));
        let uri_of = snapshot.uri_of();
        for symbol in
            ide::workspace_symbols(&snapshot.schema, &params.query, WORKSPACE_SYMBOL_LIMIT)
        {
            let Some(file_uri) = uri_of.get(&symbol.span.file.0) else {
                continue;
            };
            let file = snapshot.schema.file(symbol.span.file);
            let converted = convert::workspace_symbol(file, file_uri.clone(), &symbol, encoding);
            found.push((symbol, converted));
        }
    }
    // Open documents come in no particular order: equal ranks go by file and place.
    let place = |symbol: &WorkspaceSymbol| match &symbol.location {
        OneOf::Left(location) => (location.uri.as_str().to_string(), location.range.start),
        OneOf::Right(location) => (location.uri.as_str().to_string(), Position::default()),
    };
    found.sort_by(|a, b| {
        a.0.rank()
            .cmp(&b.0.rank())
            .then_with(|| place(&a.1).cmp(&place(&b.1)))
    });
    found.truncate(WORKSPACE_SYMBOL_LIMIT);
    Ok(Some(WorkspaceSymbolResponse::Nested(
        found.into_iter().map(|(_, symbol)| symbol).collect(),
    )))
}

pub(super) fn folding_range(
    server: &Backend,
    params: FoldingRangeParams,
) -> RpcResult<Option<Vec<FoldingRange>>> {
    let uri = params.text_document.uri;
    let Some((model, _)) = server.state.refresh(&uri, server.current_file_id(&uri)) else {
        return Ok(None);
    };
    Ok(Some(
        ide::folding_ranges(&model)
            .iter()
            .map(convert::folding_range)
            .collect(),
    ))
}
