//! Hover: the documentation of what is under the cursor, with the live database's
//! measurements of a model's table or a field's column when there is one.

use super::{Backend, convert};
use crate::ide;
use tower_lsp_server::jsonrpc::Result as RpcResult;
use tower_lsp_server::ls_types::*;

pub(super) fn hover(server: &Backend, params: HoverParams) -> RpcResult<Option<Hover>> {
    let at = params.text_document_position_params;
    let Some(cursor) = server.cursor(&at.text_document.uri, at.position) else {
        return Ok(None);
    };
    let schema = &cursor.snapshot.schema;
    let Some(found) = ide::hover(schema, cursor.file, cursor.offset) else {
        return Ok(None);
    };
    let mut markdown = found.markdown;
    // With a live database: the model's table or the field's column, as measured.
    let snapshot = cursor
        .snapshot
        .files
        .first()
        .and_then(|(schema_key, _)| server.state.databases.snapshot(schema_key));
    let measured =
        snapshot.and_then(
            |snapshot| match ide::symbol_at(schema, cursor.file, cursor.offset)? {
                ide::SymbolRef::Type(id) => {
                    crate::database::table_stats(schema, &snapshot, schema.block(id))
                }
                ide::SymbolRef::Field { block, field } => {
                    let block = schema.block(block);
                    let field = block.fields.get(field as usize)?;
                    crate::database::column_stats(schema, &snapshot, block, field)
                }
                _ => None,
            },
        );
    if let Some(measured) = measured {
        markdown.push_str("\n\n---\n\n");
        markdown.push_str(&measured);
    }
    let file = schema.file(found.span.file);
    Ok(Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: markdown,
        }),
        range: (found.span.file == cursor.file)
            .then(|| convert::range(file, found.span, server.state.encoding())),
    }))
}
