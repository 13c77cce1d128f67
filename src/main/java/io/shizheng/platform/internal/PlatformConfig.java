package io.shizheng.platform.internal;

import java.util.Locale;

import io.shizheng.platform.DemoMode;
import io.shizheng.platform.Jurisdiction;
import io.shizheng.platform.RocDate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Jurisdiction.class)
class PlatformConfig implements WebMvcConfigurer {

    static final Locale ZH_TW = Locale.forLanguageTag("zh-TW");

    @Bean
    DemoMode demoMode(@Value("${shizheng.demo.enabled}") boolean enabled,
                      @Value("${shizheng.demo.scale:1.0}") double scale,
                      ObjectProvider<EmbeddedDatabaseConfig.EmbeddedDatabaseMarker> embedded, Jurisdiction jurisdiction) {
        if (enabled && !jurisdiction.hasDemoData()) {
            // The demo generators place their cases, projects and calls in the demo city's districts and agencies.
            Jurisdiction demo = Jurisdiction.of(Jurisdiction.DEMO_CODE);
            throw new IllegalStateException("""
                    The demo data are made for %s (shizheng.jurisdiction.code=%s), but this installation serves %s (%s).
                    Start it with shizheng.demo.enabled=false (or the prod profile), or try the demo with \
                    shizheng.jurisdiction.code=%s.""".formatted(demo.name(), demo.code(), jurisdiction.name(),
                    jurisdiction.code(), demo.code()));
        }
        return new DemoMode(enabled, embedded.getIfAvailable() != null, scale);
    }

    /** The city's clock; tests may replace it. */
    @Bean
    java.time.Clock clock() {
        return java.time.Clock.system(RocDate.TAIPEI);
    }

    @Bean
    io.shizheng.platform.Numbers num() {
        return new io.shizheng.platform.Numbers();
    }

    @Bean
    RocDate roc() {
        return new RocDate();
    }

    /** Traditional Chinese first; ?lang=en switches to English and a cookie remembers it. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("shizheng-lang");
        resolver.setDefaultLocale(ZH_TW);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        registry.addInterceptor(change);
    }
}
