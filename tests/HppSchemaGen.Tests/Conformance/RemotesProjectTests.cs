using System;
using System.Linq;
using HppSchemaGen.Testing.Conformance;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HppSchemaGen.Tests.Conformance;

/// <summary>
/// Every file of the suite's remotes/ in one project, each under its http://localhost:1234/ URI
/// (HppSchemaGenBaseUri) and as written: documents of every draft, most naming no dialect, side by
/// side. Among them draft-04's <c>"id": "#foo"</c> location-independent identifier
/// (remotes/draft4/locationIndependentIdentifier.json), which a <c>"$ref": "#foo"</c> must reach.
/// </summary>
[Collection(SuiteConformance.CollectionName)]
public class RemotesProjectTests
{
    [Fact]
    public void A_project_of_every_remote_builds_without_errors()
    {
        var runner = new SuiteRunner(SuiteRunner.Locate(AppContext.BaseDirectory));
        var (generator, compiler) = runner.BuildAllRemotes();
        var errors = generator.Where(d => d.Severity == DiagnosticSeverity.Error).Concat(compiler).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
