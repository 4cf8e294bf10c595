//! Referential actions (`onDelete`, `onUpdate`): names, what the provider and relation mode
//! allow, and cascades that loop back (a cycle) or reach one model by several paths, which
//! SQL Server and Prisma's own emulation (`relationMode = "prisma"`) reject.

use super::{RelationField, codes};
use crate::analysis::{Applicability, Context, Diagnostic, Fix, RelationMode, Severity, TextEdit};
use crate::catalog::{self, Provider, ReferentialAction};
use crate::model::{Argument, Expression};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeSet;

/// The action an argument names, if it is a known action.
fn action_of(argument: Option<&Argument>) -> Option<ReferentialAction> {
    match argument?.value.as_ref()? {
        Expression::Constant(name) => ReferentialAction::from_name(&name.text),
        _ => None,
    }
}

/// While reading: each written action must be a known one.
pub(super) fn read_names(relation: &RelationField, out: &mut Vec<Diagnostic>) {
    for argument in [relation.on_delete, relation.on_update]
        .into_iter()
        .flatten()
    {
        let Some(value) = &argument.value else {
            continue;
        };
        let argument_name = argument.name.as_ref().map_or("", |n| n.text.as_str());
        let known = || {
            ReferentialAction::ALL
                .iter()
                .map(|a| format!("`{}`", a.name()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match value {
            Expression::Constant(name) if ReferentialAction::from_name(&name.text).is_none() => {
                out.push(Diagnostic::error(
                    codes::RELATION_REFERENTIAL_ACTION,
                    name.span,
                    format!(
                        "`{}` is not a referential action: `{argument_name}` takes one of {}",
                        name.text,
                        known()
                    ),
                ));
            }
            Expression::Constant(_) => {}
            _ => out.push(Diagnostic::error(
                codes::RELATION_REFERENTIAL_ACTION,
                value.span(),
                format!(
                    "`{argument_name}` takes one of {}, written without quotes",
                    known()
                ),
            )),
        }
    }
}

/// Each action must be one the provider and relation mode allow.
pub(super) fn check_allowed(
    relation: &RelationField,
    context: &Context,
    out: &mut Vec<Diagnostic>,
) {
    let prisma_mode = context.relation_mode == RelationMode::Prisma;
    for argument in [relation.on_delete, relation.on_update]
        .into_iter()
        .flatten()
    {
        let Some(Expression::Constant(name)) = &argument.value else {
            continue;
        };
        let argument_name = argument.name.as_ref().map_or("", |n| n.text.as_str());
        let Some(action) = ReferentialAction::from_name(&name.text) else {
            continue;
        };
        let allowed = catalog::referential_actions(context.provider, prisma_mode);
        if !allowed.contains(&action) {
            let listed = allowed
                .iter()
                .map(|a| format!("`{}`", a.name()))
                .collect::<Vec<_>>()
                .join(", ");
            let setting = match (context.provider, prisma_mode) {
                (Some(provider), true) => {
                    format!(
                        "{} with `relationMode = \"prisma\"`",
                        provider.display_name()
                    )
                }
                (None, true) => "`relationMode = \"prisma\"`".to_string(),
                (Some(provider), false) => provider.display_name().to_string(),
                (None, false) => "this datasource".to_string(),
            };
            let hint = if action == ReferentialAction::NoAction
                && allowed.contains(&ReferentialAction::Restrict)
            {
                " (`Restrict` is the closest)"
            } else {
                ""
            };
            let mut diagnostic = Diagnostic::error(
                codes::RELATION_REFERENTIAL_ACTION,
                name.span,
                format!(
                    "{setting} does not support `{argument_name}: {}`; use one of {listed}{hint}",
                    name.text
                ),
            );
            if !hint.is_empty() {
                diagnostic = diagnostic.with_fix(replace_action(name, ReferentialAction::Restrict));
            }
            out.push(diagnostic);
        } else if let Some(warning) =
            catalog::referential_action_warning(context.provider, prisma_mode, action)
        {
            let mut diagnostic = Diagnostic::new(
                codes::RELATION_REFERENTIAL_ACTION,
                Severity::Warning,
                name.span,
                warning,
            );
            // MySQL runs `SetDefault` as `NoAction`: say what happens.
            if action == ReferentialAction::SetDefault {
                diagnostic = diagnostic.with_fix(replace_action(name, ReferentialAction::NoAction));
            }
            out.push(diagnostic);
        }
    }
}

/// Writes another referential action in place of `name`.
fn replace_action(name: &crate::model::Ident, action: ReferentialAction) -> Fix {
    Fix {
        title: format!("Replace `{}` with `{}`", name.text, action.name()),
        edits: vec![TextEdit {
            span: name.span,
            new_text: action.name().to_string(),
        }],
        applicability: Applicability::Safe,
    }
}

/// A forward relation as an edge of the cascade graph: the referencing model's records
/// change when the referenced model's records are deleted or updated.
struct Edge<'a> {
    relation: &'a RelationField<'a>,
    from: &'a str,
    to: &'a str,
    /// Deleting or updating the referenced record changes the referencing one (the action,
    /// written or implied, is neither `NoAction` nor `Restrict`).
    cascades: bool,
    /// The actions the cascade comes from only by default, for the message.
    implied: Vec<String>,
}

fn edge<'a>(relation: &'a RelationField<'a>, context: &Context) -> Edge<'a> {
    let prisma_mode = context.relation_mode == RelationMode::Prisma;
    let modifies = |action: ReferentialAction| {
        !matches!(
            action,
            ReferentialAction::NoAction | ReferentialAction::Restrict
        )
    };
    let on_delete = action_of(relation.on_delete).unwrap_or_else(|| {
        catalog::default_on_delete(context.provider, prisma_mode, relation.required)
    });
    let on_update = action_of(relation.on_update).unwrap_or_else(catalog::default_on_update);
    let mut implied = Vec::new();
    if relation.on_delete.is_none() && modifies(on_delete) {
        implied.push(format!("`onDelete: {}`", on_delete.name()));
    }
    if relation.on_update.is_none() && modifies(on_update) {
        implied.push(format!("`onUpdate: {}`", on_update.name()));
    }
    Edge {
        relation,
        from: &relation.model.name.text,
        to: relation.target_name(),
        cascades: modifies(on_delete) || modifies(on_update),
        implied,
    }
}

fn with_implied(message: String, edge: &Edge) -> String {
    if edge.implied.is_empty() {
        message
    } else {
        format!(
            "{message} (this relation implies {} when nothing is written)",
            edge.implied.join(" and ")
        )
    }
}

pub(super) fn check_cycles<'a>(
    forward_sides: &[&'a RelationField<'a>],
    context: &Context,
    out: &mut Vec<Diagnostic>,
) {
    let sql_server = context.is(Provider::SqlServer);
    let prisma_mode = context.relation_mode == RelationMode::Prisma;
    if !sql_server && !prisma_mode {
        return;
    }
    let edges: Vec<Edge> = forward_sides.iter().map(|r| edge(r, context)).collect();
    let mut outgoing: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (index, edge) in edges.iter().enumerate() {
        outgoing.entry(edge.from).or_default().push(index);
    }
    for start in 0..edges.len() {
        cycle_from(start, &edges, &outgoing, out);
    }
    if sql_server && !prisma_mode {
        for start in 0..edges.len() {
            multiple_paths_from(start, &edges, &outgoing, out);
        }
    }
}

/// Follows cascading edges from `start`; reports at `start` when they come back to its model
/// or reach a cascading self-relation.
fn cycle_from(
    start: usize,
    edges: &[Edge],
    outgoing: &FxHashMap<&str, Vec<usize>>,
    out: &mut Vec<Diagnostic>,
) {
    let origin = &edges[start];
    let mut visited: FxHashSet<usize> = FxHashSet::default();
    // Each entry: an edge and the entry it was reached from (for the path).
    let mut reached: Vec<(usize, Option<usize>)> = vec![(start, None)];
    let mut stack = vec![0usize];
    while let Some(entry) = stack.pop() {
        let (index, _) = reached[entry];
        visited.insert(index);
        let edge = &edges[index];
        if !edge.cascades {
            continue;
        }
        if edge.from == edge.to {
            let message = if index == start {
                format!(
                    "the self-relation `{}` cascades changes back into model `{}`: set `onDelete: NoAction` and `onUpdate: NoAction` on one side of it",
                    edge.relation.path(),
                    edge.from
                )
            } else {
                format!(
                    "changes cascading through `{}` reach the self-relation `{}`, which cascades into its own model: set `onDelete: NoAction` and `onUpdate: NoAction` on one relation of the chain",
                    origin.relation.path(),
                    edge.relation.path()
                )
            };
            out.push(
                origin
                    .relation
                    .error(codes::RELATION_CYCLE, with_implied(message, origin)),
            );
            return;
        }
        if edge.to == origin.from {
            let mut path = Vec::new();
            let mut cursor = Some(entry);
            while let Some(at) = cursor {
                path.push(edges[reached[at].0].relation.path());
                cursor = reached[at].1;
            }
            path.reverse();
            out.push(origin.relation.error(
                codes::RELATION_CYCLE,
                with_implied(
                    format!(
                        "cascading referential actions form a cycle: {} → back to `{}`; set `onDelete: NoAction` and `onUpdate: NoAction` on one relation of the cycle",
                        path.join(" → "),
                        origin.from
                    ),
                    origin,
                ),
            ));
            return;
        }
        for &next in outgoing.get(edge.to).map_or(&[][..], Vec::as_slice) {
            if !visited.contains(&next) {
                reached.push((next, Some(entry)));
                stack.push(reached.len() - 1);
            }
        }
    }
}

/// Upper bound on the path steps one multiple-paths search may take (the number of paths
/// can grow exponentially with the schema).
const PATH_STEP_LIMIT: usize = 100_000;

/// SQL Server rejects foreign keys that let one delete or update reach a table by more than
/// one cascading path. Reports at `start` when a model reached through it is also reached
/// through another cascading relation of the same model.
fn multiple_paths_from(
    start: usize,
    edges: &[Edge],
    outgoing: &FxHashMap<&str, Vec<usize>>,
    out: &mut Vec<Diagnostic>,
) {
    let origin = &edges[start];
    if !origin.cascades {
        return;
    }
    let parent = origin.from;
    // For each cascading relation of the parent model: the models its paths reach.
    let mut reached_by: FxHashMap<usize, BTreeSet<&str>> = FxHashMap::default();
    let mut steps = 0;
    for &first in outgoing.get(parent).map_or(&[][..], Vec::as_slice) {
        if !edges[first].cascades {
            continue;
        }
        let mut stack: Vec<(usize, Vec<usize>)> = vec![(first, vec![first])];
        while let Some((index, path)) = stack.pop() {
            steps += 1;
            if steps > PATH_STEP_LIMIT {
                return;
            }
            let edge = &edges[index];
            if edge.from == edge.to || edge.to == parent {
                continue;
            }
            reached_by.entry(first).or_default().insert(edge.to);
            for &next in outgoing.get(edge.to).map_or(&[][..], Vec::as_slice) {
                if edges[next].cascades && !path.contains(&next) {
                    let mut longer = path.clone();
                    longer.push(next);
                    stack.push((next, longer));
                }
            }
        }
    }
    let Some(mine) = reached_by.remove(&start) else {
        return;
    };
    let shared: BTreeSet<&str> = reached_by
        .values()
        .flat_map(|other| mine.intersection(other).copied())
        .collect();
    if shared.is_empty() {
        return;
    }
    let models = shared
        .iter()
        .map(|m| format!("`{m}`"))
        .collect::<Vec<_>>()
        .join(", ");
    out.push(origin.relation.error(
        codes::RELATION_CYCLE,
        with_implied(
            format!(
                "SQL Server rejects this: deleting or updating a record of {models} cascades to `{parent}` along more than one path (one through `{}`); set `onDelete: NoAction` and `onUpdate: NoAction` on one relation of a path",
                origin.relation.path()
            ),
            origin,
        ),
    ));
}
