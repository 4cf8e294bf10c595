//! Completion.

use super::{Backend, convert};
use crate::ide;
use crate::model::FileId;
use tower_lsp_server::jsonrpc::Result as RpcResult;
use tower_lsp_server::ls_types::*;

pub(super) fn completion(
    server: &Backend,
    params: CompletionParams,
) -> RpcResult<Option<CompletionResponse>> {
    let position = params.text_document_position;
    let uri = position.text_document.uri;
    let Some(snapshot) = server.state.schema_for(&uri) else {
        return Ok(None);
    };
    let Some(index) = snapshot
        .files
        .iter()
        .position(|(file_uri, _)| file_uri == &uri)
    else {
        return Ok(None);
    };
    let file_id = FileId(index as u32);
    let source = snapshot.schema.file(file_id);
    let offset = convert::offset(source, position.position, server.state.encoding());
    let items = ide::complete(&snapshot.schema, file_id, offset)
        .iter()
        .map(convert::completion_item)
        .collect();
    Ok(Some(CompletionResponse::Array(items)))
}
