using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing;

/// <summary>
/// Reads queued rule lines on the thread pool, a chunk at a time, while the caller goes on reading the file,
/// and hands each chunk back in line order. Reading a line is most of a parse, and the caller's own share
/// (splitting the text into lines, adding rules to their chains) would otherwise leave the other cores idle.
/// </summary>
/// <remarks>
/// Workers read the tables (which chains exist) and nothing else; the caller must call
/// <see cref="WaitForReaders"/> before it changes a table's chains while lines are queued.
/// </remarks>
internal sealed class RuleLinePipeline
{
    // A chunk is large enough that handing it over costs nothing noticeable, small enough that the last
    // one, read by the caller itself, is short.
    private const int ChunkLines = 4096;

    private readonly Queue<Chunk> reading = new();
    private readonly Stack<Chunk> spareChunks = new();
    private readonly Stack<RuleLineWorker> idleWorkers = new();
    private readonly int maxReading = Math.Max(1, Environment.ProcessorCount);
    private readonly Action<Chunk> addResults;
    private Chunk? filling;

    /// <param name="add">Adds one read line to the snapshot; called on the caller's thread, in line order.</param>
    public RuleLinePipeline(AddReadLine add)
    {
        addResults = chunk =>
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                add(ref chunk.Lines[i]);
                chunk.Lines[i] = default;
            }
            chunk.Count = 0;
        };
    }

    /// <summary>Adds one line read by a worker; it may call <see cref="WaitForReaders"/>.</summary>
    public delegate void AddReadLine(ref ParsedRuleLine line);

    /// <summary>Queues a rule line; a full chunk goes to a worker, after the oldest ones are added when too many are being read.</summary>
    public void Enqueue(in ParsedRuleLine line, IpFamily family)
    {
        var chunk = filling ??= spareChunks.Count > 0 ? spareChunks.Pop() : new Chunk();
        chunk.Lines[chunk.Count++] = line;
        if (chunk.Count < ChunkLines)
            return;
        filling = null;
        while (reading.Count >= maxReading)
            AddOldest();
        var worker = TakeWorker();
        chunk.Reading = Task.Run(() => chunk.ReadAll(worker, family));
        chunk.Worker = worker;
        reading.Enqueue(chunk);
    }

    /// <summary>Returns once no worker is reading: the tables may then change.</summary>
    public void WaitForReaders()
    {
        foreach (var chunk in reading)
            chunk.Reading!.GetAwaiter().GetResult();
    }

    /// <summary>Reads the last, partial chunk on this thread while the workers finish, then adds everything.</summary>
    public void Complete(IpFamily family)
    {
        var last = filling;
        filling = null;
        if (last is not null)
        {
            var worker = TakeWorker();
            last.ReadAll(worker, family);
            idleWorkers.Push(worker);
        }
        while (reading.Count > 0)
            AddOldest();
        if (last is not null)
        {
            addResults(last);
            spareChunks.Push(last);
        }
    }

    private void AddOldest()
    {
        var chunk = reading.Peek();
        chunk.Reading!.GetAwaiter().GetResult();
        // Dequeued only once read, so a WaitForReaders called while its lines are added waits for the others.
        reading.Dequeue();
        idleWorkers.Push(chunk.Worker!);
        chunk.Reading = null;
        chunk.Worker = null;
        addResults(chunk);
        spareChunks.Push(chunk);
    }

    private RuleLineWorker TakeWorker() => idleWorkers.Count > 0 ? idleWorkers.Pop() : new RuleLineWorker();

    private sealed class Chunk
    {
        public readonly ParsedRuleLine[] Lines = new ParsedRuleLine[ChunkLines];

        public int Count;

        public Task? Reading;

        public RuleLineWorker? Worker;

        public void ReadAll(RuleLineWorker worker, IpFamily family)
        {
            for (var i = 0; i < Count; i++)
                worker.Read(ref Lines[i], family);
        }
    }
}
