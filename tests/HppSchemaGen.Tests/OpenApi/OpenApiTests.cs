using static HppSchemaGen.Tests.Infrastructure.DiagnosticAssert;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using HppSchemaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HppSchemaGen.Tests.OpenApi;

/// <summary>OpenAPI 3.0/3.1 documents (YAML or JSON) as input: components, inline schemas, dialects, diagnostics.</summary>
public class OpenApiTests
{
    private const string Petstore30 = """
        openapi: 3.0.3
        info:
          title: Pets
          version: '1'
        paths:
          /pets:
            get:
              operationId: listPets
              parameters:
                - name: limit
                  in: query
                  schema: {type: integer, maximum: 100, exclusiveMaximum: true}
                - name: status
                  in: query
                  schema:
                    type: string
                    enum: [available, sold]
              responses:
                '200':
                  description: the pets
                  content:
                    application/json:
                      schema:
                        type: array
                        items: {$ref: '#/components/schemas/Pet'}
                default:
                  description: error
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Error'
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      required: [name]
                      properties:
                        name: {type: string}
                  application/xml:
                    schema:
                      type: object
                      properties:
                        xml: {type: string}
              responses:
                '2XX':
                  description: created
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Pet'}
        components:
          schemas:
            Pet:
              type: object
              required: [id, name]
              properties:
                id: {type: integer, format: int64, minimum: 0, exclusiveMinimum: true}
                name: {type: string}
                tag: {type: string, nullable: true}
                owner:
                  $ref: '#/components/schemas/Owner'
                  description: ignored beside $ref in 3.0
                  type: string
            Owner:
              type: object
              properties:
                name: {type: string}
            Pets:
              type: array
              items: {$ref: '#/components/schemas/Pet'}
            PetAlias:
              $ref: '#/components/schemas/Pet'
            Error:
              type: object
              x-vendor-thing: {anything: 1}
              properties:
                code: {type: integer, format: int32}
                message: {type: string}
            status-code:
              type: string
              enum: [ok, failed]
            Renamed:
              x-csharp-name: BetterName
              type: object
              properties:
                a: {type: string}
            Untyped: {}
        """;

    private static GeneratorHarness.Result Run(params (string Path, string Text)[] files)
        => GeneratorHarness.Run(files);

    private static Assembly Compile(GeneratorHarness.Result result)
    {
        Assert.Empty(result.CompileDiagnostics.Select(d => d.ToString()));
        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        return GeneratorHarness.Load(result)!;
    }

    private static ValidationResult Validate(Assembly assembly, string type, string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return GeneratorHarness.Validator(assembly, type)(doc.RootElement);
    }

    [Fact]
    public void Every_component_and_inline_body_gets_a_type_named_by_the_rule()
    {
        var result = Run(("/api/pets.openapi.yaml", Petstore30));
        Assembly assembly = Compile(result);
        string[] expected =
        {
            // components/schemas: their keys (x-csharp-name wins)
            "Pet", "Owner", "Pets", "PetAlias", "Error", "StatusCode", "BetterName", "Untyped",
            // inline: <OperationId>Response<status>, <Method><Path>Request, a second media type appended
            "ListPetsResponse200", "PostPetsRequest", "PostPetsRequestApplicationXml",
            // a parameter schema that is an enum gets a type of its own
            "ListPetsParameterStatus",
        };
        foreach (string name in expected)
        {
            Type? t = assembly.GetType("Consumer." + name);
            Assert.True(t is not null, name + " missing; types: " + string.Join(", ", assembly.GetTypes().Where(x => x.Namespace == "Consumer" && !x.IsNested).Select(x => x.Name)));
            Assert.NotNull(t!.GetMethod("Validate", new[] { typeof(JsonElement) }));
        }
        // A plain primitive parameter gets no type; a $ref body reuses its component's.
        Assert.Null(assembly.GetType("Consumer.ListPetsParameterLimit"));
        Assert.Null(assembly.GetType("Consumer.PostPetsResponse2XX"));
        // The document's validators live in a class named after the file.
        Assert.NotNull(assembly.GetType("Consumer.Pets2") ?? assembly.GetType("Consumer.PetsOpenapi") ?? assembly.GetType("Consumer.Pets"));
    }

    [Fact]
    public void Types_have_the_expected_shapes()
    {
        Assembly assembly = Compile(Run(("/api/pets.openapi.yaml", Petstore30)));
        Type pet = assembly.GetType("Consumer.Pet")!;
        Assert.Equal(typeof(long), pet.GetProperty("Id")!.PropertyType);
        Assert.Equal("Consumer.Owner", pet.GetProperty("Owner")!.PropertyType.FullName);
        Assert.Equal(typeof(int?), assembly.GetType("Consumer.Error")!.GetProperty("Code")!.PropertyType);
        // Array and alias components parse into the CLR type they map to.
        Assert.Equal("List`1", assembly.GetType("Consumer.Pets")!.GetMethod("Parse", new[] { typeof(System.ReadOnlySpan<byte>) })!.ReturnType.Name);
        Assert.Equal(pet, assembly.GetType("Consumer.PetAlias")!.GetMethod("Parse", new[] { typeof(System.ReadOnlySpan<byte>) })!.ReturnType);
        Assert.Equal("List`1", assembly.GetType("Consumer.ListPetsResponse200")!.GetMethod("Parse", new[] { typeof(System.ReadOnlySpan<byte>) })!.ReturnType.Name);
    }

    [Fact]
    public void OpenApi_30_dialect_nullable_boolean_exclusive_bounds_and_ref_siblings()
    {
        Assembly a = Compile(Run(("/api/pets.openapi.yaml", Petstore30)));
        Assert.True(Validate(a, "Pet", """{"id": 1, "name": "rex", "tag": null}""").IsValid);
        Assert.False(Validate(a, "Pet", """{"id": 0, "name": "rex"}""").IsValid); // exclusiveMinimum: true
        Assert.False(Validate(a, "Pet", """{"id": 1}""").IsValid);
        // "type: string" beside the $ref is ignored (3.0: $ref replaces its siblings).
        Assert.True(Validate(a, "Pet", """{"id": 1, "name": "rex", "owner": {"name": "me"}}""").IsValid);
        Assert.False(Validate(a, "Pet", """{"id": 1, "name": "rex", "owner": "me"}""").IsValid);
        Assert.True(Validate(a, "Pets", """[{"id": 1, "name": "a"}]""").IsValid);
        Assert.False(Validate(a, "Pets", """[{"id": 1}]""").IsValid);
        Assert.True(Validate(a, "PetAlias", """{"id": 1, "name": "rex"}""").IsValid);
        Assert.False(Validate(a, "StatusCode", "\"unknown\"").IsValid);
        Assert.True(Validate(a, "PostPetsRequest", """{"name": "x"}""").IsValid);
        Assert.False(Validate(a, "PostPetsRequest", """{}""").IsValid);
    }

    private const string Shapes31 = """
        {
          "openapi": "3.1.0",
          "info": {"title": "Shapes", "version": "1"},
          "components": {
            "schemas": {
              "Shape": {
                "oneOf": [{"$ref": "#/components/schemas/Circle"}, {"$ref": "#/components/schemas/Square"}],
                "discriminator": {"propertyName": "kind", "mapping": {"round": "#/components/schemas/Circle"}}
              },
              "Circle": {"type": "object", "required": ["kind", "r"], "properties": {"kind": {"type": "string"}, "r": {"type": "number"}}},
              "Square": {"type": "object", "required": ["kind", "side"], "properties": {"kind": {"type": "string"}, "side": {"type": "number"}}},
              "Bounded": {"type": "number", "exclusiveMinimum": 0, "maximum": 10},
              "Maybe": {"type": ["string", "null"]},
              "Pair": {"type": "array", "prefixItems": [{"type": "integer"}, {"type": "string"}], "items": false},
              "Described": {"$ref": "#/components/schemas/Circle", "description": "a circle", "required": ["note"]}
            }
          }
        }
        """;

    [Fact]
    public void OpenApi_31_is_2020_12()
    {
        Assembly a = Compile(Run(("/api/shapes.json", Shapes31)));
        Assert.True(Validate(a, "Bounded", "10").IsValid);
        Assert.False(Validate(a, "Bounded", "0").IsValid);
        Assert.True(Validate(a, "Maybe", "null").IsValid);
        Assert.True(Validate(a, "Pair", """[1, "a"]""").IsValid);
        Assert.False(Validate(a, "Pair", """[1, "a", 2]""").IsValid);
        // 2020-12: $ref and its siblings both apply.
        Assert.False(Validate(a, "Described", """{"kind": "round", "r": 1}""").IsValid);
        Assert.True(Validate(a, "Described", """{"kind": "round", "r": 1, "note": 1}""").IsValid);
    }

    [Fact]
    public void Discriminator_mapping_picks_the_union_case()
    {
        var result = Run(("/api/shapes.json", Shapes31));
        Assembly a = Compile(result);
        string shape = result.Source("Shape.g.cs");
        Assert.Contains("\"round\"u8", shape);
        Assert.Contains("\"Square\"u8", shape); // implicit mapping: the schema's name
        // Both branches accept both payloads by validation alone: the tag decides.
        Type shapeType = a.GetType("Consumer.Shape")!;
        var context = (System.Text.Json.Serialization.JsonSerializerContext)a.GetType("Consumer.SchemaJsonContext")!.GetProperty("Default")!.GetValue(null)!;
        object? square = JsonSerializer.Deserialize("""{"kind": "Square", "r": 1, "side": 2}""", context.GetTypeInfo(shapeType)!);
        Assert.Equal("Square", square!.GetType().Name);
        object? round = JsonSerializer.Deserialize("""{"kind": "round", "r": 1, "side": 2}""", context.GetTypeInfo(shapeType)!);
        Assert.Equal("Circle", round!.GetType().Name);
    }

    [Fact]
    public void Json_schema_files_keep_working_beside_an_openapi_document()
    {
        var result = Run(
            ("/api/pets.openapi.yaml", Petstore30),
            ("/schemas/widget.schema.json", """{"title": "Widget", "type": "object", "properties": {"size": {"type": "integer"}}}"""));
        Assembly a = Compile(result);
        Assert.True(Validate(a, "Widget", """{"size": 1}""").IsValid);
        Assert.True(Validate(a, "Pet", """{"id": 1, "name": "x"}""").IsValid);
    }

    [Fact]
    public void Refs_between_two_openapi_documents_resolve_by_uri()
    {
        const string common = "openapi: 3.1.0\ninfo: {title: c, version: '1'}\ncomponents:\n  schemas:\n    Money: {type: object, properties: {amount: {type: number}}}\n";
        const string orders = "openapi: 3.1.0\ninfo: {title: o, version: '1'}\ncomponents:\n  schemas:\n    Order:\n      type: object\n      properties:\n        total: {$ref: 'common.openapi.yaml#/components/schemas/Money'}\n";
        Assembly a = Compile(Run(("/api/common.openapi.yaml", common), ("/api/orders.openapi.yaml", orders)));
        Assert.Equal("Consumer.Money", a.GetType("Consumer.Order")!.GetProperty("Total")!.PropertyType.FullName);
        Assert.False(Validate(a, "Order", """{"total": {"amount": "x"}}""").IsValid);
    }

    [Fact]
    public void Swagger_2_is_HSG0006_at_the_version()
    {
        var result = Run(("/api/old.yaml", "# legacy\nswagger: \"2.0\"\ninfo: {title: t, version: '1'}\npaths: {}\n"));
        Diagnostic d = Single(result, "HSG0006");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal((2, 10), At(d));
        Assert.Contains("Swagger 2.0", d.GetMessage());
        Assert.Empty(result.Run.GeneratedSources);
    }

    [Fact]
    public void Swagger_2_json_is_HSG0006_too()
        => Assert.Equal((1, 13), At(Single(Run(("/api/old.json", """{"swagger": "2.0", "info": {}, "paths": {}}""")), "HSG0006")));

    [Fact]
    public void Broken_yaml_is_HSG0004_at_the_yaml_line_and_column()
    {
        var result = Run(("/api/broken.openapi.yml", "openapi: 3.0.0\ninfo:\n  title: t\n  version: '1'\ncomponents:\n  schemas:\n    A:\n      type: object\n     properties: {}\n"));
        Diagnostic d = Single(result, "HSG0004");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("/api/broken.openapi.yml", d.Location.GetLineSpan().Path);
        Assert.Equal((9, 6), At(d));
    }

    [Fact]
    public void Broken_yaml_is_reported_when_it_says_openapi_even_without_the_naming_convention()
        => Single(Run(("/api/spec.yaml", "openapi: 3.0.0\ninfo: [\n")), "HSG0004");

    [Fact]
    public void Other_yaml_files_are_left_alone()
    {
        var result = Run(("/config/settings.yaml", "logging:\n  level: debug\n"), ("/config/broken.yml", "a: [\n"));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.Run.GeneratedSources);
    }

    [Fact]
    public void Duplicate_yaml_key_is_HSG0002_at_the_second_key()
    {
        var result = Run(("/api/d.openapi.yaml", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    A: {type: string}\n    A: {type: integer}\n"));
        Assert.Equal((6, 5), At(Single(result, "HSG0002")));
    }

    [Fact]
    public void Diagnostics_inside_the_document_land_on_yaml_positions()
    {
        var result = Run(("/api/r.openapi.yaml", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        b: {$ref: '#/components/schemas/Missing'}\n"));
        Diagnostic d = Single(result, "HSG1001");
        Assert.Equal((8, 19), At(d));
    }

    [Fact]
    public void Unknown_version_is_HSG0007_and_read_as_31()
    {
        var result = Run(("/api/v.openapi.yaml", "openapi: 4.0.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    A: {type: string}\n"));
        Assert.Equal((1, 10), At(Single(result, "HSG0007")));
        Assert.Contains(result.Run.GeneratedSources, s => s.HintName == "A.g.cs");
    }

    [Fact]
    public void Operations_without_operation_id_webhooks_and_callbacks_are_named_by_path()
    {
        const string yaml = """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /users/{id}/orders:
                parameters:
                  - name: id
                    in: path
                    required: true
                    schema: {type: string, enum: [a, b]}
                put:
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {x: {type: string}}}
                  responses:
                    default:
                      description: d
                      content:
                        application/json:
                          schema: {type: object, properties: {y: {type: string}}}
                  callbacks:
                    onDone:
                      '{$request.body#/url}':
                        post:
                          requestBody:
                            content:
                              application/json:
                                schema: {type: object, properties: {z: {type: string}}}
                          responses: {'200': {description: ok}}
            webhooks:
              newPet:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {w: {type: string}}}
                  responses: {'200': {description: ok}}
            components:
              requestBodies:
                Big:
                  content:
                    application/json:
                      schema: {type: object, properties: {b: {type: string}}}
              responses:
                NotFound:
                  description: nf
                  content:
                    application/json:
                      schema: {type: object, properties: {n: {type: string}}}
              parameters:
                Sort:
                  name: sort
                  in: query
                  schema: {type: string, enum: [asc, desc]}
            """;
        Assembly a = Compile(Run(("/api/n.openapi.yaml", yaml)));
        foreach (string name in new[] { "PutUsersIdOrdersRequest", "PutUsersIdOrdersResponseDefault", "UsersIdOrdersParameterId",
                     "PostPutUsersIdOrdersOnDoneRequest", "PostNewPetRequest", "BigRequestBody", "NotFoundResponse", "SortParameter" })
            Assert.True(a.GetType("Consumer." + name) is not null, name + " missing: " + string.Join(", ", a.GetTypes().Where(x => x.Namespace == "Consumer" && !x.IsNested).Select(x => x.Name)));
    }

    [Fact]
    public void Yaml_anchors_expand_into_their_own_types()
    {
        const string yaml = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    A: &shape\n      type: object\n      properties: {x: {type: string}}\n    B: *shape\n    C:\n      <<: *shape\n      required: [x]\n";
        Assembly a = Compile(Run(("/api/y.openapi.yaml", yaml)));
        Assert.NotNull(a.GetType("Consumer.A"));
        Assert.NotNull(a.GetType("Consumer.B"));
        Assert.False(Validate(a, "C", "{}").IsValid);
        Assert.True(Validate(a, "B", "{}").IsValid);
    }
}
