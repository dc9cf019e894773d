package io.cunjian.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

/**
 * What every service must do from its first day: report itself alive, report itself ready only
 * with its database and the broker reachable, answer errors as problem+json (the chassis), and
 * publish its OpenAPI document and Swagger UI.
 * A service's test extends this and adds {@code @QuarkusTest @WithTestResource(RealInfrastructure.class)}.
 */
public abstract class ServiceStartsContract {

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", org.hamcrest.Matchers.is("UP"));
    }

    @Test
    void readinessChecksTheDatabaseAndKafka() throws Exception {
        String body = given().when().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertThat(io.cunjian.infrastructure.Readiness.problems(body)).isEmpty();
    }

    @Test
    void answersAnUnknownPathWithAProblemNotAPage() {
        given().accept("text/html").when().get("/no/such/path").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", org.hamcrest.Matchers.is("https://cunjian.dev/problems/not-found"))
                .body("title", org.hamcrest.Matchers.is("资源不存在"));
    }

    @Test
    void servesItsOpenApiDocumentAndSwaggerUi() {
        given().accept("application/yaml").when().get("/q/openapi").then().statusCode(200)
                .body(startsWith("---\nopenapi: 3"));
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
    }
}
