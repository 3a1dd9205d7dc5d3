#!/usr/bin/env bash
# The package as a new user gets it: `dotnet pack` the repository root into a temporary feed
# (exactly one package, HppSchemaGen, must come out), create a fresh console project outside the
# repository, add the package by name, drop the HPP schemas in, build with warnings as errors, run,
# and check what it prints. Uses no network beyond the package mirror.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A version of its own, so a package cached by an earlier run is never picked up instead.
version="0.1.0-check.$(date +%s%N)"

# List a package's entries (unzip where there is one, else Python's zipfile).
entries() {
  if command -v unzip >/dev/null; then unzip -Z1 "$1"
  else python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"; fi
}

# `dotnet pack` at the repository root, as a release does: it must exit 0 and produce exactly one
# package, HppSchemaGen (the runtime, with the generator inside), and no other project's package.
echo "-- dotnet pack at the repository root ($version)"
(cd "$repo" && dotnet pack -c Release -o "$work/feed" -p:Version="$version" -nologo -v q)
mapfile -t packages < <(cd "$work/feed" && ls -1)
if [ "${#packages[@]}" -ne 1 ] || [[ "${packages[0]}" != "HppSchemaGen.$version.nupkg" ]]; then
  echo "expected exactly HppSchemaGen.$version.nupkg from the root pack, got: ${packages[*]:-nothing}"; exit 1
fi
listing=$(entries "$work/feed/${packages[0]}")
for entry in analyzers/dotnet/cs/HppSchemaGen.Generator.dll lib/net8.0/HppSchemaGen.Runtime.dll lib/net10.0/HppSchemaGen.Runtime.dll \
             build/HppSchemaGen.props build/HppSchemaGen.targets buildTransitive/HppSchemaGen.props buildTransitive/HppSchemaGen.targets; do
  grep -qxF "$entry" <<<"$listing" || { echo "${packages[0]} lacks $entry"; echo "$listing"; exit 1; }
done
echo "one package, ${packages[0]}, with the generator in analyzers/dotnet/cs"

echo "-- new console project, add the package"
mkdir "$work/HppApp"
cd "$work/HppApp"
dotnet new console --framework net10.0 --no-restore -n HppApp -o . >/dev/null
dotnet add package HppSchemaGen --version "$version" --source "$work/feed" >/dev/null
mkdir schemas
cp "$repo"/schemas/*.schema.json schemas/

# Options through MSBuild: a base URI with ';' and '#'-free text travels through .editorconfig intact.
mkdir extra
echo '{"type": "object", "properties": {"size": {"type": "integer", "minimum": 1}}}' > extra/widget.json
echo '{"title": "Gadget", "type": "object", "properties": {"widget": {"$ref": "https://example.com/v1;rev=2/widget.json"}}}' > schemas/gadget.schema.json
sed -i 's#</Project>#  <ItemGroup>\n    <AdditionalFiles Include="extra/widget.json" HppSchemaGenBaseUri="https://example.com/v1;rev=2/widget.json" HppSchemaGenTypeName="Widget" />\n  </ItemGroup>\n</Project>#' HppApp.csproj

cat > Program.cs <<'CS'
using System.Text;
using System.Text.Json;
using HppApp;
using HppSchemaGen;

byte[] json = Encoding.UTF8.GetBytes("""
{"session_id": "9cbc9884-1fdb-45a8-9694-9340340d0436", "expires_at": "2038-01-19T03:14:07.000Z",
 "distribution_module": {"token": "t"}, "extra": [1, 2]}
""");
SessionCreationResponseV1 response = SessionCreationResponseV1.Parse(json);
Console.WriteLine($"session {response.SessionId} expires {response.ExpiresAt:yyyy-MM-dd}");
Console.WriteLine(JsonSerializer.Serialize(response, SchemaJsonContext.Default.SessionCreationResponseV1));
ValidationResult bad = SessionCreationRequestV1.Validate(JsonDocument.Parse("""{"options": {"purchase_type": "STEAL"}}""").RootElement);
foreach (ValidationError e in bad.Errors) Console.WriteLine($"{e.InstanceLocation} {e.KeywordLocation}: {e.Message}");
Console.WriteLine(bad.IsValid ? "unexpectedly valid" : "invalid as expected");
Gadget gadget = Gadget.Parse("""{"widget": {"size": 3}}"""u8);
Console.WriteLine($"widget size {gadget.Widget?.Size}, zero size valid: {Gadget.Validate(JsonDocument.Parse("""{"widget": {"size": 0}}""").RootElement).IsValid}");
CS

echo "-- build (warnings as errors) and run"
dotnet build -nologo -v q -warnaserror -p:Nullable=enable
output=$(dotnet run --no-build)
echo "$output"
grep -q "session 9cbc9884-1fdb-45a8-9694-9340340d0436 expires 2038-01-19" <<<"$output"
grep -q '"extra":\[1,2\]' <<<"$output"
grep -q "/options/purchase_type /properties/options/\$ref/properties/purchase_type/enum" <<<"$output"
grep -q " /required: Required property 'payment_session_url' is missing." <<<"$output"
grep -q "invalid as expected" <<<"$output"
grep -q "widget size 3, zero size valid: False" <<<"$output"
echo "package check passed"
