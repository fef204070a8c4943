using System.Security.Cryptography;
using System.Text;

namespace Slipway.GitOps.Git;

/// <summary>
/// The versions of one file as of a tip, kept in the clone (<c>.git/slipway-file-history/</c>, a cache like the clone):
/// read again at the same tip they cost one file read instead of a walk of the history; at a newer tip that has the cached
/// one in its history only <c>git log cached..tip -- path</c> is walked and put in front. A tip that does not descend from
/// the cached one (a force-push, a branch reset, a pruned object) or a cache that does not read back is walked whole again.
/// </summary>
internal sealed class FileHistoryCache
{
    private const int FormatVersion = 1;

    private readonly string _folder;
    private readonly FileHistoryLog _log;

    public FileHistoryCache(string clone, FileHistoryLog log)
    {
        _folder = Path.Combine(clone, ".git", "slipway-file-history");
        _log = log;
    }

    /// <summary>Every version of <paramref name="path"/> reachable from <paramref name="tip"/>, newest first, from the cache where it can.</summary>
    public async Task<IReadOnlyList<FileVersion>> ReadAsync(string tip, string path, CancellationToken cancellationToken)
    {
        string file = Path.Combine(_folder, FileName(path));
        (string Tip, List<FileVersion> Versions)? cached = Load(file, path);
        if (cached is { } known && known.Tip == tip)
        {
            return known.Versions;
        }

        List<FileVersion> versions;
        if (cached is { } older && await _log.IsAncestorAsync(older.Tip, tip, cancellationToken).ConfigureAwait(false))
        {
            IReadOnlyList<FileVersion> newer = await _log.ReadAsync($"{older.Tip}..{tip}", path, static _ => true, cancellationToken).ConfigureAwait(false);
            versions = [.. newer, .. older.Versions];
        }
        else
        {
            versions = [.. await _log.ReadAsync(tip, path, static _ => true, cancellationToken).ConfigureAwait(false)];
        }

        await SaveAsync(file, path, tip, versions, cancellationToken).ConfigureAwait(false);
        return versions;
    }

    private static string FileName(string path)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..32] + ".bin";

    private static (string Tip, List<FileVersion> Versions)? Load(string file, string path)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadInt32() != FormatVersion || reader.ReadString() != path)
            {
                return null;
            }

            string tip = reader.ReadString();
            int count = reader.ReadInt32();
            var versions = new List<FileVersion>(count);
            for (int i = 0; i < count; i++)
            {
                string sha = reader.ReadString();
                var time = new DateTimeOffset(reader.ReadInt64(), TimeSpan.FromMinutes(reader.ReadInt16()));
                string author = reader.ReadString();
                string subject = reader.ReadString();
                string? text = reader.ReadBoolean() ? reader.ReadString() : null;
                versions.Add(new FileVersion(sha, time, author, subject, text));
            }

            return reader.ReadString() == tip ? (tip, versions) : null; // the tip again at the end: a cache cut short is not read
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or FormatException)
        {
            return null; // none yet, or unreadable: walked again
        }
    }

    private static async Task SaveAsync(string file, string path, string tip, List<FileVersion> versions, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(path);
            writer.Write(tip);
            writer.Write(versions.Count);
            foreach (FileVersion version in versions)
            {
                writer.Write(version.CommitSha);
                writer.Write(version.Time.UtcTicks + version.Time.Offset.Ticks);
                writer.Write((short)version.Time.Offset.TotalMinutes);
                writer.Write(version.Author);
                writer.Write(version.Subject);
                writer.Write(version.Text is not null);
                if (version.Text is not null)
                {
                    writer.Write(version.Text);
                }
            }

            writer.Write(tip);
        }

        try
        {
            await IO.AtomicFile.WriteAllBytesAsync(file, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (IO.WriteFailure.Is(error))
        {
            // a clone that cannot be written walks the history again next time
        }
    }
}
