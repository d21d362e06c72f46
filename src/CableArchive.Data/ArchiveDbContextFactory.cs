using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace CableArchive.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without a server: migrations are generated from the model
/// alone, so the connection string here is never opened.
/// </summary>
internal sealed class ArchiveDbContextFactory : IDesignTimeDbContextFactory<ArchiveDbContext>
{
    public ArchiveDbContext CreateDbContext(string[] args) =>
        ArchiveDbContext.Create(new NpgsqlDataSourceBuilder("Host=127.0.0.1;Database=cablearchive_design").Build());
}
