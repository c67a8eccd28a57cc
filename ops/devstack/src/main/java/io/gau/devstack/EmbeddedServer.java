package io.gau.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * One embedded server that can be started and stopped again on the same port.
 */
abstract class EmbeddedServer {

    private final String name;
    private final int port;
    private boolean running;

    EmbeddedServer(String name, int port) {
        this.name = name;
        this.port = port;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        requireFreePort(port, name);
        try {
            doStart();
        } catch (Exception e) {
            throw new IllegalStateException("could not start " + name + " on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        running = true;
    }

    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            doStop();
        } catch (Exception e) {
            System.err.println("[devstack] stopping " + name + " failed: " + e);
        }
    }

    synchronized boolean running() {
        return running;
    }

    abstract void doStart() throws Exception;

    abstract void doStop() throws Exception;

    /** Fails with a clear message instead of silently talking to whatever already listens there. */
    static void requireFreePort(int port, String what) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " for " + what
                    + " is already in use by another process (stop it or choose another port)");
        }
    }
}
