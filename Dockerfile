# One Tributary image for every role; the command picks it (see docker-compose.yml):
#   server realtime --config /etc/tributary/worker.properties --spec /etc/tributary/wikipedia-spec.json
#   server historical --config /etc/tributary/historical.properties
#   produce --bootstrap kafka:9092 --topic wikipedia --rate 200
#
# Build:  docker build -t tributary .     (or let `docker compose up --build` do it)

# ---- build: the same Maven build as bin/tributary, tests skipped ----
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The cache mount keeps downloaded dependencies between builds (BuildKit, the default builder).
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -q -DskipTests package -pl quickstart -am
# One runtime classpath: the quickstart jar (it holds the full CLI) and everything it depends on.
RUN mkdir -p /out/lib \
    && cp quickstart/target/lib/*.jar /out/lib/ \
    && cp quickstart/target/tributary-quickstart-*.jar /out/lib/

# ---- runtime: a Java 17 JRE, running as an unprivileged user ----
FROM eclipse-temurin:17.0.16_8-jre-noble
# The entrypoint claims its data slot with flock(1) and the health checks use curl; fail the build,
# not the container, if the base image ever stops shipping them.
RUN command -v flock && command -v curl \
    && groupadd --system --gid 10001 tributary \
    && useradd --system --uid 10001 --gid tributary --home-dir /var/lib/tributary --no-create-home \
        --shell /usr/sbin/nologin tributary \
    && mkdir -p /var/lib/tributary \
    && chown tributary:tributary /var/lib/tributary
COPY --from=build /out/lib/ /opt/tributary/lib/
COPY docker/entrypoint.sh /opt/tributary/bin/entrypoint.sh
COPY docker/conf/ /etc/tributary/
RUN chmod 0755 /opt/tributary/bin/entrypoint.sh

ENV TRIBUTARY_HOME=/opt/tributary \
    TRIBUTARY_DATA_ROOT=/var/lib/tributary
# A named volume mounted at /var/lib/tributary starts out owned by the tributary user: Docker copies
# the ownership of the image's directory into a new volume.
USER tributary:tributary
WORKDIR /var/lib/tributary
EXPOSE 8084
ENTRYPOINT ["/opt/tributary/bin/entrypoint.sh"]
CMD ["--help"]
