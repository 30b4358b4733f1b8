package io.webpubsub.emulator.impl.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A type-checked node of the filter syntax tree. Evaluation yields a {@code String}, {@code Integer},
 * {@code Boolean}, {@code Set<String>} (the groups) or {@code null}; booleans follow three-valued logic.
 */
abstract class Expr {

    /** Span in the filter text, used to quote the expression in error messages. */
    final int start;
    final int end;
    final FilterType type;

    Expr(int start, int end, FilterType type) {
        this.start = start;
        this.end = end;
        this.type = type;
    }

    abstract Object eval(FilterTarget target);

    static final class Literal extends Expr {
        private final Object value;

        Literal(int start, int end, FilterType type, Object value) {
            super(start, end, type);
            this.value = value;
        }

        @Override
        Object eval(FilterTarget target) {
            return value;
        }
    }

    /** The identifiers, matched case-insensitively. */
    enum Field {
        USERID(FilterType.STRING),
        CONNECTIONID(FilterType.STRING),
        PROTOCOL(FilterType.STRING),
        GROUPS(FilterType.COLLECTION);

        final FilterType type;

        Field(FilterType type) {
            this.type = type;
        }

        static Field byName(String name) {
            for (Field f : values()) {
                if (f.name().equalsIgnoreCase(name)) {
                    return f;
                }
            }
            return null;
        }
    }

    static final class Identifier extends Expr {
        private final Field field;

        Identifier(int start, int end, Field field) {
            super(start, end, field.type);
            this.field = field;
        }

        @Override
        Object eval(FilterTarget target) {
            switch (field) {
                case USERID:
                    return target.userId();
                case CONNECTIONID:
                    return target.connectionId();
                case PROTOCOL:
                    return target.protocol();
                default:
                    Set<String> groups = target.groups();
                    return groups == null ? Set.of() : groups;
            }
        }
    }

    static final class Not extends Expr {
        private final Expr operand;

        Not(int start, Expr operand) {
            super(start, operand.end, FilterType.BOOL);
            this.operand = operand;
        }

        @Override
        Object eval(FilterTarget target) {
            Object value = operand.eval(target);
            return value == null ? null : !(Boolean) value;
        }
    }

    static final class Logical extends Expr {
        private final boolean and;
        private final Expr left;
        private final Expr right;

        Logical(boolean and, Expr left, Expr right) {
            super(left.start, right.end, FilterType.BOOL);
            this.and = and;
            this.left = left;
            this.right = right;
        }

        /** Kleene logic: a decisive operand wins over an unknown ({@code null}) one. */
        @Override
        Object eval(FilterTarget target) {
            Boolean decisive = !and;
            Object l = left.eval(target);
            if (decisive.equals(l)) {
                return decisive;
            }
            Object r = right.eval(target);
            if (decisive.equals(r)) {
                return decisive;
            }
            return l == null || r == null ? null : !decisive;
        }
    }

    enum Operator { EQ, NE, GT, GE, LT, LE }

    static final class Comparison extends Expr {
        private final Operator operator;
        private final Expr left;
        private final Expr right;

        Comparison(Operator operator, Expr left, Expr right) {
            super(left.start, right.end, FilterType.BOOL);
            this.operator = operator;
            this.left = left;
            this.right = right;
        }

        /**
         * {@code null} equals only {@code null}; an ordering comparison with {@code null} is false. Strings compare
         * ordinally.
         */
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object eval(FilterTarget target) {
            Object l = left.eval(target);
            Object r = right.eval(target);
            switch (operator) {
                case EQ:
                    return Objects.equals(l, r);
                case NE:
                    return !Objects.equals(l, r);
                default:
                    if (l == null || r == null) {
                        return false;
                    }
                    int c = ((Comparable) l).compareTo(r);
                    return operator == Operator.GT ? c > 0
                            : operator == Operator.GE ? c >= 0
                            : operator == Operator.LT ? c < 0
                            : c <= 0;
            }
        }
    }

    /** {@code x in (a, b, …)}: true if {@code x eq} any element. */
    static final class InList extends Expr {
        private final Expr left;
        private final List<Expr> elements;

        InList(Expr left, List<Expr> elements, int end) {
            super(left.start, end, FilterType.BOOL);
            this.left = left;
            this.elements = List.copyOf(elements);
        }

        @Override
        Object eval(FilterTarget target) {
            Object value = left.eval(target);
            for (Expr element : elements) {
                if (Objects.equals(value, element.eval(target))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code x in groups}: true if the connection is in group {@code x}. */
    static final class InCollection extends Expr {
        private final Expr left;
        private final Expr collection;

        InCollection(Expr left, Expr collection) {
            super(left.start, collection.end, FilterType.BOOL);
            this.left = left;
            this.collection = collection;
        }

        @Override
        Object eval(FilterTarget target) {
            Object value = left.eval(target);
            return value != null && ((Set<?>) collection.eval(target)).contains(value);
        }
    }

    static final class Call extends Expr {
        private final FilterFunction function;
        private final List<Expr> arguments;

        Call(int start, int end, FilterFunction function, List<Expr> arguments) {
            super(start, end, function.result());
            this.function = function;
            this.arguments = List.copyOf(arguments);
        }

        @Override
        Object eval(FilterTarget target) {
            List<Object> values = new ArrayList<>(arguments.size());
            for (Expr argument : arguments) {
                Object value = argument.eval(target);
                if (value == null) {
                    return null;
                }
                values.add(value);
            }
            return function.apply(values);
        }
    }

    /** A parenthesised expression keeps its inner node but widens the span (for error quotes). */
    static final class Group extends Expr {
        private final Expr inner;

        Group(int start, int end, Expr inner) {
            super(start, end, inner.type);
            this.inner = inner;
        }

        @Override
        Object eval(FilterTarget target) {
            return inner.eval(target);
        }
    }
}
