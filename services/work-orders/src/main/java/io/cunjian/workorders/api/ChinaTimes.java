package io.cunjian.workorders.api;

import java.time.OffsetDateTime;

import io.cunjian.chassis.domain.ChinaTime;

/** Times are stored in UTC and shown as users read their clocks: in China (+08:00). */
final class ChinaTimes {

    private ChinaTimes() {
    }

    static OffsetDateTime shown(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(ChinaTime.ZONE).toOffsetDateTime();
    }
}
