//! Semantic tokens: full, delta (from the last array sent, kept per document with its block
//! cache) and range.

use super::{Backend, convert};
use crate::ide;
use std::sync::atomic::Ordering;
use tower_lsp_server::jsonrpc::Result as RpcResult;
use tower_lsp_server::ls_types::*;

/// Semantic tokens as sent: the result id the client will name, and the flat array.
pub(super) struct SentTokens {
    result_id: String,
    data: Vec<u32>,
    /// The tokens of the document's blocks, reused for the blocks the next edits leave alone.
    cache: ide::TokenCache,
}

pub(super) fn semantic_tokens_full(
    server: &Backend,
    params: SemanticTokensParams,
) -> RpcResult<Option<SemanticTokensResult>> {
    let uri = params.text_document.uri;
    let Some((data, cache)) = server.semantic_token_data(&uri) else {
        return Ok(None);
    };
    let tokens = convert::lsp_tokens(&data);
    let result_id = server.remember_tokens(&uri, data, cache);
    Ok(Some(SemanticTokensResult::Tokens(SemanticTokens {
        result_id: Some(result_id),
        data: tokens,
    })))
}

pub(super) fn semantic_tokens_full_delta(
    server: &Backend,
    params: SemanticTokensDeltaParams,
) -> RpcResult<Option<SemanticTokensFullDeltaResult>> {
    let uri = params.text_document.uri;
    let Some((data, cache)) = server.semantic_token_data(&uri) else {
        return Ok(None);
    };
    // The edits go from what the client holds; when it names another result (or none
    // was kept), it gets the whole array.
    let previous = {
        let sent = server
            .state
            .semantic_tokens
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        sent.get(&uri)
            .filter(|sent| sent.result_id == params.previous_result_id)
            .map(|sent| ide::tokens_delta(&sent.data, &data))
    };
    let result = match previous {
        Some(delta) => {
            let edits = delta
                .map(|(start, delete_count, inserted)| SemanticTokensEdit {
                    start,
                    delete_count,
                    data: Some(convert::lsp_tokens(&inserted)),
                })
                .into_iter()
                .collect();
            let result_id = server.remember_tokens(&uri, data, cache);
            SemanticTokensFullDeltaResult::TokensDelta(SemanticTokensDelta {
                result_id: Some(result_id),
                edits,
            })
        }
        None => {
            let tokens = convert::lsp_tokens(&data);
            let result_id = server.remember_tokens(&uri, data, cache);
            SemanticTokensFullDeltaResult::Tokens(SemanticTokens {
                result_id: Some(result_id),
                data: tokens,
            })
        }
    };
    Ok(Some(result))
}

pub(super) fn semantic_tokens_range(
    server: &Backend,
    params: SemanticTokensRangeParams,
) -> RpcResult<Option<SemanticTokensRangeResult>> {
    let Some((snapshot, file_id, std::ops::Range { start, end })) = server
        .state
        .document_range(&params.text_document.uri, params.range)
    else {
        return Ok(None);
    };
    let file = snapshot.schema.file(file_id);
    let encoding = server.state.encoding();
    let tokens = ide::semantic_tokens_in(&snapshot.schema, file_id, start..end);
    let data = convert::semantic_tokens(file, &tokens, encoding);
    Ok(Some(SemanticTokensRangeResult::Tokens(SemanticTokens {
        result_id: None,
        data: convert::lsp_tokens(&data),
    })))
}

/// The tokens as computed now, and as last sent (for deltas).
impl Backend {
    /// The semantic tokens of a document now, as the flat LSP array.
    /// With the block cache to keep for the next request.
    fn semantic_token_data(&self, uri: &Uri) -> Option<(Vec<u32>, ide::TokenCache)> {
        let (snapshot, file_id) = self.state.document_in_schema(uri)?;
        // Taken out while computing (two requests at once each get a cache, one empty).
        let mut cache = self
            .state
            .semantic_tokens
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get_mut(uri)
            .map(|sent| std::mem::take(&mut sent.cache))
            .unwrap_or_default();
        let tokens = ide::semantic_tokens_cached(&snapshot.schema, file_id, &mut cache);
        let file = snapshot.schema.file(file_id);
        let data = convert::semantic_tokens(file, &tokens, self.state.encoding());
        Some((data, cache))
    }

    /// Remembers what is sent for `uri` under a new result id, and returns the id.
    fn remember_tokens(&self, uri: &Uri, data: Vec<u32>, cache: ide::TokenCache) -> String {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let result_id = NEXT_ID.fetch_add(1, Ordering::Relaxed).to_string();
        self.state
            .semantic_tokens
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(
                uri.clone(),
                SentTokens {
                    result_id: result_id.clone(),
                    data,
                    cache,
                },
            );
        result_id
    }
}
