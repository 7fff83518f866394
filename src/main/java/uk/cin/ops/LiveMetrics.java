package uk.cin.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;
import uk.cin.live.LiveController;
import uk.cin.security.ExpiringSockets;

/** Gauges of this instance's live connections: open subscriptions (WebSocket and SSE) and open WebSockets. */
@Component
public class LiveMetrics implements MeterBinder {

    private final LiveController live;
    private final ExpiringSockets sockets;

    public LiveMetrics(LiveController live, ExpiringSockets sockets) {
        this.live = live;
        this.sockets = sockets;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("cin.subscriptions.active", live, LiveController::activeSubscriptions)
                .description("deadlinesChanged subscriptions open on this instance (WebSocket and SSE)")
                .register(registry);
        Gauge.builder("cin.websockets.open", sockets, ExpiringSockets::openCount)
                .description("graphql-transport-ws connections open on this instance")
                .register(registry);
    }
}
