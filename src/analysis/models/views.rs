//! Views: behind a preview feature, and without what only tables have.

use super::*;

/// Views: behind the `views` preview feature; no primary key, no index, and their `@unique`
/// constraints exist only for Prisma Client (no database name, no clustering, no arguments).
pub(super) fn view(schema: &Schema, block: &Block, context: &Context, out: &mut Vec<Diagnostic>) {
    if !context.has_preview_feature("views") {
        let mut diagnostic = Diagnostic::error(
            codes::VIEW_PREVIEW_FEATURE,
            block.name.span,
            format!(
                "view `{}` needs the `views` preview feature in the generator's `previewFeatures`",
                block.name.text
            ),
        );
        if let Some(fix) = super::super::config::enable_preview_feature(schema, "views") {
            diagnostic = diagnostic.with_fix(fix);
        }
        out.push(diagnostic);
    }
    let unique_arguments = |attribute: &Attribute, out: &mut Vec<Diagnostic>| {
        for argument in ["map", "clustered"] {
            if let Some(found) = attribute.argument(argument, None) {
                out.push(Diagnostic::error(
                    codes::VIEW_CONSTRAINT,
                    found.span,
                    format!(
                        "`{argument}:` is not allowed on a unique constraint of view `{}`: it is not backed by a database index",
                        block.name.text
                    ),
                ));
            }
        }
    };
    for field in &block.fields {
        for attribute in &field.attributes {
            match attribute.name.text.as_str() {
                "id" => out.push(Diagnostic::error(
                    codes::VIEW_CONSTRAINT,
                    attribute.span,
                    format!(
                        "view `{}` cannot have a primary key: use `@unique` to identify its rows",
                        block.name.text
                    ),
                )),
                "unique" => {
                    unique_arguments(attribute, out);
                    if let Some(argument) = ["sort", "length"]
                        .into_iter()
                        .find_map(|name| attribute.argument(name, None))
                    {
                        out.push(Diagnostic::error(
                            codes::VIEW_CONSTRAINT,
                            argument.span,
                            format!(
                                "the `@unique` of field `{}` on view `{}` takes no `sort:` or `length:`",
                                field.name.text, block.name.text
                            ),
                        ));
                    }
                }
                _ => {}
            }
        }
    }
    for attribute in &block.attributes {
        match attribute.name.text.as_str() {
            "id" => out.push(Diagnostic::error(
                codes::VIEW_CONSTRAINT,
                attribute.span,
                format!(
                    "view `{}` cannot have a primary key: use `@@unique` to identify its rows",
                    block.name.text
                ),
            )),
            "index" | "fulltext" => out.push(Diagnostic::error(
                codes::VIEW_CONSTRAINT,
                attribute.span,
                format!("view `{}` cannot have indexes", block.name.text),
            )),
            "unique" => {
                unique_arguments(attribute, out);
                let fields = attribute
                    .argument("fields", Some(0))
                    .and_then(|a| a.value.as_ref());
                if let Some(with_arguments) = fields.into_iter().flat_map(Expression::as_list).find(
                    |item| matches!(item, Expression::Function { arguments, .. } if !arguments.items.is_empty()),
                ) {
                    out.push(Diagnostic::error(
                        codes::VIEW_CONSTRAINT,
                        with_arguments.span(),
                        format!(
                            "the fields of a `@@unique` on view `{}` take no arguments",
                            block.name.text
                        ),
                    ));
                }
            }
            _ => {}
        }
    }
}
