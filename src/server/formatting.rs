//! Formatting: the whole file, or each block a range touches.

use super::{Backend, convert};
use crate::ide;
use tower_lsp_server::jsonrpc::Result as RpcResult;
use tower_lsp_server::ls_types::*;

pub(super) fn formatting(
    server: &Backend,
    params: DocumentFormattingParams,
) -> RpcResult<Option<Vec<TextEdit>>> {
    let Some((snapshot, file_id)) = server.state.document_in_schema(&params.text_document.uri)
    else {
        return Ok(None);
    };
    let file = snapshot.schema.file(file_id);
    // Refused: a block or comment is never closed (formatting would guess its shape), or
    // the layout would change how the file's syntax errors read.
    let Ok(formatted) = ide::format_file(&snapshot.schema, file_id) else {
        return Ok(None);
    };
    if formatted == file.text {
        return Ok(Some(Vec::new()));
    }
    let whole = crate::model::Span::new(file_id, 0..file.text.len());
    Ok(Some(vec![TextEdit {
        range: convert::range(file, whole, server.state.encoding()),
        new_text: formatted,
    }]))
}

pub(super) fn range_formatting(
    server: &Backend,
    params: DocumentRangeFormattingParams,
) -> RpcResult<Option<Vec<TextEdit>>> {
    let Some((snapshot, file_id, std::ops::Range { start, end })) = server
        .state
        .document_range(&params.text_document.uri, params.range)
    else {
        return Ok(None);
    };
    let file = snapshot.schema.file(file_id);
    let encoding = server.state.encoding();
    // Every block the range touches, each formatted on its own.
    let mut edits = Vec::new();
    for block in &snapshot.schema.file_model(file_id).blocks {
        let (block_start, block_end) = (block.span.start as usize, block.span.end as usize);
        if block_end < start || end < block_start {
            continue;
        }
        let Some((range, text)) = ide::format_block(&snapshot.schema, file_id, block_start) else {
            continue;
        };
        if file.text.get(range.clone()) == Some(text.as_str()) {
            continue;
        }
        let span = crate::model::Span::new(file_id, range);
        edits.push(TextEdit {
            range: convert::range(file, span, encoding),
            new_text: text,
        });
    }
    Ok(Some(edits))
}
