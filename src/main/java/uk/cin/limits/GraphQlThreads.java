package uk.cin.limits;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The threads GraphQL work runs on: as many as the machine has cores, and never an event
 * loop. Netty's loops serve every connection, and the R2DBC driver's loops every database
 * connection of the pool: a request that parsed, validated, walked its limits or resolved
 * fields on one of them held up every other request whose connection shares that loop (a
 * 20 s walk made other authorities' transactions fail to start).
 * <p>
 * {@code CallerInterceptor} hands a request to these threads before it reads the document
 * and again once its transaction has begun; as an instrumentation, this hands each field
 * whose value arrives later (a database read, which completes on the driver's loop) back
 * to them before graphql-java goes on with it.
 */
@Component
public class GraphQlThreads extends SimplePerformantInstrumentation implements DisposableBean {

	/** A thread of the GraphQL scheduler, known by its class. */
	static final class GraphQlThread extends Thread {

		GraphQlThread(Runnable work, String name) {
			super(work, name);
			setDaemon(true);
		}

	}

	private final Scheduler scheduler;

	public GraphQlThreads() {
		AtomicInteger count = new AtomicInteger();
		ThreadFactory threads = work -> new GraphQlThread(work, "cin-graphql-" + count.incrementAndGet());
		this.scheduler = Schedulers.newParallel(Runtime.getRuntime().availableProcessors(), threads);
	}

	/** The scheduler to publish or subscribe GraphQL work on. */
	public Scheduler scheduler() {
		return scheduler;
	}

	/** Whether the calling thread is one of these. */
	public static boolean isGraphQlThread() {
		return Thread.currentThread() instanceof GraphQlThread;
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		if (parameters.isTrivialDataFetcher() && dataFetcher.getClass().getPackageName().startsWith("graphql.")) {
			// graphql-java's own (a property of an object already loaded): its value is
			// there at once. The service's fetchers marked trivial may still return a
			// batch loader's future, so they are handed back like any other.
			return dataFetcher;
		}
		return environment -> {
			Object value = dataFetcher.get(environment);
			return value instanceof CompletionStage<?> later ? back(later) : value;
		};
	}

	/** The same outcome, delivered on one of these threads when it arrives on another. */
	<T> CompletionStage<T> back(CompletionStage<T> later) {
		CompletableFuture<T> future = later.toCompletableFuture();
		if (future.isDone()) {
			return future;
		}
		CompletableFuture<T> handedBack = new CompletableFuture<>();
		future.whenComplete((value, failure) -> {
			if (isGraphQlThread()) {
				complete(handedBack, value, failure);
			}
			else {
				try {
					scheduler.schedule(() -> complete(handedBack, value, failure));
				}
				catch (RejectedExecutionException stopping) {
					// The service is stopping: finish here rather than never.
					complete(handedBack, value, failure);
				}
			}
		});
		return handedBack;
	}

	private static <T> void complete(CompletableFuture<T> future, T value, Throwable failure) {
		if (failure != null) {
			future.completeExceptionally(failure);
		}
		else {
			future.complete(value);
		}
	}

	@Override
	public void destroy() {
		scheduler.dispose();
	}

}
