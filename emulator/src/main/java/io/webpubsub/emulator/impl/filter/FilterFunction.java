package io.webpubsub.emulator.impl.filter;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The functions of the filter language. A {@code null} argument makes the result {@code null} (OData null
 * propagation), except {@code length(groups)}, whose argument is never null.
 */
enum FilterFunction {
    TOLOWER(FilterType.STRING, FilterType.STRING) {
        @Override
        Object apply(List<Object> a) {
            return str(a, 0).toLowerCase(Locale.ROOT);
        }
    },
    TOUPPER(FilterType.STRING, FilterType.STRING) {
        @Override
        Object apply(List<Object> a) {
            return str(a, 0).toUpperCase(Locale.ROOT);
        }
    },
    TRIM(FilterType.STRING, FilterType.STRING) {
        @Override
        Object apply(List<Object> a) {
            return str(a, 0).strip();
        }
    },
    SUBSTRING(FilterType.STRING, FilterType.STRING, FilterType.INT, FilterType.INT) {
        @Override
        int minArgs() {
            return 2;
        }

        /** Out-of-range start and length are clamped to the string, as OData does, instead of failing. */
        @Override
        Object apply(List<Object> a) {
            String s = str(a, 0);
            int start = clamp((Integer) a.get(1), s.length());
            int end = a.size() == 2 ? s.length() : start + clamp((Integer) a.get(2), s.length() - start);
            return s.substring(start, end);
        }
    },
    CONCAT(FilterType.STRING, FilterType.STRING, FilterType.STRING) {
        @Override
        Object apply(List<Object> a) {
            return str(a, 0) + str(a, 1);
        }
    },
    INDEXOF(FilterType.INT, FilterType.STRING, FilterType.STRING) {
        @Override
        Object apply(List<Object> a) {
            return str(a, 0).indexOf(str(a, 1));
        }
    },
    LENGTH(FilterType.INT, FilterType.STRING) {
        @Override
        boolean accepts(int index, FilterType type) {
            return type == FilterType.COLLECTION || super.accepts(index, type);
        }

        @Override
        @SuppressWarnings("unchecked")
        Object apply(List<Object> a) {
            return a.get(0) instanceof Set ? ((Set<String>) a.get(0)).size() : str(a, 0).length();
        }
    },
    STARTSWITH(FilterType.BOOL, FilterType.STRING, FilterType.STRING) {
        @Override
        Object apply(List<Object> a) {
            return str(a, 0).startsWith(str(a, 1));
        }
    },
    ENDSWITH(FilterType.BOOL, FilterType.STRING, FilterType.STRING) {
        @Override
        Object apply(List<Object> a) {
            return str(a, 0).endsWith(str(a, 1));
        }
    },
    CONTAINS(FilterType.BOOL, FilterType.STRING, FilterType.STRING) {
        @Override
        Object apply(List<Object> a) {
            return str(a, 0).contains(str(a, 1));
        }
    };

    private final FilterType result;
    private final FilterType[] parameters;

    FilterFunction(FilterType result, FilterType... parameters) {
        this.result = result;
        this.parameters = parameters;
    }

    /** The function named {@code name} (case-insensitive), or {@code null}. */
    static FilterFunction byName(String name) {
        for (FilterFunction f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    FilterType result() {
        return result;
    }

    int minArgs() {
        return parameters.length;
    }

    int maxArgs() {
        return parameters.length;
    }

    FilterType parameter(int index) {
        return parameters[index];
    }

    boolean accepts(int index, FilterType type) {
        return type.fits(parameters[index]);
    }

    /** Applies the function to non-null arguments of the declared types. */
    abstract Object apply(List<Object> arguments);

    private static String str(List<Object> arguments, int index) {
        return (String) arguments.get(index);
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(value, max));
    }
}
