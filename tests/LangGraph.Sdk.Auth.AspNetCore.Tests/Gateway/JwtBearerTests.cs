using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Auth.AspNetCore.Tests.TestSupport;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LangGraph.Sdk.Auth.AspNetCore.Tests.Gateway;

/// <summary>ASP.NET Core authentication works with the gateway: a handler takes the <see cref="HttpContext"/> JwtBearer validated.</summary>
public sealed class JwtBearerTests
{
    private const string Issuer = "https://issuer.test";
    private const string Audience = "langgraph";
    private static readonly SymmetricSecurityKey Key = new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private static readonly SymmetricSecurityKey OtherKey = new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>Handlers that trust what ASP.NET Core authentication established.</summary>
    public sealed class JwtHandlers
    {
        [Authenticate]
        public MinimalUserDict Authenticate(HttpContext request)
        {
            var user = request.User;
            if (user.Identity?.IsAuthenticated != true)
            {
                throw new AuthHttpException(401, "Invalid token", new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer" });
            }

            return new MinimalUserDict(user.FindFirst("sub")!.Value) { Permissions = [.. user.FindAll("scope").Select(c => c.Value)] };
        }

        [On("threads", "create")]
        public void Stamp(AuthContext ctx, ThreadsCreate value) => value.Metadata["owner"] = ctx.User.Identity;
    }

    [Fact]
    public async Task A_token_signed_with_the_key_authenticates_its_subject()
    {
        await using var host = await StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/threads") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Mint("alice", Key, DateTime.UtcNow.AddMinutes(5)));

        var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonNode.Parse(host.Upstream.Single("POST").Body)!["metadata"]!["owner"]!.GetValue<string>().Should().Be("alice");
    }

    [Theory]
    [InlineData("other-key")]
    [InlineData("expired")]
    [InlineData("none")]
    public async Task A_token_that_does_not_validate_is_401_with_the_handlers_header(string kind)
    {
        await using var host = await StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/threads") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        var token = kind switch
        {
            "other-key" => Mint("alice", OtherKey, DateTime.UtcNow.AddMinutes(5)),
            "expired" => Mint("alice", Key, DateTime.UtcNow.AddMinutes(-10)),
            _ => null,
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"detail":"Invalid token"}""");
        host.Upstream.Requests.Should().BeEmpty();
    }

    private static Task<GatewayHost> StartAsync() => GatewayHost.StartAsync(
        services => services.AddLangGraphAuth<JwtHandlers>(),
        services: builder => builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = Issuer,
                    ValidAudience = Audience,
                    IssuerSigningKey = Key,
                    ClockSkew = TimeSpan.Zero,
                };
            }));

    private static string Mint(string subject, SecurityKey key, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("scope", "threads:write")]),
        NotBefore = expires.AddMinutes(-30),
        IssuedAt = expires.AddMinutes(-30),
        Expires = expires,
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
    });
}
