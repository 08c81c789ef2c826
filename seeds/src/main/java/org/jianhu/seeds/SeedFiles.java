package org.jianhu.seeds;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

/** The seed data files, carried in the jar under {@code seeds/}. */
final class SeedFiles {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private SeedFiles() {
    }

    static InputStream open(String name) throws IOException {
        InputStream in = SeedFiles.class.getClassLoader().getResourceAsStream("seeds/" + name);
        if (in == null) {
            throw new FileNotFoundException("seeds/" + name + " is not on the classpath");
        }
        return in;
    }
}
