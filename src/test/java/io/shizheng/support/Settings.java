package io.shizheng.support;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Validation;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Binds a module's settings record alone, the way the application binds it at start-up (with Bean Validation),
 * so that a test can show which values start and which stop the start with a message naming the property.
 */
public final class Settings {

    private Settings() {
    }

    /** The settings bound from "name=value" properties, defaults for the rest. */
    public static <T> T bind(Class<T> type, String... properties) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String p : properties) {
            int eq = p.indexOf('=');
            map.put(p.substring(0, eq), p.substring(eq + 1));
        }
        String prefix = type.getAnnotation(ConfigurationProperties.class).value();
        ValidationBindHandler handler = new ValidationBindHandler(new NoUnboundElementsBindHandler(org.springframework.boot.context.properties.bind.BindHandler.DEFAULT),
                new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator()));
        return new Binder(new MapConfigurationPropertySource(map)).bindOrCreate(prefix, Bindable.of(type), handler);
    }

    /** The message chain of the failure the properties cause; throws AssertionError when they bind. */
    public static String failure(Class<?> type, String... properties) {
        try {
            bind(type, properties);
        } catch (RuntimeException e) {
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t.getMessage()).append('\n');
            }
            return all.toString();
        }
        throw new AssertionError("the settings " + String.join(", ", properties) + " were accepted");
    }
}
