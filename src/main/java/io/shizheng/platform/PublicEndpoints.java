package io.shizheng.platform;

import java.util.List;

/**
 * A module lists here the paths that anyone may read without signing in (public pages, public APIs).
 * Everything not listed by some module needs a signed-in user.
 */
public interface PublicEndpoints {

    /** Path patterns open to anonymous GET (and HEAD) requests. */
    List<String> publicReads();

    /** Path patterns open to anonymous requests of any method (for example a public API with its own keys). */
    default List<String> publicAny() { return List.of(); }
}
