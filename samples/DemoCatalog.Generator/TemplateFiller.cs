using System.Text;

namespace DemoCatalog.Generator;

/// <summary>
/// Chooses slot values for one product (each at most once, on first use) and fills templates with them.
/// See <see cref="ProductKind"/> for the placeholder syntax.
/// </summary>
internal sealed class TemplateFiller
{
    private readonly ProductKind _kind;
    private readonly Random _rng;

    // Lookup only; never enumerated, so it cannot affect output order.
    private readonly Dictionary<string, string[]> _chosen = new(StringComparer.Ordinal);

    public TemplateFiller(ProductKind kind, Random rng)
    {
        _kind = kind;
        _rng = rng;
    }

    public string Fill(string template)
    {
        var sb = new StringBuilder(template.Length + 32);
        int i = 0;
        while (i < template.Length)
        {
            char c = template[i];
            if (c != '{')
            {
                sb.Append(c);
                i++;
                continue;
            }

            int close = template.IndexOf('}', i + 1);
            if (close < 0)
            {
                throw new FormatException($"Unclosed placeholder in template: {template}");
            }

            sb.Append(Resolve(template.Substring(i + 1, close - i - 1)));
            i = close + 1;
        }

        return sb.ToString();
    }

    /// <summary>Resolves a placeholder body such as <c>type</c>, <c>type.2</c> or <c>color:lc</c>.</summary>
    private string Resolve(string placeholder)
    {
        bool lower = false;
        string body = placeholder;
        if (body.EndsWith(":lc", StringComparison.Ordinal))
        {
            lower = true;
            body = body[..^3];
        }

        string name = body;
        int part = 0;
        int dot = body.IndexOf('.');
        if (dot >= 0)
        {
            name = body[..dot];
            part = int.Parse(body[(dot + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        }

        string[] parts = Choose(name);
        string value = part < parts.Length ? parts[part] : parts[0];
        return lower ? value.ToLowerInvariant() : value;
    }

    private string[] Choose(string name)
    {
        if (_chosen.TryGetValue(name, out var parts))
        {
            return parts;
        }

        if (name == "color" && _kind.ColorFrom is { } source)
        {
            // The source part may list alternatives separated by ';' ("Black;White;Rose Gold").
            string[] alternatives = Resolve(source).Split(';');
            parts = [alternatives[_rng.Next(alternatives.Length)]];
        }
        else
        {
            string[] options = name switch
            {
                "brand" => _kind.Brands,
                "color" => _kind.Colors,
                _ => _kind.Slots.TryGetValue(name, out var values)
                    ? values
                    : throw new KeyNotFoundException($"Category '{_kind.Category}' has no slot '{name}'."),
            };
            string option = options[_rng.Next(options.Length)];
            if (option.Contains('{'))
            {
                option = Fill(option); // a value may refer to another slot, e.g. a book's author "{type.3}"
            }

            parts = option.Split('|');
        }

        _chosen[name] = parts;
        return parts;
    }

    /// <summary>Collapses the spacing and punctuation left behind by empty optional slots.</summary>
    public static string Tidy(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            bool isSpace = c == ' ';
            if (isSpace && (sb.Length == 0 || sb[^1] == ' '))
            {
                continue;
            }

            if (c == ',' || c == '.')
            {
                while (sb.Length > 0 && sb[^1] == ' ')
                {
                    sb.Length--;
                }

                if (sb.Length > 0 && sb[^1] == ',')
                {
                    sb.Length--; // ", ," from an empty slot
                }
            }

            sb.Append(c);
        }

        return sb.ToString().Trim().TrimEnd(',', ' ', '-').TrimStart(',', ' ', '-');
    }
}
