package io.cunjian.chassis.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The calendar Cunjian's users live by: due dates, inspection dates, "as of" days and the days of history
 * series are days in China Standard Time, whatever zone a server runs in.
 */
public final class ChinaTime {

    /** The one place the zone is named. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
