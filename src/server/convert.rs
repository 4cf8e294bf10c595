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

/// The byte offset of an LSP position (clamped to the text).
pub fn offset(file: &SourceFile, position: Position, encoding: PositionEncoding) -> usize {
    let at = crate::syntax::LineCol {
        line: position.line,
        col: position.character,
    };
    file.line_index.offset(&file.text, at, encoding)
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

pub fn action_kind(kind: crate::ide::ActionKind) -> lsp::CodeActionKind {
    match kind {
        crate::ide::ActionKind::QuickFix => lsp::CodeActionKind::QUICKFIX,
        crate::ide::ActionKind::Refactor => lsp::CodeActionKind::REFACTOR,
        crate::ide::ActionKind::Source => lsp::CodeActionKind::SOURCE,
    }
}

/// One LSP code action. Edits go by file (`uri_of`); a new file is created next to the
/// schema's first file under a name that is not taken yet. `None` when a file has no URI.
pub fn code_action(
    schema: &Schema,
    action: &crate::ide::CodeAction,
    diagnostic: Option<&analysis::Diagnostic>,
    uri_of: &HashMap<u32, Uri>,
    encoding: PositionEncoding,
) -> Option<lsp::CodeAction> {
    let mut changes: HashMap<Uri, Vec<lsp::TextEdit>> = HashMap::new();
    for edit in &action.edits {
        let uri = uri_of.get(&edit.span.file.0)?.clone();
        changes.entry(uri).or_default().push(lsp::TextEdit {
            range: range(schema.file(edit.span.file), edit.span, encoding),
            new_text: edit.new_text.clone(),
        });
    }
    let edit = match &action.new_file {
        Some(new_file) => {
            let first = uri_of.get(&0)?.to_file_path()?;
            let uri = Uri::from_file_path(free_file_name(first.parent()?, &new_file.file_name))?;
            lsp::WorkspaceEdit {
                document_changes: Some(lsp::DocumentChanges::Operations(vec![
                    lsp::DocumentChangeOperation::Op(lsp::ResourceOp::Create(lsp::CreateFile {
                        uri: uri.clone(),
                        options: Some(lsp::CreateFileOptions {
                            overwrite: Some(false),
                            ignore_if_exists: Some(false),
                        }),
                        annotation_id: None,
                    })),
                    lsp::DocumentChangeOperation::Edit(lsp::TextDocumentEdit {
                        text_document: lsp::OptionalVersionedTextDocumentIdentifier {
                            uri,
                            version: None,
                        },
                        edits: vec![lsp::OneOf::Left(lsp::TextEdit {
                            range: Range::default(),
                            new_text: new_file.text.clone(),
                        })],
                    }),
                ])),
                ..Default::default()
            }
        }
        None => lsp::WorkspaceEdit {
            changes: Some(changes),
            ..Default::default()
        },
    };
    Some(lsp::CodeAction {
        title: action.title.clone(),
        kind: Some(action_kind(action.kind)),
        diagnostics: diagnostic.map(|d| vec![self::diagnostic(schema, d, uri_of, encoding)]),
        edit: Some(edit),
        is_preferred: action.preferred.then_some(true),
        ..Default::default()
    })
}

/// `name` in `folder`, or `name-2`, `name-3`… when taken.
fn free_file_name(folder: &std::path::Path, name: &str) -> std::path::PathBuf {
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    let dotted = if extension.is_empty() {
        String::new()
    } else {
        format!(".{extension}")
    };
    (1..)
        .map(|n| match n {
            1 => folder.join(name),
            n => folder.join(format!("{stem}-{n}{dotted}")),
        })
        .find(|candidate| !candidate.exists())
        .unwrap_or_else(|| folder.join(name))
}
