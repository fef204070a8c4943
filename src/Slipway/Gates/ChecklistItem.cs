namespace Slipway.Gates;

/// <summary>How an item of the release checklist stands.</summary>
public enum ChecklistState
{
    /// <summary>Checked live, and it holds.</summary>
    Done,

    /// <summary>Checked live, and it does not hold (yet): the evidence says why and what would satisfy it.</summary>
    NotMet,

    /// <summary>Slipway cannot check it: a person must.</summary>
    Open,
}

/// <summary>One line of the release checklist: what, how it stands, and the evidence (or what a person must do).</summary>
public sealed record ChecklistItem(string Title, ChecklistState State, string Evidence)
{
    public string Mark => State switch
    {
        ChecklistState.Done => "[x]",
        ChecklistState.NotMet => "[ ] NOT MET:",
        _ => "[ ] open:",
    };
}
