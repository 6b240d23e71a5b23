using Stowage.Core.Errors;

namespace Stowage.Core.Tests.Support;

/// <summary>Shouldly-style checks on the core's <see cref="Result{T}"/>.</summary>
internal static class ResultAssertions
{
    public static T ShouldSucceed<T>(this Result<T> result)
    {
        result.IsSuccess.ShouldBeTrue($"expected success, got {result.Failure?.Error.Code}");
        return result.Value!;
    }

    /// <summary>Checks the failure's catalogue entry (code and kind) and returns it for its details.</summary>
    public static Failure ShouldFailWith<T>(this Result<T> result, ErrorCode expected)
    {
        result.IsSuccess.ShouldBeFalse($"expected {expected.Code}, got success");
        result.Failure.Error.Code.ShouldBe(expected.Code);
        result.Failure.Error.Kind.ShouldBe(expected.Kind);
        return result.Failure;
    }

    /// <summary>The failure's extra field, which must be present.</summary>
    public static object? Detail(this Failure failure, string field)
    {
        failure.Details.ContainsKey(field).ShouldBeTrue($"{failure.Error.Code} has no '{field}'");
        return failure.Details[field];
    }
}
