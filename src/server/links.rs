//! Document links: `env("…")` names to their line in the project's `.env`.

use super::{Backend, convert};
use crate::ide;
use crate::workspace;
use tower_lsp_server::jsonrpc::Result as RpcResult;
use tower_lsp_server::ls_types::*;

pub(super) fn document_link(
    server: &Backend,
    params: DocumentLinkParams,
) -> RpcResult<Option<Vec<DocumentLink>>> {
    let uri = params.text_document.uri;
    let Some((model, _)) = server.state.refresh(&uri, server.current_file_id(&uri)) else {
        return Ok(None);
    };
    // No `.env` (or a document that is not a file): no links.
    let dotenv = uri
        .to_file_path()
        .and_then(|path| workspace::find_dotenv(&path))
        .and_then(|path| {
            let text = workspace::read_text_file(&path, workspace::MAX_PROJECT_FILE_BYTES);
            Some((text.ok()?, path))
        });
    let Some((dotenv_text, dotenv_path)) = dotenv else {
        return Ok(Some(Vec::new()));
    };
    let encoding = server.state.encoding();
    Ok(Some(
        ide::env_links(&model, &dotenv_path, &dotenv_text)
            .iter()
            .filter_map(|link| convert::document_link(&model.source, link, encoding))
            .collect(),
    ))
}
