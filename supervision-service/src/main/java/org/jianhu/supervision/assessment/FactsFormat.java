package org.jianhu.supervision.assessment;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.jianhu.supervision.risk.ProjectFacts;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * How a project's facts are created and kept in the {@code facts} JSONB column: field by field, so
 * that the rules engine decides what they hold and this service never needs to know.
 */
public class FactsFormat {

    private final ObjectMapper mapper;
    private final Class<? extends ProjectFacts> type;
    private final Constructor<? extends ProjectFacts> forProject;

    public FactsFormat(ObjectMapper applicationMapper, Class<? extends ProjectFacts> type) {
        this.mapper = applicationMapper.copy()
                .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
                .setVisibility(PropertyAccessor.GETTER, Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                .setVisibility(PropertyAccessor.SETTER, Visibility.NONE)
                .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.type = type;
        try {
            this.forProject = type.getConstructor(String.class);
        } catch (NoSuchMethodException missing) {
            throw new IllegalArgumentException(type + " needs a constructor taking the project id", missing);
        }
    }

    public ProjectFacts fresh(String projectId) {
        try {
            return forProject.newInstance(projectId);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException failed) {
            throw new IllegalStateException("cannot create facts for project " + projectId, failed);
        }
    }

    public ProjectFacts read(String json) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("stored facts are not readable as " + type.getSimpleName(), unreadable);
        }
    }

    /** Facts as the stored view holds them (a project's {@code facts} column read as JSON). */
    public ProjectFacts read(JsonNode stored) {
        return read(stored.toString());
    }

    /** Facts as the stored view would show them. */
    public JsonNode tree(ProjectFacts facts) {
        try {
            return mapper.readTree(write(facts));
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("facts of project " + facts.projectId() + " are not JSON", unreadable);
        }
    }

    public String write(ProjectFacts facts) {
        try {
            return mapper.writeValueAsString(facts);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("facts of project " + facts.projectId() + " cannot be written", unwritable);
        }
    }
}
