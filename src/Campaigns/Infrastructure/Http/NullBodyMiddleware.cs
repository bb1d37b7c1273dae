using Campaigns.Infrastructure.Validation;

namespace Campaigns.Infrastructure.Http;

/// <summary>
/// A POST whose JSON body is the literal <c>null</c> binds a null command, which no Validate step expects (it answered 500).
/// Refused here, once for every route, with a 400 naming the body. Only the first non-blank byte is read: a JSON document
/// that starts with <c>n</c> is <c>null</c> or not JSON at all, and both deserve this 400.
/// </summary>
public sealed class NullBodyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasJsonContentType() && await StartsWithNull(context.Request))
        {
            var problem = new Check().Add("body", "Verwacht een JSON-object.").ToProblem();
            await Results.Problem(problem).ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static async Task<bool> StartsWithNull(HttpRequest request)
    {
        request.EnableBuffering();
        var buffer = new byte[256];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
            {
                foreach (var b in buffer.AsSpan(0, read))
                {
                    // Blanks, and a UTF-8 byte-order mark, which the JSON reader skips too.
                    if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF) continue;
                    return b == (byte)'n';
                }
            }
            return false;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
