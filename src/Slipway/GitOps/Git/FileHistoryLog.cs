using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Slipway.Processes;

namespace Slipway.GitOps.Git;

/// <summary>
/// The versions of one file, newest first, read from <c>git log --full-history --raw -- path</c> as it streams (git compares
/// tree entry ids commit by commit, with the commit-graph's changed-path filters skipping the commits that cannot have
/// touched the path; <c>-c</c> shows a merge's entry only when it differs from every parent's), the text of each version
/// from one long-lived <c>git cat-file --batch-command --buffer</c> (git 2.36 or later) asked once per chunk of the log.
/// Reading stops, and both processes are stopped, as soon as the caller has what it looks for. Lists what
/// <see cref="FileHistoryWalk"/> lists: every commit whose entry at the path differs from each of its parents'.
/// </summary>
internal sealed class FileHistoryLog
{
    private const char RecordStart = '\u0001';
    private const string Format = "--format=%x01%H%x00%aI%x00%an%x00%s";

    private readonly IProcessRunner _runner;
    private readonly string _clone;
    private readonly TimeSpan _timeout;

    public FileHistoryLog(IProcessRunner runner, string clone, TimeSpan timeout)
    {
        _runner = runner;
        _clone = clone;
        _timeout = timeout;
    }

    /// <summary>
    /// Adds the commits fetched since the last call to the clone's commit-graph, with changed-path (Bloom) filters, so that
    /// <c>git log -- path</c> skips the commits that did not touch the path. Nothing runs when the graph was written at this
    /// tip; a clone where it cannot be written is walked without it.
    /// </summary>
    public async Task UpdateCommitGraphAsync(string tip, CancellationToken cancellationToken)
    {
        string marker = Path.Combine(_clone, ".git", "slipway-commit-graph-tip");
        if (File.Exists(marker) && (await File.ReadAllTextAsync(marker, cancellationToken).ConfigureAwait(false)).Trim() == tip)
        {
            return;
        }

        ProcessResult result = await _runner.RunAsync(
            Git("commit-graph", "write", "--reachable", "--changed-paths", "--split", "--no-progress") with { IsSuccess = static _ => true }, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            try
            {
                await File.WriteAllTextAsync(marker, tip + "\n", cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (IO.WriteFailure.Is(error))
            {
                // a clone that cannot be written asks again next time
            }
        }
    }

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="tip"/> or in its history (false too when the clone no longer has it).</summary>
    public async Task<bool> IsAncestorAsync(string ancestor, string tip, CancellationToken cancellationToken)
    {
        ProcessResult result = await _runner.RunAsync(Git("merge-base", "--is-ancestor", ancestor, tip) with { IsSuccess = static _ => true }, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0;
    }

    /// <summary>The versions of <paramref name="path"/> in <paramref name="revisions"/> (a tip, or a range <c>old..tip</c>), newest first.</summary>
    public async Task<IReadOnlyList<FileVersion>> ReadAsync(string revisions, string path, Func<FileVersion, bool> keepReading, CancellationToken cancellationToken)
    {
        await using RunningProcess log = _runner.Start(
            Git("log", "--full-history", "--no-renames", "--no-abbrev", "--raw", "-c", "--no-color", Format, revisions, "--", path), cancellationToken);
        await log.Input.DisposeAsync().ConfigureAwait(false);
        await using RunningProcess catFile = _runner.Start(Git("cat-file", "--batch-command", "--buffer"), cancellationToken);
        var entries = Channel.CreateBounded<Entry>(new BoundedChannelOptions(1024) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task producer = Task.Run(() => ProduceAsync(log, catFile.Input, path, entries.Writer, stop.Token), CancellationToken.None);
        var blobs = new FileHistoryBlobs(catFile.Output);
        var versions = new List<FileVersion>();
        try
        {
            await foreach (Entry entry in entries.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                string? text = entry.Object is null ? null : await blobs.ReadTextAsync(cancellationToken).ConfigureAwait(false);
                var version = new FileVersion(entry.Sha, entry.Time, entry.Author, entry.Subject, text);
                versions.Add(version);
                if (!keepReading(version))
                {
                    return versions;
                }
            }

            await producer.ConfigureAwait(false);
            return versions;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads the log a chunk at a time; for each chunk asks cat-file for the texts of the versions it lists in one write
    /// (<c>--buffer</c>, then <c>flush</c>: one answer per chunk, not per object), then queues those versions in order.
    /// </summary>
    private static async Task ProduceAsync(RunningProcess log, Stream blobRequests, string path, ChannelWriter<Entry> entries, CancellationToken cancellationToken)
    {
        Exception? error = null;
        try
        {
            var lines = new FileHistoryLines(log.Output);
            var requests = new StringBuilder();
            var ready = new List<Entry>();
            Entry? current = null;
            while (await lines.ReadChunkAsync(cancellationToken).ConfigureAwait(false))
            {
                while (lines.TryReadLine(out string line))
                {
                    if (line.Length > 0 && line[0] == RecordStart)
                    {
                        Gather(current, requests, ready);
                        current = ParseHeader(line);
                    }
                    else if (current is not null && line.StartsWith(':'))
                    {
                        current = WithRawLine(current, line, path);
                    }
                }

                await SendAsync(requests, ready, blobRequests, entries, cancellationToken).ConfigureAwait(false);
            }

            Gather(current, requests, ready);
            await SendAsync(requests, ready, blobRequests, entries, cancellationToken).ConfigureAwait(false);
            await log.Completion.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ex;
        }
        finally
        {
            entries.TryComplete(error);
        }
    }

    private static void Gather(Entry? entry, StringBuilder requests, List<Entry> ready)
    {
        if (entry is not { Matched: true })
        {
            return; // no commit yet, or the file's content is that of a parent (a merge taking one side, a mode change, a folder at the path)
        }

        if (entry.Object is not null)
        {
            requests.Append("contents ").Append(entry.Object).Append('\n');
        }

        ready.Add(entry);
    }

    /// <summary>Asks for the gathered texts, then queues their versions (a version is queued only once its text was asked for).</summary>
    private static async Task SendAsync(StringBuilder requests, List<Entry> ready, Stream blobRequests, ChannelWriter<Entry> entries, CancellationToken cancellationToken)
    {
        if (requests.Length > 0)
        {
            requests.Append("flush\n");
            await blobRequests.WriteAsync(Encoding.ASCII.GetBytes(requests.ToString()), cancellationToken).ConfigureAwait(false);
            await blobRequests.FlushAsync(cancellationToken).ConfigureAwait(false);
            requests.Clear();
        }

        foreach (Entry entry in ready)
        {
            await entries.WriteAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        ready.Clear();
    }

    private static Entry ParseHeader(string line)
    {
        string[] fields = line[1..].Split('\0');
        if (fields.Length < 4)
        {
            throw new InvalidDataException($"Unexpected git log line: {line}");
        }

        return new Entry(fields[0], DateTimeOffset.Parse(fields[1], CultureInfo.InvariantCulture), fields[2], fields[3], null, false);
    }

    /// <summary>
    /// A raw line, <c>:old-mode new-mode old-id new-id status&lt;TAB&gt;path</c>, or for a merge the combined form with a colon,
    /// mode and id per parent (<c>-c</c> lists a path only when it differs from every parent): the new blob id when it is the
    /// path's and differs from each parent's, none when the file was deleted.
    /// </summary>
    private static Entry WithRawLine(Entry entry, string line, string path)
    {
        int tab = line.IndexOf('\t', StringComparison.Ordinal);
        if (tab < 0 || !line.AsSpan(tab + 1).SequenceEqual(path))
        {
            return entry;
        }

        int parents = line.TakeWhile(static c => c == ':').Count();
        string[] fields = line[parents..tab].Split(' ');
        string[] ids = fields[(parents + 1)..(2 * parents + 2)];
        string id = ids[parents];
        if (ids[..parents].Contains(id, StringComparer.Ordinal))
        {
            return entry; // the mode changed, not the content: a version is a new content
        }

        bool deleted = id.All(static c => c == '0');
        return entry with { Object = deleted ? null : id, Matched = true };
    }

    private ProcessRequest Git(params string[] arguments)
        => new("git", ["-c", "core.quotePath=false", "--literal-pathspecs", "--no-pager", .. arguments])
        {
            WorkingDirectory = _clone,
            Timeout = _timeout,
            EnvironmentVariables = new Dictionary<string, string?> { ["LC_ALL"] = "C", ["GIT_TERMINAL_PROMPT"] = "0" },
        };

    /// <summary>One version as the log lists it: <see cref="Object"/> is what cat-file is asked for its text (none: deleted).</summary>
    private sealed record Entry(string Sha, DateTimeOffset Time, string Author, string Subject, string? Object, bool Matched);
}
