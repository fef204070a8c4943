namespace Slipway.Environments.Yaml;

/// <summary>
/// An open mapping of <see cref="PlainYamlScanner"/>: its indent, where it starts, the key of its parent entry whose value
/// it is (null for the root), and where its entries start in <see cref="YamlScanBuffers.Entries"/>.
/// </summary>
internal readonly record struct ScanFrame(int Indent, SourceLocation Location, string? Key, SourceLocation KeyLocation, int FirstEntry);
