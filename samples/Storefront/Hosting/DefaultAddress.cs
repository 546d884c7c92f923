namespace Storefront.Hosting;

/// <summary>
/// The storefront listens on the loopback interface unless told otherwise: a sample should not appear on a network
/// by surprise. <c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c> or a <c>Kestrel:Endpoints</c>
/// section choose another address.
/// </summary>
internal static class DefaultAddress
{
    public const string Url = "http://127.0.0.1:5080";

    public static void ApplyUnlessConfigured(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrWhiteSpace(configuration["urls"])
            || !string.IsNullOrWhiteSpace(configuration["http_ports"])
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!configured) builder.WebHost.UseUrls(Url);
    }
}
