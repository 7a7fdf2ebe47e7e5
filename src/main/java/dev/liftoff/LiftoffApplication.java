package dev.liftoff;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@EnableProcessApplication
@ConfigurationPropertiesScan
public class LiftoffApplication {

    public static void main(String[] args) {
        SpringApplication.run(LiftoffApplication.class, args);
    }
}
