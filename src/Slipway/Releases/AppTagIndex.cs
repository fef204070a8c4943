using System.Security.Cryptography;
using System.Text;

namespace Slipway.Releases;

/// <summary>
/// The image and tag each commit's version of one app manifest names, kept between runs (<c>.nuke/temp/history-index/</c>, a
/// cache): a commit's file never changes, so an entry stays true whatever the branch's tip does later (a force-push only leaves
/// entries unused). Reading the history of 10,000 versions then parses only the versions not seen before.
/// </summary>
internal sealed class AppTagIndex
{
    private const int FormatVersion = 1;

    private readonly string? _file;
    private readonly string _key;
    private readonly Dictionary<string, (string Image, string Tag)?> _entries;
    private bool _changed;

    private AppTagIndex(string? file, string key, Dictionary<string, (string Image, string Tag)?> entries)
    {
        _file = file;
        _key = key;
        _entries = entries;
    }

    /// <summary>The index of <paramref name="key"/> (engine and path) in <paramref name="folder"/>; an empty one in memory only when there is no folder.</summary>
    public static AppTagIndex Load(string? folder, string key)
    {
        string? file = folder is null ? null : Path.Combine(folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32] + ".bin");
        return new AppTagIndex(file, key, file is null ? [] : Read(file, key));
    }

    /// <summary>What the commit's version names: found and a tag, found and none (null), or not known yet.</summary>
    public bool TryGet(string commit, out (string Image, string Tag)? version) => _entries.TryGetValue(commit, out version);

    public void Add(string commit, (string Image, string Tag)? version)
    {
        _entries[commit] = version;
        _changed = true;
    }

    /// <summary>Writes the index when something was added (atomically; an unwritable folder only means parsing again next time).</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (!_changed || _file is null)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(_key);
            writer.Write(_entries.Count);
            foreach ((string commit, (string Image, string Tag)? version) in _entries)
            {
                writer.Write(commit);
                writer.Write(version is not null);
                if (version is { } known)
                {
                    writer.Write(known.Image);
                    writer.Write(known.Tag);
                }
            }

            writer.Write(_entries.Count);
        }

        try
        {
            await IO.AtomicFile.WriteAllBytesAsync(_file, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
            _changed = false;
        }
        catch (Exception error) when (IO.WriteFailure.Is(error))
        {
            // parsed again next time
        }
    }

    private static Dictionary<string, (string Image, string Tag)?> Read(string file, string key)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadInt32() != FormatVersion || reader.ReadString() != key)
            {
                return [];
            }

            int count = reader.ReadInt32();
            var entries = new Dictionary<string, (string Image, string Tag)?>(count, StringComparer.Ordinal);
            for (int i = 0; i < count; i++)
            {
                string commit = reader.ReadString();
                entries[commit] = reader.ReadBoolean() ? (reader.ReadString(), reader.ReadString()) : null;
            }

            return reader.ReadInt32() == count ? entries : []; // the count again at the end: an index cut short is not used
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or FormatException)
        {
            return [];
        }
    }
}
