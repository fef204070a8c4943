using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Slipway.LocalCluster.Hosting;
using Slipway.Targets;
using Slipway.Tests.BadInput;
using Slipway.Tests.Cluster.Faults;
using Slipway.Tests.EndToEnd;
using Slipway.Tests.Support;

namespace Slipway.Tests.Faults;

/// <summary>
/// Faults of the things the build talks to, through the real <c>./build.sh</c> in the deployed bad-input clone: the cluster API
/// (through a <see cref="FaultProxy"/> in front of the clone's local cluster, reached with a kubeconfig) answering 500 or 429,
/// the GitOps remote's pre-receive hook refusing the push, terraform killed in the middle of ApplyInfra. Each asserts what a
/// user sees (exit code, the message, no stack trace or exception type), that nothing was left half-done, and that the next
/// run after the fault is gone succeeds.
/// </summary>
[Collection(BadInputCollection.Name)]
public sealed partial class BuildFaultTests
{
    private const string SyncWeb = "SyncApps --env staging --app web --tag staging-124";

    // A push refused after the deploy lease was taken writes the lease to the local cluster's state and refreshes
    // Slipway's GitOps clone (a cache, reset to the remote after the failure).
    private static readonly string[] s_afterLease = [".nuke/temp/local-cluster/", ".nuke/temp/gitops/", ".nuke/temp/gitops.lock"];

    private readonly BadInputRepository _repository;

    public BuildFaultTests(BadInputRepository repository)
    {
        _repository = repository;
    }

    private BuildScriptClone Clone => _repository.Clone;

    [Fact]
    public async Task Status_against_an_API_server_answering_500_exits_1_naming_the_server_the_call_and_the_status()
    {
        await _repository.EnsureDeployedAsync();
        await using StateBackup backup = await StateBackup.SaveAsync(_repository.Root);
        await using LocalClusterHandle cluster = await Clone.StartClusterAsync("staging");
        await using FaultProxy proxy = await FaultProxy.StartAsync(cluster.BaseAddress);
        using var temp = new TempDirectory("slipway-kubeconfig");
        string kubeconfig = await proxy.WriteKubeconfigAsync(temp.Path);
        proxy.Inject(ApiFault.Answer("GET", "/api/v1/nodes", HttpStatusCode.InternalServerError) with { Message = "etcdserver: leader changed" });

        await _repository.AssertFailsSafelyAsync(new BadInputCase(
            "cluster API answering 500",
            "Status --env staging",
            ExitCodes.TargetFailed,
            $"The cluster API at {proxy.BaseAddress.GetLeftPart(UriPartial.Authority)}",
            "failed to list nodes after 4 attempts: 500 Internal Server Error: etcdserver: leader changed",
            $"kubectl --kubeconfig {kubeconfig} get nodes")
        {
            Arrange = root => UseKubeconfigAsync(root, kubeconfig),
            MayWrite = s_afterLease,
        });

        proxy.Requests.Count(static r => r.Path == "/api/v1/nodes").ShouldBe(4);
    }

    [Fact]
    public async Task Status_against_an_API_server_answering_429_waits_as_Retry_After_says_and_succeeds()
    {
        await _repository.EnsureDeployedAsync();
        await using StateBackup backup = await StateBackup.SaveAsync(_repository.Root);
        await using LocalClusterHandle cluster = await Clone.StartClusterAsync("staging");
        await using FaultProxy proxy = await FaultProxy.StartAsync(cluster.BaseAddress);
        using var temp = new TempDirectory("slipway-kubeconfig");
        string kubeconfig = await proxy.WriteKubeconfigAsync(temp.Path);
        proxy.Inject(ApiFault.Answer("GET", "/api/v1/nodes", HttpStatusCode.TooManyRequests, times: 2) with { RetryAfter = 1, Message = "too many requests, please try again later" });

        await _repository.AssertFailsSafelyAsync(new BadInputCase(
            "cluster API answering 429",
            "Status --env staging",
            ExitCodes.Success,
            "did not list nodes (429 Too Many Requests: too many requests, please try again later; Retry-After 1s); trying again in 1.0s (attempt 2 of 4)",
            "trying again in 1.0s (attempt 3 of 4)",
            "Last release: staging-1",
            ": Ready")
        {
            Arrange = root => UseKubeconfigAsync(root, kubeconfig),
            MayWrite = s_afterLease,
        });

        ProxiedRequest[] nodes = [.. proxy.Requests.Where(static r => r.Path == "/api/v1/nodes")];
        nodes.Select(static r => r.Status).ShouldBe([429, 429, 200]);
        (nodes[1].ArrivedAt - nodes[0].ArrivedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95)); // never sooner than asked
        (nodes[2].ArrivedAt - nodes[1].ArrivedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95));
    }

    [Fact]
    public async Task A_push_refused_by_a_pre_receive_hook_exits_1_with_the_hook_output_and_the_next_run_after_removing_it_succeeds()
    {
        await _repository.EnsureDeployedAsync();
        await using StateBackup backup = await StateBackup.SaveAsync(_repository.Root);
        string remote = Clone.GitOpsRemote;
        string hook = Path.Combine(remote, "hooks", "pre-receive");
        await File.WriteAllTextAsync(hook, "#!/bin/sh\necho 'deploys to staging are frozen until Monday (release-bot)' >&2\nexit 1\n", TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        string before = await RemoteHeadAsync(remote);

        await _repository.AssertFailsSafelyAsync(new BadInputCase(
            "GitOps remote rejecting the push",
            SyncWeb,
            ExitCodes.TargetFailed,
            $"The GitOps remote {Path.GetFullPath(remote)}",
            "rejected the push",
            "deploys to staging are frozen until Monday (release-bot)",
            "nothing was pushed and the local clone is reset")
        {
            MayWrite = s_afterLease,
        });

        (await RemoteHeadAsync(remote)).ShouldBe(before);
        (await Clone.GitAsync(Clone.GitOpsWorkDirectory, "status", "--porcelain")).ShouldBeEmpty();
        (await Clone.GitAsync(Clone.GitOpsWorkDirectory, "rev-list", "--count", "origin/main..HEAD")).Trim().ShouldBe("0"); // no commit waiting to be pushed blindly

        File.Delete(hook);
        BuildRun again = await Clone.RunAsync(SyncWeb);

        again.ExitCode.ShouldBe(ExitCodes.Success, again.ToString());
        string after = await RemoteHeadAsync(remote);
        after.ShouldNotBe(before);
        (await Clone.GitAsync(remote, "grep", "-l", "staging-124", "main")).ShouldNotBeNullOrWhiteSpace();
        (await Clone.GitAsync(remote, "rev-list", "--count", $"{before}..{after}")).Trim().ShouldBe("1", again.ToString());
    }

    [Fact]
    public async Task Terraform_killed_during_ApplyInfra_exits_1_saying_what_to_do_and_plan_then_apply_succeeds()
    {
        string root = _repository.Root;
        string stack = Path.Combine(root, "infra", "platform");
        string slow = Path.Combine(stack, "zz-slow.tf");
        try
        {
            await File.WriteAllTextAsync(slow, "resource \"terraform_data\" \"slow\" {\n  provisioner \"local-exec\" {\n    command = \"exec sleep 120\"\n  }\n}\n", TestContext.Current.CancellationToken);
            BuildRun plan = await Clone.RunAsync("PlanInfra --env dev");
            plan.ExitCode.ShouldBe(ExitCodes.Success, plan.ToString());
            RepositorySnapshot before = RepositorySnapshot.Take(root);
            string planFile = ".nuke/temp/dev/infra.tfplan";

            (int exitCode, string output) = await RunKillingTerraformAsync("ApplyInfra --env dev", stack);

            exitCode.ShouldBe(ExitCodes.TargetFailed, output);
            output.ShouldContain("terraform apply was interrupted: it was killed by signal 9 (SIGKILL, exit code 137) in infra/platform, workspace 'dev'");
            output.ShouldContain("./build.sh ApplyInfra --env dev   (plans again, then applies");
            output.ShouldMatch(@"cd infra/platform && TF_WORKSPACE=dev terraform force-unlock [0-9a-f]{8}-[0-9a-f]{4}-");
            StackFrame().IsMatch(output).ShouldBeFalse(output);
            ExceptionTypeName().Match(output).Value.ShouldBeEmpty(output);
            // ApplyInfra planned first (a new plan, written whole) and recorded the apply it started; no outputs of an apply
            // that did not finish, no temp file left over. (The deploy lease, taken before planning, starts dev's local cluster:
            // its state is the cluster's, not the apply's.)
            RepositorySnapshot.Take(root).ChangesSince(before, ["infra/platform/terraform.tfstate.d/dev/", "infra/platform/.terraform/", ".nuke/temp/local-cluster/"]).ShouldBe(
                ["added .nuke/temp/dev/infra-apply.json", "changed .nuke/temp/dev/infra-plan.json", "changed .nuke/temp/dev/infra-plan.md", "changed " + planFile],
                output);
            System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, ".nuke", "temp", "dev", "infra-apply.json"), TestContext.Current.CancellationToken)).Dispose();

            // The plan whose apply was killed, passed again as the reviewed plan: refused, not applied blindly.
            BuildRun reapply = await Clone.RunAsync("ApplyInfra --env dev --plan-file " + planFile);
            reapply.ExitCode.ShouldBe(ExitCodes.Refused, reapply.ToString());
            reapply.Output.ShouldContain("that apply did not finish");
            StackFrame().IsMatch(reapply.Output).ShouldBeFalse(reapply.Output);

            await File.WriteAllTextAsync(slow, "resource \"terraform_data\" \"slow\" {\n  provisioner \"local-exec\" {\n    command = \"true\"\n  }\n}\n", TestContext.Current.CancellationToken);
            BuildRun apply = await Clone.RunAsync("ApplyInfra --env dev");
            apply.ExitCode.ShouldBe(ExitCodes.Success, apply.ToString());
            apply.Output.ShouldContain("Applied the reviewed plan");
            File.Exists(Path.Combine(root, ".nuke", "temp", "dev", "infra-apply.json")).ShouldBeFalse();
        }
        finally
        {
            // Leave the shared clone as the other cases expect it: no dev workspace, no dev plan, no extra stack file.
            File.Delete(slow);
            foreach (string folder in (string[])[Path.Combine(stack, "terraform.tfstate.d", "dev"), Path.Combine(root, ".nuke", "temp", "dev")])
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    private static Task UseKubeconfigAsync(string root, string kubeconfig)
        => EnvironmentFileCases.Replace(root, "environments/staging/env.yaml", "cluster:\n  local: true", $"cluster:\n  local: null\n  kubeconfig: {kubeconfig}");

    private async Task<string> RemoteHeadAsync(string remote) => (await Clone.GitAsync(remote, "rev-parse", "main")).Trim();

    /// <summary>Runs the build, SIGKILLs the terraform it starts once terraform runs the slow provisioner, and waits for the build.</summary>
    private async Task<(int ExitCode, string Output)> RunKillingTerraformAsync(string arguments, string stack)
    {
        var info = new ProcessStartInfo("bash") { WorkingDirectory = _repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("build.sh");
        foreach (string argument in arguments.Split(' '))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["NO_COLOR"] = "1";
        info.Environment.Remove("GITHUB_REF_NAME"); // the branch gate reads the clone's HEAD (main), not the branch of a CI run of these tests
        info.Environment.Remove("CI_COMMIT_BRANCH");
        using Process build = Process.Start(info)!;
        var output = new StringBuilder();
        var provisioning = new TaskCompletionSource();
        void OnLine(string? line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }

            if (line?.Contains("Provisioning with 'local-exec'", StringComparison.Ordinal) == true)
            {
                provisioning.TrySetResult();
            }
        }

        build.OutputDataReceived += (_, e) => OnLine(e.Data);
        build.ErrorDataReceived += (_, e) => OnLine(e.Data);
        build.BeginOutputReadLine();
        build.BeginErrorReadLine();
        try
        {
            await provisioning.Task.WaitAsync(TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);
            ProcessTable.KillWithChildren(ProcessTable.Find("terraform", stack, "apply").ShouldHaveSingleItem());
            await build.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        }
        finally
        {
            if (!build.HasExited)
            {
                build.Kill(entireProcessTree: true);
            }
        }

        lock (output)
        {
            return (build.ExitCode, output.ToString());
        }
    }

    [GeneratedRegex(@"^\s+at \S+\(.*\)", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"\b[A-Z]\w*Exception\b")]
    private static partial Regex ExceptionTypeName();
}
