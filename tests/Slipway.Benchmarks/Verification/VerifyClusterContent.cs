using System.Globalization;
using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store;

namespace Slipway.Benchmarks.Verification;

/// <summary>
/// Fills a local cluster's store, as its controllers would have left it after a finished rollout: Ready nodes, Deployments
/// whose status satisfies the rollout rules (generation observed, every replica updated and available), their Running and
/// Ready pods, and one Ready HelmRelease per ten Deployments. The objects carry the fields a real cluster returns, so the
/// bytes on the wire are about what Verify reads from one.
/// </summary>
internal static class VerifyClusterContent
{
    public static IReadOnlyList<string> Namespaces(int count)
        => [.. Enumerable.Range(0, count).Select(static i => $"team-{i:00}")];

    /// <summary>Creates the namespaces, <paramref name="nodes"/> nodes, and the deployments (spread evenly over the namespaces) with their pods and releases.</summary>
    public static (int Deployments, int Pods, int Releases) Fill(IResourceStore store, IReadOnlyList<string> namespaces, int nodes, int deployments, int podsPerDeployment)
    {
        for (int n = 0; n < nodes; n++)
        {
            store.Create(KnownResourceTypes.Node, null, Parse(NodeJson, ("@NAME@", $"node-{n}")));
        }

        foreach (string ns in namespaces)
        {
            store.Create(KnownResourceTypes.Namespace, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } });
        }

        int pods = 0;
        int releases = 0;
        for (int d = 0; d < deployments; d++)
        {
            string ns = namespaces[d % namespaces.Count];
            string name = $"app-{d:0000}";
            string replicas = podsPerDeployment.ToString(CultureInfo.InvariantCulture);
            store.Create(KnownResourceTypes.Deployment, ns, Parse(DeploymentJson, ("@NAME@", name), ("@NS@", ns), ("@REPLICAS@", replicas)));
            for (int p = 0; p < podsPerDeployment; p++)
            {
                string pod = $"{name}-7d9c8b5f4-{p:00000}";
                string ip = $"10.{d / 250 % 250}.{d % 250}.{p % 250}";
                store.Create(KnownResourceTypes.Pod, ns, Parse(PodJson, ("@NAME@", pod), ("@APP@", name), ("@NS@", ns), ("@IP@", ip), ("@NODE@", $"node-{p % nodes}")));
                pods++;
            }

            if (d % 10 == 0)
            {
                store.Create(KnownResourceTypes.HelmRelease, ns, Parse(HelmReleaseJson, ("@NAME@", name), ("@NS@", ns)));
                releases++;
            }
        }

        return (deployments, pods, releases);
    }

    private static JsonObject Parse(string template, params (string Key, string Value)[] values)
    {
        string text = template;
        foreach ((string key, string value) in values)
        {
            text = text.Replace(key, value, StringComparison.Ordinal);
        }

        return JsonNode.Parse(text)!.AsObject();
    }

    private const string NodeJson = """
        {"metadata":{"name":"@NAME@","labels":{"kubernetes.io/hostname":"@NAME@","kubernetes.io/os":"linux","node-role.kubernetes.io/worker":""}},
         "spec":{"podCIDR":"10.244.0.0/24"},
         "status":{"capacity":{"cpu":"16","memory":"65842396Ki","pods":"110"},"allocatable":{"cpu":"16","memory":"65739996Ki","pods":"110"},
          "conditions":[{"type":"MemoryPressure","status":"False","reason":"KubeletHasSufficientMemory","message":"kubelet has sufficient memory available"},
           {"type":"DiskPressure","status":"False","reason":"KubeletHasNoDiskPressure","message":"kubelet has no disk pressure"},
           {"type":"Ready","status":"True","reason":"KubeletReady","message":"kubelet is posting ready status"}],
          "nodeInfo":{"kubeletVersion":"v1.32.0","osImage":"Slipway local","architecture":"amd64","operatingSystem":"linux","containerRuntimeVersion":"local://1.0"}}}
        """;

    private const string DeploymentJson = """
        {"metadata":{"name":"@NAME@","namespace":"@NS@","labels":{"app.kubernetes.io/name":"@NAME@","app.kubernetes.io/managed-by":"Helm"},
          "annotations":{"deployment.kubernetes.io/revision":"1","meta.helm.sh/release-name":"@NAME@","meta.helm.sh/release-namespace":"@NS@"}},
         "spec":{"replicas":@REPLICAS@,"selector":{"matchLabels":{"app.kubernetes.io/name":"@NAME@"}},
          "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,
          "template":{"metadata":{"labels":{"app.kubernetes.io/name":"@NAME@"}},
           "spec":{"containers":[{"name":"app","image":"registry.local/@NAME@:staging-123","ports":[{"containerPort":8080,"protocol":"TCP"}],
            "resources":{"requests":{"cpu":"100m","memory":"128Mi"},"limits":{"memory":"256Mi"}},
            "readinessProbe":{"httpGet":{"path":"/healthz","port":8080},"periodSeconds":5}}]}}},
         "status":{"observedGeneration":1,"replicas":@REPLICAS@,"updatedReplicas":@REPLICAS@,"readyReplicas":@REPLICAS@,"availableReplicas":@REPLICAS@,
          "conditions":[{"type":"Available","status":"True","reason":"MinimumReplicasAvailable","message":"Deployment has minimum availability.","lastUpdateTime":"2026-01-01T00:00:00Z","lastTransitionTime":"2026-01-01T00:00:00Z"},
           {"type":"Progressing","status":"True","reason":"NewReplicaSetAvailable","message":"ReplicaSet \"@NAME@-7d9c8b5f4\" has successfully progressed.","lastUpdateTime":"2026-01-01T00:00:00Z","lastTransitionTime":"2026-01-01T00:00:00Z"}]}}
        """;

    private const string PodJson = """
        {"metadata":{"name":"@NAME@","namespace":"@NS@","labels":{"app.kubernetes.io/name":"@APP@","pod-template-hash":"7d9c8b5f4"},
          "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"@APP@-7d9c8b5f4","uid":"0b0f7a43-4a0e-4f3e-9d84-5c0a9b1e2f31","controller":true,"blockOwnerDeletion":true}]},
         "spec":{"nodeName":"@NODE@","restartPolicy":"Always","containers":[{"name":"app","image":"registry.local/@APP@:staging-123","ports":[{"containerPort":8080,"protocol":"TCP"}],
          "env":[{"name":"ASPNETCORE_URLS","value":"http://+:8080"},{"name":"SLIPWAY_ENV","value":"staging"}],
          "resources":{"requests":{"cpu":"100m","memory":"128Mi"},"limits":{"memory":"256Mi"}}}]},
         "status":{"phase":"Running","podIP":"@IP@","hostIP":"192.168.0.10","startTime":"2026-01-01T00:00:00Z",
          "conditions":[{"type":"Initialized","status":"True"},{"type":"Ready","status":"True"},{"type":"ContainersReady","status":"True"},{"type":"PodScheduled","status":"True"}],
          "containerStatuses":[{"name":"app","ready":true,"started":true,"restartCount":0,"image":"registry.local/@APP@:staging-123","imageID":"registry.local/@APP@@sha256:4f1c0e6a","state":{"running":{"startedAt":"2026-01-01T00:00:00Z"}}}]}}
        """;

    private const string HelmReleaseJson = """
        {"metadata":{"name":"@NAME@","namespace":"@NS@"},
         "spec":{"interval":"10m","chart":{"spec":{"chart":"@NAME@","version":"1.2.3","sourceRef":{"kind":"HelmRepository","name":"charts","namespace":"flux-system"}}},
          "values":{"image":{"repository":"registry.local/@NAME@","tag":"staging-123"},"replicaCount":5}},
         "status":{"observedGeneration":1,"lastAttemptedRevision":"1.2.3","lastAppliedRevision":"1.2.3",
          "conditions":[{"type":"Ready","status":"True","reason":"InstallSucceeded","message":"Helm install succeeded for release @NS@/@NAME@.v1 with chart @NAME@@1.2.3"},
           {"type":"Released","status":"True","reason":"InstallSucceeded","message":"Helm install succeeded"}],
          "history":[{"name":"@NAME@","namespace":"@NS@","version":1,"status":"deployed","chartName":"@NAME@","chartVersion":"1.2.3"}]}}
        """;
}
