using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace ProductSearch.Cli;

/// <summary>
/// System.CommandLine's parse errors in the user's words: "Cannot parse argument 'abc' for option '--min-price' as
/// expected type 'System.Nullable`1[System.Decimal]'" names a .NET type; the user needs to hear what to type instead.
/// </summary>
internal static partial class CliParseErrors
{
    public static string Describe(ParseError error)
    {
        var message = string.Join(' ', error.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (CannotParse().Match(message) is not { Success: true } match) return message;
        var (name, type) = error.SymbolResult switch
        {
            OptionResult o => (o.Option.Name, o.Option.ValueType),
            ArgumentResult a => ($"<{a.Argument.Name}>", a.Argument.ValueType),
            _ => ("the command", typeof(string)),
        };
        return $"{name} expects {Expected(type)}, got '{match.Groups["value"].Value}'.";
    }

    /// <summary>What a value of <paramref name="type"/> looks like on the command line.</summary>
    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray) type = type.GetElementType()!;
        if (type.IsEnum) return "one of " + string.Join(", ", EnumChoices.Names(type));
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Byte or TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 => "a whole number",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number (e.g. 12.5)",
            TypeCode.Boolean => "true or false",
            _ => "another value",
        };
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*?)' (?:for (?:option|command) '[^']*' )?as expected type '[^']*'\.")]
    private static partial Regex CannotParse();
}
