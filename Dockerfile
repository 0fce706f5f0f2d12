# syntax=docker/dockerfile:1
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props CampaignBot.sln ./
COPY src/ src/
RUN dotnet publish src/CampaignBot -c Release -o /out

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
WORKDIR /app
COPY --from=build /out ./
COPY config/ config/
# The runtime image ships a non-root "app" user; the bot only writes to data/ (SQLite, when used).
RUN mkdir -p /app/data && chown app:app /app/data
USER app
VOLUME ["/app/data"]
ENTRYPOINT ["dotnet", "CampaignBot.dll"]
