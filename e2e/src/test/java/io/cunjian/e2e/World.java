package io.cunjian.e2e;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Setting the scene through the public APIs as staff would: regions, the suite's own standard
 * version, villages, plans, contractors. Creates take an Idempotency-Key or accept 409 (already
 * there), so the test classes sharing one stack may each set up what they need.
 */
public final class World {

    /** A standard of five items, one per kind of evidence, so every figure has a meaning. */
    public static final String STANDARD = "e2e-standard-v1";
    public static final List<String> ITEMS = List.of("street-lighting", "greening", "camera-coverage", "sanitary-toilets",
            "no-garbage-dumping");
    public static final String LAMPS = "street-lamp-repair";
    public static final String LAMP_HEADS = "lamp-head-replacement";
    public static final String TREES = "landscape-tree";

    private final Api api;
    private final Callers who;

    public World(E2eStack stack) {
        this.api = stack.api();
        this.who = stack.callers();
    }

    public String provinceAdmin() {
        return who.districtAdmin("22");
    }

    /** code, name, code, name, … from province down to township; present ones are left alone. */
    public World regions(String... codesAndNames) {
        for (int i = 0; i < codesAndNames.length; i += 2) {
            api.post("village-projects", "/api/v1/regions").as(provinceAdmin())
                    .json(Api.obj("code", codesAndNames[i], "name", codesAndNames[i + 1])).expect(201, 409);
        }
        return this;
    }

    public World standard() {
        List<Object> items = List.of(
                item("street-lighting", "HAVE", "有路灯照明", "Street lighting", "WORK_QUANTITY", "LIGHTING"),
                item("greening", "HAVE", "有绿化美化", "Greening", "WORK_QUANTITY", "GREENING"),
                item("camera-coverage", "HAVE", "有安防监控", "Security cameras", "CAMERA_COVERAGE", null),
                item("sanitary-toilets", "HAVE", "有卫生厕所", "Sanitary toilets", "INSPECTION", null),
                item("no-garbage-dumping", "NONE", "无垃圾乱倒", "No garbage dumping", "INSPECTION", null));
        Api.Answer drafted = api.post("village-projects", "/api/v1/standards").as(provinceAdmin())
                .json(Api.obj("id", STANDARD, "scope", "22", "nameZh", "端到端测试标准", "nameEn", "End-to-end standard",
                        "illustrative", true, "items", items))
                .sendUntilDefinite(java.time.Duration.ofMinutes(1));
        if (drafted.status() == 201) {
            api.post("village-projects", "/api/v1/standards/" + STANDARD + "/publish").as(provinceAdmin())
                    .header("If-Match", drafted.header("ETag")).expect(200);
        } else if (drafted.status() != 409) {
            throw new AssertionError("drafting the e2e standard: " + drafted);
        }
        return this;
    }

    private static Map<String, Object> item(String code, String kind, String zh, String en, String measure, String group) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(Map.of("code", code, "kind", kind, "labelZh", zh, "labelEn", en,
                "measure", measure));
        if (group != null) {
            m.put("countsGroups", List.of(group));
        }
        return m;
    }

    public World village(String code, String name, boolean demonstration) {
        api.post("village-projects", "/api/v1/villages").as(provinceAdmin()).key("village-" + code)
                .json(Api.obj("code", code, "townshipCode", code.substring(0, 9), "name", name, "demonstration", demonstration))
                .expect(201);
        return this;
    }

    /** A work target of a plan: item, category, quantity. */
    public record Target(String item, String category, BigDecimal quantity) {
    }

    public static Target target(String item, String category, long quantity) {
        return new Target(item, category, BigDecimal.valueOf(quantity));
    }

    /** The first plan of a village (201); returns its ETag for later changes. */
    public String plan(String village, List<Target> work, BigDecimal requiredCoveragePercent) {
        List<Object> targets = new ArrayList<>();
        work.forEach(t -> targets.add(Api.obj("itemCode", t.item(), "categoryCode", t.category(), "quantity", t.quantity())));
        Api.Answer a = api.put("village-projects", "/api/v1/villages/" + village + "/plan").as(provinceAdmin())
                .json(Api.obj("standardId", STANDARD, "deadline", LocalDate.now().plusYears(1).toString(), "workTargets", targets,
                        "coverageTargets", List.of(Api.obj("itemCode", "camera-coverage", "requiredCoveragePercent",
                                requiredCoveragePercent))))
                .sendUntilDefinite(java.time.Duration.ofMinutes(1));
        if (a.status() != 201) {
            throw new AssertionError("first plan of " + village + ": " + a);
        }
        return a.header("ETag");
    }

    public World contractor(String id, String name) {
        api.post("work-orders", "/api/v1/contractors").as(provinceAdmin()).key("contractor-" + id)
                .json(Api.obj("id", id, "name", name, "contact", Api.obj("name", "联系人", "phone", "0434-7000000"))).expect(201, 409);
        return this;
    }

    /** A unified social credit code (GB 32100-2015) from its first 17 characters: the check character appended. */
    public static String uscc(String first17) {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = chars.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException(first17.charAt(i) + " is not a character of a credit code (no I, O, S, V, Z)");
            }
            sum += value * weights[i];
        }
        int check = 31 - sum % 31;
        return first17 + chars.charAt(check == 31 ? 0 : check);
    }

    public JsonNode inspection(String village, String item, String verdict, LocalDate on, String key) {
        return api.post("village-projects", "/api/v1/villages/" + village + "/inspections").as(provinceAdmin()).key(key)
                .json(Api.obj("itemCode", item, "verdict", verdict, "inspectedOn", on.toString(), "inspector", "e2e"))
                .expect(201);
    }
}
