using Microsoft.Playwright;

namespace Campaigns.Tests.Web;

/// <summary>Screenshots for the README, written by the test run into docs/screenshots/.</summary>
public static class Screenshots
{
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Campaigns.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("No Campaigns.sln above the test output.");
        }
    }

    public static string Folder => Directory.CreateDirectory(Path.Combine(RepositoryRoot, "docs", "screenshots")).FullName;

    /// <summary>The whole page, or with <paramref name="height"/> only its top, for pages longer than a README wants.</summary>
    public static async Task<string> SaveAsync(IPage page, string name, int? height = null)
    {
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = path,
            FullPage = true,
            Clip = height is { } h ? new Clip { X = 0, Y = 0, Width = page.ViewportSize!.Width, Height = h } : null
        });
        return path;
    }
}
