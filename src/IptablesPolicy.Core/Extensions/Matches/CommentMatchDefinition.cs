using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary><c>-m comment --comment TEXT</c> (libxt_comment.c): at most 255 characters, always quoted as needed.</summary>
internal sealed class CommentMatchDefinition : ExtensionDefinition
{
    public override string Name => "comment";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--comment")
        {
            IsQuoted = true,
            Normalize = (values, context) =>
            {
                if (System.Text.Encoding.UTF8.GetByteCount(values[0]) <= 255)
                    return values;
                context.Fail("--comment is longer than 255 bytes");
                return null;
            },
        },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (options.Count == 0)
            context.Fail("match comment needs --comment");
    }

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new CommentMatch(options);
}
