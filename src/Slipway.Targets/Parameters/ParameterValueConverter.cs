using System.Globalization;

namespace Slipway.Targets.Parameters;

/// <summary>Turns the text values of one source into the parameter's type; a bad value is an input error naming the source.</summary>
internal sealed class ParameterValueConverter
{
    private readonly string _rootDirectory;
    private readonly ParameterTypeRegistry _types;

    public ParameterValueConverter(string rootDirectory, ParameterTypeRegistry types)
    {
        _rootDirectory = rootDirectory;
        _types = types;
    }

    public object? Convert(ParameterDescriptor parameter, IReadOnlyList<string> values, string source)
    {
        Type type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
        if (type == typeof(bool) && values.Count == 0)
        {
            return true;
        }

        if (type.IsArray)
        {
            Type elementType = type.GetElementType()!;
            string[] items = values
                .SelectMany(static v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToArray();
            var array = Array.CreateInstance(elementType, items.Length);
            for (int i = 0; i < items.Length; i++)
            {
                array.SetValue(ConvertScalar(parameter, elementType, items[i], source), i);
            }

            return array;
        }

        if (values.Count != 1)
        {
            throw Error(parameter, source, values.Count == 0 ? "needs a value" : $"takes one value but got {values.Count}: {string.Join(" ", values)}");
        }

        return ConvertScalar(parameter, type, values[0], source);
    }

    private object ConvertScalar(ParameterDescriptor parameter, Type type, string text, string source)
    {
        if (_types.Find(type) is { } registered)
        {
            return registered.Parse(text) ?? throw Error(parameter, source, $"'{Show(parameter, text)}' is not a {registered.Expected}");
        }

        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(bool))
        {
            return text.ToLowerInvariant() switch
            {
                "true" or "1" or "yes" or "on" => true,
                "false" or "0" or "no" or "off" => false,
                _ => throw Error(parameter, source, $"'{Show(parameter, text)}' is not true or false"),
            };
        }

        if (type == typeof(int))
        {
            string expected = parameter.HasRange ? $"a whole number from {parameter.Minimum} to {parameter.Maximum}" : "a whole number";
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int number) && number >= parameter.Minimum && number <= parameter.Maximum
                ? number
                : throw Error(parameter, source, $"'{Show(parameter, text)}' is not {expected}");
        }

        if (type.IsEnum)
        {
            return Enum.TryParse(type, text, ignoreCase: true, out object? member) && Enum.IsDefined(type, member!)
                ? member!
                : throw Error(parameter, source, $"'{Show(parameter, text)}' is not one of {string.Join(", ", Enum.GetNames(type))}");
        }

        if (type == typeof(AbsolutePath))
        {
            string expanded = text.StartsWith("~/", StringComparison.Ordinal)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), text[2..])
                : text;
            return AbsolutePath.Create(expanded, _rootDirectory);
        }

        throw new BuildException($"Parameter '{parameter.MemberName}' has unsupported type {type.Name}.", ExitCodes.BadInput);
    }

    private static string Show(ParameterDescriptor parameter, string text) => parameter.IsSecret ? "***" : text;

    private static BuildException Error(ParameterDescriptor parameter, string source, string problem)
        => new($"Parameter '{parameter.Name}' ({source}): {problem}.", ExitCodes.BadInput);

    /// <summary>A short name of the parameter's type for help and the schema.</summary>
    public static string DescribeType(Type type, ParameterTypeRegistry types)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when types.Find(type) is { } registered => registered.Name,
            _ when type == typeof(string) => "string",
            _ when type == typeof(bool) => "flag",
            _ when type == typeof(int) => "int",
            _ when type == typeof(AbsolutePath) => "path",
            _ when type.IsEnum => string.Join("|", Enum.GetNames(type).Select(static n => n.ToLowerInvariant())),
            _ when type.IsArray => DescribeType(type.GetElementType()!, types) + "[]",
            _ => type.Name,
        };
    }
}
