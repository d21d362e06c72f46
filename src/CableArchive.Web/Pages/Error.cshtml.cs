using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CableArchive.Web.Pages;

/// <summary>The error page: a plain message and the request's correlation id, never the exception or a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    /// <summary>The heading.</summary>
    public string Title { get; private set; } = "Something went wrong";

    /// <summary>What to tell the reader.</summary>
    public string Message { get; private set; } = "The request could not be completed.";

    /// <summary>The id that ties this page to the log lines of the request.</summary>
    public string CorrelationId { get; private set; } = "";

    /// <summary>Shown for exceptions (re-executed) and bare status codes (<c>?status=404</c>).</summary>
    public void OnGet(int? status) => Describe(status);

    /// <summary>A failed POST is shown the same way.</summary>
    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        CorrelationId = HttpContext.TraceIdentifier;
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (failure is not null)
        {
            logger.LogError(failure.Error, "Unhandled error on {Path}", failure.Path);
            Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        (Title, Message) = status switch
        {
            StatusCodes.Status404NotFound => ("Not found", "There is no page here."),
            StatusCodes.Status400BadRequest => ("Bad request", "The request could not be understood (a form may have expired; reload the page)."),
            StatusCodes.Status403Forbidden => ("Not allowed", "You are not allowed to do this."),
            _ => (Title, Message),
        };
        if (status is >= 400 and < 600)
            Response.StatusCode = status.Value;
    }
}
