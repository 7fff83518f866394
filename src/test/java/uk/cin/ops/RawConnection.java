package uk.cin.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain TCP connection to the service, for sending HTTP by hand (slowly, partly, or not
 * at all).
 */
final class RawConnection implements AutoCloseable {

	private final Socket socket;

	private final long opened = System.nanoTime();

	RawConnection(int port) throws IOException {
		socket = new Socket(InetAddress.getLoopbackAddress(), port);
	}

	/** Sends text; false once the server has closed the connection. */
	boolean send(String text) {
		try {
			socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	/**
	 * Everything the server sends until it closes the connection, or null if it is still
	 * open after the wait.
	 */
	String readToClose(Duration wait) throws IOException {
		socket.setSoTimeout((int) wait.toMillis());
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		InputStream in = socket.getInputStream();
		byte[] buffer = new byte[4096];
		try {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				read.write(buffer, 0, n);
			}
		}
		catch (SocketTimeoutException e) {
			return null;
		}
		catch (IOException e) {
			// Reset by the server: closed as well.
		}
		return read.toString(StandardCharsets.UTF_8);
	}

	/** Time since the connection was opened. */
	Duration age() {
		return Duration.ofNanos(System.nanoTime() - opened);
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

}
