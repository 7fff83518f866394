package uk.cin.graphiql;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * GraphiQL at {@code /graphiql}, in the local profile only: the page and its scripts,
 * styles and Monaco's workers come from the jar ({@code classpath:graphiql/}, bundled at
 * build time from the npm packages by {@code src/main/graphiql/build.mjs}), so it works
 * on a machine with no internet. Spring for GraphQL's own page, which loads its scripts
 * from a public CDN, stays off ({@code spring.graphql.graphiql.enabled} is false).
 * Queries go to {@code /graphql} over HTTP, subscriptions over graphql-ws on the same
 * path; the token goes in the headers pane.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
public class GraphiQlPage {

	static final String PATH = "/graphiql";

	private static final String LOCATION = "graphiql/";

	@Bean
	RouterFunction<ServerResponse> graphiQl() {
		Resource page = new ClassPathResource(LOCATION + "index.html");
		return RouterFunctions.route()
			.GET(PATH,
					request -> page.exists() ? ServerResponse.ok()
						.contentType(MediaType.TEXT_HTML)
						.cacheControl(CacheControl.noCache())
						.bodyValue(page) : ServerResponse.notFound().build())
			.build()
			.and(RouterFunctions.resources(PATH + "/assets/**", new ClassPathResource(LOCATION + "assets/"),
					(resource, headers) -> headers.setCacheControl(CacheControl.maxAge(Duration.ofHours(1)))));
	}

}
