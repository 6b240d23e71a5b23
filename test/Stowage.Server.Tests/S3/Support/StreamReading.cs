namespace Stowage.Server.Tests.S3.Support;

internal static class StreamReading
{
    /// <summary>Reads to the end with reads of at most <paramref name="bufferSize"/> bytes.</summary>
    public static byte[] ReadAll(Stream stream, int bufferSize = 65_536)
    {
        var output = new MemoryStream();
        var buffer = new byte[bufferSize];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }

    public static async Task<byte[]> ReadAllAsync(Stream stream, int bufferSize = 65_536)
    {
        var output = new MemoryStream();
        var buffer = new byte[bufferSize];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }
}
