package uk.cin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The CIN case management service: GraphQL over HTTP and WebSocket, on PostgreSQL. */
@SpringBootApplication
public class CinApplication {

    public static void main(String[] args) {
        SpringApplication.run(CinApplication.class, args);
    }
}
