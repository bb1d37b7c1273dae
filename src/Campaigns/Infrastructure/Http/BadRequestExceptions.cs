using Campaigns.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Campaigns.Infrastructure.Http;

/// <summary>
/// A request Kestrel or a reader refuses (a body over the 1 MB limit, a broken chunk, a form it cannot read) throws
/// <see cref="BadHttpRequestException"/>, which carries the status it deserves (413, 400). The exception handler
/// answered every one of them 500 and logged a stack trace: the client's mistake, answered as our failure. This
/// handler answers the exception's own status: ProblemDetails for the API, the Dutch "Formulier niet opgeslagen" page
/// for a page's form. Handled exceptions are not logged by the exception handler (.NET 10), so the log keeps only the
/// request line with its 4xx.
/// </summary>
public sealed class BadRequestExceptions(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        context.Response.StatusCode = bad.StatusCode;
        if (PagePath.IsPage(context.Request.Path) && HttpMethods.IsPost(context.Request.Method)
            && bad.StatusCode is StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge)
        {
            await StatusPage.FormNotReadAsync(context);
            return true;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = bad.StatusCode, Detail = DetailOf(context, bad) }
        });
    }

    private static string DetailOf(HttpContext context, BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge =>
            $"Het verzoek is te groot (maximaal {Megabytes(context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize)} MB).",
        StatusCodes.Status408RequestTimeout => "Het verzoek kwam niet op tijd binnen.",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "De headers van het verzoek zijn te groot.",
        _ => "Het verzoek kon niet worden gelezen."
    };

    private static long Megabytes(long? bytes) => Math.Max(1, (bytes ?? CampaignsHost.MaxRequestBodyBytes) / (1024 * 1024));
}

/// <summary>
/// The antiforgery check is the first to read a page's form, and it reports every failure to read it as an invalid
/// token: a form over the size limit got "hoort niet meer bij je aanmelding" (400). This passes a refused read on as
/// what it was, so that <see cref="BadRequestExceptions"/> answers it (413, "Het formulier is te groot").
/// </summary>
public sealed class FormReadFailuresPassThrough(IAntiforgery inner) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) => inner.GetAndStoreTokens(httpContext);
    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);
    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    public async Task<bool> IsRequestValidAsync(HttpContext httpContext)
    {
        try
        {
            return await inner.IsRequestValidAsync(httpContext);
        }
        catch (AntiforgeryValidationException e) when (e.InnerException is BadHttpRequestException bad)
        {
            throw bad;
        }
    }

    public async Task ValidateRequestAsync(HttpContext httpContext)
    {
        try
        {
            await inner.ValidateRequestAsync(httpContext);
        }
        catch (AntiforgeryValidationException e) when (e.InnerException is BadHttpRequestException bad)
        {
            throw bad;
        }
    }

    /// <summary>Wraps the registered antiforgery service (call after AddRazorPages, which registers it).</summary>
    public static void Register(IServiceCollection services)
    {
        var registered = services.Last(s => s.ServiceType == typeof(IAntiforgery));
        services.Remove(registered);
        services.AddSingleton<IAntiforgery>(provider => new FormReadFailuresPassThrough(
            registered.ImplementationInstance as IAntiforgery
            ?? registered.ImplementationFactory?.Invoke(provider) as IAntiforgery
            ?? (IAntiforgery)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)));
    }
}
