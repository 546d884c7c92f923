namespace ProductSearch.Vector;

/// <summary>Mirror of <c>usearch_scalar_kind_t</c> from <c>c/usearch.h</c> (a C enum, so 4 bytes).</summary>
internal enum UsearchScalarKind
{
    Unknown = 0,
    F32 = 1,
    F64 = 2,
    F16 = 3,
    I8 = 4,
    B1 = 5,
}
