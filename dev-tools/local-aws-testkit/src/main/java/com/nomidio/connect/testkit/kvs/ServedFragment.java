package com.nomidio.connect.testkit.kvs;

import java.util.ArrayList;
import java.util.List;

/** One fragment's bytes as the fake KVS serves them, with what GetMedia's start selectors look at. */
public record ServedFragment(byte[] bytes, String number, long producerMillis, long serverMillis) {

    /** A fixture's (possibly truncated) bytes split by fragment. */
    public static List<ServedFragment> of(FixtureStream fixture) {
        return of(fixture.call(), fixture.fragmentBytes());
    }

    public static List<ServedFragment> of(ConnectCall call, List<byte[]> bytes) {
        List<ServedFragment> out = new ArrayList<>();
        for (int i = 0; i < bytes.size(); i++) {
            Fragment f = call.fragments().get(i);
            out.add(new ServedFragment(bytes.get(i), f.number(), f.producerMillis(), f.serverMillis()));
        }
        return out;
    }

    /** Bytes with no fragment index (real files): every selector starts at the beginning. */
    public static List<ServedFragment> opaque(byte[] bytes) {
        return List.of(new ServedFragment(bytes, "0", 0, 0));
    }
}
