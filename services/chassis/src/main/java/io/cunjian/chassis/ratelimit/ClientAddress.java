package io.cunjian.chassis.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The address a per-address limit counts. The peer's own address, unless the peer is one of
 * {@code cunjian.rate-limit.trusted-proxies}: then {@code X-Forwarded-For} is read from the right, past every trusted
 * proxy, and the first address no trusted proxy owns is the client. Reading from the right matters: a client can
 * send any {@code X-Forwarded-For} it likes and a proxy only appends to it, so the leftmost entry (which Quarkus'
 * own forwarding support would take) is whatever the client wrote.
 */
@ApplicationScoped
public class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** An address with a prefix length: one address is a range of its full length. */
    record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> trusted;

    @Inject
    ClientAddress(RateLimitConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    ClientAddress(List<String> trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            String text = entry.trim();
            if (text.isEmpty()) {
                continue;
            }
            int slash = text.indexOf('/');
            String host = slash < 0 ? text : text.substring(0, slash);
            byte[] network = literal(host).orElseThrow(() -> new IllegalArgumentException(
                    "cunjian.rate-limit.trusted-proxies: not an IP address or CIDR range: " + entry));
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("cunjian.rate-limit.trusted-proxies: bad prefix length in " + entry);
            }
            ranges.add(new Range(network, prefix));
        }
        this.trusted = List.copyOf(ranges);
    }

    /**
     * @param peer the address the connection comes from
     * @param forwardedFor every {@code X-Forwarded-For} line of the request, in order (empty when none)
     */
    public String of(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(strip(hop.trim()));
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = hops.get(i);
            if (!isTrusted(client)) {
                return client;
            }
        }
        // Every hop is a trusted proxy: the leftmost is as far back as anyone trustworthy saw.
        return client;
    }

    private boolean isTrusted(String address) {
        if (trusted.isEmpty()) {
            return false;
        }
        Optional<byte[]> bytes = literal(strip(address));
        return bytes.isPresent() && trusted.stream().anyMatch(r -> r.contains(bytes.get()));
    }

    /** {@code [::1]:8080} → {@code ::1}, {@code 10.0.0.1:8080} → {@code 10.0.0.1}. */
    private static String strip(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    /** The bytes of an IP literal; never a name lookup (a hostname is simply no address). */
    static Optional<byte[]> literal(String text) {
        if (IPV4.matcher(text).matches()) {
            // Parsed here: InetAddress would take 300.1.1.1 for a host name and ask the DNS.
            String[] parts = text.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) part;
            }
            return Optional.of(bytes);
        }
        if (!IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
