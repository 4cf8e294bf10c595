//! Navigation: definition, references, highlights and rename of what is under the cursor.

use super::{Backend, convert};
use crate::ide;
use std::collections::HashMap;
use tower_lsp_server::jsonrpc::Result as RpcResult;
use tower_lsp_server::ls_types::*;

pub(super) fn goto_definition(
    server: &Backend,
    params: GotoDefinitionParams,
) -> RpcResult<Option<GotoDefinitionResponse>> {
    let at = params.text_document_position_params;
    let Some(cursor) = server.cursor(&at.text_document.uri, at.position) else {
        return Ok(None);
    };
    let found = ide::definition(&cursor.snapshot.schema, cursor.file, cursor.offset)
        .and_then(|span| cursor.location(span, server.state.encoding()));
    Ok(found.map(GotoDefinitionResponse::Scalar))
}

pub(super) fn references(
    server: &Backend,
    params: ReferenceParams,
) -> RpcResult<Option<Vec<Location>>> {
    let at = params.text_document_position;
    let Some(cursor) = server.cursor(&at.text_document.uri, at.position) else {
        return Ok(None);
    };
    let encoding = server.state.encoding();
    let locations = ide::references(
        &cursor.snapshot.schema,
        cursor.file,
        cursor.offset,
        params.context.include_declaration,
    )
    .into_iter()
    .filter_map(|span| cursor.location(span, encoding))
    .collect();
    Ok(Some(locations))
}

pub(super) fn document_highlight(
    server: &Backend,
    params: DocumentHighlightParams,
) -> RpcResult<Option<Vec<DocumentHighlight>>> {
    let at = params.text_document_position_params;
    let Some(cursor) = server.cursor(&at.text_document.uri, at.position) else {
        return Ok(None);
    };
    let file = cursor.snapshot.schema.file(cursor.file);
    let encoding = server.state.encoding();
    let highlights = ide::highlights(&cursor.snapshot.schema, cursor.file, cursor.offset)
        .into_iter()
        .map(|(span, declaration)| DocumentHighlight {
            range: convert::range(file, span, encoding),
            kind: Some(if declaration {
                DocumentHighlightKind::WRITE
            } else {
                DocumentHighlightKind::READ
            }),
        })
        .collect();
    Ok(Some(highlights))
}

pub(super) fn prepare_rename(
    server: &Backend,
    params: TextDocumentPositionParams,
) -> RpcResult<Option<PrepareRenameResponse>> {
    let Some(cursor) = server.cursor(&params.text_document.uri, params.position) else {
        return Ok(None);
    };
    match ide::prepare_rename(&cursor.snapshot.schema, cursor.file, cursor.offset) {
        Ok(span) => {
            let file = cursor.snapshot.schema.file(span.file);
            Ok(Some(PrepareRenameResponse::Range(convert::range(
                file,
                span,
                server.state.encoding(),
            ))))
        }
        Err(message) => Err(tower_lsp_server::jsonrpc::Error::invalid_params(message)),
    }
}

pub(super) fn rename(server: &Backend, params: RenameParams) -> RpcResult<Option<WorkspaceEdit>> {
    let at = params.text_document_position;
    let Some(cursor) = server.cursor(&at.text_document.uri, at.position) else {
        return Ok(None);
    };
    let edits = ide::rename(
        &cursor.snapshot.schema,
        cursor.file,
        cursor.offset,
        &params.new_name,
    )
    .map_err(tower_lsp_server::jsonrpc::Error::invalid_params)?;
    let encoding = server.state.encoding();
    let uri_of = cursor.snapshot.uri_of();
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for edit in edits {
        let Some(uri) = uri_of.get(&edit.span.file.0) else {
            continue;
        };
        let file = cursor.snapshot.schema.file(edit.span.file);
        changes.entry(uri.clone()).or_default().push(TextEdit {
            range: convert::range(file, edit.span, encoding),
            new_text: edit.new_text,
        });
    }
    Ok(Some(WorkspaceEdit {
        changes: Some(changes),
        ..Default::default()
    }))
}
