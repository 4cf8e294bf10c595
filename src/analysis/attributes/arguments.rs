//! The arguments of an attribute: known names, no repeats, at most one unnamed argument (it
//! stands for the attribute's default argument), required arguments present, names given as
//! strings.

use super::super::{Diagnostic, closest_name, codes};
use crate::catalog::AttributeSpec;
use crate::model::{Attribute, Expression};

/// Checks the arguments of a known attribute. Returns whether they are sound enough for the
/// attribute's own checks (false when an argument is still being typed: syntax reports that).
pub(super) fn check(
    attribute: &Attribute,
    spec: &AttributeSpec,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let arguments = attribute.arguments();
    if arguments.iter().any(|a| a.value.is_none()) {
        return false;
    }
    let written = written_name(attribute);
    let mut unnamed = arguments.iter().filter(|a| a.name.is_none());
    let first_unnamed = unnamed.next();
    if first_unnamed.is_some() && unnamed.next().is_some() {
        out.push(Diagnostic::error(
            codes::ATTRIBUTE_ARGUMENT,
            attribute.span,
            format!(
                "`{written}` takes at most one argument without a name; to give a list, put the values in brackets: `[a, b]`"
            ),
        ));
    }
    for (index, argument) in arguments.iter().enumerate() {
        let Some(name) = &argument.name else {
            if spec.default_argument.is_none() {
                let message = if spec.arguments.is_empty() {
                    format!("`{written}` takes no arguments")
                } else {
                    format!(
                        "`{written}` takes only named arguments ({})",
                        spec.arguments
                            .iter()
                            .map(|a| format!("`{a}:`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                out.push(Diagnostic::error(
                    codes::ATTRIBUTE_ARGUMENT,
                    argument.span,
                    message,
                ));
            }
            continue;
        };
        let name = name.text.as_str();
        if arguments[..index]
            .iter()
            .any(|a| a.name.as_ref().is_some_and(|n| n.text == name))
        {
            out.push(Diagnostic::error(
                codes::ATTRIBUTE_ARGUMENT,
                argument.span,
                format!("`{name}` is given twice in `{written}`"),
            ));
            continue;
        }
        if Some(name) == spec.default_argument && first_unnamed.is_some() {
            out.push(Diagnostic::error(
                codes::ATTRIBUTE_ARGUMENT,
                argument.span,
                format!(
                    "`{name}` is given twice in `{written}`: the argument without a name is already its `{name}`"
                ),
            ));
            continue;
        }
        if !spec.arguments.contains(&name) {
            let mut message = format!("`{written}` has no argument `{name}`");
            let suggestion = closest_name(name, spec.arguments.iter().copied());
            match suggestion {
                Some(suggestion) => message.push_str(&format!("; did you mean `{suggestion}`?")),
                None if spec.arguments.is_empty() => message.push_str(": it takes no arguments"),
                None => message.push_str(&format!(
                    " (it takes {})",
                    spec.arguments
                        .iter()
                        .map(|a| format!("`{a}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            }
            let mut diagnostic =
                Diagnostic::error(codes::ATTRIBUTE_ARGUMENT, argument.span, message);
            if let (Some(suggestion), Some(ident)) = (suggestion, &argument.name) {
                diagnostic = diagnostic.with_fix(super::replacement(
                    ident.span,
                    suggestion,
                    format!("Change to `{suggestion}`"),
                ));
            }
            out.push(diagnostic);
            continue;
        }
        if is_string_argument(spec, name) {
            check_string(attribute, name, argument.value.as_ref(), out);
        }
    }
    if let Some(unnamed) = first_unnamed
        && let Some(default) = spec.default_argument
        && is_string_argument(spec, default)
    {
        check_string(attribute, default, unnamed.value.as_ref(), out);
    }
    check_missing_default(attribute, spec, out);
    true
}

/// Reports a missing required argument (`@map` without a name, `@default` without a value,
/// `@@index` without fields…).
pub(super) fn check_missing_default(
    attribute: &Attribute,
    spec: &AttributeSpec,
    out: &mut Vec<Diagnostic>,
) {
    let Some(default) = spec.default_argument else {
        return;
    };
    // `@relation`'s name is optional.
    if spec.name == "relation" {
        return;
    }
    let arguments = attribute.arguments();
    let given = arguments.iter().any(|a| match &a.name {
        None => true,
        Some(name) => name.text == default,
    });
    if !given {
        let written = written_name(attribute);
        let example = match default {
            "fields" => format!("`{written}([field])`"),
            "value" => format!("`{written}(value)`"),
            _ => format!("`{written}(\"name\")`"),
        };
        out.push(Diagnostic::error(
            codes::ATTRIBUTE_ARGUMENT,
            attribute.span,
            format!("`{written}` needs its `{default}` argument, e.g. {example}"),
        ));
    }
}

/// Arguments whose value must be a string: database names and `@@schema`'s name.
fn is_string_argument(spec: &AttributeSpec, argument: &str) -> bool {
    argument == "map" || (argument == "name" && matches!(spec.name, "map" | "schema"))
}

fn check_string(
    attribute: &Attribute,
    argument: &str,
    value: Option<&Expression>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(value) = value else {
        return;
    };
    if matches!(value, Expression::String(_)) {
        return;
    }
    out.push(Diagnostic::error(
        codes::ATTRIBUTE_ARGUMENT,
        value.span(),
        format!(
            "`{argument}` of `{}` must be a string, e.g. `\"name\"`",
            written_name(attribute)
        ),
    ));
}

fn written_name(attribute: &Attribute) -> String {
    let marker = if attribute.is_block { "@@" } else { "@" };
    format!("{marker}{}", attribute.name.text)
}
