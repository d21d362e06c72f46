# syntax=docker/dockerfile:1
# The cablearchive command in a container: `serve` (the web application, the default command), `import`, `reparse`,
# `users`. It uses the PostgreSQL server named by ConnectionStrings__Archive (docker-compose.yml sets it); the image
# carries no PostgreSQL of its own.

# --- build: restore (cached while no project file changes), then publish ---
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/CableArchive.Domain/CableArchive.Domain.csproj src/CableArchive.Domain/
COPY src/CableArchive.Parsing/CableArchive.Parsing.csproj src/CableArchive.Parsing/
COPY src/CableArchive.Data/CableArchive.Data.csproj src/CableArchive.Data/
COPY src/CableArchive.Web/CableArchive.Web.csproj src/CableArchive.Web/
COPY src/CableArchive.Cli/CableArchive.Cli.csproj src/CableArchive.Cli/
RUN dotnet restore src/CableArchive.Cli/CableArchive.Cli.csproj
COPY src/ src/
RUN dotnet publish src/CableArchive.Cli/CableArchive.Cli.csproj -c Release -o /app --no-restore

# --- runtime: ASP.NET Core runtime only, run as an unprivileged user ---
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN groupadd --system --gid 10001 cablearchive \
 && useradd --system --uid 10001 --gid cablearchive --home-dir /home/cablearchive --create-home --shell /usr/sbin/nologin cablearchive \
 && mkdir /dumps /keys && chown cablearchive:cablearchive /dumps /keys
WORKDIR /app
COPY --from=build /app ./
USER 10001:10001
ENV DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
ENTRYPOINT ["dotnet", "cablearchive.dll"]
CMD ["serve", "--urls", "http://0.0.0.0:8080"]
