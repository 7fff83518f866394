package uk.cin.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import uk.cin.security.AuthorityScope;
import uk.cin.security.Caller;
import uk.cin.security.EventTransactions;

/**
 * The audit of what subscription events showed their subscribers, written before each
 * event is sent, as a query's is before it is answered. Subscribers of one authority are
 * written together: while one transaction writes, the rows of the events resolved
 * meanwhile wait, and the next transaction writes them all. An event reaching a thousand
 * subscribers then costs a few transactions rather than a thousand, each taking its turn
 * ({@link EventTransactions}).
 */
@Component
public class EventAudit {

	/** Rows (one statement each) written in one transaction at most. */
	private static final int BATCH = 200;

	private record Entry(Caller caller, String operation, Map<AuditTrail.Subject, Set<String>> reads,
			Sinks.Empty<Void> written) {
	}

	private final AuditLog audit;

	private final AuthorityScope scope;

	private final EventTransactions transactions;

	private final Map<String, Batches> byAuthority = new ConcurrentHashMap<>();

	public EventAudit(AuditLog audit, AuthorityScope scope, EventTransactions transactions) {
		this.audit = audit;
		this.scope = scope;
		this.transactions = transactions;
	}

	/** Records what one subscriber was shown; completes once that is committed. */
	public Mono<Void> reads(Caller caller, String operation, Map<AuditTrail.Subject, Set<String>> fieldsByChild) {
		if (fieldsByChild.isEmpty()) {
			return Mono.empty();
		}
		return Mono.defer(() -> {
			Entry entry = new Entry(caller, operation, fieldsByChild, Sinks.empty());
			byAuthority.computeIfAbsent(caller.authority(), Batches::new).add(entry);
			return entry.written().asMono();
		});
	}

	/** One authority's rows waiting, and whether a transaction is writing some now. */
	private final class Batches {

		private final String authority;

		private final List<Entry> waiting = new ArrayList<>();

		private boolean writing;

		Batches(String authority) {
			this.authority = authority;
		}

		void add(Entry entry) {
			List<Entry> batch;
			synchronized (this) {
				waiting.add(entry);
				if (writing) {
					return;
				}
				writing = true;
				batch = take();
			}
			write(batch);
		}

		/** The next batch, or null (and no longer writing) when nothing waits. */
		private synchronized List<Entry> next() {
			if (waiting.isEmpty()) {
				writing = false;
				return null;
			}
			return take();
		}

		private List<Entry> take() {
			List<Entry> first = waiting.subList(0, Math.min(BATCH, waiting.size()));
			List<Entry> batch = new ArrayList<>(first);
			first.clear();
			return batch;
		}

		private void write(List<Entry> batch) {
			transactions.mono(scope.reading(authority,
					Flux.fromIterable(batch).concatMap(e -> audit.reads(e.caller(), e.operation(), e.reads())).then()))
				.subscribe(null, failure -> {
					batch.forEach(e -> e.written().tryEmitError(failure));
					writeNext();
				}, () -> {
					batch.forEach(e -> e.written().tryEmitEmpty());
					writeNext();
				});
		}

		private void writeNext() {
			List<Entry> batch = next();
			if (batch != null) {
				write(batch);
			}
		}

	}

}
