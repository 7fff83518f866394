package uk.cin.live;

import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** deadlinesChanged: live changes to plans' deadlines ({@link DeadlineSubscriptions}). */
@Controller
public class LiveController {

	private final DeadlineSubscriptions subscriptions;

	public LiveController(DeadlineSubscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@SubscriptionMapping
	public Flux<DeadlineChange> deadlinesChanged(@Argument @Nullable String authorityCode,
			@Argument @Nullable String planId, @Argument @Nullable String after, DataFetchingEnvironment environment) {
		return subscriptions.deadlinesChanged(authorityCode, planId, after, environment.getDataLoaderRegistry(),
				environment.getSelectionSet());
	}

}
