using System.Net;
using System.Net.Http.Headers;
using CableArchive.Data.Accounts;
using CableArchive.Domain.Classification;
using CableArchive.Tests.Web.Infrastructure;
using CableArchive.Web.Importing;
using Microsoft.Extensions.DependencyInjection;

namespace CableArchive.Tests.Web.Archive;

/// <summary>Runs alone, so that no other test's allocations blur the memory it measures.</summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

/// <summary>A large upload streams to disk: the server's memory stays flat however large the body.</summary>
[Collection(nameof(MemoryMeasurement))]
public sealed class LargeUploadTests
{
    private const long UploadBytes = 2L << 30;
    private const long AllowedGrowth = 300L << 20;

    [Fact]
    public async Task A_two_gigabyte_upload_is_received_with_the_servers_memory_flat()
    {
        await using var app = await ArchiveApp.StartAsync(kestrel: true);
        var archivist = await app.CreateUserAsync("large-upload-archivist", ClassificationLevel.Secret, roles: [ArchiveRoles.Archivist]);

        // Over a real socket to Kestrel, signed in through the form. The cookies are Secure (loopback counts as a secure
        // context to the server but not to HttpClient's cookie container), so they are carried by hand.
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = app.ServerAddress,
            Timeout = TimeSpan.FromMinutes(20),
        };
        var cookies = new Dictionary<string, string>();
        async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (cookies.Count > 0)
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value)));
            var response = await client.SendAsync(request);
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = cookie.Split(';')[0].Split('=', 2);
                cookies[pair[0]] = pair[1];
            }

            return response;
        }

        using (var signInPage = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/account/sign-in")))
        using (var signIn = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = archivist.Name,
                ["Password"] = archivist.Password,
                ["__RequestVerificationToken"] = ArchiveApp.AntiforgeryToken(await signInPage.Content.ReadAsStringAsync()),
            }),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using var formPage = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/archive"));
        var token = ArchiveApp.AntiforgeryToken(await formPage.Content.ReadAsStringAsync());

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = before;
        using var measuring = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!measuring.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(20);
            }
        });

        // Named .zip but not one: the import stops at once on the missing archive signature, so the test measures the
        // upload, not a two-gigabyte import.
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var body = new StreamContent(new GeneratedStream(UploadBytes), 1 << 16);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(body, "dump", "generated.zip");
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/archive/uploads") { Content = form });

        await measuring.CancelAsync();
        await sampler;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var job = app.Services.GetRequiredService<ImportQueue>().Find(Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]))!;
        Assert.Equal(UploadBytes, job.Bytes);
        Assert.True(peak - before < AllowedGrowth, $"Managed memory grew by {(peak - before) >> 20} MiB while receiving the upload.");
        TestContext.Current.TestOutputHelper?.WriteLine($"Managed memory: {before >> 20} MiB before, {peak >> 20} MiB at the peak of a {UploadBytes >> 20} MiB upload.");
    }

    /// <summary>A read-only stream of <c>length</c> bytes of cable-like text, generated as it is read and never stored.</summary>
    private sealed class GeneratedStream(long length) : Stream
    {
        private static readonly byte[] Line = "UNCLAS SECTION 01 OF 02 TOKYO 002577 SIPDIS E.O. 12958: N/A TAGS: PREL, PGOV, JA\n"u8.ToArray();
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = (int)Math.Min(buffer.Length, length - position);
            for (var filled = 0; filled < count;)
            {
                var lineOffset = (int)((position + filled) % Line.Length);
                var piece = Math.Min(count - filled, Line.Length - lineOffset);
                Line.AsSpan(lineOffset, piece).CopyTo(buffer[filled..]);
                filled += piece;
            }

            position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
