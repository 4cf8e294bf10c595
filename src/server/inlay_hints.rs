//! Inlay hints.

use super::{Backend, convert};
use crate::ide;
use tower_lsp_server::jsonrpc::Result as RpcResult;
use tower_lsp_server::ls_types::*;

pub(super) fn inlay_hint(
    server: &Backend,
    params: InlayHintParams,
) -> RpcResult<Option<Vec<InlayHint>>> {
    let Some((snapshot, file_id)) = server.state.document_in_schema(&params.text_document.uri)
    else {
        return Ok(None);
    };
    let file = snapshot.schema.file(file_id);
    let encoding = server.state.encoding();
    let std::ops::Range { start, end } = convert::byte_range(file, params.range, encoding);
    Ok(Some(
        ide::inlay_hints(&snapshot.schema, file_id, start..end)
            .iter()
            .map(|hint| convert::inlay_hint(file, hint, encoding))
            .collect(),
    ))
}
