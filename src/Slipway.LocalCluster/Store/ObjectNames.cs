namespace Slipway.LocalCluster.Store;

/// <summary>Checks object names the way the API server does (DNS-1123 subdomain: lower case, digits, '-', '.').</summary>
internal static class ObjectNames
{
    public static void Validate(ResourceType type, string name)
    {
        if (name.Length == 0)
        {
            throw new StoreException(422, "Invalid", $"{type.Kind} \"\" is invalid: metadata.name: Required value: name or generateName is required");
        }

        if (name.Length > 253 || !IsSubdomain(name))
        {
            throw new StoreException(
                422,
                "Invalid",
                $"{type.Kind} \"{name}\" is invalid: metadata.name: Invalid value: \"{name}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");
        }
    }

    private static bool IsSubdomain(string name)
    {
        if (!IsAlphanumeric(name[0]) || !IsAlphanumeric(name[^1]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!IsAlphanumeric(c) && c != '-' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
