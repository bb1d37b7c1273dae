using System.IO.Compression;
using Campaigns.Imports;
using Campaigns.Tests.Infrastructure;

namespace Campaigns.Tests.Imports;

/// <summary>A zip upload is unpacked within limits: too many entries, too large an entry or too much in total is a clear 400.</summary>
public class refusing_zip_bombs(AppFixture fixture) : IntegrationContext(fixture)
{
    /// <summary>A zip of entries of zeros: each compresses about a thousandfold.</summary>
    private static byte[] Zip(int entries, long bytesPerEntry)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < entries; i++)
            {
                using var entry = zip.CreateEntry($"Persoon-{i}.json", CompressionLevel.Fastest).Open();
                for (long written = 0; written < bytesPerEntry; written += zeros.Length)
                    entry.Write(zeros, 0, (int)Math.Min(zeros.Length, bytesPerEntry - written));
            }
        }
        return output.ToArray();
    }

    [Theory]
    [InlineData(1, 256L << 20, "per bestand")]                                   // one entry of 256 MB
    [InlineData(3, TkDataSet.MaxZipEntryBytes - 1024, "samen groter")]           // each under the entry limit, together over the total
    [InlineData(TkDataSet.MaxZipEntries + 1, 10, "ten hoogste")]                 // too many entries
    public async Task is_refused_with_a_400_and_nothing_is_stored(int entries, long bytesPerEntry, string message)
    {
        var bomb = Zip(entries, bytesPerEntry);
        Assert.True(bomb.Length < ImportTkEndpoint.MaxUploadBytes, $"the bomb is {bomb.Length:N0} bytes");
        var before = await CountEvents();

        var result = await Scenario(x =>
        {
            x.Post.ByteArray(bomb).ToUrl("/api/imports/tk");
            x.WithRequestHeader("Content-Type", "application/zip");
            x.StatusCodeShouldBe(400);
        });

        Assert.Contains(message, await result.ReadAsTextAsync());
        Assert.Equal(before, await CountEvents());
    }

    [Fact]
    public async Task a_multipart_body_without_a_boundary_is_a_400()
    {
        var result = await Scenario(x =>
        {
            x.Post.Text("--x\r\n").ToUrl("/api/imports/tk");
            x.WithRequestHeader("Content-Type", "multipart/form-data");
            x.StatusCodeShouldBe(400);
        });
        Assert.Contains("upload", await result.ReadAsTextAsync());
    }
}
