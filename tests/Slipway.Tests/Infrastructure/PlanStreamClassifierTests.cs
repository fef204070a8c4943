using System.Text;
using Slipway.Infrastructure;

namespace Slipway.Tests.Infrastructure;

public sealed class PlanStreamClassifierTests
{
    // Lines as terraform 1.11 writes them (trimmed of @timestamp and @module), one of each message PlanInfra reads.
    private const string Stream = """
        {"@level":"info","@message":"Terraform 1.11.4","terraform":"1.11.4","type":"version","ui":"1.2"}
        {"@level":"info","@message":"a.create: Plan to create","change":{"resource":{"addr":"a.create","resource_key":null},"action":"create"},"type":"planned_change"}
        {"@level":"info","@message":"a.update: Plan to update","change":{"resource":{"addr":"a.update"},"previous_resource":{"addr":"a.old"},"action":"update"},"type":"planned_change"}
        {"@level":"info","@message":"a.replace: Plan to replace","change":{"resource":{"addr":"a.replace"},"action":"replace","reason":"cannot_update"},"type":"planned_change"}
        {"@level":"info","@message":"a.tainted: Plan to replace","change":{"resource":{"addr":"a.tainted"},"action":"replace","reason":"tainted"},"type":"planned_change"}
        {"@level":"info","@message":"gone","change":{"resource":{"addr":"a.gone[\"k\u00e9y\"]","resource_key":"kéy"},"action":"delete","reason":"delete_because_each_key"},"type":"planned_change"}
        {"@level":"info","@message":"read","change":{"resource":{"addr":"data.x.read"},"action":"read","reason":"read_because_config_unknown"},"type":"planned_change"}
        {"@level":"info","@message":"moved","change":{"resource":{"addr":"a.moved"},"previous_resource":{"addr":"a.before"},"action":"move"},"type":"planned_change"}
        {"@level":"info","@message":"imported","change":{"resource":{"addr":"a.imported"},"action":"import","importing":{"id":"x"}},"type":"planned_change"}
        {"@level":"info","@message":"forgotten","change":{"resource":{"addr":"a.forgotten"},"action":"remove"},"type":"planned_change"}
        {"@level":"info","@message":"drifted","change":{"resource":{"addr":"a.drifted"},"action":"update"},"type":"resource_drift"}
        {"@level":"info","@message":"Plan: 3 to add, 1 to change, 3 to destroy.","changes":{"add":3,"change":1,"import":1,"remove":3,"operation":"plan"},"type":"change_summary"}
        {"@level":"info","@message":"Outputs: 2","outputs":{"host":{"sensitive":false,"action":"update"},"name":{"sensitive":false,"action":"noop"}},"type":"outputs"}
        {"@level":"warn","@message":"Warning: Deprecated","diagnostic":{"severity":"warning","summary":"Deprecated","detail":"Use b.","range":{"filename":"main.tf","start":{"line":7,"column":1,"byte":9},"end":{"line":7,"column":2,"byte":10}},"snippet":{"start_line":99,"values":[]}},"type":"diagnostic"}
        not json at all
        {"@level":"info","@message":"last line without a newline","type":"log"}
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1 << 20)]
    public async Task Classifies_every_message_whatever_the_chunk_size(int chunk)
    {
        using var input = new TrickleStream(Encoding.UTF8.GetBytes(Stream.ReplaceLineEndings("\n")), chunk);
        var shown = new List<string>();

        PlanStream result = await PlanStreamClassifier.ClassifyAsync(input, line => shown.Add(line.Text!), TestContext.Current.CancellationToken);

        result.Counts.ShouldBe(new PlanCounts { Create = 1, Update = 1, Replace = 2, Delete = 1, Read = 1, NoOp = 2, Forget = 1 });
        result.Destructive.ShouldBe(
        [
            new ResourceChange("a.replace", PlanAction.Replace, "replace_because_cannot_update"),
            new ResourceChange("a.tainted", PlanAction.Replace, "replace_because_tainted"),
            new ResourceChange("a.gone[\"kéy\"]", PlanAction.Delete, "delete_because_each_key"),
        ]);
        result.Drift.ShouldBe([new ResourceChange("a.drifted", PlanAction.Update, null)]);
        result.OutputChanges.ShouldBe(1);
        result.Summary.ShouldBe(new PlanChangeSummary(3, 1, 3, 1));
        result.Diagnostics.ShouldBe([new TerraformDiagnostic("warning", "Deprecated", "Use b.", "main.tf", 7)]);
        result.Text.ShouldBe("not json at all" + Environment.NewLine);
        result.Unrecognized.ShouldBe(0);
        shown.Count.ShouldBe(16);
        shown[0].ShouldBe("Terraform 1.11.4");
        shown[13].ShouldBe("main.tf:7: warning: Deprecated" + Environment.NewLine + "    Use b.");
        shown[^1].ShouldBe("last line without a newline");
    }

    [Fact]
    public async Task An_action_it_does_not_know_is_counted_so_that_show_json_decides()
    {
        const string Line = """{"@message":"x","change":{"resource":{"addr":"a.b"},"action":"transmogrify"},"type":"planned_change"}""";
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(Line));

        PlanStream result = await PlanStreamClassifier.ClassifyAsync(input, null, TestContext.Current.CancellationToken);

        result.Unrecognized.ShouldBe(1);
        StreamedPlanClassification.Combine(result, new SavedPlan(PlanCounts.Empty with { NoOp = 1 }, 0, false, false, 0)).Disagreement.ShouldNotBeNull();
    }

    [Fact]
    public void The_stream_is_trusted_only_when_the_saved_plan_and_terraforms_summary_agree()
    {
        var counts = new PlanCounts { Create = 1, Delete = 1, NoOp = 1 };
        var stream = new PlanStream(counts with { NoOp = 0 }, [new ResourceChange("a.b", PlanAction.Delete, null)], [], 0, new PlanChangeSummary(1, 0, 1, 0), []);

        StreamedPlanClassification.Combine(stream, new SavedPlan(counts with { NoOp = 5 }, 0, true, false, 0)).Classification!.Counts.ShouldBe(counts with { NoOp = 5 });
        StreamedPlanClassification.Combine(stream, null).Disagreement!.ShouldContain("format");
        StreamedPlanClassification.Combine(stream, new SavedPlan(counts with { Delete = 2 }, 0, true, false, 0)).Disagreement!.ShouldContain("differ from the saved plan");
        StreamedPlanClassification.Combine(stream with { Summary = new PlanChangeSummary(1, 0, 0, 0) }, new SavedPlan(counts, 0, true, false, 0)).Disagreement!.ShouldContain("summary");
        StreamedPlanClassification.Combine(stream with { Summary = null }, new SavedPlan(counts, 0, true, false, 0)).Disagreement!.ShouldContain("no change summary");
        StreamedPlanClassification.Combine(stream, new SavedPlan(counts, 1, true, false, 0)).Disagreement!.ShouldContain("drifted");
    }

    [Fact]
    public void Addresses_sort_as_terraform_sorts_them()
    {
        string[] expected =
        [
            "data.x.a",
            "terraform_data.a",
            "terraform_data.a[9]",
            "terraform_data.a[10]",
            "terraform_data.a[\"a.b\"]",
            "terraform_data.a[\"b\\\"q\"]",
            "terraform_data.b",
            "module.m[1].terraform_data.x",
            "module.m[\"b\"].terraform_data.x",
            "module.n.data.y.z",
            "module.n.terraform_data.a",
            "module.m[0].module.z.terraform_data.a",
        ];

        expected.Reverse().Order(TerraformAddress.Comparer).ShouldBe(expected);
        TerraformAddress.IsData("module.n.data.y.z").ShouldBeTrue();
        TerraformAddress.IsData("module.data.terraform_data.z").ShouldBeFalse();
    }
}
