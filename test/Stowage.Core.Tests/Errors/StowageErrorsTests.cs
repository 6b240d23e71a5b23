using System.Reflection;
using System.Text.RegularExpressions;
using Stowage.Core.Errors;

namespace Stowage.Core.Tests.Errors;

public sealed partial class StowageErrorsTests
{
    public static IReadOnlyList<ErrorCode> All { get; } =
        [.. typeof(StowageErrors).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (ErrorCode)f.GetValue(null)!)];

    [Fact]
    public void Codes_AreUniqueSnakeCase_WithAMessage()
    {
        All.Count.ShouldBeGreaterThan(40);
        All.Select(e => e.Code).ShouldBeUnique();
        foreach (var error in All)
        {
            SnakeCase().IsMatch(error.Code).ShouldBeTrue(error.Code);
            error.Message.ShouldNotBeNullOrWhiteSpace();
            Enum.IsDefined(error.Kind).ShouldBeTrue(error.Code);
        }
    }

    [Fact]
    public void Because_ReplacesTheMessage_AndKeepsTheEntry()
    {
        var failure = Failure.Because(StowageErrors.InvalidField, "max-keys must be a number");

        failure.Error.ShouldBe(StowageErrors.InvalidField);
        failure.Message.ShouldBe("max-keys must be a number");
        Failure.Of(StowageErrors.InvalidField).Message.ShouldBe(StowageErrors.InvalidField.Message);
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
