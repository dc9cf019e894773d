package io.cunjian.reporting.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.inbox.IncomingEvent;
import io.cunjian.reporting.domain.Fact;
import io.cunjian.reporting.events.CameraDecommissioned;
import io.cunjian.reporting.events.CameraLifecycleChanged;
import io.cunjian.reporting.events.CameraOnlineChanged;
import io.cunjian.reporting.events.CameraRegistered;
import io.cunjian.reporting.events.EventPayloads;
import io.cunjian.reporting.events.ZoneCoverageChanged;
import io.cunjian.reporting.events.ZoneDefined;

/** camera.events: coverage zones and whether they are covered, cameras, their lifecycle and whether they are on line. */
@ApplicationScoped
class CameraEventsProjector implements EventProjector {

    @Override
    public String topic() {
        return TopicNames.CAMERA;
    }

    @Override
    public Fact fact(IncomingEvent e) {
        return switch (e.type()) {
            case "cunjian.camera.zone-defined.v1", "cunjian.camera.zone-changed.v1" -> {
                ZoneDefined z = EventPayloads.read(e.data(), ZoneDefined.class);
                yield new Fact.ZoneDescribed(z.zoneId(), z.villageCode(), z.name(), z.covered(), z.villageZones(),
                        z.villageCoveredZones());
            }
            case "cunjian.camera.zone-coverage-changed.v1" -> {
                ZoneCoverageChanged z = EventPayloads.read(e.data(), ZoneCoverageChanged.class);
                yield new Fact.ZoneCoverageChanged(z.zoneId(), z.villageCode(), z.zoneName(), z.covered(),
                        z.villageZones(), z.villageCoveredZones());
            }
            case "cunjian.camera.registered.v1", "cunjian.camera.updated.v1" -> {
                CameraRegistered c = EventPayloads.read(e.data(), CameraRegistered.class);
                yield new Fact.CameraRecorded(c.serial(), c.villageCode(), c.lifecycle());
            }
            case "cunjian.camera.lifecycle-changed.v1" -> {
                CameraLifecycleChanged c = EventPayloads.read(e.data(), CameraLifecycleChanged.class);
                yield new Fact.CameraLifecycleChanged(c.serial(), c.villageCode(), c.to());
            }
            case "cunjian.camera.decommissioned.v1" -> {
                CameraDecommissioned c = EventPayloads.read(e.data(), CameraDecommissioned.class);
                yield new Fact.CameraLifecycleChanged(c.serial(), c.villageCode(), "DECOMMISSIONED");
            }
            case "cunjian.camera.online-changed.v1" -> {
                CameraOnlineChanged c = EventPayloads.read(e.data(), CameraOnlineChanged.class);
                yield new Fact.CameraOnlineChanged(c.serial(), c.villageCode(), c.online());
            }
            default -> null;
        };
    }
}
