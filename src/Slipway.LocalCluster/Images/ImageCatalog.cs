using Slipway.GitOps;
using Slipway.IO;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Slipway.LocalCluster.Images;

/// <summary>
/// The local cluster's container registry: a YAML file (<c>images: [{repository, tag, digest, crash}]</c>) that
/// <c>./build.sh PublishImage</c> adds to and the simulated kubelet reads. The file is re-read when it changes on disk, so
/// an image published by another process is seen by a running cluster. Writes are atomic.
/// </summary>
public sealed class ImageCatalog : IImageCatalog
{
    public const string DefaultRegistry = "registry.local";

    private static readonly Lazy<IDeserializer> s_deserializer = new(() => new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build());

    private static readonly Lazy<ISerializer> s_serializer = new(() => new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build());

    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private IReadOnlyList<ImageEntry> _images = [];
    private (DateTime WriteTime, long Length) _loadedVersion = (DateTime.MinValue, -1);

    public ImageCatalog(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    /// <summary>Every image, in file order.</summary>
    public IReadOnlyList<ImageEntry> Images => Load();

    public ImageStatus Lookup(string imageRef)
    {
        ImageEntry? entry = Find(ImageReference.Parse(imageRef));
        return entry is null ? ImageStatus.Missing : entry.Crash ? ImageStatus.Crashing : ImageStatus.Present;
    }

    /// <summary>The image a reference names (by digest when it has one, else by tag), or null.</summary>
    public ImageEntry? Find(ImageReference reference)
    {
        foreach (ImageEntry entry in Load())
        {
            if (entry.Repository == reference.Repository
                && (reference.Digest is not null ? entry.Digest == reference.Digest : entry.Tag == reference.Tag))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The tags of a repository, sorted.</summary>
    public IReadOnlyList<string> Tags(string repository)
    {
        string normalized = ImageReference.NormalizeRepository(repository);
        return Load().Where(e => e.Repository == normalized).Select(e => e.Tag).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Adds (or replaces) <c>repository:tag</c>; its digest is that of its deterministic manifest.</summary>
    public async Task<ImageEntry> PublishAsync(string repository, string tag, bool crash, CancellationToken cancellationToken)
    {
        string normalized = ImageReference.NormalizeRepository(repository);
        if (repository.Trim().Trim('/').Length == 0)
        {
            throw SlipwayException.Input($"Cannot publish image '{repository}:{tag}': give --image NAME (e.g. --image web).");
        }

        if (!ImageTag.IsValid(tag))
        {
            throw SlipwayException.Input($"--tag '{tag}' is not a valid image tag: {ImageTag.Rule}.");
        }

        var entry = new ImageEntry(normalized, tag, OciManifest.Digest(OciManifest.Build(normalized, tag)), crash);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<ImageEntry> images = [.. Load().Where(e => e.Repository != normalized || e.Tag != tag), entry];
            await SaveAsync(images, cancellationToken).ConfigureAwait(false);
            return entry;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Creates the file with these images when it does not exist yet (no images: no file, which reads as empty).</summary>
    public async Task EnsureCreatedAsync(IEnumerable<string> seedImages, CancellationToken cancellationToken)
    {
        if (File.Exists(Path) || !seedImages.Any())
        {
            return;
        }

        var images = new List<ImageEntry>();
        foreach (string seed in seedImages)
        {
            ImageReference reference = ImageReference.Parse(seed);
            string tag = reference.Tag ?? "latest";
            images.Add(new ImageEntry(reference.Repository, tag, OciManifest.Digest(OciManifest.Build(reference.Repository, tag)), Crash: false));
        }

        await SaveAsync(images, cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveAsync(List<ImageEntry> images, CancellationToken cancellationToken)
    {
        var file = new CatalogFile { Images = images.Select(e => new CatalogImage { Repository = e.Repository, Tag = e.Tag, Digest = e.Digest, Crash = e.Crash }).ToList() };
        await AtomicFile.WriteAllTextAsync(Path, s_serializer.Value.Serialize(file), cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            _images = images;
            _loadedVersion = (DateTime.MinValue, -1);
        }
    }

    private IReadOnlyList<ImageEntry> Load()
    {
        var info = new FileInfo(Path);
        if (!info.Exists)
        {
            return [];
        }

        lock (_lock)
        {
            if (_loadedVersion == (info.LastWriteTimeUtc, info.Length))
            {
                return _images;
            }

            try
            {
                CatalogFile file = s_deserializer.Value.Deserialize<CatalogFile?>(File.ReadAllText(Path)) ?? new CatalogFile();
                _images = file.Images
                    .Where(i => !string.IsNullOrEmpty(i.Repository) && !string.IsNullOrEmpty(i.Tag))
                    .Select(i => new ImageEntry(
                        ImageReference.NormalizeRepository(i.Repository!),
                        i.Tag!,
                        string.IsNullOrEmpty(i.Digest) ? OciManifest.Digest(OciManifest.Build(ImageReference.NormalizeRepository(i.Repository!), i.Tag!)) : i.Digest,
                        i.Crash))
                    .ToArray();
                _loadedVersion = (info.LastWriteTimeUtc, info.Length);
                return _images;
            }
            catch (YamlDotNet.Core.YamlException ex)
            {
                throw SlipwayException.Input($"{Path}:{ex.Start.Line}: the image catalogue is not valid YAML ({ex.Message}); fix it or delete it to start an empty one.");
            }
        }
    }

    private sealed class CatalogFile
    {
        public List<CatalogImage> Images { get; set; } = [];
    }

    private sealed class CatalogImage
    {
        public string? Repository { get; set; }

        public string? Tag { get; set; }

        public string? Digest { get; set; }

        public bool Crash { get; set; }
    }
}
