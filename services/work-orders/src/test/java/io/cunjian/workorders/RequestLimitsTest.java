package io.cunjian.workorders;

import static io.cunjian.workorders.WorkOrderApi.act;
import static io.cunjian.workorders.WorkOrderApi.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.replica.CategoryReplica;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignIn;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * The request limits (ADR 0031): the photo route takes 11 MB but a JSON route of the same service only 1 MB; a
 * multipart form takes a handful of parts; a photo declaring more pixels than allowed is refused unread and unstored.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"46"})
class RequestLimitsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    RegionReplica villages;
    @Inject
    CategoryReplica categories;
    @Inject
    DataSource db;

    String contractor;
    String order;

    @BeforeEach
    void anOrderInProgress() {
        String contractorId = Fixtures.contractor(Fixtures.contractorId("0411"), "限额测试公司");
        Fixtures.category(bootstrap, prefix, categories, "wo-test-lamp", "LAMP", "盏");
        Fixtures.village(bootstrap, prefix, villages, "460104001001");
        contractor = Tokens.contractor(contractorId, "46");
        order = create("460104001001", "wo-test-lamp");
        act(null, order, "issue", null).statusCode(200);
        act(null, order, "assign", "{\"contractorId\":\"" + contractorId + "\"}").statusCode(200);
        act(contractor, order, "start", null).statusCode(200);
    }

    RequestSpecification asContractor() {
        return given().header("Authorization", SignIn.bearer(contractor)).header("Accept-Language", "en");
    }

    @Test
    void aJsonBodyOverOneMegabyteIsRefusedThoughThePhotoRouteTakesEleven() {
        String notes = "灯".repeat(400_000); // 1.2 MB in UTF-8: under the service's 11 MB ceiling, over JSON's 1 MB
        given().contentType(ContentType.JSON).body("{\"actualQuantity\":1,\"notes\":\"" + notes + "\",\"photoIds\":[]}")
                .post("/api/v1/work-orders/" + order + "/complete")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));

        asContractor().multiPart("file", "large.jpg", WorkOrderApi.jpeg(2 * 1024 * 1024), "image/jpeg")
                .post("/api/v1/work-orders/" + order + "/photos").then().statusCode(201);
    }

    @Test
    void aFormWithTooManyPartsIsRefused() {
        RequestSpecification request = asContractor().multiPart("file", "lamp.jpg", WorkOrderApi.JPEG, "image/jpeg");
        for (int i = 0; i < 40; i++) {
            request = request.multiPart("extra" + i, "x");
        }
        request.post("/api/v1/work-orders/" + order + "/photos")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", equalTo("A form may have at most 16 parts."));
        assertThat(photos()).isZero();
    }

    @Test
    void aPixelBombIsRefusedNamingTheFileAndNothingIsStored() {
        byte[] bomb = ExifJpeg.declaring(65_000, 65_000); // 4.2 billion pixels in a 30-byte file
        assertThat(bomb.length).isLessThan(64);
        asContractor().multiPart("file", "bomb.jpg", bomb, "image/jpeg").post("/api/v1/work-orders/" + order + "/photos")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"));
        assertThat(photos()).isZero();

        // a photo of ordinary size passes the same check
        asContractor().multiPart("file", "fine.jpg", ExifJpeg.declaring(4000, 3000), "image/jpeg")
                .post("/api/v1/work-orders/" + order + "/photos").then().statusCode(201);
        assertThat(photos()).isEqualTo(1);
    }

    long photos() {
        return WorkOrderApi.count(db, "SELECT count(*) FROM work_order_photo WHERE order_id = ?::uuid", order);
    }
}
