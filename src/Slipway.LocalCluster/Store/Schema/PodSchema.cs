using static Slipway.LocalCluster.Store.Schema.SchemaBuilder;

namespace Slipway.LocalCluster.Store.Schema;

/// <summary>
/// <c>core/v1</c> PodSpec and Container with every field of Kubernetes 1.32 at these two levels, the merge keys of their lists
/// (containers, env, volumes by <c>name</c>; ports by <c>containerPort</c> and <c>protocol</c>; volumeMounts by <c>mountPath</c>)
/// and anything deeper kept as given.
/// </summary>
internal static class PodSchema
{
    public static OpenApiSchemaNode Container { get; } = Object(
        "A single application container to run within a pod.",
        ("args", Strings("Arguments to the entrypoint.")),
        ("command", Strings("Entrypoint array.")),
        ("env", Keyed(EnvVar(), "Environment variables to set in the container.", "name")),
        ("envFrom", Atomic(Free("A source of environment variables."), "Sources to populate environment variables from.")),
        ("image", String("Container image name.")),
        ("imagePullPolicy", String("Always, Never or IfNotPresent.")),
        ("lifecycle", Free("Actions on container lifecycle events.")),
        ("livenessProbe", Free("Periodic probe of container liveness.")),
        ("name", String("Name of the container, unique in the pod.")),
        ("ports", Keyed(ContainerPort(), "Ports to expose from the container.", "containerPort", "containerPort", "protocol")),
        ("readinessProbe", Free("Periodic probe of container service readiness.")),
        ("resizePolicy", Atomic(Free("A resource resize policy."), "Resources resize policy for the container.")),
        ("resources", Free("Compute resources required by this container.")),
        ("restartPolicy", String("Restart behaviour of an init container.")),
        ("securityContext", Free("Security options the container should be run with.")),
        ("startupProbe", Free("Probe that the pod has successfully initialized.")),
        ("stdin", Boolean("Allocate a buffer for stdin.")),
        ("stdinOnce", Boolean("Close stdin after the first attach.")),
        ("terminationMessagePath", String("Path of the file the termination message is written to.")),
        ("terminationMessagePolicy", String("File or FallbackToLogsOnError.")),
        ("tty", Boolean("Allocate a TTY.")),
        ("volumeDevices", Keyed(Free("A block device."), "Block devices to be used by the container.", "devicePath")),
        ("volumeMounts", Keyed(Free("A volume mount."), "Pod volumes to mount into the container's filesystem.", "mountPath")),
        ("workingDir", String("Container's working directory."))).Requiring("name");

    public static OpenApiSchemaNode Spec { get; } = Object(
        "Specification of the desired behavior of the pod.",
        ("activeDeadlineSeconds", Long("Duration the pod may be active before the system terminates it.")),
        ("affinity", Free("Scheduling constraints.")),
        ("automountServiceAccountToken", Boolean("Whether a service account token is mounted.")),
        ("containers", Keyed(Container, "Containers belonging to the pod.", "name")),
        ("dnsConfig", Free("DNS parameters of the pod.")),
        ("dnsPolicy", String("DNS policy of the pod.")),
        ("enableServiceLinks", Boolean("Whether service information is injected into environment variables.")),
        ("ephemeralContainers", Keyed(Free("An ephemeral container."), "Ephemeral containers run in this pod.", "name")),
        ("hostAliases", Keyed(Free("A host file entry."), "Entries added to the pod's hosts file.", "ip")),
        ("hostIPC", Boolean("Use the host's ipc namespace.")),
        ("hostNetwork", Boolean("Use the host's network namespace.")),
        ("hostPID", Boolean("Use the host's pid namespace.")),
        ("hostUsers", Boolean("Use the host's user namespace.")),
        ("hostname", String("Hostname of the pod.")),
        ("imagePullSecrets", Keyed(Free("A reference to a secret."), "Secrets used to pull images.", "name")),
        ("initContainers", Keyed(Container, "Containers run before the app containers.", "name")),
        ("nodeName", String("The node the pod is scheduled onto.")),
        ("nodeSelector", StringMap("Labels a node must match for the pod to fit.")),
        ("os", Free("The OS of the containers.")),
        ("overhead", Free("Resource overhead of running the pod.")),
        ("preemptionPolicy", String("Policy for preempting pods with lower priority.")),
        ("priority", Integer("Priority value.")),
        ("priorityClassName", String("Priority class of the pod.")),
        ("readinessGates", Atomic(Free("A readiness gate."), "Conditions evaluated for pod readiness.")),
        ("resourceClaims", Keyed(Free("A resource claim."), "Resources the pod claims.", "name")),
        ("resources", Free("Total resources of the pod.")),
        ("restartPolicy", String("Always, OnFailure or Never.")),
        ("runtimeClassName", String("The RuntimeClass to run the pod with.")),
        ("schedulerName", String("The scheduler that dispatches the pod.")),
        ("schedulingGates", Keyed(Free("A scheduling gate."), "Gates that block scheduling.", "name")),
        ("securityContext", Free("Pod-level security attributes.")),
        ("serviceAccount", String("Deprecated alias of serviceAccountName.")),
        ("serviceAccountName", String("The service account to run the pod as.")),
        ("setHostnameAsFQDN", Boolean("Use the FQDN as hostname.")),
        ("shareProcessNamespace", Boolean("Share a single process namespace between containers.")),
        ("subdomain", String("Subdomain of the pod's hostname.")),
        ("terminationGracePeriodSeconds", Long("Duration the pod needs to terminate gracefully.")),
        ("tolerations", Atomic(Free("A toleration."), "The pod's tolerations.")),
        ("topologySpreadConstraints", Keyed(Free("A topology spread constraint."), "How pods spread across topology domains.", "topologyKey", "topologyKey", "whenUnsatisfiable")),
        ("volumes", Keyed(Free("A volume."), "Volumes that can be mounted by containers.", "name"))).Requiring("containers");

    public static OpenApiSchemaNode Template { get; } = Object(
        "The pods a controller creates.",
        ("metadata", ObjectMetaSchema.Metadata),
        ("spec", Spec));

    private static OpenApiSchemaNode EnvVar() => Object(
        "An environment variable.",
        ("name", String("Name of the environment variable.")),
        ("value", String("Value of the variable.")),
        ("valueFrom", Free("Source of the variable's value."))).Requiring("name");

    private static OpenApiSchemaNode ContainerPort() => Object(
        "A network port in a single container.",
        ("containerPort", Integer("Port number to expose on the pod's IP address.")),
        ("hostIP", String("Host IP to bind the external port to.")),
        ("hostPort", Integer("Port number to expose on the host.")),
        ("name", String("Name of the port.")),
        ("protocol", String("UDP, TCP or SCTP; defaults to TCP."))).Requiring("containerPort");
}
