package io.cunjian.chassis.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.cunjian.testing.Browser;
import io.cunjian.testing.Keycloak;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The pages' production sign-in against a real OIDC provider (Keycloak): the page sends the user
 * to the provider with a PKCE challenge (the realm's client requires S256), the user signs in on the
 * provider's own page, the page exchanges the code for the provider's access token, and the service
 * accepts that token with the roles and regions the provider put in it. No development sign-in here,
 * as in production.
 */
@QuarkusTest
@WithTestResource(value = Keycloak.class, initArgs = @ResourceArg(name = "database", value = "oidc"))
class OidcSignInBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aViewerSignsInAtTheProviderAndTheServiceAcceptsItsToken() {
        given().get(OidcSignIn.PATH).then().statusCode(200).body("clientId", org.hamcrest.Matchers.equalTo("cunjian-web"));
        given().get(DevSignIn.PATH).then().statusCode(404);
        // the sign-in page may talk to the provider and nowhere else; the other pages only to their service
        given().get("/web/sign-in.html").then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("connect-src 'self' http://127.0.0.1:"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self';"));
        given().get("/web/cunjian.js").then().statusCode(200).header("Content-Security-Policy",
                org.hamcrest.Matchers.containsString("connect-src 'self';"));
        try (Browser browser = Browser.phone()) {
            browser.open(base + "web/sign-in.html?next=/q/health/live");
            // no development sign-in: the page goes to the provider at once
            try {
                browser.waitFor(By.id("username")).sendKeys(Keycloak.USER);
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("no provider's sign-in form at " + browser.driver().getCurrentUrl() + ":\n"
                        + browser.one(By.tagName("body")).getText(), e);
            }
            browser.one(By.id("password")).sendKeys(Keycloak.PASSWORD);
            browser.one(By.id("kc-login")).click();
            browser.until(d -> d.getCurrentUrl().endsWith("/q/health/live"));

            @SuppressWarnings("unchecked")
            Map<String, Object> me = (Map<String, Object>) browser.script(
                    "return fetch('/me', { headers: { Authorization: 'Bearer ' + localStorage.getItem('cunjian.token') } })"
                            + ".then(function (r) { return r.json(); });");
            assertThat(me.get("roles")).isEqualTo(List.of("viewer"));
            assertThat(me.get("regions")).isEqualTo(List.of("220382"));
            String issuer = (String) browser.script(
                    "return JSON.parse(atob(localStorage.getItem('cunjian.token').split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).iss;");
            assertThat(issuer).startsWith("http://127.0.0.1:").endsWith("/realms/" + Keycloak.REALM);
            assertThat(browser.script("return sessionStorage.getItem('cunjian.oidc');")).as("the verifier is gone").isNull();
        }
    }

    @Test
    void anAnswerThatThisPageDidNotAskForSignsNobodyIn() {
        try (Browser browser = Browser.desktop()) {
            browser.open(base + "web/sign-in.html?code=stolen&state=forged");
            browser.until(d -> !d.findElement(By.id("oidc-message")).getText().isEmpty());
            assertThat(browser.script("return localStorage.getItem('cunjian.token');")).isNull();
            assertThat(browser.driver().getCurrentUrl()).doesNotContain("code=");
        }
    }
}
