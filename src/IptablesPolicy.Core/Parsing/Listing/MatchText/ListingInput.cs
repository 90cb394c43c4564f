using Sprache;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>
/// A Sprache input over one match column that can jump to a position: Sprache's own input moves one
/// character (and one object) at a time, and its constructor that takes a position is internal.
/// </summary>
internal sealed class ListingInput(string source, int position) : IInput
{
    private IDictionary<object, object>? memos;

    public string Source => source;

    public int Position => position;

    public char Current => source[position];

    public bool AtEnd => position >= source.Length;

    public int Line => 1;

    public int Column => position + 1;

    public IDictionary<object, object> Memos => memos ??= new Dictionary<object, object>();

    public IInput Advance() => AtEnd ? throw new InvalidOperationException("The input is already at the end of the source.") : new ListingInput(source, position + 1);

    public bool Equals(IInput? other) => other is not null && ReferenceEquals(other.Source, source) && other.Position == position;

    public override bool Equals(object? obj) => obj is IInput other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(source, position);
}
