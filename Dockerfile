# Multi-stage build: Maven builds the jar, a JRE runs it as an unprivileged user.
# Configure the database by environment (the service then starts no database of its own):
#   SPRING_R2DBC_URL=r2dbc:postgresql://db:5432/cin  SPRING_R2DBC_USERNAME=cin  SPRING_R2DBC_PASSWORD=...
#   SPRING_LIQUIBASE_URL=jdbc:postgresql://db:5432/cin  SPRING_LIQUIBASE_USER=cin  SPRING_LIQUIBASE_PASSWORD=...
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY schema schema
COPY migrations migrations
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app cin
WORKDIR /app
COPY --from=build /build/target/cin-service-*.jar /app/cin-service.jar
USER 10001
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/cin-service.jar"]
