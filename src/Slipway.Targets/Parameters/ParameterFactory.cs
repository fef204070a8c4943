using System.Reflection;

namespace Slipway.Targets.Parameters;

/// <summary>Finds the [Parameter] members of a build class, in declaration order.</summary>
internal static class ParameterFactory
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public static IReadOnlyList<ParameterDescriptor> Create(Type buildType)
    {
        var result = new List<ParameterDescriptor>();
        for (Type? type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            IEnumerable<MemberInfo> members = type.GetFields(Members | BindingFlags.DeclaredOnly).Cast<MemberInfo>()
                .Concat(type.GetProperties(Members | BindingFlags.DeclaredOnly))
                .OrderBy(static m => m.MetadataToken);
            foreach (MemberInfo member in members)
            {
                if (member.GetCustomAttribute<ParameterAttribute>() is { } attribute)
                {
                    result.Add(new ParameterDescriptor(member, attribute, member.GetCustomAttribute<SecretAttribute>() is not null));
                }
            }
        }

        return result;
    }
}
