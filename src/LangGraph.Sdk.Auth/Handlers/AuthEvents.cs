using System;

namespace LangGraph.Sdk.Auth.Handlers;

/// <summary>
/// The resource/action table of the LangGraph server: which actions each resource has and which value type each event
/// carries. Resources and actions are small integers so that dispatch is an array index; -1 stands for <c>"*"</c>.
/// </summary>
internal static class AuthEvents
{
    public const int Any = -1;
    public const int ResourceCount = 4;
    public const int ActionCount = 9;

    public const int Threads = 0;
    public const int Assistants = 1;
    public const int Crons = 2;
    public const int Store = 3;

    public const int Create = 0;
    public const int Read = 1;
    public const int Update = 2;
    public const int Delete = 3;
    public const int Search = 4;
    public const int CreateRun = 5;
    public const int Put = 6;
    public const int Get = 7;
    public const int ListNamespaces = 8;

    public static readonly string[] ResourceNames = [AuthResources.Threads, AuthResources.Assistants, AuthResources.Crons, AuthResources.Store];

    public static readonly string[] ActionNames =
    [
        AuthActions.Create, AuthActions.Read, AuthActions.Update, AuthActions.Delete, AuthActions.Search,
        AuthActions.CreateRun, AuthActions.Put, AuthActions.Get, AuthActions.ListNamespaces,
    ];

    /// <summary>[resource * ActionCount + action] → the value type of that event, or null when the resource has no such action.</summary>
    private static readonly Type?[] ValueTypes = BuildValueTypes();

    public static int ResourceIndex(string resource) => resource switch
    {
        AuthResources.Any => Any,
        AuthResources.Threads => Threads,
        AuthResources.Assistants => Assistants,
        AuthResources.Crons => Crons,
        AuthResources.Store => Store,
        _ => -2,
    };

    public static int ActionIndex(string action) => action switch
    {
        AuthActions.Any => Any,
        AuthActions.Create => Create,
        AuthActions.Read => Read,
        AuthActions.Update => Update,
        AuthActions.Delete => Delete,
        AuthActions.Search => Search,
        AuthActions.CreateRun => CreateRun,
        AuthActions.Put => Put,
        AuthActions.Get => Get,
        AuthActions.ListNamespaces => ListNamespaces,
        _ => -2,
    };

    public static string ResourceName(int resource) => resource == Any ? AuthResources.Any : ResourceNames[resource];

    public static string ActionName(int action) => action == Any ? AuthActions.Any : ActionNames[action];

    public static string EventName(int resource, int action) => $"{ResourceName(resource)}:{ActionName(action)}";

    public static Type? ValueType(int resource, int action) => ValueTypes[(resource * ActionCount) + action];

    public static bool IsEvent(int resource, int action) => ValueType(resource, action) is not null;

    /// <summary>Whether any resource has the action (for <c>"*:action"</c>).</summary>
    public static bool AnyResourceHas(int action)
    {
        for (var r = 0; r < ResourceCount; r++)
        {
            if (IsEvent(r, action))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The actions a resource has, as text, for error messages.</summary>
    public static string ActionsOf(int resource)
    {
        var names = new System.Collections.Generic.List<string>();
        for (var a = 0; a < ActionCount; a++)
        {
            if (resource == Any ? AnyResourceHas(a) : IsEvent(resource, a))
            {
                names.Add(ActionNames[a]);
            }
        }

        return string.Join(", ", names);
    }

    private static Type?[] BuildValueTypes()
    {
        var types = new Type?[ResourceCount * ActionCount];
        void Set(int r, int a, Type t) => types[(r * ActionCount) + a] = t;
        Set(Threads, Create, typeof(ThreadsCreate));
        Set(Threads, Read, typeof(ThreadsRead));
        Set(Threads, Update, typeof(ThreadsUpdate));
        Set(Threads, Delete, typeof(ThreadsDelete));
        Set(Threads, Search, typeof(ThreadsSearch));
        Set(Threads, CreateRun, typeof(RunsCreate));
        Set(Assistants, Create, typeof(AssistantsCreate));
        Set(Assistants, Read, typeof(AssistantsRead));
        Set(Assistants, Update, typeof(AssistantsUpdate));
        Set(Assistants, Delete, typeof(AssistantsDelete));
        Set(Assistants, Search, typeof(AssistantsSearch));
        Set(Crons, Create, typeof(CronsCreate));
        Set(Crons, Read, typeof(CronsRead));
        Set(Crons, Update, typeof(CronsUpdate));
        Set(Crons, Delete, typeof(CronsDelete));
        Set(Crons, Search, typeof(CronsSearch));
        Set(Store, Put, typeof(StorePut));
        Set(Store, Get, typeof(StoreGet));
        Set(Store, Search, typeof(StoreSearch));
        Set(Store, Delete, typeof(StoreDelete));
        Set(Store, ListNamespaces, typeof(StoreListNamespaces));
        return types;
    }
}
