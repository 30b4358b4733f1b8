package io.webpubsub.mp.impl.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.webpubsub.mp.impl.http.RequestExecutor;
import io.webpubsub.mp.models.GroupMember;
import io.webpubsub.mp.models.ListConnectionsOptions;

/** Lazy paging over {@code ListConnectionsInGroup}, as a blocking stream or a demand-driven publisher. */
final class Paging {

    private Paging() {
    }

    static Stream<GroupMember> stream(HubOperations ops, RequestExecutor executor, String group,
            ListConnectionsOptions options) {
        GroupMembersPage.Request first = firstRequest(ops, group, options);
        Iterator<GroupMember> members = new Iterator<>() {
            private final Deque<GroupMember> buffer = new ArrayDeque<>();
            private GroupMembersPage.Request next = first;

            @Override
            public boolean hasNext() {
                while (buffer.isEmpty() && next != null) {
                    GroupMembersPage page = executor.execute(ops.listConnectionsPage(group, next));
                    buffer.addAll(page.members());
                    next = page.next();
                }
                return !buffer.isEmpty();
            }

            @Override
            public GroupMember next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffer.poll();
            }
        };
        Stream<GroupMember> stream = StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(members, Spliterator.ORDERED | Spliterator.NONNULL), false);
        return options.getTop().isPresent() ? stream.limit(options.getTop().getAsInt()) : stream;
    }

    static Flow.Publisher<GroupMember> publisher(HubOperations ops, RequestExecutor executor, String group,
            ListConnectionsOptions options) {
        GroupMembersPage.Request first = firstRequest(ops, group, options);
        long limit = options.getTop().isPresent() ? options.getTop().getAsInt() : Long.MAX_VALUE;
        return subscriber -> {
            Objects.requireNonNull(subscriber, "subscriber");
            new PageSubscription(ops, executor, group, first, limit, subscriber).start();
        };
    }

    private static GroupMembersPage.Request firstRequest(HubOperations ops, String group,
            ListConnectionsOptions options) {
        Checks.group(group, "group");
        Checks.notNull(options, "options");
        return new GroupMembersPage.Request(options.getMaxPageSize().isPresent()
                ? options.getMaxPageSize().getAsInt() : null,
                options.getTop().isPresent() ? options.getTop().getAsInt() : null, null);
    }

    /** Emits buffered members while there is demand and fetches the next page when the buffer runs dry. */
    private static final class PageSubscription implements Flow.Subscription {

        private final HubOperations ops;
        private final RequestExecutor executor;
        private final String group;
        private final Flow.Subscriber<? super GroupMember> subscriber;
        private final Deque<GroupMember> buffer = new ArrayDeque<>();
        private GroupMembersPage.Request next;
        private long remaining;
        private long demand;
        private boolean fetching;
        private boolean draining;
        private boolean again;
        private boolean done;

        PageSubscription(HubOperations ops, RequestExecutor executor, String group, GroupMembersPage.Request first,
                long limit, Flow.Subscriber<? super GroupMember> subscriber) {
            this.ops = ops;
            this.executor = executor;
            this.group = group;
            this.next = first;
            this.remaining = limit;
            this.subscriber = subscriber;
        }

        void start() {
            subscriber.onSubscribe(this);
        }

        @Override
        public void request(long n) {
            synchronized (this) {
                if (done) {
                    return;
                }
                if (n <= 0) {
                    done = true;
                    subscriber.onError(new IllegalArgumentException("request(n) needs n > 0 (rule 3.9): " + n));
                    return;
                }
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            }
            drain();
        }

        @Override
        public synchronized void cancel() {
            done = true;
            buffer.clear();
        }

        private void drain() {
            synchronized (this) {
                if (draining) {
                    again = true;
                    return;
                }
                draining = true;
            }
            while (true) {
                GroupMember member = null;
                boolean complete = false;
                GroupMembersPage.Request fetch = null;
                synchronized (this) {
                    if (done) {
                        draining = false;
                        return;
                    }
                    if (demand > 0 && remaining > 0 && !buffer.isEmpty()) {
                        member = buffer.poll();
                        demand--;
                        remaining--;
                    } else if (remaining == 0 || (buffer.isEmpty() && next == null && !fetching)) {
                        done = true;
                        complete = true;
                    } else if (demand > 0 && buffer.isEmpty() && !fetching) {
                        fetching = true;
                        fetch = next;
                    } else if (!again) {
                        draining = false;
                        return;
                    } else {
                        again = false;
                        continue;
                    }
                }
                if (member != null) {
                    subscriber.onNext(member);
                } else if (complete) {
                    subscriber.onComplete();
                    return;
                } else {
                    fetch(fetch);
                }
            }
        }

        private void fetch(GroupMembersPage.Request request) {
            executor.executeAsync(ops.listConnectionsPage(group, request)).whenComplete((page, error) -> {
                synchronized (this) {
                    fetching = false;
                    if (error != null) {
                        done = true;
                    } else {
                        buffer.addAll(page.members());
                        next = page.next();
                    }
                }
                if (error != null) {
                    subscriber.onError(error);
                } else {
                    drain();
                }
            });
        }
    }
}
