package dev.logitparity.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Every field path a type can serialise to, read from Jackson's own introspection of the type (the names and
 * unwrapping it applies when it writes), not from an instance, so optional fields that are null in one run still
 * count. {@code a.b} is a field of an object, {@code a[]} an array's elements, {@code a.*} a map's values; a sealed
 * interface contributes the fields of every permitted class.
 */
final class JsonFieldPaths {

    private final ObjectMapper mapper = new ObjectMapper();
    private final SortedSet<String> paths = new TreeSet<>();

    static SortedSet<String> of(Class<?> type) {
        JsonFieldPaths walker = new JsonFieldPaths();
        walker.walk(walker.mapper.constructType(type), "");
        return walker.paths;
    }

    private void walk(JavaType type, String prefix) {
        Class<?> raw = type.getRawClass();
        if (type.isMapLikeType()) {
            add(prefix + ".*", type.getContentType());
        } else if (type.isContainerType()) {
            add(prefix + "[]", type.getContentType());
        } else if (raw.isSealed()) {
            for (Class<?> permitted : raw.getPermittedSubclasses()) {
                walk(mapper.constructType(permitted), prefix);
            }
        } else if (!isLeaf(raw)) {
            BeanDescription bean = mapper.getSerializationConfig().introspect(type);
            for (BeanPropertyDefinition property : bean.findProperties()) {
                if (property.getAccessor() == null) {
                    continue;
                }
                if (property.getAccessor().hasAnnotation(JsonUnwrapped.class)) {
                    walk(property.getPrimaryType(), prefix);
                } else {
                    add((prefix.isEmpty() ? "" : prefix + ".") + property.getName(), property.getPrimaryType());
                }
            }
        }
    }

    private void add(String path, JavaType type) {
        paths.add(path);
        walk(type, path);
    }

    private static boolean isLeaf(Class<?> raw) {
        return raw.isPrimitive() || raw.isEnum() || raw == String.class || Number.class.isAssignableFrom(raw)
                || raw == Boolean.class;
    }
}
