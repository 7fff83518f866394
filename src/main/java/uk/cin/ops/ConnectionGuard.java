package uk.cin.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import uk.cin.config.ConnectionLimits;

/**
 * The HTTP port's connections, bounded in number and in time ({@link ConnectionLimits}).
 * Without this a client could open connections and send nothing, or send a request a byte
 * at a time, and hold them for ever: a silent connection was still open after 200 s, and
 * 19,950 of them once kept health from answering for 30 s.
 *
 * <ul>
 * <li><b>Time.</b> A request's head must arrive within {@code header-timeout} of the
 * connection opening (or of the first byte of a later request on it), and its body must
 * keep coming ({@code body-read-timeout} between reads) and be complete within
 * {@code body-timeout}; else the connection is closed. Between requests,
 * {@code server.netty.idle-timeout} (Reactor Netty's) closes a connection that sends
 * nothing. None of these applies once a request has arrived: a WebSocket (after its
 * upgrade) and an SSE stream (after its request's body) live as long as their
 * subscriptions. (Reactor Netty's own read and request timeouts are not used: they
 * outlive a WebSocket's upgrade and would close every WebSocket whose client is quiet for
 * that long.)</li>
 * <li><b>Number.</b> At most {@code max-open} connections at once. Past them,
 * {@code health-reserve} more are still accepted, but may only ask for health, once each:
 * so the probes still answer while the port is full. Anything else there is answered 503
 * TOO_MANY_CONNECTIONS and closed. When the reserve is full too, a new connection takes
 * the place of the oldest one in it that has not sent its request yet (a prober sends at
 * once; a flood of silent connections only pushes itself out), or, with none such, is
 * closed as soon as it opens.</li>
 * </ul>
 *
 * Only the main server is guarded: with {@code management.server.port} set, the
 * management server (health and metrics) has a port of its own, which these limits do not
 * count.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ConnectionGuard implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory> {

	static final String TOO_MANY = "TOO_MANY_CONNECTIONS";

	private static final String RAW = "cin.connectionGuard";

	private static final String REQUESTS = "cin.requestGuard";

	private final ConnectionLimits limits;

	private final String healthPath;

	/**
	 * Connections open within max-open, and those in the health reserve (in arrival
	 * order).
	 */
	private final AtomicInteger regular = new AtomicInteger();

	private final Deque<Connection> reserve = new ArrayDeque<>();

	private final Counter refused;

	private final Counter headTimeouts;

	private final Counter bodyTimeouts;

	public ConnectionGuard(ConnectionLimits limits, MeterRegistry registry,
			@Value("${management.endpoints.web.base-path:/actuator}") String actuator) {
		this.limits = limits;
		this.healthPath = actuator + "/health";
		Gauge.builder("cin.connections.open", this, ConnectionGuard::open)
			.description("Connections open on this instance's HTTP port (health reserve included)")
			.register(registry);
		this.refused = Counter.builder("cin.connections.refused")
			.description("Connections refused because max-open were open: answered 503, or closed at once")
			.register(registry);
		this.headTimeouts = Counter.builder("cin.connections.timeouts")
			.tag("part", "head")
			.description("Connections closed because a request's head or body did not arrive in time")
			.register(registry);
		this.bodyTimeouts = Counter.builder("cin.connections.timeouts")
			.tag("part", "body")
			.description("Connections closed because a request's head or body did not arrive in time")
			.register(registry);
	}

	@Override
	public void customize(NettyReactiveWebServerFactory factory) {
		factory.addServerCustomizers(server -> server.doOnChannelInit((observer, channel, remote) -> guard(channel)));
	}

	/** Connections open now, the reserve's included (for metrics and tests). */
	int open() {
		synchronized (reserve) {
			return regular.get() + reserve.size();
		}
	}

	private void guard(Channel channel) {
		Connection connection = new Connection(channel);
		channel.pipeline().addFirst(RAW, new Opening(connection));
		if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
			channel.pipeline().addAfter(NettyPipeline.HttpCodec, REQUESTS, new Requests(connection));
		}
	}

	/**
	 * Where a connection stands: waiting for a request's head, in a request, between
	 * requests, or a WebSocket.
	 */
	private enum Stage {

		HEAD, REQUEST, IDLE, UPGRADED

	}

	/**
	 * One connection's state, shared by its two handlers (both run on its event loop;
	 * only the stage is read from another, to choose a reserved connection to close).
	 */
	private static final class Connection {

		final Channel channel;

		volatile Stage stage = Stage.HEAD;

		boolean reserved;

		boolean refusing;

		ScheduledFuture<?> headTimer;

		/**
		 * While a body is read: when it started, when its last bytes came, and the check
		 * that times it.
		 */
		long bodyStarted;

		long bodyLastRead;

		ScheduledFuture<?> bodyTimer;

		Connection(Channel channel) {
			this.channel = channel;
		}

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

	/**
	 * First in the pipeline, on raw bytes: counts the connection and times each request's
	 * head from its start.
	 */
	private final class Opening extends ChannelDuplexHandler {

		private final Connection connection;

		Opening(Connection connection) {
			this.connection = connection;
		}

		@Override
		public void channelActive(ChannelHandlerContext ctx) throws Exception {
			if (regular.incrementAndGet() <= limits.maxOpen()) {
				ctx.channel().closeFuture().addListener(closed -> regular.decrementAndGet());
			}
			else {
				regular.decrementAndGet();
				if (!reserve()) {
					refused.increment();
					ctx.close();
					return;
				}
				ctx.channel().closeFuture().addListener(closed -> {
					synchronized (reserve) {
						reserve.remove(connection);
					}
				});
			}
			startHeadTimer(ctx);
			super.channelActive(ctx);
		}

		/**
		 * A place in the reserve: a free one, or the oldest taken by a connection that
		 * has sent nothing yet.
		 */
		private boolean reserve() {
			Connection pushedOut = null;
			synchronized (reserve) {
				if (reserve.size() >= limits.healthReserve()) {
					for (Connection waiting : reserve) {
						if (waiting.stage == Stage.HEAD) {
							pushedOut = waiting;
							break;
						}
					}
					if (pushedOut == null) {
						return false;
					}
					reserve.remove(pushedOut);
				}
				connection.reserved = true;
				reserve.addLast(connection);
			}
			if (pushedOut != null) {
				refused.increment();
				pushedOut.channel.close();
			}
			return true;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
			if (connection.stage == Stage.IDLE && msg instanceof ByteBuf bytes && bytes.isReadable()) {
				// A later request on a kept-alive connection: its head is timed from its
				// first byte.
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

	/**
	 * After the HTTP codec, on requests and responses: ends the head's timer, and keeps
	 * the reserve for health.
	 */
	private final class Requests extends ChannelDuplexHandler {

		private final Connection connection;

		Requests(Connection connection) {
			this.connection = connection;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
			if (msg instanceof HttpRequest request) {
				connection.cancelHeadTimer();
				connection.stage = Stage.REQUEST;
				if (connection.reserved) {
					if (!health(request)) {
						refuse(ctx);
						ReferenceCountUtil.release(msg);
						return;
					}
					// One request on a reserved connection: it is closed once answered.
					HttpUtil.setKeepAlive(request, false);
				}
				if (!(msg instanceof LastHttpContent)) {
					// Its body follows (a GET's empty one at once, in the same read).
					startBodyTimer(ctx);
				}
			}
			else if (msg instanceof HttpContent) {
				if (connection.refusing) {
					ReferenceCountUtil.release(msg);
					return;
				}
				if (msg instanceof LastHttpContent) {
					connection.cancelBodyTimer();
				}
				else {
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

		/**
		 * One check at a time: when it comes, the body has either stalled, run out of
		 * time, or is checked again.
		 */
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
				}
				else {
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
			}
			else if (msg instanceof LastHttpContent && connection.stage == Stage.REQUEST) {
				connection.stage = Stage.IDLE;
			}
			super.write(ctx, msg, promise);
		}

		private boolean health(HttpRequest request) {
			String path = request.uri();
			int query = path.indexOf('?');
			if (query >= 0) {
				path = path.substring(0, query);
			}
			return HttpMethod.GET.equals(request.method())
					&& (path.equals(healthPath) || path.startsWith(healthPath + "/"));
		}

		private void refuse(ChannelHandlerContext ctx) {
			refused.increment();
			connection.refusing = true;
			byte[] body = ("{\"errors\":[{\"message\":\"The service has too many open connections (at most "
					+ limits.maxOpen() + "); try again shortly\",\"extensions\":{\"code\":\"" + TOO_MANY
					+ "\",\"limit\":" + limits.maxOpen() + "}}]}")
				.getBytes(StandardCharsets.UTF_8);
			FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
					HttpResponseStatus.SERVICE_UNAVAILABLE, Unpooled.wrappedBuffer(body));
			response.headers()
				.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
				.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
				.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
				.set(HttpHeaderNames.RETRY_AFTER, "1");
			// Written from here, past the handlers that would route it to a request they
			// never saw.
			ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
		}

	}

}
