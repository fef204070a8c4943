using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Slipway.Environments.Yaml;

/// <summary>Replays a list of parsing events (from <see cref="PlainYamlScanner"/>) through YamlDotNet's <see cref="IParser"/>.</summary>
internal sealed class EventListParser : IParser
{
    private readonly List<ParsingEvent> _events;
    private int _next;

    public EventListParser(List<ParsingEvent> events)
    {
        _events = events;
    }

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        if (_next >= _events.Count)
        {
            Current = null;
            return false;
        }

        Current = _events[_next++];
        return true;
    }
}
