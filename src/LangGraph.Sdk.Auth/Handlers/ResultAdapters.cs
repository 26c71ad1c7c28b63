using System.Threading.Tasks;

namespace LangGraph.Sdk.Auth.Handlers;

/// <summary>Turns every handler return shape into <see cref="ValueTask{TResult}"/> without allocating when it completed synchronously.</summary>
internal static class ResultAdapters
{
    public static ValueTask<AuthResult?> FromBoolean(bool allowed) => new(allowed ? AuthResult.Allow : AuthResult.Deny);

    public static ValueTask<AuthResult?> FromTask(Task task)
    {
        return task.IsCompletedSuccessfully ? default : Await(task);

        static async ValueTask<AuthResult?> Await(Task task)
        {
            await task.ConfigureAwait(false);
            return null;
        }
    }

    public static ValueTask<AuthResult?> FromValueTask(ValueTask task)
    {
        if (task.IsCompletedSuccessfully)
        {
            task.GetAwaiter().GetResult();
            return default;
        }

        return Await(task);

        static async ValueTask<AuthResult?> Await(ValueTask task)
        {
            await task.ConfigureAwait(false);
            return null;
        }
    }

    public static ValueTask<AuthResult?> FromTask<TResult>(Task<TResult?> task)
        where TResult : AuthResult =>
        task.IsCompletedSuccessfully ? new(task.Result) : Await(task);

    public static ValueTask<AuthResult?> FromValueTask<TResult>(ValueTask<TResult?> task)
        where TResult : AuthResult =>
        task.IsCompletedSuccessfully ? new(task.Result) : Await(task.AsTask());

    public static ValueTask<AuthResult?> FromTask(Task<bool> task) =>
        task.IsCompletedSuccessfully ? FromBoolean(task.Result) : AwaitBoolean(task);

    public static ValueTask<AuthResult?> FromValueTask(ValueTask<bool> task) =>
        task.IsCompletedSuccessfully ? FromBoolean(task.Result) : AwaitBoolean(task.AsTask());

    private static async ValueTask<AuthResult?> Await<TResult>(Task<TResult?> task)
        where TResult : AuthResult =>
        await task.ConfigureAwait(false);

    private static async ValueTask<AuthResult?> AwaitBoolean(Task<bool> task) =>
        await task.ConfigureAwait(false) ? AuthResult.Allow : AuthResult.Deny;
}
