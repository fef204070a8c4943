using System.Reflection;

namespace Slipway.Targets.Parameters;

/// <summary>A parameter member of the build class, with the names it is set by.</summary>
internal sealed class ParameterDescriptor
{
    public ParameterDescriptor(MemberInfo member, ParameterAttribute attribute, bool isSecret)
    {
        Member = member;
        string trimmed = member.Name.TrimStart('_');
        MemberName = trimmed.Length == 0 ? member.Name : char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
        Name = attribute.Name ?? NameConvention.ToKebabCase(member.Name);
        Description = attribute.Description;
        Minimum = attribute.Minimum;
        Maximum = attribute.Maximum;
        IsSecret = isSecret;
        Type = member switch
        {
            FieldInfo field => field.FieldType,
            PropertyInfo property => property.PropertyType,
            _ => throw new ArgumentException($"Member {member.Name} is neither a field nor a property.", nameof(member)),
        };
    }

    public MemberInfo Member { get; }

    /// <summary>The name in <c>.nuke/parameters.json</c>: the member name without a leading <c>_</c>, capitalised (<c>_planFile</c> → <c>PlanFile</c>).</summary>
    public string MemberName { get; }

    /// <summary>The command-line name without dashes (<c>plan-file</c>).</summary>
    public string Name { get; }

    public string? Description { get; }

    public bool IsSecret { get; }

    /// <summary>The range of an <c>int</c> parameter (<see cref="int.MinValue"/>..<see cref="int.MaxValue"/> when unbounded).</summary>
    public int Minimum { get; }

    public int Maximum { get; }

    public bool HasRange => Minimum != int.MinValue || Maximum != int.MaxValue;

    public Type Type { get; }

    /// <summary>The environment variable a user would set (<c>SLIPWAY_PLAN_FILE</c>); variables without the prefix are ignored.</summary>
    public string EnvironmentVariableName => ParameterBinder.EnvironmentPrefix + Name.Replace('-', '_').ToUpperInvariant();

    public object? GetValue(object build) => Member switch
    {
        FieldInfo field => field.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => null,
    };

    public void SetValue(object build, object? value)
    {
        switch (Member)
        {
            case FieldInfo field:
                field.SetValue(build, value);
                break;
            case PropertyInfo property:
                PropertyInfo writable = property.SetMethod is not null ? property : property.DeclaringType!.GetProperty(property.Name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!;
                if (writable.SetMethod is null)
                {
                    FieldInfo? backing = property.DeclaringType!.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic);
                    if (backing is null)
                    {
                        throw new BuildException($"Parameter property '{property.Name}' has no setter.", ExitCodes.BadInput);
                    }

                    backing.SetValue(build, value);
                }
                else
                {
                    writable.SetValue(build, value);
                }

                break;
        }
    }
}
