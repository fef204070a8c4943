using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Microsoft.Win32.SafeHandles;
using Slipway.Environments.Yaml;

namespace Slipway.Environments;

/// <summary>Reads one environment folder into an <see cref="EnvironmentLayer"/>.</summary>
internal static class EnvironmentLayerReader
{
    public const string EnvFileName = "env.yaml";

    public const string ValuesFolder = "values";

    /// <summary>
    /// Reads the folder synchronously: the catalog calls this in a loop over the folders, where small synchronous reads
    /// are cheaper than asynchronous ones and parsing dominates anyway. <paramref name="buffers"/>: the scanner's, reused by a
    /// loop over the folders on one thread.
    /// </summary>
    public static EnvironmentLayer Read(string repositoryRoot, string name, CancellationToken cancellationToken, YamlScanBuffers? buffers = null)
    {
        string relativeFolder = $"{EnvironmentCatalog.EnvironmentsFolder}/{name}";
        string folder = Path.Combine(repositoryRoot, EnvironmentCatalog.EnvironmentsFolder, name);
        string envFile = $"{relativeFolder}/{EnvFileName}";
        var diagnostics = new List<Diagnostic>();
        var documents = new List<ConfigMapping>();
        var extends = new List<LayerReference>();
        SourceLocation? allowsPlainText = null;

        if (!File.Exists(Path.Combine(folder, EnvFileName)))
        {
            diagnostics.Add(new Diagnostic(relativeFolder, 1, 1, DiagnosticSeverity.Error, EnvironmentDiagnosticCodes.MissingEnvFile,
                $"folder '{relativeFolder}' has no {EnvFileName}: add one (./build.sh NewEnvironment --name {name} --extends base) or remove the folder"));
            return new EnvironmentLayer(name, envFile, documents, extends, diagnostics);
        }

        var files = new List<string> { envFile };
        string valuesFolder = Path.Combine(folder, ValuesFolder);
        if (Directory.Exists(valuesFolder))
        {
            files.AddRange(Directory.EnumerateFiles(valuesFolder, "*.yaml")
                .Select(Path.GetFileName)
                .Order(StringComparer.Ordinal)
                .Select(file => $"{relativeFolder}/{ValuesFolder}/{file}"));
        }

        foreach (string file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ConfigMapping? document = ReadDocument(repositoryRoot, file, diagnostics, buffers);
            if (document is null)
            {
                continue;
            }

            ConfigEntry? extendsEntry = document.GetEntry(EnvironmentCatalog.ExtendsKey);
            if (extendsEntry is not null)
            {
                if (file == envFile)
                {
                    ReadExtends(extendsEntry, extends, diagnostics);
                }
                else
                {
                    diagnostics.Add(Diagnostic.Error(extendsEntry.KeyLocation, EnvironmentDiagnosticCodes.UnknownKey,
                        $"'extends' belongs in {EnvFileName} only: move it to {envFile}"));
                }
            }

            if (file == envFile && document.GetEntry(EnvironmentCatalog.AllowPlainTextSecretsKey) is { Value: ConfigScalar { Value: "true", Quoted: false } } allow)
            {
                allowsPlainText = allow.KeyLocation;
            }

            documents.Add(document);
        }

        return new EnvironmentLayer(name, envFile, documents, extends, diagnostics) { PlainTextSecretsAllowedAt = allowsPlainText };
    }

    private static ConfigMapping? ReadDocument(string repositoryRoot, string file, List<Diagnostic> diagnostics, YamlScanBuffers? buffers)
    {
        string path = Path.Combine(repositoryRoot, file);
        long length = new FileInfo(path).Length;
        if (length > YamlTreeReader.MaxFileBytes)
        {
            diagnostics.Add(YamlTreeReader.TooLarge(file, length));
            return null;
        }

        YamlReadResult result = ReadYaml(path, length, file, buffers);
        diagnostics.AddRange(result.Diagnostics);
        switch (result.Root)
        {
            case ConfigMapping mapping:
                return mapping;
            case null:
            case ConfigScalar { IsNull: true }:
                return result.Diagnostics.Count == 0 ? new ConfigMapping(new SourceLocation(file, 1, 1)) : null;
            default:
                diagnostics.Add(Diagnostic.Error(result.Root.Location, EnvironmentDiagnosticCodes.WrongType,
                    $"an environment file holds a mapping of keys (cluster:, gitops:, apps: …), not a {result.Root.KindName}"));
                return null;
        }
    }

    /// <summary>
    /// Reads the file as <see cref="File.ReadAllText(string)"/> would and parses it. The common case, a UTF-8 file (with
    /// or without BOM), is decoded into a pooled buffer the fast scanner reads in place: the only allocations left are
    /// the tree's, so fewer collections run while the catalog's trees are being built. Bytes that are not UTF-8 are
    /// refused (with their line and column), not replaced by U+FFFD.
    /// </summary>
    private static YamlReadResult ReadYaml(string path, long length, string file, YamlScanBuffers? buffers)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)length);
        char[]? chars = null;
        try
        {
            int read = 0;
            using (SafeFileHandle handle = File.OpenHandle(path))
            {
                for (int chunk = 1; chunk > 0 && read < length; read += chunk)
                {
                    chunk = RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read);
                }

                if (read != length || RandomAccess.GetLength(handle) != length)
                {
                    // Changed while being read: leave it to the general reader.
                    return YamlTreeReader.Read(File.ReadAllText(path), file);
                }
            }

            ReadOnlySpan<byte> bytes = buffer.AsSpan(0, read);
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                bytes = bytes[3..];
            }
            else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
                || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
            {
                // UTF-16 or UTF-32: let the reader detect it.
                return YamlTreeReader.Read(File.ReadAllText(path), file);
            }

            chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(bytes.Length));
            if (Utf8.ToUtf16(bytes, chars, out int valid, out int count, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                // Not UTF-8 (a Latin-1 file, say): refused at the first bad byte, never read with U+FFFD in its place.
                return new YamlReadResult(null, [YamlTextErrors.InvalidUtf8(file, bytes[Math.Min(valid, bytes.Length - 1)], chars.AsSpan(0, count))]);
            }

            return YamlTreeReader.Read(chars.AsSpan(0, count), null, file, buffers);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (chars is not null)
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }
    }

    private static void ReadExtends(ConfigEntry entry, List<LayerReference> extends, List<Diagnostic> diagnostics)
    {
        IEnumerable<ConfigNode> items = entry.Value switch
        {
            ConfigSequence sequence => sequence.Items,
            ConfigScalar { IsNull: true } => [],
            ConfigScalar scalar => [scalar],
            _ => [entry.Value],
        };

        foreach (ConfigNode item in items)
        {
            if (item is not ConfigScalar { IsNull: false } scalar)
            {
                diagnostics.Add(Diagnostic.Error(item.Location, EnvironmentDiagnosticCodes.WrongType,
                    "extends lists parent names: write 'extends: [base]' or 'extends: [base, ha]'"));
                continue;
            }

            if (!EnvironmentName.IsValid(scalar.Value))
            {
                diagnostics.Add(Diagnostic.Error(scalar.Location, EnvironmentDiagnosticCodes.InvalidName, EnvironmentName.Explain(scalar.Value)));
                continue;
            }

            extends.Add(new LayerReference(scalar.Value, scalar.Location));
        }
    }
}
