using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Campaigns.Accounts;

/// <summary>
/// Sign-in attempts are limited per user name and per client IP (ASP.NET Core's rate limiter, fixed windows), so that
/// neither guessing one user's password nor trying many users from one address gets far. Over the limit: 429.
/// The IP is the connection's; behind a proxy, configure forwarded headers for a trusted proxy only.
/// </summary>
public static class LoginRateLimits
{
    public const string Section = "Campaigns:Login";

    public static void Configure(RateLimiterOptions options, IConfiguration configuration)
    {
        var window = TimeSpan.FromSeconds(configuration.GetValue($"{Section}:WindowSeconds", 300));
        var perUser = configuration.GetValue($"{Section}:AttemptsPerUser", 5);
        var perIp = configuration.GetValue($"{Section}:AttemptsPerIp", 30);

        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, _) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString();
            return ValueTask.CompletedTask;
        };
        options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsLoginAttempt(context)
                    ? RateLimitPartition.GetFixedWindowLimiter("ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => Window(perIp, window))
                    : RateLimitPartition.GetNoLimiter("")),
            PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsLoginAttempt(context)
                    ? RateLimitPartition.GetFixedWindowLimiter("user:" + AttemptedUser(context), _ => Window(perUser, window))
                    : RateLimitPartition.GetNoLimiter("")));
    }

    /// <summary>POSTs to /login and /login/password: every form that checks a password.</summary>
    public static bool IsLoginAttempt(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(AccountsSetup.LoginPath);

    /// <summary>The form was read by <see cref="LoginFormReader"/> already, so this never blocks on the request body.</summary>
    private static string AttemptedUser(HttpContext context) =>
        context.Request.HasFormContentType && context.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is { } form
            ? UserAccount.IdFor(form["userName"].ToString())
            : "";

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };
}

/// <summary>Reads a login form asynchronously before the rate limiter partitions on its user name.</summary>
public sealed class LoginFormReader(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (LoginRateLimits.IsLoginAttempt(context) && context.Request.HasFormContentType)
            await context.Request.ReadFormAsync(context.RequestAborted);
        await next(context);
    }
}
