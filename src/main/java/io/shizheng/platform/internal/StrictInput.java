package io.shizheng.platform.internal;

import java.beans.PropertyEditorSupport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Input no field of the application can take, refused where it enters rather than where PostgreSQL or the arithmetic
 * would choke on it: text with a NUL character (PostgreSQL cannot store one) and non-finite numbers ("NaN",
 * "Infinity"), in JSON bodies (400 naming the field) and in request parameters and forms (400 naming the parameter).
 */
@Configuration(proxyBeanMethods = false)
class StrictInput {

    static final String NUL = "不可含 NUL 字元 / must not contain a NUL character";
    static final String NOT_FINITE = "須為有限的數字 / must be a finite number";

    /** Registered with the application's JSON mapper (Spring Boot adds every JacksonModule bean). */
    @Bean
    JacksonModule strictInputModule() {
        SimpleModule module = new SimpleModule("shizheng-strict-input");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                                                           ValueDeserializer<?> deserializer) {
                Class<?> type = bean.getBeanClass();
                return type == String.class || type == Double.class || type == double.class || type == Float.class
                        || type == float.class ? new Checked(deserializer) : deserializer;
            }
        });
        return module;
    }

    /** The standard deserializer, then the check of what it read. */
    static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            Object value = super.deserialize(p, ctxt);
            if (value instanceof String s && s.indexOf('\0') >= 0) {
                return ctxt.reportInputMismatch(String.class, NUL);
            }
            if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
                return ctxt.reportInputMismatch(Double.class, NOT_FINITE);
            }
            return value;
        }
    }

    /** Request parameters and form fields read as text: a NUL is a malformed value (400 naming the parameter). */
    @ControllerAdvice
    static class TextParameters {

        @InitBinder
        void refuseNul(WebDataBinder binder) {
            binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    if (text != null && text.indexOf('\0') >= 0) {
                        throw new IllegalArgumentException(NUL);
                    }
                    setValue(text);
                }
            });
            // numbers: "NaN" and "Infinity" are malformed (an editor, since a failed conversion falls back to the default one)
            for (Class<?> type : new Class<?>[] {Double.class, double.class}) {
                binder.registerCustomEditor(type, new PropertyEditorSupport() {
                    @Override
                    public void setAsText(String text) {
                        if (text == null || text.isBlank()) {
                            if (type.isPrimitive()) {
                                throw new IllegalArgumentException(NOT_FINITE);
                            }
                            setValue(null);
                            return;
                        }
                        double d = Double.parseDouble(text.trim());
                        if (!Double.isFinite(d)) {
                            throw new IllegalArgumentException(NOT_FINITE);
                        }
                        setValue(d);
                    }
                });
            }
        }
    }
}
