package io.cunjian.reporting.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.inbox.IncomingEvent;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.reporting.domain.Fact;
import io.cunjian.reporting.domain.StandardProgress;
import io.cunjian.reporting.events.CategoryDefined;
import io.cunjian.reporting.events.CategoryRenamed;
import io.cunjian.reporting.events.EventPayloads;
import io.cunjian.reporting.events.InspectionRecorded;
import io.cunjian.reporting.events.PlanSet;
import io.cunjian.reporting.events.RegionRegistered;
import io.cunjian.reporting.events.RegionRenamed;
import io.cunjian.reporting.events.StandardPublished;
import io.cunjian.reporting.events.VillageRegistered;

/**
 * village.events: regions (their current state kept by the chassis replica, their history by
 * reporting), villages, categories, standard versions, plans and inspections.
 */
@ApplicationScoped
class VillageEventsProjector implements EventProjector {

    @Inject
    RegionReplica regions;

    @Override
    public String topic() {
        return TopicNames.VILLAGE;
    }

    @Override
    public Fact fact(IncomingEvent e) {
        return switch (e.type()) {
            case "cunjian.region.registered.v1", "cunjian.region.renamed.v1" -> region(e);
            case "cunjian.village.registered.v1", "cunjian.village.updated.v1" -> {
                VillageRegistered v = EventPayloads.read(e.data(), VillageRegistered.class);
                yield new Fact.VillageRecorded(v.code(), v.name(), v.townshipCode(), v.demonstration(), v.version());
            }
            case "cunjian.category.defined.v1" -> {
                CategoryDefined c = EventPayloads.read(e.data(), CategoryDefined.class);
                yield new Fact.CategoryDefined(c.code(), c.nameZh(), c.nameEn(), c.unit(), c.group(), c.version());
            }
            case "cunjian.category.renamed.v1" -> {
                CategoryRenamed c = EventPayloads.read(e.data(), CategoryRenamed.class);
                yield new Fact.CategoryRenamed(c.code(), c.nameZh(), c.nameEn(), c.version());
            }
            case "cunjian.standard.published.v1" -> {
                StandardPublished s = EventPayloads.read(e.data(), StandardPublished.class);
                yield new Fact.StandardPublished(s.id(), s.scope(), s.nameZh(), s.nameEn(), s.illustrative(), s.items());
            }
            case "cunjian.plan.set.v1", "cunjian.plan.changed.v1" -> plan(EventPayloads.read(e.data(), PlanSet.class));
            case "cunjian.inspection.recorded.v1" -> {
                InspectionRecorded i = EventPayloads.read(e.data(), InspectionRecorded.class);
                yield new Fact.InspectionRecorded(i.villageCode(), i.itemCode(), i.verdict(), i.inspectedOn());
            }
            default -> null;
        };
    }

    /** The replica takes the region's current state now; its history is stored with the other facts. */
    private Fact region(IncomingEvent e) {
        if (!regions.on(e)) {
            return null;
        }
        if (e.type().equals("cunjian.region.renamed.v1")) {
            RegionRenamed r = EventPayloads.read(e.data(), RegionRenamed.class);
            return new Fact.RegionChanged(r.code(), e.type(), r.name(), r.version());
        }
        RegionRegistered r = EventPayloads.read(e.data(), RegionRegistered.class);
        return new Fact.RegionChanged(r.code(), e.type(), r.name(), r.version());
    }

    private static Fact plan(PlanSet p) {
        return new Fact.PlanSet(p.villageCode(), p.revision(), p.standardId(), p.deadline(),
                p.workTargets().stream()
                        .map(t -> new StandardProgress.WorkTarget(t.itemCode(), t.categoryCode(), t.unit(), t.quantity())).toList(),
                p.coverageTargets().stream()
                        .map(t -> new StandardProgress.CoverageTarget(t.itemCode(), t.requiredCoveragePercent(),
                                t.minimumOperationalCameras())).toList());
    }
}
