package com.nomidio.connect.emulator.state;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The faults waiting to be injected, first added first used. */
public final class FaultPlan {

    private static final class Armed {
        final Fault fault;
        int remaining;

        Armed(Fault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }

    private final List<Armed> armed = new ArrayList<>();

    public synchronized FaultPlan add(Fault fault) {
        armed.add(new Armed(fault));
        return this;
    }

    public synchronized void clear() {
        armed.clear();
    }

    /** The fault for this call, if any, counting it against its {@code times}. */
    public synchronized Optional<Fault> take(String operationId) {
        Iterator<Armed> it = armed.iterator();
        while (it.hasNext()) {
            Armed next = it.next();
            if (next.fault.matches(operationId)) {
                if (next.fault.times() > 0 && --next.remaining == 0) {
                    it.remove();
                }
                return Optional.of(next.fault);
            }
        }
        return Optional.empty();
    }

    /** The faults still armed, with what is left of their {@code times} (0 = unlimited). */
    public synchronized List<Fault> pending() {
        return armed.stream().map(a -> new Fault(a.fault.operation(), a.fault.kind(), a.fault.delay(),
                a.fault.status(), a.fault.times() == 0 ? 0 : a.remaining)).toList();
    }
}
