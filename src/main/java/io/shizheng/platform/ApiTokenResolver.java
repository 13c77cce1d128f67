package io.shizheng.platform;

import java.util.Optional;

/** Turns a personal API token (the text after "Bearer ") into the user it belongs to. */
public interface ApiTokenResolver {

    Optional<ShizhengUser> resolve(String rawToken);
}
