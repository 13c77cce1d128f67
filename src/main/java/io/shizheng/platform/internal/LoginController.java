package io.shizheng.platform.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final ObjectProvider<ClientRegistrationRepository> oidcClients;

    LoginController(ObjectProvider<ClientRegistrationRepository> oidcClients) {
        this.oidcClients = oidcClients;
    }

    @GetMapping("/login")
    String login(Model model) {
        // The city's own sign-in is offered only when a provider is configured.
        model.addAttribute("oidc", oidcClients.getIfAvailable() != null);
        return "platform/login";
    }
}
