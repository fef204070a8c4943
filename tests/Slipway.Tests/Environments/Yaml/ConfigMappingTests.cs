using Slipway.Environments.Yaml;

namespace Slipway.Tests.Environments.Yaml;

public sealed class ConfigMappingTests
{
    private static readonly SourceLocation s_at = new("f.yaml", 1, 1);

    [Theory]
    [InlineData(3)]
    [InlineData(20)]
    public void Keeps_first_written_order_through_replace_remove_and_re_add(int count)
    {
        var mapping = new ConfigMapping(s_at);
        for (int i = 0; i < count; i++)
        {
            mapping.Set(new ConfigEntry($"k{i}", s_at, new ConfigScalar($"v{i}", false, s_at)));
        }

        mapping.Set(new ConfigEntry("k1", s_at, new ConfigScalar("new", false, s_at)));
        mapping.Remove("k0").ShouldBeTrue();
        mapping.Remove("k0").ShouldBeFalse();
        mapping.Set(new ConfigEntry("k0", s_at, new ConfigScalar("again", false, s_at)));

        mapping.Count.ShouldBe(count);
        mapping.Entries.First().Key.ShouldBe("k1");
        mapping.Entries.Last().Key.ShouldBe("k0");
        ((ConfigScalar)mapping.Get("k1")!).Value.ShouldBe("new");
        ((ConfigScalar)mapping.Get("k0")!).Value.ShouldBe("again");
        mapping.ContainsKey($"k{count - 1}").ShouldBeTrue();
        mapping.ContainsKey("missing").ShouldBeFalse();
    }
}
