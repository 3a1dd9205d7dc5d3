#!/usr/bin/env bash
# A fresh console project, outside the repository, that uses HppSchemaGen exactly as the README's
# three steps say (project references, the 11 HPP schemas as AdditionalFiles, nothing else), builds
# with warnings as errors and calls the contract's API on every generated type.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/HppConsumer/schemas"
cp "$repo"/schemas/*.json "$dir/HppConsumer/schemas/"
cd "$dir/HppConsumer"
cat > HppConsumer.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/generator/HppSchemaGen.Generator/HppSchemaGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$repo/runtime/HppSchemaGen.Runtime/HppSchemaGen.Runtime.csproj" />
    <AdditionalFiles Include="schemas/*.json" />
  </ItemGroup>
</Project>
XML
{
  echo 'using System.Text;'
  echo 'using System.Text.Json;'
  echo 'using HppSchemaGen;'
  echo 'using HppConsumer;'
  echo 'int checkedTypes = 0;'
  echo 'JsonElement empty = JsonDocument.Parse("{}").RootElement;'
  for f in schemas/*.schema.json; do
    t=$(basename "$f" .schema.json)
    required=$(grep -c '"required"' "$f" || true)
    echo "{"
    echo "    ValidationResult v = $t.Validate(empty);"
    echo "    bool ok = $t.TryParse(\"{}\"u8, out $t? value, out ValidationResult r);"
    echo "    if (ok != r.IsValid || v.IsValid != r.IsValid) throw new Exception(\"$t: Validate and TryParse disagree\");"
    echo "    if (ok) { $t parsed = $t.Parse(\"{}\"u8); Console.WriteLine(\"$t: {}\" + \" -> \" + JsonSerializer.Serialize(parsed, SchemaJsonContext.Default.$t)); }"
    echo "    else Console.WriteLine(\"$t: {} -> \" + string.Join(\"; \", r.Errors));"
    echo "    checkedTypes++;"
    echo "}"
  done
  echo 'Console.WriteLine($"checked {checkedTypes} types");'
  echo 'return checkedTypes == 11 ? 0 : 1;'
} > Program.cs
dotnet build -nologo -v q 2>&1 | tail -3
dotnet run --no-build
