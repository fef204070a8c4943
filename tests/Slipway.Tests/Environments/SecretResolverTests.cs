using Slipway.Environments;
using Slipway.Hosting;
using Slipway.Tests.Support;

namespace Slipway.Tests.Environments;

public sealed class SecretResolverTests : IDisposable
{
    private readonly TempRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void Resolves_env_and_file_references_and_registers_the_secrets()
    {
        File.WriteAllText(Path.Combine(_repository.Root, "db.secret"), "s3cret\n");
        var log = new RecordingLog();
        var resolver = new SecretResolver(new DictionaryEnvironmentVariables([new("DB_USER", "app")]), _repository.Root, log);

        string value = resolver.Resolve("postgres://${env:DB_USER}:${file:db.secret}@db");

        value.ShouldBe("postgres://app:s3cret@db");
        log.Secrets.ShouldBe(["app", "s3cret", "postgres://app:s3cret@db"]);
    }

    [Fact]
    public void Leaves_plain_values_alone_and_registers_nothing()
    {
        var log = new RecordingLog();
        var resolver = new SecretResolver(new DictionaryEnvironmentVariables(), _repository.Root, log);

        resolver.Resolve("eu-west").ShouldBe("eu-west");
        log.Secrets.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("${env:MISSING}", "environment variable 'MISSING' is not set")]
    [InlineData("${file:nothing.txt}", "secret file 'nothing.txt' does not exist")]
    [InlineData("${env:BAD-NAME}", "malformed secret reference")]
    public void Missing_or_malformed_references_are_bad_input_naming_where_they_were_set(string value, string message)
    {
        var resolver = new SecretResolver(new DictionaryEnvironmentVariables(), _repository.Root, new RecordingLog());

        SlipwayException exception = Should.Throw<SlipwayException>(() => resolver.Resolve(value, "environments/prod/env.yaml:12"));

        exception.Kind.ShouldBe(FailureKind.Input);
        exception.Message.ShouldStartWith("environments/prod/env.yaml:12: ");
        exception.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("${env:A_1}", null)]
    [InlineData("x ${file:secrets/a.txt} y", null)]
    [InlineData("${env:}", "malformed")]
    [InlineData("${vault:a}", "malformed")]
    [InlineData("${env:A", "not closed")]
    public void Finds_malformed_references(string value, string? problem)
    {
        string? found = SecretReference.FindProblem(value);

        if (problem is null)
        {
            found.ShouldBeNull();
        }
        else
        {
            found.ShouldNotBeNull().ShouldContain(problem);
        }
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("adminPassword", true)]
    [InlineData("db_password", true)]
    [InlineData("api_token", true)]
    [InlineData("apiKey", true)]
    [InlineData("ssh-private-key", true)]
    [InlineData("clientSecret", true)]
    [InlineData("existingSecret", false)]
    [InlineData("key", false)]
    [InlineData("tokenTtl", false)]
    [InlineData("kubeconfig", false)]
    [InlineData("dns_zone", false)]
    public void Recognises_keys_that_look_secret(string key, bool secret)
        => SecretKeys.LooksSecret(key).ShouldBe(secret);
}
