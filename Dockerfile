# syntax=docker/dockerfile:1
# The SDK runs on the build machine's own architecture and cross-compiles for the target (amd64 or arm64, e.g. a
# Raspberry Pi 4/5): ReadyToRun code for that architecture, so the bot starts without JIT-compiling its own assemblies
# and their dependencies.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props CampaignBot.sln ./
COPY src/ src/
RUN dotnet publish src/CampaignBot -c Release -a $TARGETARCH --self-contained false -p:PublishReadyToRun=true -o /out

# ASP.NET Core's runtime: the web surface (page, calendar, health, metrics) runs on Kestrel inside the bot.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /out ./
COPY config/ config/
# The runtime image ships a non-root "app" user; the bot only writes to data/ (SQLite, when used).
RUN mkdir -p /app/data && chown app:app /app/data
USER app
VOLUME ["/app/data"]
# Inside a container the web surface listens on every interface: the campaign page and calendar on 5080 (put a
# reverse proxy with TLS in front), health and metrics on 9464 (keep it private).
ENV Web__Urls=http://0.0.0.0:5080 Web__MetricsUrls=http://0.0.0.0:9464
EXPOSE 5080 9464
ENTRYPOINT ["dotnet", "CampaignBot.dll"]
