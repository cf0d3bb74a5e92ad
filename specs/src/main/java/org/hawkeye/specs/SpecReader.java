package org.hawkeye.specs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads spec YAML strictly: unknown keys, duplicate keys, missing keys and wrong types are errors with
 * {@code file:line:col}. Formulas are parsed while reading, so a syntax error points into the formula.
 */
public final class SpecReader {
    private static final String FILE_ATTRIBUTE = "hawkeye.file";
    private static final String SOURCE_ATTRIBUTE = "hawkeye.source";
    private static final String LOCATIONS_ATTRIBUTE = "hawkeye.locations";

    private final ObjectMapper mapper;

    /** A reader that remembers where protocols, calls and parameters of framework specs stand. */
    public SpecReader() {
        this(java.util.Set.of(ProtocolSpec.class, CallSpec.class, ParameterSpec.class));
    }

    /** A reader for any strict YAML data file; the places of values of {@code locatedTypes} are remembered. */
    public SpecReader(java.util.Set<Class<?>> locatedTypes) {
        SimpleModule module = new SimpleModule("hawkeye-specs");
        module.addDeserializer(LocatedFormula.class, new FormulaDeserializer());
        module.addDeserializer(LocatedName.class, new NameDeserializer());
        module.setDeserializerModifier(new LocatingModifier(locatedTypes));
        mapper = new ObjectMapper(factory())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .registerModule(module);
    }

    /** Longest scalar (a doc, a formula) and deepest nesting a spec may have; the file itself is bounded too. */
    static final int MAX_SCALAR_CHARS = 100_000;
    static final int MAX_NESTING = 64;
    static final String LIMITS = "a value or nesting beyond hawkeye's limits (scalars of at most " + MAX_SCALAR_CHARS
            + " characters, " + MAX_NESTING + " levels, numbers of at most " + ParameterValues.MAX_DIGITS + " digits)";

    private static YAMLFactory factory() {
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(InputFiles.MAX_SPEC_BYTES);
        loader.setNestingDepthLimit(MAX_NESTING);
        loader.setMaxAliasesForCollections(50);
        loader.setAllowDuplicateKeys(true); // KeyChecker reports duplicates, at the key
        return YAMLFactory.builder().loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_SCALAR_CHARS)
                        .maxNestingDepth(MAX_NESTING).maxNumberLength(ParameterValues.MAX_DIGITS * 2 + 10).build())
                .build();
    }

    /** What was read, with the place of every protocol and call (for errors found after reading). */
    public record Read<T>(T value, Map<Object, SourceLocation> locations) {
    }

    public <T> Read<T> read(String displayFile, String text, Class<T> type) {
        Map<Object, SourceLocation> locations = new IdentityHashMap<>();
        try {
            try (JsonParser keys = mapper.getFactory().createParser(text)) {
                // the checker reports duplicates itself, at the key rather than at its value
                keys.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
                KeyChecker.check(keys, type, displayFile);
            }
            T value = mapper.readerFor(type)
                    .withAttribute(FILE_ATTRIBUTE, displayFile)
                    .withAttribute(SOURCE_ATTRIBUTE, text.split("\n", -1))
                    .withAttribute(LOCATIONS_ATTRIBUTE, locations)
                    .readValue(text);
            if (value == null) {
                throw new ProfilerException(displayFile, "the file is empty");
            }
            return new Read<>(value, locations);
        } catch (ProfilerException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw translate(displayFile, e);
        } catch (IOException e) {
            throw new ProfilerException(displayFile, "cannot read: " + e.getMessage());
        }
    }

    private static ProfilerException translate(String file, JsonProcessingException e) {
        if (e.getCause() instanceof ProfilerException pe) {
            return pe;
        }
        JsonLocation loc = e.getLocation();
        String where = loc == null ? file : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
        String path = e instanceof JsonMappingException jme ? pathOf(jme.getPath()) : "";
        String in = path.isEmpty() ? "" : " in " + path;
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            String parent = pathOf(u.getPath().subList(0, Math.max(0, u.getPath().size() - 1)));
            return new ProfilerException(where, "unknown key '" + u.getPropertyName() + "'"
                    + (parent.isEmpty() ? "" : " in " + parent) + " (known: " + known + ")");
        }
        String original = e.getOriginalMessage();
        if (e instanceof JsonParseException && original.startsWith("Duplicate field")) {
            return new ProfilerException(where, "duplicate key " + original.substring("Duplicate field ".length())
                    + in);
        }
        if (e instanceof MismatchedInputException m && original.contains("Missing required creator property")) {
            String key = original.replaceAll("(?s).*property '([^']*)'.*", "$1");
            List<JsonMappingException.Reference> refs = m.getPath();
            String parent = pathOf(refs.subList(0, Math.max(0, refs.size() - 1)));
            return new ProfilerException(where, "missing key '" + key + "'" + (parent.isEmpty() ? "" : " in " + parent));
        }
        String field = path.isEmpty() ? "the file" : path;
        if (e instanceof InvalidNullException n) {
            return new ProfilerException(where, field + " must be " + article(typeName(n.getTargetType()))
                    + ", not null");
        }
        if (e instanceof InvalidFormatException f) {
            return new ProfilerException(where, field + " must be " + article(typeName(f.getTargetType()))
                    + ", not '" + f.getValue() + "'");
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new ProfilerException(where, field + " must be " + article(typeName(m.getTargetType())));
        }
        if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
            return new ProfilerException(where, LIMITS);
        }
        if (e instanceof ValueInstantiationException) {
            return new ProfilerException(where, field + " is not valid: " + withoutJavaNames(
                    e.getCause() == null ? original : String.valueOf(e.getCause().getMessage())));
        }
        return new ProfilerException(where, withoutJavaNames(firstLine(original)) + in);
    }

    static String article(String typeName) {
        return typeName.startsWith("one of") ? typeName : "a " + typeName;
    }

    /** Jackson's and SnakeYAML's own words, less the Java class names that mean nothing to a spec author. */
    private static String withoutJavaNames(String message) {
        return message.replaceAll("`?(java|com|org)\\.[\\w.$]+`?", "value").replaceAll("\\s+", " ").trim();
    }

    static String typeName(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class) {
            return "whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "list";
        }
        if (type == null || type == Object.class) {
            return "value";
        }
        if (type == LocatedFormula.class) {
            return "formula (a string or a number)";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "mapping";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
        }
        return type == String.class || type == LocatedName.class ? "string" : type.getSimpleName();
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String pathOf(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static SourceLocation locationOf(JsonParser p, DeserializationContext ctxt) {
        JsonLocation loc = p.currentTokenLocation();
        return new SourceLocation((String) ctxt.getAttribute(FILE_ATTRIBUTE), loc.getLineNr(), loc.getColumnNr());
    }

    /** Parses a formula scalar (quoted or not, or a bare number) where it stands in the file. */
    private static final class FormulaDeserializer extends JsonDeserializer<LocatedFormula> {
        @Override
        public LocatedFormula deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw MismatchedInputException.from(p, LocatedFormula.class, "expected a formula (a string)");
            }
            SourceLocation at = locationOf(p, ctxt);
            String[] lines = (String[]) ctxt.getAttribute(SOURCE_ATTRIBUTE);
            at = skipQuote(at, lines);
            try {
                return LocatedFormula.parse(p.getText(), at);
            } catch (ProfilerException e) {
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
        }

        /** The formula text starts one column after an opening quote. */
        private static SourceLocation skipQuote(SourceLocation at, String[] lines) {
            int line = at.line() - 1;
            int col = at.column() - 1;
            if (line >= 0 && line < lines.length && col >= 0 && col < lines[line].length()) {
                char c = lines[line].charAt(col);
                if (c == '"' || c == '\'') {
                    return new SourceLocation(at.file(), at.line(), at.column() + 1);
                }
            }
            return at;
        }
    }

    /** Reads a name scalar where it stands in the file. */
    private static final class NameDeserializer extends JsonDeserializer<LocatedName> {
        @Override
        public LocatedName deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw MismatchedInputException.from(p, LocatedName.class, "expected a name (a string)");
            }
            SourceLocation at = FormulaDeserializer.skipQuote(locationOf(p, ctxt),
                    (String[]) ctxt.getAttribute(SOURCE_ATTRIBUTE));
            return new LocatedName(p.getText(), at);
        }
    }

    /** Remembers where each protocol and call starts, for checks that run after reading. */
    private static final class LocatingModifier extends BeanDeserializerModifier {
        private final java.util.Set<Class<?>> located;

        LocatingModifier(java.util.Set<Class<?>> located) {
            this.located = located;
        }

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription desc,
                                                      JsonDeserializer<?> deserializer) {
            if (located.contains(desc.getBeanClass())) {
                return new LocatingDeserializer(deserializer);
            }
            return deserializer;
        }
    }

    private static final class LocatingDeserializer extends DelegatingDeserializer {
        LocatingDeserializer(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new LocatingDeserializer(newDelegatee);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            SourceLocation at = locationOf(p, ctxt);
            Object value = super.deserialize(p, ctxt);
            ((Map<Object, SourceLocation>) ctxt.getAttribute(LOCATIONS_ATTRIBUTE)).put(value, at);
            return value;
        }
    }
}
