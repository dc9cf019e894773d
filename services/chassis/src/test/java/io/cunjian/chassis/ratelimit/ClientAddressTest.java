package io.cunjian.chassis.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindIngress = new ClientAddress(List.of("10.42.0.0/16", "2001:db8::1"));

    @Test
    void withNoTrustedProxyTheHeaderIsIgnored() {
        ClientAddress none = new ClientAddress(List.of());
        assertThat(none.of("10.42.1.1", List.of("203.0.113.9"))).isEqualTo("10.42.1.1");
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertThat(behindIngress.of("192.0.2.1", List.of("203.0.113.9"))).isEqualTo("192.0.2.1");
        assertThat(behindIngress.of("10.43.0.1", List.of("203.0.113.9"))).isEqualTo("10.43.0.1");
    }

    @Test
    void aTrustedPeersHeaderIsReadFromTheRightPastTrustedHops() {
        assertThat(behindIngress.of("10.42.7.7", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(behindIngress.of("10.42.7.7", List.of("192.0.2.66, 203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(behindIngress.of("10.42.7.7", List.of("192.0.2.66", "203.0.113.9, 10.42.0.3"))).isEqualTo("203.0.113.9");
        assertThat(behindIngress.of("2001:db8::1", List.of("[2001:db8::99]:4711"))).isEqualTo("2001:db8::99");
        assertThat(behindIngress.of("10.42.7.7", List.of("203.0.113.9:5050"))).isEqualTo("203.0.113.9");
        // only trusted hops: the furthest one
        assertThat(behindIngress.of("10.42.7.7", List.of("10.42.0.1, 10.42.0.2"))).isEqualTo("10.42.0.1");
        assertThat(behindIngress.of("10.42.7.7", List.of())).isEqualTo("10.42.7.7");
    }

    @Test
    void namesAndOutOfRangeNumbersAreNoAddresses() {
        assertThat(ClientAddress.literal("localhost")).isEmpty();
        assertThat(ClientAddress.literal("300.1.1.1")).isEmpty();
        assertThat(ClientAddress.literal("10.0.0.1").orElseThrow()).containsExactly(10, 0, 0, 1);
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.example"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }
}
