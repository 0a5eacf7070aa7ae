# syntax=docker/dockerfile:1
# The crawler worker: SDK build stage → ASP.NET runtime with the native tools extraction calls.
#   docker build -t crawler .                                  (with LibreOffice for DOC/WPS)
#   docker build --build-arg WITH_LIBREOFFICE=false -t crawler .  (about 400 MB smaller; .doc/.wps are quarantined)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The same environment and configuration as .ci/run and tests/run.sh (Release, telemetry off).
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORKDIR /src
COPY . .
RUN dotnet restore src/Crawler.Worker/Crawler.Worker.csproj
RUN dotnet publish src/Crawler.Worker/Crawler.Worker.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
ARG WITH_LIBREOFFICE=true
# The same script CI runs, so the image and the tests use the same packages.
COPY ops/install-deps.sh /tmp/install-deps.sh
RUN WITH_LIBREOFFICE="${WITH_LIBREOFFICE}" bash /tmp/install-deps.sh \
    && rm -rf /var/lib/apt/lists/* /tmp/install-deps.sh
WORKDIR /app
COPY --from=build /app ./
# $APP_UID is the image's non-root "app" user; /data holds state.db, the archive and the WARC files.
RUN mkdir -p /data && chown "$APP_UID" /data
ENV Storage__DataDirectory=/data \
    Web__Port=8080 \
    Web__BindAddress=0.0.0.0 \
    OMP_THREAD_LIMIT=1 \
    DOTNET_ENVIRONMENT=Production
VOLUME ["/data"]
EXPOSE 8080
USER $APP_UID
# crawler health GETs http://127.0.0.1:$Web__Port/healthz: no curl in the image.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["/app/crawler", "health"]
ENTRYPOINT ["/app/crawler"]
CMD ["run"]
