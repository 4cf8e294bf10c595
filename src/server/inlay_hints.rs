//! Inlay hints.

use super::{Backend, convert};
use crate::ide;
use tower_lsp_server::jsonrpc::Result as RpcResult;
use tower_lsp_server::ls_types::*;

pub(super) fn inlay_hint(
    server: &Backend,
    params: InlayHintParams,
) -> RpcResult<Option<Vec<InlayHint>>> {
    let Some((snapshot, file_id, std::ops::Range { start, end })) = server
        .state
        .document_range(&params.text_document.uri, params.range)
    else {
        return Ok(None);
    };
    let file = snapshot.schema.file(file_id);
    let encoding = server.state.encoding();
    Ok(Some(
        ide::inlay_hints(&snapshot.schema, file_id, start..end)
            .iter()
            .map(|hint| convert::inlay_hint(file, hint, encoding))
            .collect(),
    ))
}
