using ProductSearch.Behavior;

namespace Storefront.Hosting;

/// <summary>
/// The storefront's behaviour log: every search and the page's impressions and clicks, as UBI JSON Lines in the folder
/// of <c>ProductSearch:BehaviorLog:Folder</c> (default <c>logs/ubi</c> under the app's content root), for
/// <c>productsearch judgments from-clicks</c>.
/// </summary>
internal static class StorefrontBehaviorLog
{
    public const string Section = StorefrontSettings.Section + ":BehaviorLog";

    /// <summary>The <c>application</c> of the storefront's UBI records.</summary>
    public const string Application = "storefront";

    public static void AddStorefrontBehaviorLog(this IServiceCollection services) =>
        services.AddProductSearchBehaviorLog(Section).PostConfigure<IHostEnvironment>((options, environment) =>
        {
            // A relative folder is the app's, not whatever directory it was started from.
            if (!string.IsNullOrWhiteSpace(options.Folder)) options.Folder = Path.GetFullPath(options.Folder, environment.ContentRootPath);
        });
}
