package uk.cin.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;

/**
 * The HTTP port's connections, bounded in time ({@link ConnectionLimits}). Without this a client could open
 * connections and send nothing, or send a request a byte at a time, and hold them for ever: a silent connection was
 * still open after 200 s, and 19,950 of them once kept health from answering for 30 s.
 *
 * <ul>
 * <li><b>Time.</b> A request's head must arrive within {@code header-timeout} of the connection opening (or of the
 * first byte of a later request on it), and its body must keep coming ({@code body-read-timeout} between reads) and
 * be complete within {@code body-timeout}; else the connection is closed. Between requests,
 * {@code server.netty.idle-timeout} (Reactor Netty's) closes a connection that sends nothing. None of these applies
 * once a request has arrived: a WebSocket (after its upgrade) and an SSE stream (after its request's body) live as
 * long as their subscriptions. (Reactor Netty's own read and request timeouts are not used: they outlive a WebSocket's
 * upgrade and would close every WebSocket whose client is quiet for that long.)</li>
 * </ul>
 *
 * Only the main server is guarded: with {@code management.server.port} set, the management server (health and
 * metrics) has a port of its own.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(ConnectionLimits.class)
public class ConnectionGuard implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory> {

    private static final String RAW = "cin.connectionGuard";
    private static final String REQUESTS = "cin.requestGuard";

    private final ConnectionLimits limits;
    private final Counter headTimeouts;
    private final Counter bodyTimeouts;

    public ConnectionGuard(ConnectionLimits limits, MeterRegistry registry) {
        this.limits = limits;
        this.headTimeouts = Counter.builder("cin.connections.timeouts").tag("part", "head")
                .description("Connections closed because a request's head or body did not arrive in time")
                .register(registry);
        this.bodyTimeouts = Counter.builder("cin.connections.timeouts").tag("part", "body")
                .description("Connections closed because a request's head or body did not arrive in time")
                .register(registry);
    }

    @Override
    public void customize(NettyReactiveWebServerFactory factory) {
        factory.addServerCustomizers(server -> server.doOnChannelInit((observer, channel, remote) -> guard(channel)));
    }

    private void guard(Channel channel) {
        Connection connection = new Connection();
        channel.pipeline().addFirst(RAW, new Opening(connection));
        if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
            channel.pipeline().addAfter(NettyPipeline.HttpCodec, REQUESTS, new Requests(connection));
        }
    }

    /** Where a connection stands: waiting for a request's head, in a request, between requests, or a WebSocket. */
    private enum Stage {
        HEAD,
        REQUEST,
        IDLE,
        UPGRADED
    }

    /** One connection's state, shared by its two handlers (both run on its event loop). */
    private static final class Connection {
        Stage stage = Stage.HEAD;
        ScheduledFuture<?> headTimer;
        /** While a body is read: when it started, when its last bytes came, and the check that times it. */
        long bodyStarted;
        long bodyLastRead;
        ScheduledFuture<?> bodyTimer;

        void cancelHeadTimer() {
            if (headTimer != null) {
                headTimer.cancel(false);
                headTimer = null;
            }
        }

        void cancelBodyTimer() {
            if (bodyTimer != null) {
                bodyTimer.cancel(false);
                bodyTimer = null;
            }
        }
    }

    /** First in the pipeline, on raw bytes: times each request's head from its start. */
    private final class Opening extends ChannelDuplexHandler {

        private final Connection connection;

        Opening(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            startHeadTimer(ctx);
            super.channelActive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (connection.stage == Stage.IDLE && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                // A later request on a kept-alive connection: its head is timed from its first byte.
                connection.stage = Stage.HEAD;
                startHeadTimer(ctx);
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            connection.cancelHeadTimer();
            connection.cancelBodyTimer();
            super.channelInactive(ctx);
        }

        private void startHeadTimer(ChannelHandlerContext ctx) {
            connection.cancelHeadTimer();
            connection.headTimer = ctx.executor().schedule(() -> {
                if (connection.stage == Stage.HEAD && ctx.channel().isActive()) {
                    headTimeouts.increment();
                    ctx.close();
                }
            }, limits.headerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** After the HTTP codec, on requests and responses: ends the head's timer and times the body. */
    private final class Requests extends ChannelDuplexHandler {

        private final Connection connection;

        Requests(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof HttpRequest) {
                connection.cancelHeadTimer();
                connection.stage = Stage.REQUEST;
                if (!(msg instanceof LastHttpContent)) {
                    // Its body follows (a GET's empty one at once, in the same read).
                    startBodyTimer(ctx);
                }
            } else if (msg instanceof HttpContent) {
                if (msg instanceof LastHttpContent) {
                    connection.cancelBodyTimer();
                } else {
                    connection.bodyLastRead = System.nanoTime();
                }
            }
            super.channelRead(ctx, msg);
        }

        private void startBodyTimer(ChannelHandlerContext ctx) {
            connection.cancelBodyTimer();
            connection.bodyStarted = System.nanoTime();
            connection.bodyLastRead = connection.bodyStarted;
            checkBody(ctx, Math.min(limits.bodyReadTimeout().toNanos(), limits.bodyTimeout().toNanos()));
        }

        /** One check at a time: when it comes, the body has either stalled, run out of time, or is checked again. */
        private void checkBody(ChannelHandlerContext ctx, long delayNanos) {
            connection.bodyTimer = ctx.executor().schedule(() -> {
                long now = System.nanoTime();
                long stalledUntil = connection.bodyLastRead + limits.bodyReadTimeout().toNanos();
                long endsAt = connection.bodyStarted + limits.bodyTimeout().toNanos();
                if (now >= stalledUntil || now >= endsAt) {
                    connection.bodyTimer = null;
                    if (ctx.channel().isActive()) {
                        bodyTimeouts.increment();
                        ctx.close();
                    }
                } else {
                    checkBody(ctx, Math.min(stalledUntil, endsAt) - now);
                }
            }, delayNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof HttpResponse response
                    && response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
                // A WebSocket from now on: it lives as long as its subscriptions.
                connection.stage = Stage.UPGRADED;
            } else if (msg instanceof LastHttpContent && connection.stage == Stage.REQUEST) {
                connection.stage = Stage.IDLE;
            }
            super.write(ctx, msg, promise);
        }
    }
}
