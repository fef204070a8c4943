using Slipway.Environments.Yaml;

namespace Slipway.Tests.Environments.Yaml;

/// <summary>A large mapping's key index is built at its first lookup; lookups must be right before and after, and from many threads.</summary>
public sealed class ConfigMappingIndexTests
{
    private static readonly SourceLocation s_at = new("f.yaml", 1, 1);

    [Fact]
    public void Lookups_are_right_when_the_index_is_built_after_removals_and_before_further_adds()
    {
        var mapping = new ConfigMapping(s_at);
        for (int i = 0; i < 30; i++)
        {
            mapping.SetAt(-1, new ConfigEntry($"k{i}", s_at, new ConfigScalar($"v{i}", false, s_at)));
        }

        mapping.RemoveAt(mapping.IndexOf("k3"));
        ((ConfigScalar)mapping.Get("k29")!).Value.ShouldBe("v29");
        mapping.Set(new ConfigEntry("k30", s_at, new ConfigScalar("v30", false, s_at)));
        mapping.Set(new ConfigEntry("k3", s_at, new ConfigScalar("back", false, s_at)));

        mapping.Count.ShouldBe(31);
        mapping.Entries.Select(entry => entry.Key).Last().ShouldBe("k3");
        ((ConfigScalar)mapping.Get("k30")!).Value.ShouldBe("v30");
        ((ConfigScalar)mapping.Get("k3")!).Value.ShouldBe("back");
        mapping.IndexOf("missing").ShouldBe(-1);
    }

    [Fact]
    public void Concurrent_first_lookups_in_a_finished_tree_all_find_their_keys()
    {
        var mappings = new List<ConfigMapping>();
        for (int m = 0; m < 200; m++)
        {
            var mapping = new ConfigMapping(s_at);
            for (int i = 0; i < 50; i++)
            {
                mapping.SetAt(-1, new ConfigEntry($"k{i}", s_at, new ConfigScalar($"{m}-{i}", false, s_at)));
            }

            mappings.Add(mapping);
        }

        int wrong = 0;
        Parallel.For(0, 4, _ =>
        {
            for (int m = 0; m < mappings.Count; m++)
            {
                for (int i = 49; i >= 0; i--)
                {
                    if (mappings[m].Get($"k{i}") is not ConfigScalar { } scalar || scalar.Value != $"{m}-{i}")
                    {
                        Interlocked.Increment(ref wrong);
                    }
                }
            }
        });

        wrong.ShouldBe(0);
    }
}
