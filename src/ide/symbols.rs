//! The outline of a file (document symbols) and its foldable regions.

use crate::model::{BlockKind, FileModel, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolKind {
    Model,
    View,
    CompositeType,
    Enum,
    Datasource,
    Generator,
    Field,
    EnumValue,
    Property,
}

/// One entry of the outline: a block with its members as children.
#[derive(Clone, Debug, PartialEq)]
pub struct Symbol {
    pub name: String,
    /// For a field, its type as written (`String?`); for a block, its keyword.
    pub detail: Option<String>,
    pub kind: SymbolKind,
    /// The whole item.
    pub span: Span,
    /// The name, to select when the symbol is chosen.
    pub selection: Span,
    pub children: Vec<Symbol>,
}

/// The blocks of a file with their fields, values and properties.
pub fn document_symbols(file: &FileModel) -> Vec<Symbol> {
    let text = |span: Span| file.source.slice(span).to_string();
    file.blocks
        .iter()
        .filter(|block| !block.name.is_missing())
        .map(|block| {
            let fields = block
                .fields
                .iter()
                .filter(|f| !f.name.is_missing())
                .map(|field| Symbol {
                    name: field.name.text.clone(),
                    detail: field.r#type.as_ref().map(|t| text(t.span)),
                    kind: SymbolKind::Field,
                    span: field.span,
                    selection: field.name.span,
                    children: Vec::new(),
                });
            let values = block.enum_values.iter().map(|value| Symbol {
                name: value.name.text.clone(),
                detail: None,
                kind: SymbolKind::EnumValue,
                span: value.span,
                selection: value.name.span,
                children: Vec::new(),
            });
            let properties = block.properties.iter().map(|property| Symbol {
                name: property.key.text.clone(),
                detail: property.value.as_ref().map(|v| text(v.span())),
                kind: SymbolKind::Property,
                span: property.span,
                selection: property.key.span,
                children: Vec::new(),
            });
            Symbol {
                name: block.name.text.clone(),
                detail: Some(block.kind.keyword().to_string()),
                kind: match block.kind {
                    BlockKind::Model => SymbolKind::Model,
                    BlockKind::View => SymbolKind::View,
                    BlockKind::CompositeType => SymbolKind::CompositeType,
                    BlockKind::Enum => SymbolKind::Enum,
                    BlockKind::Datasource => SymbolKind::Datasource,
                    BlockKind::Generator => SymbolKind::Generator,
                },
                span: block.span,
                selection: block.name.span,
                children: fields.chain(values).chain(properties).collect(),
            }
        })
        .collect()
}

/// A foldable region, in lines (zero-based, inclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fold {
    pub start_line: u32,
    pub end_line: u32,
    pub is_comment: bool,
}

/// Block bodies, multi-line attribute arguments, and runs of two or more comment lines.
pub fn folding_ranges(file: &FileModel) -> Vec<Fold> {
    let index = &file.source.line_index;
    let line = |offset: u32| index.line_of(offset as usize) as u32;
    let mut folds = Vec::new();
    let mut add = |start: u32, end: u32, is_comment: bool| {
        if end > start {
            folds.push(Fold {
                start_line: start,
                end_line: end,
                is_comment,
            });
        }
    };
    for block in &file.blocks {
        // Keep the closing brace visible: fold up to the line before it when it has its own line.
        let end = line(block.body.end);
        let end = if block.closed {
            end.saturating_sub(1).max(line(block.body.start))
        } else {
            end
        };
        add(line(block.span.start), end, false);
        let attributes = block
            .attributes
            .iter()
            .chain(block.fields.iter().flat_map(|f| &f.attributes));
        for attribute in attributes {
            if let Some(arguments) = &attribute.arguments {
                add(line(arguments.span.start), line(arguments.span.end), false);
            }
        }
    }
    // Comment runs, from the text: a comment line is one that starts with `//`.
    let text = &file.source.text;
    let mut run_start: Option<u32> = None;
    for line_number in 0..=index.line_count() {
        let is_comment = index
            .line_range(text, line_number)
            .is_some_and(|range| text[range].trim_start().starts_with("//"));
        match (is_comment, run_start) {
            (true, None) => run_start = Some(line_number as u32),
            (false, Some(start)) => {
                add(start, line_number as u32 - 1, true);
                run_start = None;
            }
            _ => {}
        }
    }
    folds.sort_by_key(|f| (f.start_line, f.end_line));
    folds
}
