package org.anju.platform;

import jdk.net.ExtendedSocketOptions;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketOption;

/**
 * The sockets of every connection to PostgreSQL (the driver's {@code socketFactory}): TCP keepalive after 30 s of
 * silence, probed every 10 s, given up after 3 unanswered probes. A primary gone without a word — its host off, the
 * network cut, an address moved by a failover — left each request waiting for its reply without end: the requests' pool
 * had no keepalive at all (the replica's the kernel's 2 hours), and it has no socket timeout, which would also cut long
 * imports and migrations (left out since the admission review). Keepalive cuts only a connection whose peer no
 * longer answers at all: a server busy with a long statement still answers the probes from its kernel, so nothing
 * long-running is cut; a dead peer is found in about a minute.
 */
public final class KeepAliveSockets extends SocketFactory {

    static final int IDLE_SECONDS = 30;
    static final int INTERVAL_SECONDS = 10;
    static final int PROBES = 3;

    /** The driver makes one per connection with this constructor. */
    public KeepAliveSockets() {
    }

    @Override
    public Socket createSocket() throws IOException {
        return keptAlive(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private static Socket connected(InetSocketAddress to, InetSocketAddress from) throws IOException {
        Socket s = keptAlive(new Socket());
        if (from != null) {
            s.bind(from);
        }
        s.connect(to);
        return s;
    }

    /** Keepalive on, with this class's times where the platform lets a socket set them (Linux, macOS). */
    static Socket keptAlive(Socket s) throws IOException {
        s.setKeepAlive(true);
        set(s, ExtendedSocketOptions.TCP_KEEPIDLE, IDLE_SECONDS);
        set(s, ExtendedSocketOptions.TCP_KEEPINTERVAL, INTERVAL_SECONDS);
        set(s, ExtendedSocketOptions.TCP_KEEPCOUNT, PROBES);
        return s;
    }

    private static void set(Socket s, SocketOption<Integer> option, int value) throws IOException {
        if (s.supportedOptions().contains(option)) {
            s.setOption(option, value);
        }
    }
}
