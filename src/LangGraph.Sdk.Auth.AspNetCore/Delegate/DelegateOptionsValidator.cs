using Microsoft.Extensions.Options;

namespace LangGraph.Sdk.Auth.AspNetCore.Delegate;

/// <summary>Validates <see cref="LangGraphAuthDelegateOptions"/> when the host starts.</summary>
internal sealed class DelegateOptionsValidator : IValidateOptions<LangGraphAuthDelegateOptions>
{
    public ValidateOptionsResult Validate(string? name, LangGraphAuthDelegateOptions options) =>
        string.IsNullOrWhiteSpace(options.Secret)
            ? ValidateOptionsResult.Fail("LangGraphAuthDelegateOptions.Secret is required: set it to the value of the auth file's LANGGRAPH_AUTH_DELEGATE_SECRET (from configuration or a secret store).")
            : options.Secret.Length < LangGraphAuthDelegateOptions.MinimumSecretLength
                ? ValidateOptionsResult.Fail($"LangGraphAuthDelegateOptions.Secret must have at least {LangGraphAuthDelegateOptions.MinimumSecretLength} characters; use a long random value.")
                : ValidateOptionsResult.Success;
}
