package io.shizheng;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Shizheng", sharedModules = "platform")
public class ShizhengApplication {

    public static void main(String[] args) {
        // The city runs on Taipei time; every date a person sees is Taipei's.
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Taipei"));
        SpringApplication app = new SpringApplication(ShizhengApplication.class);
        if (java.util.Arrays.asList(args).contains("--verify-audit")) {
            // the auditor's command: no web server, jobs, migrations or seeding (application-verify-audit.properties)
            app.setAdditionalProfiles("verify-audit");
        }
        app.run(args);
    }
}
