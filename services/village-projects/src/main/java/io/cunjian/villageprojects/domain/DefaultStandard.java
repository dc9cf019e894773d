package io.cunjian.villageprojects.domain;

import static io.cunjian.villageprojects.domain.StandardVersion.Kind.HAVE;
import static io.cunjian.villageprojects.domain.StandardVersion.Kind.NONE;
import static io.cunjian.villageprojects.domain.StandardVersion.Measure.CAMERA_COVERAGE;
import static io.cunjian.villageprojects.domain.StandardVersion.Measure.INSPECTION;
import static io.cunjian.villageprojects.domain.StandardVersion.Measure.WORK_QUANTITY;

import java.util.List;

/**
 * The default version of Jilin's 千村示范 “九有六无”. The official item list was not found in
 * public sources (docs/design.md), so this list is <b>illustrative</b>, says so in its name and flag,
 * and is published once at start-up so that plans can follow it; staff publish the official list
 * as a new version without a code change.
 */
public final class DefaultStandard {

    public static final String ID = "jilin-illustrative-v1";
    public static final String SCOPE = "22";

    public static final StandardVersion.Content CONTENT = new StandardVersion.Content(
            "吉林省千村示范“九有六无”（示意版，非官方条目）",
            "Jilin 'nine haves, six nones' (illustrative, not the official list)", true, List.of(
                    item("village-plan", HAVE, "有村庄规划", "A village plan", INSPECTION),
                    item("roads-and-drainage", HAVE, "有硬化道路和排水边沟", "Hardened roads and drainage ditches",
                            WORK_QUANTITY, WorkCategory.Group.ROAD),
                    item("street-lighting", HAVE, "有路灯照明", "Street lighting", WORK_QUANTITY, WorkCategory.Group.LIGHTING),
                    item("greening", HAVE, "有绿化美化", "Greening", WORK_QUANTITY, WorkCategory.Group.GREENING),
                    item("camera-coverage", HAVE, "有安防监控（全覆盖、无死角）", "Security cameras covering the whole village",
                            CAMERA_COVERAGE),
                    item("garbage-collection", HAVE, "有垃圾收运体系", "Garbage collection", INSPECTION),
                    item("sanitary-toilets", HAVE, "有卫生厕所", "Sanitary toilets", INSPECTION),
                    item("public-space", HAVE, "有公共活动空间和设施", "Public space and amenities", WORK_QUANTITY,
                            WorkCategory.Group.AMENITY),
                    item("grid-management", HAVE, "有网格化管理（十户联防）", "Grid management (ten-household groups)", INSPECTION),
                    item("no-ruined-walls", NONE, "无残垣断壁", "No ruined walls", INSPECTION),
                    item("no-unauthorised-structures", NONE, "无私搭乱建", "No unauthorised structures", INSPECTION),
                    item("no-scattered-haystacks", NONE, "无柴草乱垛", "No scattered haystacks", INSPECTION),
                    item("no-manure-heaps", NONE, "无粪堆乱放", "No manure heaps", INSPECTION),
                    item("no-garbage-dumping", NONE, "无垃圾乱倒", "No garbage dumping", INSPECTION),
                    item("no-sewage-discharge", NONE, "无污水乱排", "No sewage discharge", INSPECTION)));

    private DefaultStandard() {
    }

    private static StandardVersion.Item item(String code, StandardVersion.Kind kind, String zh, String en,
            StandardVersion.Measure measure, WorkCategory.Group... groups) {
        return new StandardVersion.Item(code, kind, zh, en, measure, List.of(groups));
    }
}
