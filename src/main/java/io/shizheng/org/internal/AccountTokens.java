package io.shizheng.org.internal;

import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ShizhengUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** The current user's own API tokens: named on issue, revocable only by their owner. */
@Service
class AccountTokens {

    private final Accounts accounts;
    private final MessageSource messages;

    AccountTokens(Accounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    Accounts.IssuedToken issue(String name) {
        ShizhengUser me = CurrentUser.require();
        String clean = AgencyRegistry.trim(name);
        Violations v = new Violations();
        if (clean == null) {
            v.add("name", "org.token.error.name.blank");
        } else if (clean.length() > 100) {
            v.add("name", "org.token.error.name.tooLong");
        }
        v.throwIfAny(messages);
        return accounts.issueToken(me.id(), clean);
    }

    void revoke(long tokenId) {
        ShizhengUser me = CurrentUser.require();
        if (!accounts.revokeToken(me.id(), tokenId)) {
            new Violations().add("id", "org.token.error.missing").throwIfAny(messages);
        }
    }
}
