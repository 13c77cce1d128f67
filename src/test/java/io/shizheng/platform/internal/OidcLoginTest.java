package io.shizheng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** OIDC sign-in is switched on by configuration alone: the login page offers it and it sends people to the provider. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shizheng.data-dir=target/test-data-oidc", "shizheng.embedded-db.clean=true", "shizheng.demo.scale=0.02",
        "spring.security.oauth2.client.registration.city.client-id=shizheng",
        "spring.security.oauth2.client.registration.city.client-secret=secret",
        "spring.security.oauth2.client.registration.city.scope=openid,profile",
        "spring.security.oauth2.client.registration.city.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.city.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.city.authorization-uri=https://sso.city.example/auth",
        "spring.security.oauth2.client.provider.city.token-uri=https://sso.city.example/token",
        "spring.security.oauth2.client.provider.city.jwk-set-uri=https://sso.city.example/certs",
        "spring.security.oauth2.client.provider.city.user-info-uri=https://sso.city.example/userinfo",
        "spring.security.oauth2.client.provider.city.user-name-attribute=preferred_username"})
class OidcLoginTest {

    @LocalServerPort
    int port;

    @Test
    void theLoginPageOffersTheCitysSignInAndItRedirectsToTheProvider() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.body()).contains("/oauth2/authorization/city");
        HttpResponse<String> start = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/oauth2/authorization/city")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location").orElse(""))
                .startsWith("https://sso.city.example/auth").contains("client_id=shizheng").contains("scope=openid");
    }
}
