using System.Diagnostics;
using System.Reflection;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Engine.Running;

/// <summary>Finds the policy line an exception came from: the deepest stack frame in the script or a file it loads
/// (policies compile with symbols and their path, so frames carry file and line).</summary>
internal static class ExceptionLocator
{
    public static Exception Unwrap(Exception exception)
    {
        while (exception is TargetInvocationException { InnerException: not null } or AggregateException { InnerExceptions.Count: 1, InnerException: not null })
            exception = exception.InnerException!;
        return exception;
    }

    public static SourceSpan? Locate(Exception exception, IReadOnlyList<string> policyFiles)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            var file = frame.GetFileName();
            if (file is not null && policyFiles.Contains(file, StringComparer.Ordinal) && frame.GetFileLineNumber() > 0)
                return new SourceSpan(file, frame.GetFileLineNumber(), Math.Max(1, frame.GetFileColumnNumber()), Math.Max(2, frame.GetFileColumnNumber() + 1));
        }
        return null;
    }
}
