//! Our types → LSP types. Positions go through the file's `LineIndex` in the negotiated
//! encoding.

use crate::analysis::{self, Severity};
use crate::ide::{CompletionKind, Fold, Symbol, SymbolKind};
use crate::model::{Schema, SourceFile, Span};
use crate::syntax::PositionEncoding;
use std::collections::HashMap;
use tower_lsp_server::ls_types::{
    self as lsp, DiagnosticRelatedInformation, DiagnosticSeverity, DocumentSymbol, FoldingRange,
    FoldingRangeKind, Location, NumberOrString, Position, Range, Uri,
};

pub fn position(file: &SourceFile, offset: usize, encoding: PositionEncoding) -> Position {
    let at = file.line_col(offset, encoding);
    Position::new(at.line, at.col)
}

pub fn range(file: &SourceFile, span: Span, encoding: PositionEncoding) -> Range {
    Range::new(
        position(file, span.start as usize, encoding),
        position(file, span.end as usize, encoding),
    )
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// One LSP diagnostic. `uri_of` names the files of the schema (for related locations).
pub fn diagnostic(
    schema: &Schema,
    diagnostic: &analysis::Diagnostic,
    uri_of: &HashMap<u32, Uri>,
    encoding: PositionEncoding,
) -> lsp::Diagnostic {
    let file = schema.file(diagnostic.span.file);
    let related: Vec<DiagnosticRelatedInformation> = diagnostic
        .related
        .iter()
        .filter_map(|related| {
            let uri = uri_of.get(&related.span.file.0)?.clone();
            Some(DiagnosticRelatedInformation {
                location: Location::new(
                    uri,
                    range(schema.file(related.span.file), related.span, encoding),
                ),
                message: related.message.clone(),
            })
        })
        .collect();
    lsp::Diagnostic {
        range: range(file, diagnostic.span, encoding),
        severity: Some(severity(diagnostic.severity)),
        code: Some(NumberOrString::String(diagnostic.code.as_str().to_string())),
        source: Some("prisma-analyzer".to_string()),
        message: diagnostic.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` has to be given.
pub fn document_symbol(
    file: &SourceFile,
    symbol: &Symbol,
    encoding: PositionEncoding,
) -> DocumentSymbol {
    DocumentSymbol {
        name: symbol.name.clone(),
        detail: symbol.detail.clone(),
        kind: match symbol.kind {
            SymbolKind::Model | SymbolKind::View => lsp::SymbolKind::STRUCT,
            SymbolKind::CompositeType => lsp::SymbolKind::OBJECT,
            SymbolKind::Enum => lsp::SymbolKind::ENUM,
            SymbolKind::Datasource | SymbolKind::Generator => lsp::SymbolKind::MODULE,
            SymbolKind::Field => lsp::SymbolKind::FIELD,
            SymbolKind::EnumValue => lsp::SymbolKind::ENUM_MEMBER,
            SymbolKind::Property => lsp::SymbolKind::PROPERTY,
        },
        tags: None,
        deprecated: None,
        range: range(file, symbol.span, encoding),
        selection_range: range(file, symbol.selection, encoding),
        children: (!symbol.children.is_empty()).then(|| {
            symbol
                .children
                .iter()
                .map(|child| document_symbol(file, child, encoding))
                .collect()
        }),
    }
}

pub fn folding_range(fold: &Fold) -> FoldingRange {
    FoldingRange {
        start_line: fold.start_line,
        end_line: fold.end_line,
        kind: Some(if fold.is_comment {
            FoldingRangeKind::Comment
        } else {
            FoldingRangeKind::Region
        }),
        ..Default::default()
    }
}

pub fn completion_item(item: &crate::ide::CompletionItem) -> lsp::CompletionItem {
    lsp::CompletionItem {
        label: item.label.clone(),
        kind: Some(match item.kind {
            CompletionKind::Keyword => lsp::CompletionItemKind::KEYWORD,
            CompletionKind::Property => lsp::CompletionItemKind::PROPERTY,
            CompletionKind::Value => lsp::CompletionItemKind::VALUE,
            CompletionKind::ScalarType => lsp::CompletionItemKind::TYPE_PARAMETER,
            CompletionKind::Model | CompletionKind::View => lsp::CompletionItemKind::CLASS,
            CompletionKind::Enum => lsp::CompletionItemKind::ENUM,
            CompletionKind::CompositeType => lsp::CompletionItemKind::STRUCT,
            CompletionKind::Attribute => lsp::CompletionItemKind::PROPERTY,
            CompletionKind::Function => lsp::CompletionItemKind::FUNCTION,
            CompletionKind::Field => lsp::CompletionItemKind::FIELD,
            CompletionKind::EnumValue => lsp::CompletionItemKind::ENUM_MEMBER,
            CompletionKind::Argument => lsp::CompletionItemKind::VARIABLE,
        }),
        detail: item.detail.clone(),
        documentation: item.documentation.as_ref().map(|doc| {
            lsp::Documentation::MarkupContent(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: doc.clone(),
            })
        }),
        insert_text: item.insert_text.clone(),
        insert_text_format: Some(if item.is_snippet {
            lsp::InsertTextFormat::SNIPPET
        } else {
            lsp::InsertTextFormat::PLAIN_TEXT
        }),
        ..Default::default()
    }
}
