namespace LangGraph.Sdk;

/// <summary>Options of <see cref="CronsClient.CreateForThreadAsync"/>: the run settings plus the multitask strategy.</summary>
public sealed class CronCreateForThreadOptions : CronRunOptions
{
    /// <summary>Gets or sets what a run does when the thread is still busy with the previous one; the server's default applies when null.</summary>
    public MultitaskStrategy? MultitaskStrategy { get; set; }
}
