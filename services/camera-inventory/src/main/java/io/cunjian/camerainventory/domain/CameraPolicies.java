package io.cunjian.camerainventory.domain;

import io.cunjian.chassis.security.Decision;
import io.cunjian.chassis.security.Policies;
import io.cunjian.chassis.security.Policy;

/** camera-inventory's own access rules on top of the shared ones (docs/adr/0009). */
public final class CameraPolicies {

    private CameraPolicies() {
    }

    /**
     * Post heartbeats for cameras of a village: devices in their regions (REPORT_HEARTBEAT), and staff who
     * may manage the village (a platform relaying its devices' status signs in as staff or as a device).
     */
    public static final Policy<String> HEARTBEAT = Policy.named("camera-heartbeat",
            (caller, village) -> Policies.REPORT_HEARTBEAT.decide(caller, village) == Decision.ALLOW
                    ? Decision.ALLOW : Policies.MANAGE_IN_REGION.decide(caller, village));
}
