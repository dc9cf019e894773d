package io.cunjian.workorders;

import static io.cunjian.workorders.WorkOrderApi.act;
import static io.cunjian.workorders.WorkOrderApi.create;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.replica.CategoryReplica;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignIn;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** A photo's EXIF time and position are read; one taken before the start or far from the site is flagged. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"46"})
class PhotoEvidenceTest {

    static final DateTimeFormatter EXIF = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    RegionReplica villages;
    @Inject
    CategoryReplica categories;

    @Test
    void anOldPictureFromElsewhereIsFlaggedAFreshOneOnSiteIsNot() {
        String contractorId = Fixtures.contractor(Fixtures.contractorId("0401"), "照片测试公司");
        Fixtures.category(bootstrap, prefix, categories, "wo-test-lamp", "LAMP", "盏");
        Fixtures.village(bootstrap, prefix, villages, "460104001001");
        String contractor = Tokens.contractor(contractorId, "46");
        String id = create("460104001001", "wo-test-lamp"); // located at 43.5 N, 123.5 E
        act(null, id, "issue", null).statusCode(200);
        act(null, id, "assign", "{\"contractorId\":\"" + contractorId + "\"}").statusCode(200);
        given().header("Authorization", SignIn.bearer(contractor)).multiPart("file", "early.jpg",
                ExifJpeg.of("2026:01:01 09:00:00", 43.5, 123.5), "image/jpeg").post("/api/v1/work-orders/" + id + "/photos")
                .then().statusCode(409).body("currentState", equalTo("ASSIGNED"));
        act(contractor, id, "start", null).statusCode(200);

        given().header("Authorization", SignIn.bearer(contractor)).multiPart("file", "old.jpg",
                ExifJpeg.of("2020:05:01 10:00:00", 39.9, 116.4), "image/jpeg").post("/api/v1/work-orders/" + id + "/photos")
                .then().statusCode(201).body("flags", equalTo(List.of("TAKEN_BEFORE_START", "FAR_FROM_SITE")))
                .body("takenAt", equalTo("2020-05-01T10:00:00+08:00"))
                .body("latitude", equalTo(39.9f)).body("longitude", equalTo(116.4f));

        String now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusMinutes(1).format(EXIF);
        given().header("Authorization", SignIn.bearer(contractor)).multiPart("file", "fresh.jpg",
                ExifJpeg.of(now, 43.501, 123.502), "image/jpeg").post("/api/v1/work-orders/" + id + "/photos")
                .then().statusCode(201).body("flags", equalTo(List.of())).body("takenAt", notNullValue());
    }

    /** The token is looked at before the upload's content type: without one a wrong type is 401, with one 415. */
    @Test
    void anUploadWithoutATokenIs401WhateverItsContentType() {
        String photos = "/api/v1/work-orders/" + java.util.UUID.randomUUID() + "/photos";
        given().noFilters().contentType("text/plain").body("not a form").post(photos).then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").contentType("application/problem+json")
                .body("type", equalTo("https://cunjian.dev/problems/unauthorized"));
        given().noFilters().header("Authorization", SignIn.bearer(Tokens.expired("contractor", "46")))
                .contentType("application/json").body("{}").post(photos).then().statusCode(401);
        given().contentType("text/plain").body("not a form").post(photos).then().statusCode(415)
                .contentType("application/problem+json").body("type", equalTo("https://cunjian.dev/problems/unsupported-media-type"));
    }
}
