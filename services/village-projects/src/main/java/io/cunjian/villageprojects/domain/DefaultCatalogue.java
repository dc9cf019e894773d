package io.cunjian.villageprojects.domain;

import static io.cunjian.villageprojects.domain.WorkCategory.Group.AMENITY;
import static io.cunjian.villageprojects.domain.WorkCategory.Group.GREENING;
import static io.cunjian.villageprojects.domain.WorkCategory.Group.LIGHTING;
import static io.cunjian.villageprojects.domain.WorkCategory.Group.ROAD;
import static io.cunjian.villageprojects.domain.WorkCategory.Unit.BENCH;
import static io.cunjian.villageprojects.domain.WorkCategory.Unit.BOARD;
import static io.cunjian.villageprojects.domain.WorkCategory.Unit.JIN;
import static io.cunjian.villageprojects.domain.WorkCategory.Unit.LAMP;
import static io.cunjian.villageprojects.domain.WorkCategory.Unit.METRE;
import static io.cunjian.villageprojects.domain.WorkCategory.Unit.PIECE;
import static io.cunjian.villageprojects.domain.WorkCategory.Unit.PLANT;
import static io.cunjian.villageprojects.domain.WorkCategory.Unit.SET;
import static io.cunjian.villageprojects.domain.WorkCategory.Unit.SITE;

import java.util.List;

/**
 * The categories of work the article reports (永加社区's lighting, road, greening and amenity
 * works), defined when missing at every start. Staff may rename them and add others.
 */
public final class DefaultCatalogue {

    public record Entry(String code, String nameZh, String nameEn, WorkCategory.Unit unit, WorkCategory.Group group) {
    }

    public static final List<Entry> ENTRIES = List.of(
            new Entry("street-lamp-repair", "路灯维修", "Street lamp repair", LAMP, LIGHTING),
            new Entry("lamp-head-replacement", "灯头更换", "Lamp head replacement", PIECE, LIGHTING),
            new Entry("wall-washer-light", "洗墙灯", "Wall-washer lights", METRE, LIGHTING),
            new Entry("spotlight", "射灯", "Spotlights", LAMP, LIGHTING),
            new Entry("flashing-light", "闪灯", "Flashing lights", METRE, LIGHTING),
            new Entry("drainage-ditch-repair", "边沟维修", "Drainage ditch repair", METRE, ROAD),
            new Entry("kerb-green-island-repair", "绿岛及路边石维修", "Kerb and green-island repair", METRE, ROAD),
            new Entry("road-hardening", "道路硬化", "Road hardening", METRE, ROAD),
            new Entry("parking-space", "停车位", "Parking spaces", PIECE, ROAD),
            new Entry("signpost", "路标", "Signposts", SITE, ROAD),
            new Entry("landscape-tree", "景观树", "Landscape trees", PLANT, GREENING),
            new Entry("flower", "花卉", "Flowers", PLANT, GREENING),
            new Entry("flower-grass-seed", "花草籽", "Flower and grass seed", JIN, GREENING),
            new Entry("flower-basket", "花篮造型", "Flower baskets", SITE, GREENING),
            new Entry("flower-sea", "花海", "Flower seas", SITE, GREENING),
            new Entry("flower-wall", "花墙", "Flower walls", METRE, GREENING),
            new Entry("wooden-planter", "木质花箱", "Wooden planters", PIECE, GREENING),
            new Entry("wooden-bench", "木凳", "Wooden benches", BENCH, AMENITY),
            new Entry("drum-stool", "鼓凳", "Drum stools", PIECE, AMENITY),
            new Entry("stone-table-set", "石桌石凳", "Stone table sets", SET, AMENITY),
            new Entry("stone-ball", "石球", "Stone balls", PIECE, AMENITY),
            new Entry("publicity-board", "外宣板", "Publicity boards", BOARD, AMENITY));

    private DefaultCatalogue() {
    }
}
