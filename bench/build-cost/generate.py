#!/usr/bin/env python3
"""Writes two equivalent projects for the build-cost benchmark (see run.sh):

  ours/  N JSON Schema files (one component each) built with HppSchemaGen: records, context, validators
         (the HppSchemaGen package of the given version, from the given feed: nuget.config beside them)
  stj/   the same records written by hand, with System.Text.Json's own source-generated context

Component i: an object with 9-14 properties: strings with maxLength, an int64 with a minimum, a
date-time, a 4-value string enum, a $ref to another file, an array of $ref, a nested address
object with a pattern, a nullable number, and 0-5 extra strings. Deterministic in N.
"""
import os
import sys

def schema(i, n):
    props = {
        "id": '{"type": "string", "maxLength": 64}',
        "name": '{"type": "string", "maxLength": 200, "description": "Display name."}',
        "created_at": '{"type": "string", "format": "date-time"}',
        "count": '{"type": "integer", "format": "int64", "minimum": 0}',
        "status": '{"type": "string", "enum": ["ACTIVE", "INACTIVE", "PENDING", "DELETED"]}',
        "owner": '{"$ref": "C%d.schema.json"}' % ((i + 1) % n),
        "items": '{"type": "array", "items": {"$ref": "C%d.schema.json"}}' % ((i + 2) % n),
        "address": '{"type": "object", "properties": {"street": {"type": "string", "maxLength": 100}, '
                   '"zip": {"type": "string", "pattern": "^[0-9]{5}$"}, "city": {"type": "string"}}}',
        "amount": '{"type": ["number", "null"]}',
    }
    for k in range(i % 6):
        props["note%d" % k] = '{"type": "string", "maxLength": 50}'
    body = ",\n    ".join('"%s": %s' % (k, v) for k, v in props.items())
    return ('{\n  "$id": "https://bench.example/C%d.schema.json",\n  "title": "C%d",\n  "type": "object",\n'
            '  "required": ["id"],\n  "properties": {\n    %s\n  }\n}\n') % (i, i, body)

def record(i, n):
    lines = [
        "public sealed record C%d" % i, "{",
        '    [JsonPropertyName("id")] public required string Id { get; init; }',
        '    [JsonPropertyName("name")] public string? Name { get; init; }',
        '    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; init; }',
        '    [JsonPropertyName("count")] public long? Count { get; init; }',
        '    [JsonPropertyName("status")] public C%dStatus? Status { get; init; }' % i,
        '    [JsonPropertyName("owner")] public C%d? Owner { get; init; }' % ((i + 1) % n),
        '    [JsonPropertyName("items")] public List<C%d>? Items { get; init; }' % ((i + 2) % n),
        '    [JsonPropertyName("address")] public C%dAddress? Address { get; init; }' % i,
        '    [JsonPropertyName("amount")] public double? Amount { get; init; }',
    ]
    for k in range(i % 6):
        lines.append('    [JsonPropertyName("note%d")] public string? Note%d { get; init; }' % (k, k))
    lines += ["}", "",
              "public sealed record C%dAddress" % i, "{",
              '    [JsonPropertyName("street")] public string? Street { get; init; }',
              '    [JsonPropertyName("zip")] public string? Zip { get; init; }',
              '    [JsonPropertyName("city")] public string? City { get; init; }',
              "}", "",
              "[JsonConverter(typeof(JsonStringEnumConverter<C%dStatus>))]" % i,
              "public enum C%dStatus { ACTIVE, INACTIVE, PENDING, DELETED }" % i, ""]
    return "\n".join(lines)

PROPS = """    <OutputType>Library</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
    <NoWarn>CS1591</NoWarn>"""

def main():
    n, out, feed, version = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    ours, stj = os.path.join(out, "ours"), os.path.join(out, "stj")
    os.makedirs(os.path.join(ours, "schemas"), exist_ok=True)
    os.makedirs(stj, exist_ok=True)
    for i in range(n):
        with open(os.path.join(ours, "schemas", "C%d.schema.json" % i), "w") as f:
            f.write(schema(i, n))
    # The package as a user adds it (run.sh packs the repository into a feed first): a project
    # reference would add MSBuild work to every build (evaluating the referenced projects and
    # negotiating their target frameworks) that no user's build does.
    with open(os.path.join(ours, "Ours.csproj"), "w") as f:
        f.write("""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
%s
    <RootNamespace>Bench</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="HppSchemaGen" Version="%s" />
  </ItemGroup>
</Project>
""" % (PROPS, version))
    with open(os.path.join(out, "nuget.config"), "w") as f:
        f.write("""<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="hppschemagen-build-cost" value="%s" />
  </packageSources>
</configuration>
""" % feed)
    with open(os.path.join(stj, "Stj.csproj"), "w") as f:
        f.write("""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
%s
    <RootNamespace>Bench</RootNamespace>
  </PropertyGroup>
</Project>
""" % PROPS)
    with open(os.path.join(stj, "Records.cs"), "w") as f:
        f.write("using System.Text.Json.Serialization;\n\nnamespace Bench;\n\n")
        for i in range(n):
            f.write(record(i, n) + "\n")
        for i in range(n):
            f.write("[JsonSerializable(typeof(C%d))]\n" % i)
        f.write("public partial class StjContext : JsonSerializerContext { }\n")

# generate.py N OUT FEED VERSION
if __name__ == "__main__":
    main()
