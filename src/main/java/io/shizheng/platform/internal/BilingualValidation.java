package io.shizheng.platform.internal;

import java.util.Locale;

import jakarta.validation.MessageInterpolator;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Bean Validation whose messages read like every other input message of the platform: the zh-TW text of the key
 * (i18n/*.properties), then " / " and its English twin (i18n/*_en.properties), e.g.
 * {@code @Size(max = 200, message = "{projects.title.size}")} → "須為 1 到 200 字 / must be 1–200 characters".
 */
@Configuration(proxyBeanMethods = false)
class BilingualValidation {

    /** Replaces Spring Boot's default validator (it backs off), for MVC and for services alike. */
    @Bean
    static LocalValidatorFactoryBean defaultValidator(ApplicationContext context) {
        LocalValidatorFactoryBean factory = new LocalValidatorFactoryBean();
        factory.setMessageInterpolator(new Bilingual(new MessageInterpolatorFactory(context).getObject()));
        return factory;
    }

    @Bean
    io.shizheng.platform.InputRules inputRules(jakarta.validation.Validator validator) {
        return new io.shizheng.platform.InputRules(validator);
    }

    static final class Bilingual implements MessageInterpolator {

        private final MessageInterpolator each;

        Bilingual(MessageInterpolator each) {
            this.each = each;
        }

        @Override
        public String interpolate(String template, Context context) {
            return interpolate(template, context, PlatformConfig.ZH_TW);
        }

        @Override
        public String interpolate(String template, Context context, Locale ignored) {
            String zh = each.interpolate(template, context, PlatformConfig.ZH_TW);
            String en = each.interpolate(template, context, Locale.ENGLISH);
            return zh.equals(en) ? zh : zh + " / " + en;
        }
    }
}
