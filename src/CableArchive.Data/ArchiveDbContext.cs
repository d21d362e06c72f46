using CableArchive.Data.Accounts;
using CableArchive.Data.Audit;
using CableArchive.Data.Model;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CableArchive.Data;

/// <summary>
/// The archive's EF Core context. Used directly (no repository layer); the bulk import writes with binary COPY
/// beside it (<c>Import/ArchiveWriter</c>), on the same tables. It is also the ASP.NET Core Identity store of the web
/// application's users (<c>Accounts/</c>), whose tables sit in the same database.
/// </summary>
public sealed class ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : IdentityDbContext<ArchiveUser, ArchiveRole, long>(options)
{
    /// <summary>Cables with the envelope of their current version.</summary>
    public DbSet<ArchivedCable> Cables => Set<ArchivedCable>();

    /// <summary>Every distinct text of every cable.</summary>
    public DbSet<CableVersion> CableVersions => Set<CableVersion>();

    /// <summary>Portions of each version.</summary>
    public DbSet<CableParagraph> Paragraphs => Set<CableParagraph>();

    /// <summary>The subject of each version.</summary>
    public DbSet<CableSubject> Subjects => Set<CableSubject>();

    /// <summary>Versions whose portions still wait for their full-text vectors.</summary>
    public DbSet<PendingVersion> PendingVersions => Set<PendingVersion>();

    /// <summary>The adjacent lexeme pairs of each searchable paragraph, for phrases.</summary>
    public DbSet<ParagraphPairs> ParagraphPairs => Set<ParagraphPairs>();

    /// <summary>Versions whose paragraphs still wait for their phrase pairs.</summary>
    public DbSet<PendingPhrasePairs> PendingPhrasePairs => Set<PendingPhrasePairs>();

    /// <summary>Tags of each cable's current version.</summary>
    public DbSet<CableTag> CableTags => Set<CableTag>();

    /// <summary>References of each cable's current version.</summary>
    public DbSet<CableReference> CableReferences => Set<CableReference>();

    /// <summary>Other ids of cables.</summary>
    public DbSet<CableAlias> CableAliases => Set<CableAlias>();

    /// <summary>Posts cables come from.</summary>
    public DbSet<Post> Posts => Set<Post>();

    /// <summary>Analysts' notes on cables.</summary>
    public DbSet<CableNote> CableNotes => Set<CableNote>();

    /// <summary>Import and reparse runs.</summary>
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    /// <summary>The cables each release run read.</summary>
    public DbSet<ReleaseCable> ReleaseCables => Set<ReleaseCable>();

    /// <summary>The releases that count: the latest completed run of each release name.</summary>
    public DbSet<Release> Releases => Set<Release>();

    /// <summary>The cables whose history an admin withheld from everyone but admins.</summary>
    public DbSet<SensitiveCable> SensitiveCables => Set<SensitiveCable>();

    /// <summary>Records that could not be imported, with their bytes.</summary>
    public DbSet<QuarantinedRecord> QuarantinedRecords => Set<QuarantinedRecord>();

    /// <summary>Bearer tokens of the JSON API (hashes only).</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>The append-only audit table.</summary>
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    /// <summary>Configures options for the archive on <paramref name="dataSource"/>: Npgsql, snake_case names.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, NpgsqlDataSource dataSource) =>
        builder.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")).UseSnakeCaseNamingConvention();

    /// <summary>Creates a context on <paramref name="dataSource"/>.</summary>
    public static ArchiveDbContext Create(NpgsqlDataSource dataSource) =>
        new((DbContextOptions<ArchiveDbContext>)Configure(new DbContextOptionsBuilder<ArchiveDbContext>(), dataSource).Options);

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Identity's model first; Accounts/AccountConfigurations.cs then renames its tables.
        base.OnModelCreating(modelBuilder);

        // Indexes the month of a portion beside its vector in one GIN index (see CapMonth).
        modelBuilder.HasPostgresExtension("btree_gin");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ArchiveDbContext).Assembly);
    }
}
