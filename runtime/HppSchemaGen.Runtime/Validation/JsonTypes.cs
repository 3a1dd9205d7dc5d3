using System;
using System.ComponentModel;

namespace HppSchemaGen.Validation;

/// <summary>The JSON Schema <c>type</c> names as flags: one value stands for a whole <c>type</c> array.</summary>
[Flags]
[EditorBrowsable(EditorBrowsableState.Never)]
#if HPPSCHEMAGEN_GENERATOR
// Linked into the generator, whose assembly a project may also reference (the benchmarks do):
// there the copy stays internal so generated code sees only the runtime's.
internal
#else
public
#endif
enum JsonTypes
{
    /// <summary>No type: an empty <c>type</c> array, which no value satisfies.</summary>
    None = 0,
    /// <summary><c>object</c></summary>
    Object = 1,
    /// <summary><c>array</c></summary>
    Array = 2,
    /// <summary><c>string</c></summary>
    String = 4,
    /// <summary><c>number</c> (integers included)</summary>
    Number = 8,
    /// <summary><c>integer</c>: a number with no fractional part (<c>2.0</c> counts)</summary>
    Integer = 16,
    /// <summary><c>boolean</c></summary>
    Boolean = 32,
    /// <summary><c>null</c></summary>
    Null = 64,
    /// <summary>Draft-04's <c>integer</c>: a number written with neither a fraction nor an exponent (<c>1.0</c> is not one)</summary>
    IntegerLiteral = 128,
}
