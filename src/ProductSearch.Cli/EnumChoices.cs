using System.CommandLine;

namespace ProductSearch.Cli;

/// <summary>
/// Options whose values are an enum (<c>--fusion</c>, <c>--prompt</c>, <c>--variant</c>) as users type them: help shows
/// <c>&lt;rrf|convex&gt;</c> rather than the .NET names <c>&lt;Convex|Rrf&gt;</c>. System.CommandLine parses enum names
/// without regard to case, and <see cref="CliParseErrors"/> lists these names when a value is none of them.
/// </summary>
internal static class EnumChoices
{
    /// <summary>Names the values of every enum-valued option of <paramref name="root"/> and its subcommands in lower case.</summary>
    public static RootCommand Apply(RootCommand root)
    {
        foreach (var option in Options(root))
        {
            var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
            if (type.IsEnum) option.HelpName ??= string.Join('|', Names(type));
        }
        return root;
    }

    /// <summary>The names of <paramref name="type"/>'s values in lower case, in declaration order.</summary>
    public static string[] Names(Type type) => Enum.GetValues(type).Cast<Enum>().Select(v => v.ToString().ToLowerInvariant()).ToArray();

    private static IEnumerable<Option> Options(Command command) =>
        command.Options.Concat(command.Subcommands.SelectMany(Options));
}
