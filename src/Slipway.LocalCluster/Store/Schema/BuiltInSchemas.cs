using static Slipway.LocalCluster.Store.Schema.ObjectMetaSchema;
using static Slipway.LocalCluster.Store.Schema.SchemaBuilder;

namespace Slipway.LocalCluster.Store.Schema;

/// <summary>
/// The one description of the kinds the local cluster serves (<see cref="KnownResourceTypes"/>): OpenAPI documents, field
/// validation, strategic merge keys and server-side apply field sets all read it. Core kinds are described as deep as Slipway and
/// kubectl use them; the custom kinds (Flux, Argo CD) keep <c>spec</c>, <c>status</c> and any other top-level field (Argo CD's
/// <c>operation</c>) as given, as a CRD with <c>x-kubernetes-preserve-unknown-fields</c> would.
/// </summary>
internal static class BuiltInSchemas
{
    /// <summary>The schema of a kind, or a schema that keeps any <c>spec</c> and <c>status</c> for a kind not described here.</summary>
    public static OpenApiSchemaNode For(ResourceType type) => (type.Group, type.Kind) switch
    {
        ("", "Namespace") => Kind("Namespace provides a scope for names.", ("spec", Free("The namespace's finalizers.")), ("status", Free("The namespace's phase."))),
        ("", "Node") => Kind("Node is a worker node.", ("spec", Free("How the node is configured.")), ("status", Free("The node's observed state."))),
        ("", "Pod") => Kind("Pod is a collection of containers that can run on a host.", ("spec", PodSchema.Spec), ("status", Free("Most recently observed status of the pod."))),
        ("", "Service") => Kind("Service is a named abstraction of software service.", ("spec", ServiceSpec()), ("status", Free("Most recently observed status of the service."))),
        ("", "ConfigMap") => Kind(
            "ConfigMap holds configuration data for pods to consume.",
            ("binaryData", StringMap("Binary data, base64 encoded.")),
            ("data", StringMap("Configuration data.")),
            ("immutable", Boolean("The data cannot be updated."))),
        ("", "Secret") => Kind(
            "Secret holds secret data of a certain type.",
            ("data", StringMap("Secret data, base64 encoded.")),
            ("immutable", Boolean("The data cannot be updated.")),
            ("stringData", StringMap("Write-only secret data given as strings.")),
            ("type", String("Used to facilitate programmatic handling of secret data."))),
        ("", "Event") => CoreEvent(),
        ("apps", "Deployment") => Kind("Deployment enables declarative updates for Pods and ReplicaSets.", ("spec", DeploymentSpec()), ("status", Free("Most recently observed status of the Deployment."))),
        ("batch", "Job") => Kind("Job represents the configuration of a single job.", ("spec", JobSpec()), ("status", Free("Current status of the job."))),
        ("coordination.k8s.io", "Lease") => Kind("Lease defines a lease concept.", ("spec", LeaseSpec())),
        _ => Kind($"{type.Kind} ({type.ApiVersion}).", ("spec", Free($"The desired state of the {type.Kind}.")), ("status", Free($"The observed state of the {type.Kind}.")))
            .KeepingUnknownFields(),
    };

    /// <summary>The OpenAPI definition name: <c>io.k8s.api.apps.v1.Deployment</c>, or the group reversed for custom kinds.</summary>
    public static string DefinitionName(ResourceType type)
    {
        string package = type.Group switch
        {
            "" => "io.k8s.api.core",
            "apps" => "io.k8s.api.apps",
            "batch" => "io.k8s.api.batch",
            "coordination.k8s.io" => "io.k8s.api.coordination",
            _ => string.Join('.', type.Group.Split('.').Reverse()),
        };
        return $"{package}.{type.Version}.{type.Kind}";
    }

    private static OpenApiSchemaNode LabelSelector() => Object(
        "A label query over a set of resources.",
        ("matchExpressions", Atomic(Free("A label selector requirement."), "A list of label selector requirements.")),
        ("matchLabels", StringMap("A map of {key,value} pairs.")));

    private static OpenApiSchemaNode DeploymentSpec() => Object(
        "Specification of the desired behavior of the Deployment.",
        ("minReadySeconds", Integer("Seconds a new pod must be ready to count as available.")),
        ("paused", Boolean("Indicates that the deployment is paused.")),
        ("progressDeadlineSeconds", Integer("Seconds to make progress before the deployment is considered failed.")),
        ("replicas", Integer("Number of desired pods.")),
        ("revisionHistoryLimit", Integer("Number of old ReplicaSets to retain.")),
        ("selector", LabelSelector()),
        ("strategy", Object(
            "The deployment strategy used to replace existing pods with new ones.",
            ("rollingUpdate", Object(
                "Rolling update config params.",
                ("maxSurge", IntOrString("Maximum number of pods above the desired number.")),
                ("maxUnavailable", IntOrString("Maximum number of pods unavailable during the update.")))),
            ("type", String("Recreate or RollingUpdate.")))),
        ("template", PodSchema.Template)).Requiring("selector", "template");

    private static OpenApiSchemaNode JobSpec() => Object(
        "Specification of the desired behavior of a job.",
        ("activeDeadlineSeconds", Long("Seconds the job may be active before the system tries to terminate it.")),
        ("backoffLimit", Integer("Number of retries before marking this job failed.")),
        ("backoffLimitPerIndex", Integer("Retries within an index before marking the index failed.")),
        ("completionMode", String("NonIndexed or Indexed.")),
        ("completions", Integer("Number of successfully finished pods the job should be run with.")),
        ("managedBy", String("The controller that manages the Job.")),
        ("manualSelector", Boolean("Whether the selector is managed by the user.")),
        ("maxFailedIndexes", Integer("Failed indexes before marking the Job failed.")),
        ("parallelism", Integer("Maximum number of pods the job should run at a time.")),
        ("podFailurePolicy", Free("How failed pods influence the backoffLimit.")),
        ("podReplacementPolicy", String("When replacement pods are created.")),
        ("selector", LabelSelector()),
        ("successPolicy", Free("When a Job can be declared as succeeded.")),
        ("suspend", Boolean("Whether the Job controller should create pods.")),
        ("template", PodSchema.Template),
        ("ttlSecondsAfterFinished", Integer("Lifetime of the finished Job before it is deleted."))).Requiring("template");

    private static OpenApiSchemaNode ServiceSpec() => Object(
        "Spec defines the behavior of a service.",
        ("allocateLoadBalancerNodePorts", Boolean("Whether NodePorts are allocated for LoadBalancer services.")),
        ("clusterIP", String("IP address of the service.")),
        ("clusterIPs", Strings("IP addresses of the service.")),
        ("externalIPs", Strings("IPs for which nodes accept traffic for this service.")),
        ("externalName", String("External reference for ExternalName services.")),
        ("externalTrafficPolicy", String("Cluster or Local.")),
        ("healthCheckNodePort", Integer("Health check node port.")),
        ("internalTrafficPolicy", String("Cluster or Local.")),
        ("ipFamilies", Strings("IP families of the service.")),
        ("ipFamilyPolicy", String("SingleStack, PreferDualStack or RequireDualStack.")),
        ("loadBalancerClass", String("The load balancer implementation.")),
        ("loadBalancerIP", String("Deprecated load balancer IP.")),
        ("loadBalancerSourceRanges", Strings("Client IP ranges allowed through the load balancer.")),
        ("ports", Keyed(
            Object(
                "A port the service exposes.",
                ("appProtocol", String("Application protocol of the port.")),
                ("name", String("Name of the port.")),
                ("nodePort", Integer("Port on each node.")),
                ("port", Integer("Port exposed by the service.")),
                ("protocol", String("TCP, UDP or SCTP.")),
                ("targetPort", IntOrString("Port to access on the pods."))).Requiring("port"),
            "The ports exposed by the service.",
            "port",
            "port",
            "protocol")),
        ("publishNotReadyAddresses", Boolean("Publish addresses of pods that are not ready.")),
        ("selector", StringMap("Route traffic to pods with these labels.")),
        ("sessionAffinity", String("ClientIP or None.")),
        ("sessionAffinityConfig", Free("Session affinity configuration.")),
        ("trafficDistribution", String("How traffic is distributed to endpoints.")),
        ("type", String("ClusterIP, NodePort, LoadBalancer or ExternalName.")));

    private static OpenApiSchemaNode LeaseSpec() => Object(
        "Specification of the Lease.",
        ("acquireTime", Time("When the current lease was acquired.")),
        ("holderIdentity", String("The identity of the holder.")),
        ("leaseDurationSeconds", Integer("Duration candidates wait to force-acquire it.")),
        ("leaseTransitions", Integer("Number of transitions between holders.")),
        ("preferredHolder", String("Signals to a lease holder that it should give up.")),
        ("renewTime", Time("When the holder last renewed the lease.")),
        ("strategy", String("The strategy for picking the leader.")));

    private static OpenApiSchemaNode CoreEvent() => Kind(
        "Event is a report of an event somewhere in the cluster.",
        ("action", String("What action was taken or failed.")),
        ("count", Integer("The number of times this event has occurred.")),
        ("eventTime", new OpenApiSchemaNode { Type = "string", Format = "date-time", Description = "Time when this Event was first observed." }),
        ("firstTimestamp", Time("The time at which the event was first recorded.")),
        ("involvedObject", Free("The object that this event is about.")),
        ("lastTimestamp", Time("The time at which the most recent occurrence was recorded.")),
        ("message", String("A human-readable description of the status of this operation.")),
        ("reason", String("A short, machine understandable string for the transition.")),
        ("related", Free("Optional secondary object for more complex actions.")),
        ("reportingComponent", String("Name of the controller that emitted this Event.")),
        ("reportingInstance", String("ID of the controller instance.")),
        ("series", Free("Data about the Event series this event represents.")),
        ("source", Free("The component reporting this event.")),
        ("type", String("Normal or Warning.")));
}
