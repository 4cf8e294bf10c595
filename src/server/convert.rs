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
/// The byte range of an LSP range (each end clamped as `offset` clamps it).
pub fn byte_range(
    file: &SourceFile,
    range: Range,
    encoding: PositionEncoding,
) -> std::ops::Range<usize> {
    offset(file, range.start, encoding)..offset(file, range.end, encoding)
}

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

/// A finding as `textDocument/publishDiagnostics` carries it, borrowing its text from the
/// analysis: serialised straight into the frame (`outbox`), a finding allocates only its
/// related information's list. The fields are those of LSP's `Diagnostic`, in its order.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublishedDiagnostic<'a> {
    range: Range,
    severity: DiagnosticSeverity,
    code: &'static str,
    source: &'static str,
    message: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_information: Vec<PublishedRelated<'a>>,
}

#[derive(serde::Serialize)]
pub struct PublishedRelated<'a> {
    location: PublishedLocation<'a>,
    message: &'a str,
}

#[derive(serde::Serialize)]
struct PublishedLocation<'a> {
    uri: &'a Uri,
    range: Range,
}

impl PublishedDiagnostic<'_> {
    /// The same finding as an owned LSP `Diagnostic` (for code actions, which name it).
    pub fn to_lsp(&self) -> lsp::Diagnostic {
        let related: Vec<DiagnosticRelatedInformation> = self
            .related_information
            .iter()
            .map(|related| DiagnosticRelatedInformation {
                location: Location::new(related.location.uri.clone(), related.location.range),
                message: related.message.to_string(),
            })
            .collect();
        lsp::Diagnostic {
            range: self.range,
            severity: Some(self.severity),
            code: Some(NumberOrString::String(self.code.to_string())),
            source: Some(self.source.to_string()),
            message: self.message.to_string(),
            related_information: (!related.is_empty()).then_some(related),
            ..Default::default()
        }
    }
}

pub fn diagnostic<'a>(
    schema: &Schema,
    diagnostic: &'a analysis::Diagnostic,
    uri_of: &'a HashMap<u32, Uri>,
    encoding: PositionEncoding,
) -> PublishedDiagnostic<'a> {
    let file = schema.file(diagnostic.span.file);
    let related_information = diagnostic
        .related
        .iter()
        .filter_map(|related| {
            Some(PublishedRelated {
                location: PublishedLocation {
                    uri: uri_of.get(&related.span.file.0)?,
                    range: range(schema.file(related.span.file), related.span, encoding),
                },
                message: &related.message,
            })
        })
        .collect();
    PublishedDiagnostic {
        range: range(file, diagnostic.span, encoding),
        severity: severity(diagnostic.severity),
        code: diagnostic.code.as_str(),
        source: "prisma-analyzer",
        message: &diagnostic.message,
        related_information,
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
        kind: symbol_kind(symbol.kind),
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

fn symbol_kind(kind: SymbolKind) -> lsp::SymbolKind {
    match kind {
        SymbolKind::Model | SymbolKind::View => lsp::SymbolKind::STRUCT,
        SymbolKind::CompositeType => lsp::SymbolKind::OBJECT,
        SymbolKind::Enum => lsp::SymbolKind::ENUM,
        SymbolKind::Datasource | SymbolKind::Generator => lsp::SymbolKind::MODULE,
        SymbolKind::Field => lsp::SymbolKind::FIELD,
        SymbolKind::EnumValue => lsp::SymbolKind::ENUM_MEMBER,
        SymbolKind::Property => lsp::SymbolKind::PROPERTY,
    }
}

/// One workspace symbol, located in `uri`.
pub fn workspace_symbol(
    file: &SourceFile,
    uri: Uri,
    symbol: &crate::ide::WorkspaceSymbol,
    encoding: PositionEncoding,
) -> lsp::WorkspaceSymbol {
    lsp::WorkspaceSymbol {
        name: symbol.name.clone(),
        kind: symbol_kind(symbol.kind),
        tags: None,
        container_name: symbol.container.clone(),
        location: lsp::OneOf::Left(Location::new(uri, range(file, symbol.span, encoding))),
        data: None,
    }
}

/// The legend of our semantic tokens: `ide::TokenType::ALL` and `ide::MODIFIER_NAMES`, in
/// their order (a token's type and modifier bits are indexes into it).
pub fn semantic_tokens_legend() -> lsp::SemanticTokensLegend {
    lsp::SemanticTokensLegend {
        token_types: crate::ide::TokenType::ALL
            .iter()
            .map(|kind| lsp::SemanticTokenType::new(kind.name()))
            .collect(),
        token_modifiers: crate::ide::MODIFIER_NAMES
            .iter()
            .map(|&name| lsp::SemanticTokenModifier::new(name))
            .collect(),
    }
}

/// Semantic tokens in LSP's relative encoding, as the flat array of five numbers per token
/// (line delta, start delta, length, type, modifiers), columns in the negotiated encoding.
/// Tokens arrive sorted, apart and within one line each (`ide::semantic_tokens`).
pub fn semantic_tokens(
    file: &SourceFile,
    tokens: &[crate::ide::SemanticToken],
    encoding: PositionEncoding,
) -> Vec<u32> {
    let mut data = Vec::with_capacity(tokens.len() * 5);
    let (mut previous_line, mut previous_col) = (0, 0);
    for token in tokens {
        let start = file.line_col(token.span.start as usize, encoding);
        let end = file.line_col(token.span.end as usize, encoding);
        if end.line != start.line || end.col <= start.col {
            continue;
        }
        let delta_line = start.line - previous_line;
        let delta_start = if delta_line == 0 {
            start.col - previous_col
        } else {
            start.col
        };
        data.extend([
            delta_line,
            delta_start,
            end.col - start.col,
            token.kind.index(),
            token.modifiers,
        ]);
        (previous_line, previous_col) = (start.line, start.col);
    }
    data
}

/// The flat array as the LSP types hold it.
pub fn lsp_tokens(data: &[u32]) -> Vec<lsp::SemanticToken> {
    data.chunks_exact(5)
        .map(|chunk| lsp::SemanticToken {
            delta_line: chunk[0],
            delta_start: chunk[1],
            length: chunk[2],
            token_type: chunk[3],
            token_modifiers_bitset: chunk[4],
        })
        .collect()
}

pub fn inlay_hint(
    file: &SourceFile,
    hint: &crate::ide::InlayHint,
    encoding: PositionEncoding,
) -> lsp::InlayHint {
    lsp::InlayHint {
        position: position(file, hint.offset as usize, encoding),
        label: lsp::InlayHintLabel::String(hint.label.clone()),
        kind: None,
        text_edits: None,
        tooltip: Some(lsp::InlayHintTooltip::String(hint.tooltip.clone())),
        padding_left: Some(true),
        padding_right: None,
        data: None,
    }
}

/// A link to the `.env` file, at the defining line (`#L<n>`, one-based) when known.
pub fn document_link(
    file: &SourceFile,
    link: &crate::ide::EnvLink,
    encoding: PositionEncoding,
) -> Option<lsp::DocumentLink> {
    let uri = Uri::from_file_path(&link.target)?;
    let target = match link.line {
        Some(line) => format!("{}#L{}", uri.as_str(), line + 1).parse().ok()?,
        None => uri,
    };
    Some(lsp::DocumentLink {
        range: range(file, link.span, encoding),
        target: Some(target),
        tooltip: Some(match link.line {
            Some(_) => format!("Go to {} in .env", link.variable),
            None => format!("Open .env ({} is not set there)", link.variable),
        }),
        data: None,
    })
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
            let path = match &new_file.location {
                crate::ide::NewFileLocation::BesideSchema(name) => {
                    let first = uri_of.get(&0)?.to_file_path()?;
                    free_file_name(first.parent()?, name)
                }
                crate::ide::NewFileLocation::At(path) => path.clone(),
            };
            let uri = Uri::from_file_path(path)?;
            let mut operations = vec![
                lsp::DocumentChangeOperation::Op(lsp::ResourceOp::Create(lsp::CreateFile {
                    uri: uri.clone(),
                    options: Some(lsp::CreateFileOptions {
                        overwrite: Some(false),
                        ignore_if_exists: Some(false),
                    }),
                    annotation_id: None,
                })),
                text_document_edit(
                    uri,
                    vec![lsp::TextEdit {
                        range: Range::default(),
                        new_text: new_file.text.clone(),
                    }],
                ),
            ];
            // The schema's own edits go in the same change, in a stable order.
            let mut changes: Vec<(Uri, Vec<lsp::TextEdit>)> = changes.into_iter().collect();
            changes.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
            operations.extend(
                changes
                    .into_iter()
                    .map(|(uri, edits)| text_document_edit(uri, edits)),
            );
            lsp::WorkspaceEdit {
                document_changes: Some(lsp::DocumentChanges::Operations(operations)),
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
        diagnostics: diagnostic
            .map(|d| vec![self::diagnostic(schema, d, uri_of, encoding).to_lsp()]),
        edit: Some(edit),
        is_preferred: action.preferred.then_some(true),
        ..Default::default()
    })
}

fn text_document_edit(uri: Uri, edits: Vec<lsp::TextEdit>) -> lsp::DocumentChangeOperation {
    lsp::DocumentChangeOperation::Edit(lsp::TextDocumentEdit {
        text_document: lsp::OptionalVersionedTextDocumentIdentifier { uri, version: None },
        edits: edits.into_iter().map(lsp::OneOf::Left).collect(),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The borrowed form written on every keystroke is LSP's `Diagnostic`, byte for byte in
    /// meaning: serialised, both give the same JSON.
    #[test]
    fn a_published_diagnostic_serialises_as_the_lsp_diagnostic() {
        let schema = Schema::parse(
            "schema.prisma",
            "model A {\n  id Int @id\n  b  B\n}\n\nmodel A {\n  id Int @id\n}\n",
        );
        let findings = analysis::check(&schema);
        let with_related = findings
            .iter()
            .find(|d| !d.related.is_empty())
            .expect("a duplicate model is reported with where the first one is");
        let uri_of: HashMap<u32, Uri> = [(0, "file:///schema.prisma".parse().expect("a URI"))]
            .into_iter()
            .collect();
        for finding in &findings {
            let published = diagnostic(&schema, finding, &uri_of, PositionEncoding::Utf16);
            assert_eq!(
                serde_json::to_value(&published).expect("serialisable"),
                serde_json::to_value(published.to_lsp()).expect("serialisable"),
                "{finding:?}"
            );
        }
        assert!(!with_related.related.is_empty());
    }
}
