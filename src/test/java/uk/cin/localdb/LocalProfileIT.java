package uk.cin.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.cin.CinApplication;

/**
 * The local profile mints a token for anyone who asks, so it listens on this machine
 * only, unless told otherwise.
 */
class LocalProfileIT {

	private static ConfigurableApplicationContext start(String... more) {
		String[] args = new String[more.length + 3];
		args[0] = "--server.port=0";
		args[1] = "--cin.local-db.local-profile=true";
		args[2] = "--cin.demo-data=false";
		System.arraycopy(more, 0, args, 3, more.length);
		return new SpringApplicationBuilder(CinApplication.class).run(args);
	}

	@Test
	void theLocalProfileListensOnLoopbackOnly() throws IOException {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(context.getEnvironment().getActiveProfiles()).contains("local");
			assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			try (Socket loopback = new Socket()) {
				loopback.connect(new InetSocketAddress("127.0.0.1", port), 2000);
				assertThat(loopback.isConnected()).isTrue();
			}
			Optional<InetAddress> lan = siteAddress();
			if (lan.isPresent()) {
				assertThatThrownBy(() -> {
					try (Socket outside = new Socket()) {
						outside.connect(new InetSocketAddress(lan.get(), port), 2000);
					}
				}).isInstanceOf(IOException.class);
			}
		}
	}

	@Test
	void anAddressGivenExplicitlyIsKept() {
		try (ConfigurableApplicationContext context = start("--server.address=0.0.0.0")) {
			assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("0.0.0.0");
		}
	}

	/** An address of this machine other than loopback, if it has one. */
	private static Optional<InetAddress> siteAddress() throws IOException {
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (!network.isUp() || network.isLoopback()) {
				continue;
			}
			for (InetAddress address : Collections.list(network.getInetAddresses())) {
				if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
					return Optional.of(address);
				}
			}
		}
		return Optional.empty();
	}

}
