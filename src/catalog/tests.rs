//! Consistency of the catalog's lists and lookups.

use super::indexes::{COCKROACH_INDEX_TYPES, POSTGRES_INDEX_TYPES, POSTGRES_OPERATOR_CLASSES};
use super::*;
use std::collections::HashSet;

fn assert_unique<'a>(what: &str, names: impl IntoIterator<Item = &'a str>) {
    let mut seen = HashSet::new();
    for name in names {
        assert!(seen.insert(name), "duplicate name `{name}` in {what}");
    }
}

fn names(items: &[Item]) -> Vec<&'static str> {
    items.iter().map(|i| i.name).collect()
}

fn action_names(actions: &[ReferentialAction]) -> Vec<&'static str> {
    actions.iter().map(|a| a.name()).collect()
}

#[test]
fn providers_round_trip_through_their_names() {
    for p in Provider::ALL {
        assert_eq!(Provider::from_name(p.name()), Some(p));
    }
    assert_eq!(Provider::from_name("postgres"), Some(Provider::PostgreSql));
    assert_eq!(Provider::PostgreSql.name(), "postgresql");
    assert_eq!(Provider::from_name("PostgreSQL"), None);
    assert_eq!(Provider::from_name("mysql2"), None);
    assert_eq!(Provider::from_name(""), None);
}

#[test]
fn datasource_providers_match_the_provider_enum() {
    let listed = names(DATASOURCE_PROVIDERS);
    assert!(
        !listed.contains(&"postgres"),
        "postgres is an alias, not a listed value"
    );
    assert_eq!(listed.len(), Provider::ALL.len());
    for p in Provider::ALL {
        assert!(listed.contains(&p.name()), "{} missing", p.name());
    }
}

#[test]
fn capabilities() {
    assert!(!Provider::SqlServer.supports_enums());
    assert!(Provider::Sqlite.supports_enums());
    assert!(Provider::MySql.supports_enums());
    assert!(Provider::PostgreSql.supports_scalar_lists());
    assert!(Provider::CockroachDb.supports_scalar_lists());
    assert!(Provider::MongoDb.supports_scalar_lists());
    assert!(!Provider::MySql.supports_scalar_lists());
    assert!(!Provider::Sqlite.supports_scalar_lists());
    assert!(!Provider::SqlServer.supports_scalar_lists());
    assert!(!Provider::CockroachDb.supports_json_lists());
    assert!(!Provider::SqlServer.supports_json());
    assert!(!Provider::MongoDb.supports_decimal());
    assert!(scalar_type_supported("Json", Some(Provider::Sqlite)));
    assert!(!scalar_type_supported("Json", Some(Provider::SqlServer)));
    assert!(!scalar_type_supported("Strin", None));
}

#[test]
fn datasource_keys_per_provider() {
    let pg: Vec<_> = datasource_keys(Some(Provider::PostgreSql))
        .iter()
        .map(|k| k.name)
        .collect();
    assert!(pg.contains(&"extensions") && pg.contains(&"schemas"));
    let my: Vec<_> = datasource_keys(Some(Provider::MySql))
        .iter()
        .map(|k| k.name)
        .collect();
    assert!(!my.contains(&"extensions") && !my.contains(&"schemas"));
    assert!(my.contains(&"relationMode") && my.contains(&"url"));
    assert_eq!(datasource_keys(None).len(), DATASOURCE_KEYS.len());
    assert!(is_datasource_url_key("directUrl") && !is_datasource_url_key("provider"));
    let url = find_item(DATASOURCE_KEYS, "url")
        .map(|i| i.doc)
        .unwrap_or("");
    assert!(url.contains("Prisma 7") && url.contains("prisma.config.ts"));
    let mongo: Vec<_> = relation_modes(Some(Provider::MongoDb))
        .iter()
        .map(|m| m.name)
        .collect();
    assert_eq!(mongo, ["prisma"]);
    assert_eq!(relation_modes(None).len(), 2);
}

#[test]
fn generator_values() {
    assert_eq!(
        names(GENERATOR_PROVIDERS),
        ["prisma-client", "prisma-client-js"]
    );
    for key in [
        "runtime",
        "moduleFormat",
        "generatedFileExtension",
        "importFileExtension",
    ] {
        assert_eq!(generator_key_owner(key), Some("prisma-client"));
        assert!(!generator_key_values(key).is_empty());
        assert!(find_item(GENERATOR_KEYS, key).is_some());
    }
    assert!(generator_key_values("output").is_empty());
    assert!(names(IMPORT_FILE_EXTENSIONS).contains(&""));
}

#[test]
fn preview_features() {
    use PreviewFeatureStatus::*;
    assert_eq!(preview_feature_status("views", None), Active);
    assert_eq!(
        preview_feature_status("VIEWS", None),
        Active,
        "case-insensitive"
    );
    assert_eq!(
        preview_feature_status("partialIndexes", Some(Provider::PostgreSql)),
        Active
    );
    assert_eq!(preview_feature_status("multiSchema", None), Promoted);
    assert_eq!(
        preview_feature_status("fullTextIndex", Some(Provider::MySql)),
        Promoted
    );
    assert_eq!(
        preview_feature_status("fullTextSearch", Some(Provider::MySql)),
        Promoted
    );
    assert_eq!(
        preview_feature_status("fullTextSearch", Some(Provider::PostgreSql)),
        Renamed {
            to: "fullTextSearchPostgres"
        }
    );
    assert_eq!(
        preview_feature_status("fullTextSearchPostgres", Some(Provider::PostgreSql)),
        Active
    );
    assert_eq!(
        preview_feature_status("fullTextSearchPostgres", Some(Provider::MySql)),
        Unknown
    );
    assert_eq!(preview_feature_status("foo", None), Unknown);
    assert_eq!(preview_feature_status("reactNative", None), Active);
    // No name is both current and promoted.
    for f in PREVIEW_FEATURES {
        assert!(
            !PROMOTED_PREVIEW_FEATURES
                .iter()
                .any(|p| p.name.eq_ignore_ascii_case(f.name))
        );
    }
}

#[test]
fn names_are_unique_within_each_list() {
    let lists: &[(&str, &[Item])] = &[
        ("DATASOURCE_PROVIDERS", DATASOURCE_PROVIDERS),
        ("DATASOURCE_KEYS", DATASOURCE_KEYS),
        ("GENERATOR_PROVIDERS", GENERATOR_PROVIDERS),
        ("GENERATOR_KEYS", GENERATOR_KEYS),
        ("RELATION_MODES", RELATION_MODES),
        ("PREVIEW_FEATURES", PREVIEW_FEATURES),
        ("PROMOTED_PREVIEW_FEATURES", PROMOTED_PREVIEW_FEATURES),
        ("BLOCK_KEYWORDS", BLOCK_KEYWORDS),
        ("SCALAR_TYPES", SCALAR_TYPES),
        ("SORT_ORDERS", SORT_ORDERS),
        ("GENERATOR_RUNTIMES", GENERATOR_RUNTIMES),
        ("IMPORT_FILE_EXTENSIONS", IMPORT_FILE_EXTENSIONS),
        ("BINARY_TARGETS", BINARY_TARGETS),
        ("INDEX_FIELD_ARGUMENTS", INDEX_FIELD_ARGUMENTS),
        ("RELATION_ARGUMENTS", RELATION_ARGUMENTS),
        ("INDEX_ARGUMENTS", INDEX_ARGUMENTS),
        ("POSTGRES_OPERATOR_CLASSES", POSTGRES_OPERATOR_CLASSES),
        ("POSTGRES_INDEX_TYPES", POSTGRES_INDEX_TYPES),
        ("COCKROACH_INDEX_TYPES", COCKROACH_INDEX_TYPES),
    ];
    for (what, items) in lists {
        assert_unique(what, items.iter().map(|i| i.name));
        for i in items.iter() {
            assert!(!i.doc.is_empty(), "{what}: `{}` has no doc", i.name);
        }
    }
    assert_unique("field attributes", field_attributes().map(|a| a.name));
    assert_unique("block attributes", block_attributes().map(|a| a.name));
    assert_unique("enum attributes", enum_attributes().map(|a| a.name));
    assert_unique(
        "enum value attributes",
        enum_value_attributes().map(|a| a.name),
    );
    assert_unique(
        "default functions",
        DEFAULT_FUNCTIONS.iter().map(|f| f.name),
    );
    for p in Provider::ALL {
        assert_unique(p.name(), native_types(p).iter().map(|t| t.name));
    }
}

#[test]
fn every_attribute_snippet_starts_with_its_name() {
    for a in ATTRIBUTES {
        assert!(
            a.snippet.starts_with(a.name),
            "snippet `{}` of `{}`",
            a.snippet,
            a.name
        );
        assert!(!a.targets.is_empty() && !a.doc.is_empty());
        if let Some(d) = a.default_argument {
            assert!(
                a.arguments.contains(&d),
                "`{}`: default argument `{d}` not listed",
                a.name
            );
        }
    }
}

#[test]
fn attribute_lookup() {
    let rel = find_attribute("relation", AttributeTarget::Field);
    assert!(rel.is_some_and(|r| r.arguments.contains(&"onDelete") && r.arguments.contains(&"map")));
    let index = find_attribute("index", AttributeTarget::Block);
    assert!(index.is_some_and(|i| i.arguments.contains(&"where") && i.arguments.contains(&"type")));
    assert!(find_attribute("index", AttributeTarget::Field).is_none());
    assert!(find_attribute("map", AttributeTarget::EnumValue).is_some());
    assert!(find_attribute("schema", AttributeTarget::Enum).is_some());
    assert_eq!(
        find_attribute("id", AttributeTarget::Block).map(|a| a.written_prefix()),
        Some("@@")
    );
    assert_eq!(
        find_attribute("id", AttributeTarget::Field).map(|a| a.written_prefix()),
        Some("@")
    );
    let fulltext = find_attribute("fulltext", AttributeTarget::Block);
    assert!(fulltext.is_some_and(|f| f.supports(Some(Provider::MySql))
        && f.supports(Some(Provider::MongoDb))
        && !f.supports(Some(Provider::PostgreSql))
        && f.supports(None)));
    let field_names: Vec<_> = field_attributes().map(|a| a.name).collect();
    for n in [
        "id",
        "default",
        "unique",
        "relation",
        "map",
        "updatedAt",
        "ignore",
        "shardKey",
    ] {
        assert!(field_names.contains(&n), "missing @{n}");
    }
    let block_names: Vec<_> = block_attributes().map(|a| a.name).collect();
    for n in [
        "id", "unique", "index", "fulltext", "map", "ignore", "schema", "shardKey",
    ] {
        assert!(block_names.contains(&n), "missing @@{n}");
    }
}

#[test]
fn default_functions_by_type_and_provider() {
    let dt: Vec<_> = default_functions_for("DateTime", Some(Provider::PostgreSql))
        .iter()
        .map(|f| f.name)
        .collect();
    assert!(dt.contains(&"now") && dt.contains(&"dbgenerated"));
    assert!(!dt.contains(&"uuid") && !dt.contains(&"auto"));

    let s: Vec<_> = default_functions_for("String", Some(Provider::MySql))
        .iter()
        .map(|f| f.name)
        .collect();
    for n in ["uuid", "cuid", "nanoid", "ulid", "dbgenerated"] {
        assert!(s.contains(&n), "{n}");
    }
    assert!(!s.contains(&"auto") && !s.contains(&"autoincrement"));

    // auto() only on MongoDB, where dbgenerated() and autoincrement() are not allowed.
    for p in Provider::ALL {
        let has_auto = default_functions_for("String", Some(p))
            .iter()
            .any(|f| f.name == "auto");
        assert_eq!(has_auto, p == Provider::MongoDb, "{}", p.name());
    }
    let mongo: Vec<_> = default_functions_for("Int", Some(Provider::MongoDb))
        .iter()
        .map(|f| f.name)
        .collect();
    assert!(mongo.is_empty(), "{mongo:?}");

    // CockroachDB: autoincrement() only on BigInt; sequence() only there.
    let crdb_int: Vec<_> = default_functions_for("Int", Some(Provider::CockroachDb))
        .iter()
        .map(|f| f.name)
        .collect();
    assert!(crdb_int.contains(&"sequence") && !crdb_int.contains(&"autoincrement"));
    let crdb_big: Vec<_> = default_functions_for("BigInt", Some(Provider::CockroachDb))
        .iter()
        .map(|f| f.name)
        .collect();
    assert!(crdb_big.contains(&"autoincrement"));
    let pg_int: Vec<_> = default_functions_for("Int", Some(Provider::PostgreSql))
        .iter()
        .map(|f| f.name)
        .collect();
    assert!(pg_int.contains(&"autoincrement") && !pg_int.contains(&"sequence"));

    // Unknown provider: everything that fits the type.
    let any: Vec<_> = default_functions_for("String", None)
        .iter()
        .map(|f| f.name)
        .collect();
    assert!(any.contains(&"auto") && any.contains(&"dbgenerated"));
    // dbgenerated() fits any field type, even Unsupported or an enum.
    assert!(
        default_functions_for("Unsupported", Some(Provider::PostgreSql))
            .iter()
            .any(|f| f.name == "dbgenerated")
    );
    assert!(
        default_functions_for("Role", Some(Provider::MySql))
            .iter()
            .all(|f| f.name == "dbgenerated")
    );
    assert!(find_default_function("uuid").is_some_and(|f| f.doc.contains("uuid(7)")));
}

#[test]
fn native_types_by_provider_and_scalar() {
    let pg_string: Vec<_> = native_types_for(Provider::PostgreSql, "String")
        .iter()
        .map(|t| t.name)
        .collect();
    assert!(
        pg_string.contains(&"VarChar")
            && pg_string.contains(&"Text")
            && pg_string.contains(&"Uuid")
    );
    assert!(!pg_string.contains(&"Integer"));
    let pg_int: Vec<_> = native_types_for(Provider::PostgreSql, "Int")
        .iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(pg_int, ["SmallInt", "Integer", "Oid"]);
    assert!(native_types(Provider::Sqlite).is_empty());
    assert_eq!(native_types(Provider::PostgreSql).len(), 26);
    assert_eq!(native_types(Provider::CockroachDb).len(), 22);
    assert_eq!(native_types(Provider::MySql).len(), 32);
    assert_eq!(native_types(Provider::SqlServer).len(), 27);
    assert_eq!(native_types(Provider::MongoDb).len(), 10);

    // Every scalar type named by a native type is a real scalar type.
    for p in Provider::ALL {
        for t in native_types(p) {
            assert!(!t.scalar_types.is_empty());
            for s in t.scalar_types {
                assert!(is_scalar_type(s), "{}: {} -> {s}", p.name(), t.name);
            }
            assert!(usize::from(t.required_arguments) <= t.arguments.len());
        }
    }

    let mongo_oid = find_native_type(Provider::MongoDb, "ObjectId");
    assert!(mongo_oid.is_some_and(|t| t.fits("String") && t.fits("Bytes") && !t.fits("Int")));
    let crdb_int8 = find_native_type(Provider::CockroachDb, "Int8");
    assert!(crdb_int8.is_some_and(|t| t.fits("BigInt") && !t.fits("Int")));
    let mssql_money = find_native_type(Provider::SqlServer, "Money");
    assert!(mssql_money.is_some_and(|t| t.fits("Float")));
}

#[test]
fn native_type_arguments() {
    let pg_varchar = find_native_type(Provider::PostgreSql, "VarChar");
    assert!(pg_varchar.is_some_and(|t| t.accepts_argument_count(0)
        && t.accepts_argument_count(1)
        && !t.accepts_argument_count(3)));
    let my_varchar = find_native_type(Provider::MySql, "VarChar");
    assert!(
        my_varchar.is_some_and(|t| !t.accepts_argument_count(0) && t.accepts_argument_count(1))
    );
    let decimal = find_native_type(Provider::PostgreSql, "Decimal");
    assert!(decimal.is_some_and(|t| t.accepts_argument_count(0)
        && !t.accepts_argument_count(1)
        && t.accepts_argument_count(2)));
    let nvarchar = find_native_type(Provider::SqlServer, "NVarChar");
    assert!(nvarchar.is_some_and(|t| t.accepts_max && !t.accepts_argument_count(2)));
    let text = find_native_type(Provider::PostgreSql, "Text");
    assert!(text.is_some_and(|t| t.accepts_argument_count(0) && !t.accepts_argument_count(1)));

    assert_eq!(
        my_varchar.map(|t| t.snippet()),
        Some("VarChar($1)".to_string())
    );
    assert_eq!(pg_varchar.map(|t| t.snippet()), Some("VarChar".to_string()));
    assert_eq!(
        decimal.map(|t| t.signature()),
        Some("Decimal[(precision, scale)]".to_string())
    );
    assert_eq!(
        nvarchar.map(|t| t.signature()),
        Some("NVarChar[(length | Max)]".to_string())
    );
    assert_eq!(
        my_varchar.map(|t| t.signature()),
        Some("VarChar(length)".to_string())
    );
}

#[test]
fn referential_actions_per_provider_and_mode() {
    use ReferentialAction::*;
    // Foreign keys.
    assert_eq!(
        referential_actions(Some(Provider::PostgreSql), false),
        ReferentialAction::ALL
    );
    assert_eq!(
        referential_actions(Some(Provider::MySql), false),
        ReferentialAction::ALL
    );
    assert_eq!(referential_actions(None, false), ReferentialAction::ALL);
    assert_eq!(
        action_names(&referential_actions(Some(Provider::SqlServer), false)),
        ["Cascade", "NoAction", "SetNull", "SetDefault"]
    );
    // relationMode = "prisma": never SetDefault.
    for p in Provider::ALL {
        assert!(
            !referential_actions(Some(p), true).contains(&SetDefault),
            "{}",
            p.name()
        );
    }
    assert_eq!(
        action_names(&referential_actions(Some(Provider::MySql), true)),
        ["Cascade", "Restrict", "NoAction", "SetNull"]
    );
    assert_eq!(
        action_names(&referential_actions(Some(Provider::PostgreSql), true)),
        ["Cascade", "Restrict", "SetNull"]
    );
    assert_eq!(
        action_names(&referential_actions(Some(Provider::Sqlite), true)),
        ["Cascade", "Restrict", "SetNull"]
    );
    assert!(referential_actions(Some(Provider::SqlServer), true).contains(&Restrict));
    // MongoDB is always emulated, whatever the flag says.
    assert_eq!(
        action_names(&referential_actions(Some(Provider::MongoDb), false)),
        ["Cascade", "Restrict", "NoAction", "SetNull"]
    );

    assert_eq!(
        default_on_delete(Some(Provider::PostgreSql), false, true),
        Restrict
    );
    assert_eq!(
        default_on_delete(Some(Provider::SqlServer), false, true),
        NoAction
    );
    assert_eq!(
        default_on_delete(Some(Provider::MySql), false, false),
        SetNull
    );
    assert_eq!(default_on_update(), Cascade);
    assert!(referential_action_warning(Some(Provider::MySql), false, SetDefault).is_some());
    assert!(referential_action_warning(Some(Provider::PostgreSql), false, SetDefault).is_none());

    for a in ReferentialAction::ALL {
        assert_eq!(ReferentialAction::from_name(a.name()), Some(a));
        assert!(!a.doc().is_empty());
    }
    assert_eq!(ReferentialAction::from_name("cascade"), None);
}

#[test]
fn index_types_and_operator_classes() {
    assert_eq!(
        names(index_types(Some(Provider::PostgreSql))),
        ["BTree", "Hash", "Gist", "Gin", "SpGist", "Brin"]
    );
    assert_eq!(
        names(index_types(Some(Provider::CockroachDb))),
        ["BTree", "Gin"]
    );
    for p in [
        Provider::MySql,
        Provider::Sqlite,
        Provider::SqlServer,
        Provider::MongoDb,
    ] {
        assert!(index_types(Some(p)).is_empty());
        assert!(operator_classes(Some(p)).is_empty());
    }
    assert!(operator_classes(Some(Provider::CockroachDb)).is_empty());
    assert_eq!(names(SORT_ORDERS), ["Asc", "Desc"]);

    let ops = names(operator_classes(Some(Provider::PostgreSql)));
    for n in [
        "JsonbPathOps",
        "JsonbOps",
        "ArrayOps",
        "InetOps",
        "TextOps",
        "Int4BloomOps",
        "UuidMinMaxMultiOps",
    ] {
        assert!(ops.contains(&n), "{n}");
    }
    assert!(!ops.contains(&"GinTrgmOps"), "pg_trgm classes need raw()");
    assert_eq!(ops.len(), 56);

    // The info table is aligned with the item list.
    assert_eq!(
        POSTGRES_OPERATOR_CLASS_INFO.len(),
        POSTGRES_OPERATOR_CLASSES.len()
    );
    for (info, it) in POSTGRES_OPERATOR_CLASS_INFO
        .iter()
        .zip(POSTGRES_OPERATOR_CLASSES)
    {
        assert_eq!(info.name, it.name);
        for t in info.index_types {
            assert!(
                POSTGRES_INDEX_TYPES.iter().any(|i| i.name == *t),
                "{}: {t}",
                info.name
            );
        }
        for nt in info.native_types {
            assert!(
                find_native_type(Provider::PostgreSql, nt).is_some(),
                "{}: {nt}",
                info.name
            );
        }
    }

    // What Prisma's completion offers (scenarios extended_indexes_operators_postgres_*).
    let pg = Some(Provider::PostgreSql);
    let f = |t, s, n, l| names_of(&operator_classes_for_field(pg, t, s, n, l));
    assert_eq!(f("Gin", "Int", None, true), ["ArrayOps"]);
    assert_eq!(f("Gist", "String", Some("Inet"), false), ["InetOps"]);
    assert_eq!(f("SpGist", "String", None, false), ["TextOps"]);
    assert_eq!(
        f("Brin", "Float", Some("Real"), false),
        ["Float4BloomOps", "Float4MinMaxOps", "Float4MinMaxMultiOps"]
    );
    assert!(f("Gin", "Json", Some("Json"), false).is_empty());
    assert_eq!(f("Gin", "Json", None, false), ["JsonbOps", "JsonbPathOps"]);
    assert!(
        operator_classes_for_field(Some(Provider::CockroachDb), "Gin", "Int", None, true)
            .is_empty()
    );

    let gin: Vec<_> = operator_classes_for_index_type(pg, "Gin")
        .iter()
        .map(|i| i.name)
        .collect();
    assert_eq!(gin, ["JsonbOps", "JsonbPathOps", "ArrayOps"]);
    assert!(operator_class_info("InetOps").is_some_and(|i| i.index_types.contains(&"SpGist")));
}

fn names_of(items: &[&Item]) -> Vec<&'static str> {
    items.iter().map(|i| i.name).collect()
}

#[test]
fn block_keywords_and_scalars() {
    assert_eq!(
        names(BLOCK_KEYWORDS),
        ["model", "enum", "type", "view", "datasource", "generator"]
    );
    assert_eq!(
        names(SCALAR_TYPES),
        [
            "String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes"
        ]
    );
    for b in BLOCK_KEYWORDS {
        assert!(b.doc.contains("Example"), "{} has no example", b.name);
    }
}
