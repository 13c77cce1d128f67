package io.shizheng.org.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.Role;
import io.shizheng.platform.ShizhengUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/account")
@Tag(name = "帳號 Account", description = "登入者本人的資料與個人 API 權杖 / The caller's own profile and API tokens")
class AccountApi {

    private final Accounts accounts;
    private final AccountTokens tokens;

    AccountApi(Accounts accounts, AccountTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    record Profile(long id, String username, String displayName, String email, Long agencyId, String agencyName,
                   Set<Role> roles) {
    }

    record TokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, boolean revoked) {
    }

    record TokenRequest(String name) {
    }

    /** The raw token is in this answer only; the server keeps just its hash. */
    record NewToken(long id, String name, String prefix, String token) {
    }

    @GetMapping
    @Operation(summary = "登入者本人 / Who am I")
    Profile me() {
        ShizhengUser me = CurrentUser.require();
        Accounts.UserDetail u = accounts.detail(me.id()).orElseThrow();
        return new Profile(u.id(), u.username(), u.displayName(), u.email(), u.agencyId(), u.agencyName(), u.roles());
    }

    @GetMapping("/tokens")
    @Operation(summary = "我的 API 權杖 / My API tokens")
    List<TokenView> myTokens() {
        return accounts.tokens(CurrentUser.require().id()).stream()
                .map(t -> new TokenView(t.id(), t.name(), t.prefix(), t.createdAt(), t.lastUsedAt(), t.revoked()))
                .toList();
    }

    @PostMapping("/tokens")
    @Operation(summary = "產生 API 權杖（僅此一次顯示） / Issue a token; the raw value is shown only in this answer")
    ResponseEntity<NewToken> issue(@RequestBody TokenRequest request) {
        Accounts.IssuedToken issued = tokens.issue(request == null ? null : request.name());
        return ResponseEntity.created(URI.create("/api/account/tokens/" + issued.id()))
                .body(new NewToken(issued.id(), request.name().strip(), issued.raw().substring(0, 10), issued.raw()));
    }

    @DeleteMapping("/tokens/{id}")
    @Operation(summary = "撤銷 API 權杖 / Revoke a token")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        try {
            tokens.revoke(id);
        } catch (Violations.Rejected e) {
            throw new NotFoundException("找不到此權杖或已撤銷 / No such active token of yours");
        }
        return ResponseEntity.noContent().build();
    }
}
