using System.ComponentModel;
using System.Globalization;

namespace ProductSearch.Embedding;

/// <summary>
/// Converts <c>auto</c>, <c>cpu</c>, <c>cuda</c> and <c>cuda:N</c> to a <see cref="ComputeDevice"/> and back, so
/// configuration binding (<c>"Device": "cuda:1"</c> in appsettings.json, an environment variable, a switch) reads it
/// like any other option; an unknown device fails the binding with the accepted forms in the message.
/// </summary>
public sealed class ComputeDeviceConverter : TypeConverter
{
    /// <inheritdoc />
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    /// <inheritdoc />
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? ComputeDevice.Parse(text) : base.ConvertFrom(context, culture, value);

    /// <inheritdoc />
    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is ComputeDevice device ? device.ToString() : base.ConvertTo(context, culture, value, destinationType);
}
