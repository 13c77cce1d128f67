package io.shizheng.routes;

import java.util.ArrayList;
import java.util.List;

/** Who the route tests act as: nobody, and each demo account (one of every role, and a second agency's officer). */
final class Identities {

    /** Demo accounts, password demo1234: officer is 建設局 (CONST), officer.social 社會局 (SOCIAL). */
    static final List<String> ACCOUNTS = List.of("admin", "rdec", "officer", "officer.social", "reviewer", "agent", "chief");

    private Identities() {
    }

    /** Anonymous first, then every demo account signed in through the form. */
    static List<Visitor> all(int port) {
        List<Visitor> all = new ArrayList<>();
        all.add(Visitor.anonymous(port));
        ACCOUNTS.forEach(a -> all.add(Visitor.signedIn(port, a)));
        return all;
    }
}
