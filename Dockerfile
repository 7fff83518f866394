# Multi-stage build: Maven builds the production jar (profile production: no PostgreSQL binaries in it), Spring Boot's
# layered jar is extracted, and a JRE runs it as an unprivileged user. The image runs no database of its own
# (CIN_LOCAL_DB_ENABLED=false below): configure it by environment, or it stops at start-up naming what is missing.
#   SPRING_R2DBC_URL=r2dbc:postgresql://db:5432/cin  SPRING_R2DBC_USERNAME=cin_app  SPRING_R2DBC_PASSWORD=...
#   SPRING_LIQUIBASE_URL=jdbc:postgresql://db:5432/cin  SPRING_LIQUIBASE_USER=cin  SPRING_LIQUIBASE_PASSWORD=...
#   SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI=https://login.example/realms/council
#   SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES=cin-service
# JVM options go in JAVA_OPTS (e.g. JAVA_OPTS="-Xmx1g"), after the image's own, so they win. See README, Deploying.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q -Pproduction dependency:go-offline
COPY src src
COPY schema schema
COPY migrations migrations
# The production profile checks the jar it builds packs no PostgreSQL; then one folder per layer.
RUN mvn -B -q -Pproduction package -DskipTests \
 && java -Djarmode=tools -jar target/cin-service-*.jar extract --layers --launcher --destination target/extracted

# The build's release is 17; the service runs on 25, which spent about a fifth less CPU per caseload page than 17
# in the same runs (README, Benchmarks).
FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --home-dir /app cin
WORKDIR /app
# One image layer per jar layer, the least often changed first: a change to the service's own code rebuilds and
# ships only the last one.
COPY --from=build /build/target/extracted/dependencies/ ./
COPY --from=build /build/target/extracted/spring-boot-loader/ ./
COPY --from=build /build/target/extracted/snapshot-dependencies/ ./
COPY --from=build /build/target/extracted/application/ ./
ENV CIN_LOCAL_DB_ENABLED=false \
    JAVA_OPTS=""
USER 10001
EXPOSE 8080
# exec: java replaces the shell as PID 1 and gets docker stop's SIGTERM (a graceful shutdown). A heap that runs out
# ends the process, for the orchestrator to restart, rather than leaving it half-working. Arguments after the image
# name go to the service, e.g. generate --families 1000.
ENTRYPOINT ["sh", "-c", "exec java -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError $JAVA_OPTS -cp /app org.springframework.boot.loader.launch.JarLauncher \"$@\"", "cin-service"]
