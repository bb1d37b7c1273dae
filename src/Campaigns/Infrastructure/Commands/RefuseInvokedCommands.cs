using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using JasperFx.CodeGeneration.Model;
using JasperFx.Core.Reflection;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Configuration;
using Wolverine.Http;
using Wolverine.Middleware;
using Wolverine.Runtime.Handlers;

namespace Campaigns.Infrastructure.Commands;

/// <summary>
/// A message handler's <c>Validate</c> returns ProblemDetails as an HTTP endpoint's does. Wolverine on its own only logs
/// such a refusal inside a message handler; this answers it to the sender as <see cref="CommandResult.Refused"/>, so that
/// the API and the pages, which both invoke the handler, show the same field errors. Nothing is stored: the handler
/// stops before its transaction commits.
/// </summary>
internal sealed class RefuseInvokedCommands : IContinuationStrategy
{
    public bool TryFindContinuationHandler(IChain chain, MethodCall call, out Frame? frame)
    {
        var details = call.Creates.FirstOrDefault(x => x.VariableType == typeof(ProblemDetails));
        if (chain is HandlerChain && details is not null && !details.Properties.ContainsKey("checked"))
        {
            // The same marker Wolverine's own ProblemDetails strategy honours, so the refusal is answered once.
            details.Properties["checked"] = true;
            frame = new AnswerRefusalFrame(details);
            return true;
        }

        frame = null;
        return false;
    }

    private sealed class AnswerRefusalFrame : AsyncFrame
    {
        private readonly Variable _details;
        private Variable? _context;

        public AnswerRefusalFrame(Variable details)
        {
            _details = details;
            uses.Add(details);
        }

        public override IEnumerable<Variable> FindVariables(IMethodVariables chain)
        {
            _context = chain.FindVariable(typeof(Wolverine.Runtime.MessageContext));
            yield return _context;
        }

        public override void GenerateCode(GeneratedMethod method, ISourceWriter writer)
        {
            writer.Write($"BLOCK:if (!ReferenceEquals({_details.Usage}, {typeof(WolverineContinue).FullNameInCode()}.{nameof(WolverineContinue.NoProblems)}))");
            writer.Write($"await {_context!.Usage}.{nameof(Wolverine.Runtime.MessageContext.EnqueueCascadingAsync)}(" +
                         $"{typeof(CommandResult).FullNameInCode()}.{nameof(CommandResult.Refused)}({_details.Usage})).ConfigureAwait(false);");
            writer.Write("return;");
            writer.FinishBlock();
            Next?.GenerateCode(method, writer);
        }
    }
}
