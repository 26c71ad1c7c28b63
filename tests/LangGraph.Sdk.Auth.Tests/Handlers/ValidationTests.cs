using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using FluentAssertions.Specialized;

namespace LangGraph.Sdk.Auth.Tests.Handlers;

/// <summary>Every build-time error of <see cref="Auth.FromHandlers{T}(T)"/>: each message names the offending method.</summary>
public sealed class ValidationTests
{
    private static ExceptionAssertions<InvalidOperationException> Invalid<T>(T handlers)
        where T : class =>
        FluentActions.Invoking(() => Auth.FromHandlers(handlers)).Should().Throw<InvalidOperationException>();

    private sealed class NoAuthenticate
    {
        [On]
        public bool On(AuthContext ctx, object value) => true;
    }

    [Fact]
    public void No_authenticate_method()
    {
        Invalid(new NoAuthenticate()).WithMessage("NoAuthenticate is not a valid set of auth handlers:*NoAuthenticate has no [Authenticate] method*");
    }

    private sealed class TwoAuthenticate
    {
        [Authenticate]
        public string First() => "a";

        [Authenticate]
        public string Second() => "b";
    }

    [Fact]
    public void Two_authenticate_methods()
    {
        Invalid(new TwoAuthenticate()).WithMessage("*TwoAuthenticate has 2 [Authenticate] methods (TwoAuthenticate.First, TwoAuthenticate.Second); exactly one*");
    }

    private sealed class DuplicateAcrossMethods
    {
        [Authenticate]
        public string A() => "a";

        [On("threads", "create")]
        public bool First(AuthContext ctx, ThreadsCreate value) => true;

        [On("threads", "create")]
        public bool Second(AuthContext ctx, ThreadsCreate value) => true;
    }

    private sealed class DuplicateOnOneMethod
    {
        [Authenticate]
        public string A() => "a";

        [On("store")]
        [On("store", "*")]
        public bool Store(AuthContext ctx, object value) => true;
    }

    private sealed class DuplicateGlobal
    {
        [Authenticate]
        public string A() => "a";

        [On]
        public bool First(AuthContext ctx, object value) => true;

        [On("*", "*")]
        public bool Second(AuthContext ctx, object value) => true;
    }

    [Fact]
    public void A_duplicate_resource_and_action()
    {
        Invalid(new DuplicateAcrossMethods()).WithMessage("*[On(\"threads\", \"create\")] on DuplicateAcrossMethods.Second registers threads:create, which DuplicateAcrossMethods.First already registered*");
        Invalid(new DuplicateOnOneMethod()).WithMessage("*[On(\"store\", \"*\")] on DuplicateOnOneMethod.Store registers store:*, which DuplicateOnOneMethod.Store already registered*");
        Invalid(new DuplicateGlobal()).WithMessage("*DuplicateGlobal.Second registers *:*, which DuplicateGlobal.First already registered*");
    }

    private sealed class UnknownResource
    {
        [Authenticate]
        public string A() => "a";

        [On("thread", "create")]
        public bool On(AuthContext ctx, object value) => true;
    }

    private sealed class NullResource
    {
        [Authenticate]
        public string A() => "a";

        [On(null!, "create")]
        public bool On(AuthContext ctx, object value) => true;
    }

    [Fact]
    public void An_unknown_resource()
    {
        Invalid(new UnknownResource()).WithMessage("*[On(\"thread\", \"create\")] on UnknownResource.On names unknown resource \"thread\"; the resources are threads, assistants, crons, store and *.*");
        Invalid(new NullResource()).WithMessage("*NullResource.On names unknown resource \"\"*");
    }

    private sealed class ActionOfAnotherResource
    {
        [Authenticate]
        public string A() => "a";

        [On("threads", "put")]
        public bool On(AuthContext ctx, object value) => true;
    }

    private sealed class ActionOfNoResource
    {
        [Authenticate]
        public string A() => "a";

        [On("*", "frobnicate")]
        public bool On(AuthContext ctx, object value) => true;
    }

    [Fact]
    public void An_unknown_action()
    {
        Invalid(new ActionOfAnotherResource()).WithMessage(
            "*ActionOfAnotherResource.On names unknown action \"put\": threads has no such action; its actions are create, read, update, delete, search, create_run and *.*");
        Invalid(new ActionOfNoResource()).WithMessage(
            "*ActionOfNoResource.On names unknown action \"frobnicate\": no resource has it; the actions are create, read, update, delete, search, create_run, put, get, list_namespaces and *.*");
    }

    private sealed class UnknownParameterName
    {
        [Authenticate]
        public string A(string token) => token;
    }

    private sealed class WrongParameterType
    {
        [Authenticate]
        public string A(IDictionary<string, string> headers, int path) => "a";
    }

    private sealed class ValueTypeRequest
    {
        [Authenticate]
        public string A(int request) => "a";
    }

    private sealed class RefParameter
    {
        [Authenticate]
        public string A(ref string path) => path;
    }

    private sealed class TwoTokens
    {
        [Authenticate]
        public string A(CancellationToken first, CancellationToken second) => "a";
    }

    private sealed class GenericAuthenticate
    {
        [Authenticate]
        public string A<TItem>() => typeof(TItem).Name;
    }

    [Fact]
    public void An_authenticate_parameter_that_cannot_be_bound()
    {
        Invalid(new UnknownParameterName()).WithMessage(
            "*Parameter 'token' of [Authenticate] handler UnknownParameterName.A cannot be bound: an authenticate handler takes headers, authorization, path, method, pathParams, queryParams, request and a CancellationToken, by name.*");
        Invalid(new WrongParameterType())
            .WithMessage("*Parameter 'headers' of [Authenticate] handler WrongParameterType.A cannot be bound: it must be declared as IReadOnlyDictionary<string, string>, not IDictionary<String, String>.*")
            .WithMessage("*Parameter 'path' of [Authenticate] handler WrongParameterType.A cannot be bound: it must be declared as string, not Int32.*");
        Invalid(new ValueTypeRequest()).WithMessage("*Parameter 'request' of [Authenticate] handler ValueTypeRequest.A cannot be bound: 'request' must be AuthRequest or the host's request type (a class), not Int32.*");
        Invalid(new RefParameter()).WithMessage("*Parameter 'path' of [Authenticate] handler RefParameter.A cannot be bound: ref, in and out parameters are not supported.*");
        Invalid(new TwoTokens()).WithMessage("*Parameter 'second' of [Authenticate] handler TwoTokens.A cannot be bound: another parameter already takes the CancellationToken value.*");
        Invalid(new GenericAuthenticate()).WithMessage("*[Authenticate] handler GenericAuthenticate.A is generic*");
    }

    private sealed class ReturnsVoid
    {
        [Authenticate]
        public void A()
        {
        }
    }

    private sealed class ReturnsTask
    {
        [Authenticate]
        public Task A() => Task.CompletedTask;
    }

    private sealed class ReturnsInt
    {
        [Authenticate]
        public int A() => 1;
    }

    private sealed class ReturnsTaskOfCustomUser
    {
        [Authenticate]
        public Task<AuthenticateBindingTests.CustomUser> A() => Task.FromResult(new AuthenticateBindingTests.CustomUser("x"));
    }

    private sealed class ReturnsValueTaskOfCustomUser
    {
        [Authenticate]
        public ValueTask<AuthenticateBindingTests.CustomUser> A() => new(new AuthenticateBindingTests.CustomUser("x"));
    }

    private sealed class ReturnsTaskOfObject
    {
        [Authenticate]
        public Task<object> A() => Task.FromResult<object>("x");
    }

    [Fact]
    public void An_authenticate_handler_with_a_wrong_return_type()
    {
        const string allowed = "it must return MinimalUserDict, string, StudioUser or IAuthUser (or any type implementing IAuthUser), or Task/ValueTask of MinimalUserDict, string, StudioUser or IAuthUser.";
        Invalid(new ReturnsVoid()).WithMessage($"*[Authenticate] handler ReturnsVoid.A returns void; {allowed}*");
        Invalid(new ReturnsTask()).WithMessage("*[Authenticate] handler ReturnsTask.A returns Task; it must return*");
        Invalid(new ReturnsInt()).WithMessage("*[Authenticate] handler ReturnsInt.A returns Int32; it must return*");
        Invalid(new ReturnsTaskOfObject()).WithMessage("*[Authenticate] handler ReturnsTaskOfObject.A returns Task<Object>; it must return*");
        Invalid(new ReturnsTaskOfCustomUser()).WithMessage(
            "*[Authenticate] handler ReturnsTaskOfCustomUser.A returns Task<CustomUser>; declare it as Task<IAuthUser> to return your own user type (the method can still return a CustomUser).*");
        Invalid(new ReturnsValueTaskOfCustomUser()).WithMessage("*returns ValueTask<CustomUser>; declare it as ValueTask<IAuthUser>*");
    }

    private sealed class OnWithoutContext
    {
        [Authenticate]
        public string A() => "a";

        [On("threads", "read")]
        public bool On(ThreadsRead value) => true;
    }

    private sealed class OnSwapped
    {
        [Authenticate]
        public string A() => "a";

        [On("threads", "read")]
        public bool On(ThreadsRead value, AuthContext ctx) => true;
    }

    private sealed class OnExtraParameter
    {
        [Authenticate]
        public string A() => "a";

        [On("threads", "read")]
        public bool On(AuthContext ctx, ThreadsRead value, string extra) => true;
    }

    private sealed class OnValueOfOtherEvent
    {
        [Authenticate]
        public string A() => "a";

        [On("threads", "create")]
        public bool On(AuthContext ctx, ThreadsRead value) => true;
    }

    private sealed class OnResourceWideWithExactValue
    {
        [Authenticate]
        public string A() => "a";

        [On("threads")]
        public bool On(AuthContext ctx, ThreadsCreate value) => true;
    }

    private sealed class OnUnsupportedValueType
    {
        [Authenticate]
        public string A() => "a";

        [On("threads", "read")]
        public bool On(AuthContext ctx, string value) => true;
    }

    private sealed class OnGeneric
    {
        [Authenticate]
        public string A() => "a";

        [On("threads", "read")]
        public bool On<TItem>(AuthContext ctx, ThreadsRead value) => true;
    }

    [Fact]
    public void An_on_parameter_that_cannot_be_bound()
    {
        const string shape = "it must take (AuthContext ctx, TValue value) and optionally a CancellationToken last.";
        Invalid(new OnWithoutContext()).WithMessage($"*[On] handler OnWithoutContext.On has parameters (ThreadsRead value); {shape}*");
        Invalid(new OnSwapped()).WithMessage($"*[On] handler OnSwapped.On has parameters (ThreadsRead value, AuthContext ctx); {shape}*");
        Invalid(new OnExtraParameter()).WithMessage($"*[On] handler OnExtraParameter.On has parameters (AuthContext ctx, ThreadsRead value, String extra); {shape}*");
        Invalid(new OnUnsupportedValueType()).WithMessage("*Parameter 'value' of [On] handler OnUnsupportedValueType.On has type String, which cannot be bound*");
        Invalid(new OnGeneric()).WithMessage("*[On] handler OnGeneric.On is generic*");
        Invalid(new OnValueOfOtherEvent()).WithMessage(
            "*[On(\"threads\", \"create\")] on OnValueOfOtherEvent.On takes a value of type ThreadsRead, which cannot be bound: threads:create carries ThreadsCreate; declare the value parameter as ThreadsCreate.*");
        Invalid(new OnResourceWideWithExactValue()).WithMessage(
            "*OnResourceWideWithExactValue.On takes a value of type ThreadsCreate, which cannot be bound: threads:read carries ThreadsRead, threads:update carries ThreadsUpdate, threads:delete carries ThreadsDelete, threads:search carries ThreadsSearch, threads:create_run carries RunsCreate; declare the value parameter as object or IMetadataValue, or register each action separately.*");
    }

    private sealed class OnReturnsInt
    {
        [Authenticate]
        public string A() => "a";

        [On("threads", "read")]
        public int On(AuthContext ctx, ThreadsRead value) => 1;
    }

    private sealed class OnReturnsTaskOfInt
    {
        [Authenticate]
        public string A() => "a";

        [On("threads", "read")]
        public Task<int> On(AuthContext ctx, ThreadsRead value) => Task.FromResult(1);
    }

    private sealed class OnReturnsFilterCondition
    {
        [Authenticate]
        public string A() => "a";

        [On("threads", "read")]
        public FilterCondition On(AuthContext ctx, ThreadsRead value) => "x";
    }

    [Fact]
    public void An_on_handler_with_a_wrong_return_type()
    {
        const string allowed = "AuthResult, AuthFilter, bool or void, or Task/ValueTask of AuthResult, AuthFilter or bool, or a plain Task/ValueTask";
        Invalid(new OnReturnsInt()).WithMessage($"*[On] handler OnReturnsInt.On returns Int32; it must return {allowed}.*");
        Invalid(new OnReturnsTaskOfInt()).WithMessage("*[On] handler OnReturnsTaskOfInt.On returns Task<Int32>; it must return*");
        Invalid(new OnReturnsFilterCondition()).WithMessage("*[On] handler OnReturnsFilterCondition.On returns FilterCondition; it must return*");
    }

    private sealed class BothAttributes
    {
        [Authenticate]
        [On]
        public string A() => "a";
    }

    [Fact]
    public void A_method_marked_both_authenticate_and_on()
    {
        Invalid(new BothAttributes()).WithMessage("*BothAttributes.A has both [Authenticate] and [On]*");
    }

    private sealed class ManyProblems
    {
        [Authenticate]
        public void A(string token)
        {
        }

        [On("nope")]
        public bool B(AuthContext ctx, object value) => true;
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var message = FluentActions.Invoking(() => Auth.FromHandlers(new ManyProblems())).Should().Throw<InvalidOperationException>().Which.Message;

        message.Should().Contain("Parameter 'token' of [Authenticate] handler ManyProblems.A")
            .And.Contain("ManyProblems.A returns void")
            .And.Contain("ManyProblems.B names unknown resource \"nope\"");
        message.Split(Environment.NewLine).Should().HaveCount(4, "a header line and one line per problem");
    }

    public class BaseHandlers
    {
        [Authenticate]
        public string A() => "a";
    }

    public sealed class DerivedHandlers : BaseHandlers
    {
        [On("threads")]
        public bool On(AuthContext ctx, object value) => false;
    }

    [Fact]
    public void An_instance_of_a_derived_type_passed_as_its_base_is_refused_so_no_handler_is_missed()
    {
        BaseHandlers handlers = new DerivedHandlers();

        FluentActions.Invoking(() => Auth.FromHandlers(handlers)).Should().Throw<InvalidOperationException>()
            .WithMessage("FromHandlers scans the declared type BaseHandlers, but the instance is a DerivedHandlers; call FromHandlers<DerivedHandlers>(…)*");
        Auth.FromHandlers<DerivedHandlers>((DerivedHandlers)handlers).Handlers.Should().ContainSingle(h => h.Key == "threads:*");
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        FluentActions.Invoking(() => Auth.FromHandlers<BaseHandlers>((BaseHandlers)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => Auth.FromHandlers<BaseHandlers>((IServiceProvider)null!)).Should().Throw<ArgumentNullException>();
    }
}
