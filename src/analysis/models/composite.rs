//! Composite types (MongoDB embedded documents): what they may hold and contain.

use super::*;

/// Whether another check reported an error inside a composite type or on a field of one:
/// Prisma reads composite types (their attributes and defaults) in its first stage.
pub(super) fn composite_type_errors(schema: &Schema, out: &[Diagnostic]) -> bool {
    if schema
        .blocks_of_kind(BlockKind::CompositeType)
        .next()
        .is_none()
        || !out.iter().any(|d| d.severity == Severity::Error)
    {
        return false;
    }
    let mut spans: Vec<Span> = Vec::new();
    for block in schema.blocks() {
        match block.kind {
            BlockKind::CompositeType => spans.push(block.span),
            BlockKind::Model | BlockKind::View => spans.extend(
                block
                    .fields
                    .iter()
                    .filter(|f| type_kind(schema, f) == TypeKind::Composite)
                    .map(|f| f.span),
            ),
            _ => {}
        }
    }
    if spans.is_empty() {
        return false;
    }
    spans.sort_unstable_by_key(|s| (s.file, s.start));
    out.iter().any(|d| {
        if d.severity != Severity::Error {
            return false;
        }
        let index = spans.partition_point(|s| (s.file, s.start) <= (d.span.file, d.span.start));
        index
            .checked_sub(1)
            .and_then(|i| spans.get(i))
            .is_some_and(|s| s.file == d.span.file && d.span.end <= s.end)
    })
}

/// Block attributes a composite type cannot have: a composite type is stored inside a
/// document, so ids, indexes and database names belong to the model that embeds it.
pub(super) fn composite_type_attributes(block: &Block, out: &mut Vec<Diagnostic>) {
    // Field attributes are checked with all attributes (`attributes`).
    for attribute in &block.attributes {
        let name = attribute.name.text.as_str();
        let message = match name {
            "" => continue,
            "id" => format!(
                "composite type `{}` cannot have an id: only models have ids",
                block.name.text
            ),
            "index" | "unique" | "fulltext" => format!(
                "`@@{name}` cannot be defined on composite type `{}`: define it on the model that embeds the type",
                block.name.text
            ),
            "map" => format!(
                "composite type `{}` needs no `@@map`: its name is not stored in the database",
                block.name.text
            ),
            _ => format!(
                "`@@{name}` is not allowed on composite type `{}`",
                block.name.text
            ),
        };
        out.push(Diagnostic::error(
            codes::COMPOSITE_ATTRIBUTE,
            attribute.span,
            message,
        ));
    }
}

/// A composite type cannot point to a model or view: it is stored inside a document.
pub(super) fn composite_relation_fields(schema: &Schema, block: &Block, out: &mut Vec<Diagnostic>) {
    for field in &block.fields {
        if type_kind(schema, field) != TypeKind::Relation {
            continue;
        }
        let Some(field_type) = &field.r#type else {
            continue;
        };
        out.push(Diagnostic::error(
            codes::COMPOSITE_RELATION_FIELD,
            field_type.name.span,
            format!(
                "field `{}` of composite type `{}` has the type of {} `{}`: composite types cannot hold relations (embed another composite type instead)",
                field.name.text,
                block.name.text,
                schema
                    .find_type(&field_type.name.text)
                    .map_or("model", |b| b.kind.describe()),
                field_type.name.text
            ),
        ));
    }
}

/// Composite types: supported by the provider, at least one field, no cycle of required
/// fields (a document cannot contain itself forever).
pub(super) fn composite_types(
    schema: &Schema,
    capabilities: Option<&Capabilities>,
    out: &mut Vec<Diagnostic>,
) {
    let types: Vec<&Block> = schema
        .blocks_of_kind(BlockKind::CompositeType)
        .filter(|b| !b.name.is_missing())
        .collect();
    if types.is_empty() {
        return;
    }
    let before = out.len();
    if let Some(capabilities) = capabilities
        && !capabilities.composite_types
    {
        for block in &types {
            out.push(Diagnostic::error(
                codes::CAPABILITY_COMPOSITE_TYPE,
                block.name.span,
                format!(
                    "composite type `{}`: composite types are only supported on MongoDB, not on {}",
                    block.name.text, capabilities.name
                ),
            ));
        }
    }
    composite_cycles(schema, &types, out);
    if out.len() > before {
        return;
    }
    for block in &types {
        if block.fields.is_empty() {
            out.push(Diagnostic::error(
                codes::COMPOSITE_EMPTY,
                block.name.span,
                format!(
                    "composite type `{}` has no fields: declare at least one",
                    block.name.text
                ),
            ));
        }
    }
}

/// A required field whose composite type leads back, through required composite fields, to
/// the type that holds the field.
pub(super) fn composite_cycles(schema: &Schema, types: &[&Block], out: &mut Vec<Diagnostic>) {
    let index: FxHashMap<&str, usize> = types
        .iter()
        .enumerate()
        .map(|(i, b)| (b.name.text.as_str(), i))
        .collect();
    // Required composite fields as edges: owner → (target, field).
    let edges: Vec<Vec<(usize, &Field)>> = types
        .iter()
        .map(|block| {
            block
                .fields
                .iter()
                .filter_map(|field| {
                    let field_type = field.r#type.as_ref()?;
                    if field_type.arity() != Arity::Required {
                        return None;
                    }
                    let target = *index.get(field_type.name.text.as_str())?;
                    // Only the first declaration of a name is the type (duplicates are
                    // reported elsewhere).
                    schema
                        .find_type(&field_type.name.text)
                        .is_some_and(|b| b.kind == BlockKind::CompositeType)
                        .then_some((target, field))
                })
                .collect()
        })
        .collect();
    let component = components(&edges);
    for (owner, block) in types.iter().enumerate() {
        for &(target, field) in &edges[owner] {
            if target == owner {
                out.push(Diagnostic::error(
                    codes::COMPOSITE_CYCLE,
                    field.name.span,
                    format!(
                        "field `{}` of composite type `{}` is required and of the same type, which never ends: make it optional or a list",
                        field.name.text, block.name.text
                    ),
                ));
            } else if component[target] == component[owner]
                && let Some(path) = path_between(&edges, target, owner)
            {
                let steps: Vec<usize> = std::iter::once(owner).chain(path).collect();
                // Long cycles are shortened in the message: their start and end say enough.
                let shown: Vec<String> = if steps.len() > 6 {
                    steps[..3]
                        .iter()
                        .map(|&i| format!("`{}`", types[i].name.text))
                        .chain(std::iter::once("…".to_string()))
                        .chain(
                            steps[steps.len() - 2..]
                                .iter()
                                .map(|&i| format!("`{}`", types[i].name.text)),
                        )
                        .collect()
                } else {
                    steps
                        .iter()
                        .map(|&i| format!("`{}`", types[i].name.text))
                        .collect()
                };
                out.push(Diagnostic::error(
                    codes::COMPOSITE_CYCLE,
                    field.name.span,
                    format!(
                        "field `{}` of composite type `{}` closes a cycle of required fields ({}), which never ends: make one of them optional or a list",
                        field.name.text,
                        block.name.text,
                        shown.join(" → ")
                    ),
                ));
            }
        }
    }
}

/// The strongly connected component of every type (Kosaraju, without recursion): two types
/// lie on a common cycle exactly when they share a component.
fn components(edges: &[Vec<(usize, &Field)>]) -> Vec<usize> {
    let count = edges.len();
    let mut visited = vec![false; count];
    let mut finished = Vec::with_capacity(count);
    for start in 0..count {
        if visited[start] {
            continue;
        }
        visited[start] = true;
        let mut stack = vec![(start, 0usize)];
        while let Some(top) = stack.last_mut() {
            let node = top.0;
            if let Some(&(next, _)) = edges[node].get(top.1) {
                top.1 += 1;
                if !visited[next] {
                    visited[next] = true;
                    stack.push((next, 0));
                }
            } else {
                finished.push(node);
                stack.pop();
            }
        }
    }
    let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (node, targets) in edges.iter().enumerate() {
        for &(target, _) in targets {
            reverse[target].push(node);
        }
    }
    let mut component = vec![usize::MAX; count];
    let mut next_component = 0;
    for &start in finished.iter().rev() {
        if component[start] != usize::MAX {
            continue;
        }
        component[start] = next_component;
        let mut stack = vec![start];
        while let Some(node) = stack.pop() {
            for &previous in &reverse[node] {
                if component[previous] == usize::MAX {
                    component[previous] = next_component;
                    stack.push(previous);
                }
            }
        }
        next_component += 1;
    }
    component
}

/// A path of type indexes from `from` to `to` (both included), breadth first.
pub(super) fn path_between(
    edges: &[Vec<(usize, &Field)>],
    from: usize,
    to: usize,
) -> Option<Vec<usize>> {
    let mut previous: Vec<Option<usize>> = vec![None; edges.len()];
    let mut seen = vec![false; edges.len()];
    let mut queue = std::collections::VecDeque::from([from]);
    seen[from] = true;
    while let Some(current) = queue.pop_front() {
        if current == to {
            let mut path = vec![to];
            let mut at = to;
            while let Some(before) = previous[at] {
                path.push(before);
                at = before;
            }
            path.reverse();
            return Some(path);
        }
        for &(next, _) in &edges[current] {
            if !seen[next] {
                seen[next] = true;
                previous[next] = Some(current);
                queue.push_back(next);
            }
        }
    }
    None
}
