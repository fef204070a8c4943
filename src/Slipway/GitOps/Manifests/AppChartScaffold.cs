using Slipway.GitOps.Git;
namespace Slipway.GitOps.Manifests;

/// <summary>
/// The chart an app without a chart of its own is deployed with: a small, generic Helm chart (a Deployment and a
/// Service for <c>image.repository:image.tag</c>, <c>replicaCount</c> replicas) written once to <c>charts/&lt;app&gt;/</c> in
/// the GitOps repository, where the app's HelmRelease (Flux) or Application (Argo CD) points. A real Flux or Argo CD
/// renders it from Git; edit it there to grow it — Slipway never overwrites an existing chart.
/// </summary>
public static class AppChartScaffold
{
    public static string Directory(string app) => $"charts/{app}";

    public static IReadOnlyDictionary<string, string> Files(string app) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [$"charts/{app}/Chart.yaml"] = $"""
            # A generic chart for "{app}", written by Slipway because the app names no chart of its own.
            apiVersion: v2
            name: {app}
            description: Deployment and Service of the {app} container image
            type: application
            version: 0.1.0

            """,
        [$"charts/{app}/values.yaml"] = """
            image:
              repository: ""
              tag: ""
              pullPolicy: IfNotPresent
            replicaCount: 1
            containerPort: 8080
            service:
              port: 80

            """,
        [$"charts/{app}/templates/deployment.yaml"] = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ .Release.Name }}
              labels:
                app.kubernetes.io/name: {{ .Chart.Name }}
                app.kubernetes.io/instance: {{ .Release.Name }}
            spec:
              replicas: {{ .Values.replicaCount }}
              selector:
                matchLabels:
                  app.kubernetes.io/name: {{ .Chart.Name }}
                  app.kubernetes.io/instance: {{ .Release.Name }}
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: {{ .Chart.Name }}
                    app.kubernetes.io/instance: {{ .Release.Name }}
                spec:
                  containers:
                    - name: {{ .Chart.Name }}
                      image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                      imagePullPolicy: {{ .Values.image.pullPolicy }}
                      ports:
                        - name: http
                          containerPort: {{ .Values.containerPort }}

            """,
        [$"charts/{app}/templates/service.yaml"] = """
            apiVersion: v1
            kind: Service
            metadata:
              name: {{ .Release.Name }}
              labels:
                app.kubernetes.io/name: {{ .Chart.Name }}
                app.kubernetes.io/instance: {{ .Release.Name }}
            spec:
              selector:
                app.kubernetes.io/name: {{ .Chart.Name }}
                app.kubernetes.io/instance: {{ .Release.Name }}
              ports:
                - name: http
                  port: {{ .Values.service.port }}
                  targetPort: http

            """,
    };

    /// <summary>Writes the chart unless <c>charts/&lt;app&gt;/Chart.yaml</c> exists already; returns whether it wrote.</summary>
    public static async Task<bool> EnsureAsync(IGitOpsWorkTree tree, string app, CancellationToken cancellationToken)
    {
        if (await tree.ReadTextAsync($"{Directory(app)}/Chart.yaml", cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        foreach ((string path, string content) in Files(app))
        {
            await tree.WriteTextAsync(path, content, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
