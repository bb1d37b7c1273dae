namespace Campaigns.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Campaigns:Webhooks";
    public const string HttpClientName = "webhooks";
    public const string Queue = "webhooks";

    /// <summary>Lets URLs on loopback and private networks be registered (tests, an intranet receiver).</summary>
    public bool AllowPrivateAddresses { get; set; }
    /// <summary>Lets http (not https) URLs be registered outside Development.</summary>
    public bool AllowHttp { get; set; }
    public double TimeoutSeconds { get; set; } = 10;
    /// <summary>Seconds between attempts, comma-separated; after the last one the delivery is dead-lettered. The default adds up to about 24 hours.</summary>
    public string RetryDelaySeconds { get; set; } = "60,300,1800,7200,21600,21600,21600,12600";
    /// <summary>Prefix of the resource links, such as https://campaigns.example.org.</summary>
    public string BaseUrl { get; set; } = "";

    public TimeSpan[] RetryDelays => RetryDelaySeconds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(s => TimeSpan.FromSeconds(double.Parse(s, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
}
