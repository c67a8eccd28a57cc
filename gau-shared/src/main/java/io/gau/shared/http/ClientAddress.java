package io.gau.shared.http;

import com.google.common.net.InetAddresses;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * The address of the client that sent a request. {@code X-Forwarded-For} is believed only when the
 * connection comes from a trusted proxy (Traefik's pods in production, loopback locally), and then only
 * back to the first hop that is not itself a trusted proxy: whatever a client writes into the header
 * before that hop is ignored. Anything else — an untrusted peer, a malformed hop — falls back to the last
 * address a trusted party vouched for, never to a value the client chose.
 */
public final class ClientAddress {
  public static final String FORWARDED_FOR = "X-Forwarded-For";
  /** More hops than any real chain of proxies; a longer header is read only this far from the right. */
  static final int MAX_HOPS = 16;

  private final InetAddressSet trusted = new InetAddressSet();

  /**
   * @param trustedProxies addresses and CIDR ranges ({@code 10.42.0.0/16}, {@code ::1}) of the proxies in
   *     front of the service; empty trusts none, so the socket's peer is always the client
   */
  public ClientAddress(List<String> trustedProxies) {
    for (String entry : trustedProxies) {
      String range = entry.trim();
      if (range.isEmpty()) {
        continue;
      }
      String address = range.contains("/") ? range.substring(0, range.indexOf('/')) : range;
      if (!InetAddresses.isInetAddress(address)) {
        throw new IllegalArgumentException("trustedProxies: '" + range + "' is not an IP address or CIDR range");
      }
      trusted.add(range);
    }
  }

  /** The client of {@code request}: its peer, or the first untrusted hop its trusted proxies name. */
  public String of(HttpServletRequest request) {
    List<String> headers = request.getHeaders(FORWARDED_FOR) == null
        ? List.of() : Collections.list(request.getHeaders(FORWARDED_FOR));
    return of(request.getRemoteAddr(), headers);
  }

  String of(String peer, List<String> forwardedFor) {
    if (!isTrusted(peer) || forwardedFor.isEmpty()) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",", -1)) {
        hops.add(hop.trim());
      }
    }
    String vouched = peer;
    for (int i = hops.size() - 1; i >= 0 && i >= hops.size() - MAX_HOPS; i--) {
      String hop = hops.get(i);
      if (!InetAddresses.isInetAddress(hop)) {
        return vouched;
      }
      String address = InetAddresses.toAddrString(InetAddresses.forString(hop));
      if (!isTrusted(address)) {
        return address;
      }
      vouched = address;
    }
    return vouched;
  }

  private boolean isTrusted(String address) {
    String bare = address == null ? "" : address.replaceAll("^\\[(.*)]$", "$1");
    if (!InetAddresses.isInetAddress(bare)) {
      return false;
    }
    InetAddress parsed = InetAddresses.forString(bare);
    return trusted.test(parsed);
  }
}
