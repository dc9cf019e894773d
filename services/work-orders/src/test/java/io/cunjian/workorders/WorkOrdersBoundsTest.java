package io.cunjian.workorders;

import static io.cunjian.workorders.WorkOrderApi.act;
import static io.cunjian.workorders.WorkOrderApi.photo;
import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cunjian.testing.BoundsContract;
import io.cunjian.testing.EventsOnTopic;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.RequestBounds;
import io.cunjian.testing.SignIn;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every bounded request field of every work-orders operation — body fields, query, path and header
 * parameters — at its bound and one past it ({@link BoundsContract}); this class only sets each operation
 * up: an order in the state the command needs, a contractor to assign, a category whose code is as long as
 * a code can be.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"46"})
class WorkOrdersBoundsTest extends BoundsContract {

    static final String VILLAGE = "460103001401";
    /** A category code as long as the category contract allows (50), counted in METRE (the longest unit code). */
    static final String CATEGORY = "bounds-" + "m".repeat(43);
    static final String CONTRACTOR = Fixtures.contractorId("0401");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final AtomicInteger SERIAL = new AtomicInteger(4100);

    @Inject
    ReferenceData reference;
    @Inject
    DataSource db;

    @BeforeEach
    void reference() {
        reference.category(CATEGORY, "METRE", "米");
        Fixtures.contractor(CONTRACTOR, "边界测试公司");
        reference.village(VILLAGE);
    }

    @Override
    protected Attempt attempt(RequestBounds.Bound bound) {
        return switch (bound.operation()) {
            case "POST /api/v1/contractors" -> newContractor(bound);
            case "PUT /api/v1/contractors/{id}" -> {
                String id = Fixtures.contractor(nextContractorId(), "边界测试改名公司");
                String etag = given().get("/api/v1/contractors/" + id).then().statusCode(200).extract().header("ETag");
                yield phone(bound, new Attempt("PUT", "/api/v1/contractors/" + id, Map.of("If-Match", etag),
                        withContact(body("name", "边界测试改名公司")), () -> contractorVersion(id)));
            }
            case "POST /api/v1/work-orders" -> newOrder(bound);
            case "POST /api/v1/work-orders/{id}/assign" -> {
                String id = order("ISSUED");
                Attempt a = onOrder(id, "assign", Map.of(), body("contractorId", CONTRACTOR));
                yield bound.field().equals("contractorId") ? a.atBound(JSON.textNode(CONTRACTOR)) : a;
            }
            case "POST /api/v1/work-orders/{id}/complete" -> {
                String id = order("IN_PROGRESS");
                String photo = photo(contractorToken(), id);
                ObjectNode completion = body("notes", "已完工");
                completion.put("actualQuantity", 80);
                completion.putArray("photoIds").add(photo);
                completion.put("completedAt", java.time.OffsetDateTime.now().minusMinutes(5).toString());
                yield onOrder(id, "complete", Map.of("Authorization", SignIn.bearer(contractorToken())), completion);
            }
            case "POST /api/v1/work-orders/{id}/verify" -> {
                ObjectNode verification = body("reason", "4 处未完工");
                verification.put("quantity", 64);
                yield onOrder(order("COMPLETED"), "verify", Map.of(), verification);
            }
            case "POST /api/v1/work-orders/{id}/reject" -> onOrder(order("COMPLETED"), "reject", Map.of(), body("reason", "不合格"));
            case "POST /api/v1/work-orders/{id}/cancel" -> onOrder(order("DRAFT"), "cancel", Map.of(), body("reason", "不再需要"));
            case "POST /api/v1/work-orders/{id}/corrections" -> {
                ObjectNode correction = body("reason", "复核时数错");
                correction.put("quantity", 64);
                yield onOrder(order("VERIFIED"), "corrections", Map.of(), correction);
            }
            case "POST /api/v1/work-orders/{id}/issue" -> onOrder(order("DRAFT"), "issue", Map.of(), JSON.objectNode());
            case "POST /api/v1/work-orders/{id}/start" -> {
                String id = order("ISSUED");
                act(null, id, "assign", "{\"contractorId\":\"" + CONTRACTOR + "\"}").statusCode(200);
                yield onOrder(id, "start", Map.of("Authorization", SignIn.bearer(contractorToken())), JSON.objectNode());
            }
            case "POST /api/v1/work-orders/{id}/photos" -> {
                String id = order("IN_PROGRESS");
                yield new Attempt("POST", "/api/v1/work-orders/" + id + "/photos", Map.of("Authorization",
                        SignIn.bearer(contractorToken())), null, () -> photos(id))
                        .form(r -> r.multiPart("file", "lamp.jpg", WorkOrderApi.JPEG, "image/jpeg"));
            }
            // reads: the lists filtered by values as long as each filter takes, and a real order's id (a UUID, 36)
            // the template of the import, in the longest format name (xlsx)
            case "GET /api/v1/work-orders/import/template" -> Attempt.read("/api/v1/work-orders/import/template?format=xlsx");
            case "GET /api/v1/contractors" -> Attempt.read("/api/v1/contractors?active=false");
            case "GET /api/v1/contractors/{id}" -> Attempt.read("/api/v1/contractors/" + CONTRACTOR);
            case "GET /api/v1/work-orders" -> Attempt.read("/api/v1/work-orders?village=" + VILLAGE + "&region=" + VILLAGE
                    + "&category=" + CATEGORY + "&contractor=" + CONTRACTOR + "&status=IN_PROGRESS&overdue=false"
                    + "&dueFrom=2026-01-01&dueTo=2030-12-31");
            case "GET /api/v1/work-orders/{id}", "GET /api/v1/work-orders/{id}/history", "GET /api/v1/work-orders/{id}/photos" ->
                    Attempt.read(bound.path().replace("{id}", order("DRAFT")));
            case "GET /api/v1/work-orders/{id}/photos/{photoId}" -> {
                String id = order("IN_PROGRESS");
                yield Attempt.read("/api/v1/work-orders/" + id + "/photos/" + photo(contractorToken(), id));
            }
            default -> throw new AssertionError(bound.operation() + " has bounded fields this test cannot set up: add it");
        };
    }

    private static Object photos(String id) {
        return given().get("/api/v1/work-orders/" + id + "/photos").then().statusCode(200).extract().path("size()");
    }

    private Attempt newContractor(RequestBounds.Bound bound) {
        String id = nextContractorId();
        ObjectNode contractor = body("id", id);
        contractor.put("name", "边界测试登记公司");
        withContact(contractor);
        Attempt attempt = new Attempt("POST", "/api/v1/contractors", Map.of(), contractor,
                () -> WorkOrderApi.count(db, "SELECT count(*) FROM contractor WHERE id <> ?", ""));
        // an id is 18 characters with a check character: the one at the bound is a fresh valid id
        return bound.field().equals("id") ? attempt.atBound(JSON.textNode(nextContractorId())) : phone(bound, attempt);
    }

    /** A phone number as long as the pattern allows: a plus, then 25 digits. */
    private static Attempt phone(RequestBounds.Bound bound, Attempt attempt) {
        return bound.field().equals("contact.phone") ? attempt.atBound(JSON.textNode("+1" + "3".repeat(24))) : attempt;
    }

    private static ObjectNode newOrderBody() {
        ObjectNode order = body("villageCode", VILLAGE);
        order.put("categoryCode", CATEGORY);
        order.put("plannedQuantity", 80);
        order.put("title", "路灯维修");
        order.put("dueDate", "2030-06-30");
        ObjectNode location = order.putObject("location");
        location.put("text", "102 国道");
        location.put("latitude", 43.5);
        location.put("longitude", 123.5);
        return order;
    }

    private Attempt newOrder(RequestBounds.Bound bound) {
        Attempt attempt = new Attempt("POST", "/api/v1/work-orders", Map.of(), newOrderBody(),
                () -> List.of(WorkOrderApi.orderRows(db, VILLAGE), EventsOnTopic.outboxRows(db, VILLAGE)));
        return switch (bound.field()) {
            case "villageCode" -> attempt.atBound(JSON.textNode(VILLAGE));
            case "categoryCode" -> attempt.atBound(JSON.textNode(CATEGORY));
            case "unit" -> attempt.atBound(JSON.textNode("METRE"));
            default -> attempt;
        };
    }

    /** A command on an order, sent with its current ETag. */
    private Attempt onOrder(String id, String command, Map<String, String> headers, ObjectNode body) {
        Map<String, String> withVersion = new java.util.HashMap<>(headers);
        withVersion.put("If-Match", given().get("/api/v1/work-orders/" + id).then().statusCode(200).extract().header("ETag"));
        return new Attempt("POST", "/api/v1/work-orders/" + id + "/" + command, withVersion, body,
                () -> List.of(given().get("/api/v1/work-orders/" + id).then().statusCode(200).extract().<Object>path("version"),
                        EventsOnTopic.outboxRows(db, VILLAGE)));
    }

    /** A new order brought to {@code status} by the commands a user would send. */
    private String order(String status) {
        String id = given().contentType("application/json").body(newOrderBody().toString()).post("/api/v1/work-orders")
                .then().statusCode(201).extract().path("id");
        List<String> steps = List.of("DRAFT", "ISSUED", "IN_PROGRESS", "COMPLETED", "VERIFIED");
        for (int i = 1; i <= steps.indexOf(status); i++) {
            switch (steps.get(i)) {
                case "ISSUED" -> act(null, id, "issue", null).statusCode(200);
                case "IN_PROGRESS" -> {
                    act(null, id, "assign", "{\"contractorId\":\"" + CONTRACTOR + "\"}").statusCode(200);
                    act(contractorToken(), id, "start", null).statusCode(200);
                }
                case "COMPLETED" -> act(contractorToken(), id, "complete",
                        WorkOrderApi.completion("80", photo(contractorToken(), id))).statusCode(200);
                case "VERIFIED" -> act(null, id, "verify", null).statusCode(200);
                default -> throw new AssertionError(steps.get(i));
            }
        }
        return id;
    }

    private static String contractorToken() {
        return Tokens.contractor(CONTRACTOR, "46");
    }

    private static String nextContractorId() {
        return Fixtures.contractorId(String.valueOf(SERIAL.getAndIncrement()));
    }

    private static Object contractorVersion(String id) {
        return given().get("/api/v1/contractors/" + id).then().statusCode(200).extract().path("version");
    }

    /** A contact is a name and a phone number together: a bound of one is tried with the other present. */
    private static ObjectNode withContact(ObjectNode body) {
        ObjectNode contact = body.putObject("contact");
        contact.put("name", "张三");
        contact.put("phone", "13904340000");
        return body;
    }

    private static ObjectNode body(String field, String value) {
        ObjectNode body = JSON.objectNode();
        body.put(field, value);
        return body;
    }
}
