package io.cunjian.e2e;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Work orders through their lifecycle as staff and contractors drive them. Each step has a key
 * derived from {@code key}, so a step sent again — after a lost answer, a crash, a broker outage —
 * is the same request and takes effect once.
 */
public final class Orders {

    private final Api api;
    private final Callers who;
    private final Duration patience;
    /** The work-orders instance to call; null: the routed one. */
    private final String instance;

    public Orders(E2eStack stack, Duration patience) {
        this(stack.api(), stack.callers(), patience, null);
    }

    private Orders(Api api, Callers who, Duration patience, String instance) {
        this.api = api;
        this.who = who;
        this.patience = patience;
        this.instance = instance;
    }

    /** The same, calling the work-orders instance at {@code baseUrl} (scale-out). */
    public Orders at(String baseUrl) {
        return new Orders(api, who, patience, baseUrl);
    }

    private String staff(String village) {
        return who.staff(village.substring(0, 9));
    }

    public String create(String village, String category, BigDecimal planned, LocalDate due, String key) {
        JsonNode o = definite(api.post("work-orders", "/api/v1/work-orders").as(staff(village)).key(key + "-create")
                .json(Api.obj("villageCode", village, "categoryCode", category, "plannedQuantity", planned,
                        "title", "端到端 " + category + " " + key, "dueDate", due.toString())), 201);
        return o.path("id").asText();
    }

    public JsonNode issue(String village, String id, String key) {
        return definite(api.post("work-orders", path(id, "issue")).as(staff(village)).key(key + "-issue"), 200);
    }

    public JsonNode assign(String village, String id, String contractor, String key) {
        return definite(api.post("work-orders", path(id, "assign")).as(staff(village)).key(key + "-assign")
                .json(Api.obj("contractorId", contractor)), 200);
    }

    public JsonNode start(String id, String contractor, String key) {
        return definite(api.post("work-orders", path(id, "start")).as(who.contractor(contractor)).key(key), 200);
    }

    /** A photo, then the completion naming it. */
    public JsonNode complete(String id, String contractor, BigDecimal actual, String key) {
        String photo = definite(api.post("work-orders", path(id, "photos")).as(who.contractor(contractor)).key(key + "-photo")
                .photo(), 201).path("id").asText();
        return definite(api.post("work-orders", path(id, "complete")).as(who.contractor(contractor)).key(key + "-complete")
                .json(Api.obj("actualQuantity", actual, "notes", "已完工", "photoIds", List.of(photo))), 200);
    }

    public JsonNode verify(String village, String id, String key) {
        return definite(api.post("work-orders", path(id, "verify")).as(staff(village)).key(key + "-verify"), 200);
    }

    public JsonNode reject(String village, String id, String reason, String key) {
        return definite(api.post("work-orders", path(id, "reject")).as(staff(village)).key(key + "-reject")
                .json(Api.obj("reason", reason)), 200);
    }

    public JsonNode cancel(String village, String id, String key) {
        return definite(api.post("work-orders", path(id, "cancel")).as(staff(village)).key(key + "-cancel")
                .json(Api.obj("reason", "不再需要")), 200);
    }

    /** A district admin's correction of a verified quantity. */
    public JsonNode correct(String village, String id, BigDecimal quantity, String key) {
        return definite(api.post("work-orders", path(id, "corrections")).as(who.districtAdmin(village.substring(0, 6)))
                .key(key + "-correct").json(Api.obj("quantity", quantity, "reason", "复核数量有误")), 200);
    }

    /** create → issue → assign → start → photo + complete → verify. */
    public String verified(String village, String category, BigDecimal quantity, String contractor, LocalDate due, String key) {
        String id = create(village, category, quantity, due, key);
        issue(village, id, key);
        assign(village, id, contractor, key);
        start(id, contractor, key + "-start");
        complete(id, contractor, quantity, key);
        verify(village, id, key);
        return id;
    }

    private static String path(String id, String action) {
        return "/api/v1/work-orders/" + id + "/" + action;
    }

    private JsonNode definite(Api.Call call, int expected) {
        Api.Answer a = (instance == null ? call : call.at(instance)).sendUntilDefinite(patience);
        if (a.status() != expected) {
            throw new AssertionError("expected " + expected + ", got " + a);
        }
        return a.json();
    }
}
