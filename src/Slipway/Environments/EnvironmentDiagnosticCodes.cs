namespace Slipway.Environments;

/// <summary>The diagnostic codes; each is documented in docs/environments.md with how to fix it.</summary>
public static class EnvironmentDiagnosticCodes
{
    // SLW00xx: files, YAML and layering.
    public const string YamlSyntax = "SLW0001";
    public const string DuplicateKey = "SLW0002";
    public const string AliasNotAllowed = "SLW0003";
    public const string FileTooLarge = "SLW0004";
    public const string TooDeep = "SLW0005";
    public const string UnknownTag = "SLW0006";
    public const string InvalidText = "SLW0007";
    public const string InvalidName = "SLW0010";
    public const string UnknownParent = "SLW0011";
    public const string CyclicExtends = "SLW0012";
    public const string InconsistentExtends = "SLW0013";
    public const string MissingEnvFile = "SLW0014";

    // SLW01xx: the schema.
    public const string WrongType = "SLW0101";
    public const string MissingRequired = "SLW0102";
    public const string UnknownKey = "SLW0103";
    public const string InvalidValue = "SLW0104";
    public const string MalformedSecretReference = "SLW0105";
    public const string Conflict = "SLW0106";
    public const string InvalidImageTag = "SLW0107";
    public const string InvalidBranchName = "SLW0108";
    public const string DurationNotPositive = "SLW0109";
    public const string InvalidGateCalendar = "SLW0110";

    // SLW02xx: policy.
    public const string ProtectedNeedsApprovals = "SLW0201";
    public const string ProtectedNeedsBranches = "SLW0202";
    public const string PlainTextSecret = "SLW0203";
    public const string UnpinnedVersion = "SLW0204";
    public const string ProtectedUnorderedLayers = "SLW0205";
    public const string ProtectedPlainTextSecrets = "SLW0206";

    /// <summary>The environment's versions.lock.yaml cannot be read (corrupt, or an entry edited by hand).</summary>
    public const string UnreadableLock = "SLW0207";

    // SLW1xxx: warnings (errors only with --warnings-as-errors).
    public const string FloatingVersion = "SLW1001";
    public const string AppendWithoutInheritedList = "SLW1002";
    public const string UnorderedLayers = "SLW1003";
    public const string PlainTextSecretAllowed = "SLW1004";
}
