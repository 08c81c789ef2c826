package org.jianhu.project.history;

import org.jianhu.contracts.project.ProjectEvent;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Event type names as the outside world sees them (the record's simple name) and their classes. */
public final class ProjectEventTypes {

    private static final Map<String, Class<? extends ProjectEvent>> BY_NAME = Arrays
            .stream(ProjectEvent.class.getPermittedSubclasses())
            .map(ProjectEventTypes::asEventClass)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private ProjectEventTypes() {
    }

    public static String nameOf(String storedPayloadType) {
        return storedPayloadType.substring(storedPayloadType.lastIndexOf('.') + 1);
    }

    public static Class<? extends ProjectEvent> classOf(String name) {
        Class<? extends ProjectEvent> type = BY_NAME.get(name);
        if (type == null) {
            throw new IllegalStateException("unknown project event type " + name);
        }
        return type;
    }

    /** The class of a type a caller named; an unknown name is refused with the names there are. */
    public static Class<? extends ProjectEvent> named(String name) {
        Class<? extends ProjectEvent> type = BY_NAME.get(name);
        if (type == null) {
            throw new IllegalArgumentException("type must be one of the project's event types: "
                    + String.join(", ", new TreeSet<>(BY_NAME.keySet())));
        }
        return type;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends ProjectEvent> asEventClass(Class<?> permitted) {
        return (Class<? extends ProjectEvent>) permitted;
    }
}
