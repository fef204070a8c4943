using NuGet.Versioning;
using Slipway.Freezing.Charts;

namespace Slipway.Tests.Freezing.Charts;

/// <summary>Helm's (Masterminds semver v3) constraint rules, as Flux applies them to chart versions.</summary>
public sealed class HelmVersionConstraintTests
{
    public static TheoryData<string, string, bool> Cases => new()
    {
        { "1.2.3", "1.2.3", true },
        { "1.2.3", "1.2.4", false },
        { "=1.2.3", "1.2.3", true },
        { "1.2", "1.2.9", true },
        { "1.2", "1.3.0", false },
        { "1.2.x", "1.2.0", true },
        { "1.2.x", "1.3.0", false },
        { "1.*", "1.9.9", true },
        { "1.*", "2.0.0", false },
        { "*", "9.9.9", true },
        { "*", "1.0.0-rc.1", false },
        { ">=1.2 <2", "1.2.0", true },
        { ">=1.2 <2", "1.9.9", true },
        { ">=1.2 <2", "2.0.0", false },
        { ">=1.2, <2", "1.1.9", false },
        { ">= 1.2, < 2", "1.5.0", true },
        { ">1.2", "1.2.5", false },
        { ">1.2", "1.3.0", true },
        { ">1.2.3", "1.2.4", true },
        { "<=1.2", "1.2.7", true },
        { "<=1.2", "1.3.0", false },
        { "!=1.2.3", "1.2.3", false },
        { "!=1.2.3", "1.2.4", true },
        { "~1.2.3", "1.2.9", true },
        { "~1.2.3", "1.3.0", false },
        { "~1.2.3", "1.2.2", false },
        { "~1.2", "1.2.0", true },
        { "~1", "1.9.0", true },
        { "~1", "2.0.0", false },
        { "^1.2", "1.9.9", true },
        { "^1.2", "2.0.0", false },
        { "^1.2", "1.1.0", false },
        { "^0.2.3", "0.2.9", true },
        { "^0.2.3", "0.3.0", false },
        { "^0.0.3", "0.0.3", true },
        { "^0.0.3", "0.0.4", false },
        { "^0", "0.9.9", true },
        { "^0", "1.0.0", false },
        { "1.2 - 1.4.5", "1.4.5", true },
        { "1.2 - 1.4.5", "1.4.6", false },
        { "1.2 - 1.4.5", "1.1.9", false },
        { "1.x || >=3", "1.5.0", true },
        { "1.x || >=3", "2.5.0", false },
        { "1.x || >=3", "3.1.0", true },
        { ">=1.0.0-0", "1.0.0-rc.1", true },
        { "^1.2.3-beta.1", "1.2.3-beta.2", true },
        { "v1.2.3", "1.2.3", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Constraint_matches_as_helm_does(string constraint, string version, bool expected)
    {
        HelmVersion.TryParse(version, out SemanticVersion parsed).ShouldBeTrue();

        HelmVersionConstraint.Parse(constraint).IsSatisfiedBy(parsed).ShouldBe(expected);
    }

    [Theory]
    [InlineData(">>1")]
    [InlineData("1.2.3.4")]
    [InlineData("latest")]
    [InlineData("1.2 ||")]
    public void Improper_constraint_is_refused_with_helms_message(string constraint)
        => Should.Throw<FormatException>(() => HelmVersionConstraint.Parse(constraint)).Message.ShouldBe($"improper constraint: {constraint}");
}
