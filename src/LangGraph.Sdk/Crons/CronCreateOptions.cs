namespace LangGraph.Sdk;

/// <summary>Options of <see cref="CronsClient.CreateAsync"/>: the run settings plus what happens to each run's thread.</summary>
public sealed class CronCreateOptions : CronRunOptions
{
    /// <summary>
    /// Gets or sets what happens to the new thread of each run when it completes: <see cref="OnCompletionBehavior.Delete"/>
    /// (the server's default) or <see cref="OnCompletionBehavior.Keep"/> (then you clean the threads up).
    /// </summary>
    public OnCompletionBehavior? OnRunCompleted { get; set; }

    /// <summary>Gets or sets the multitask strategy of each run; the server's default applies when null.</summary>
    public MultitaskStrategy? MultitaskStrategy { get; set; }
}
