package com.nomidio.connect.simulator.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a prompt plays, for the call clock: text at 150 words a minute (an unhurried text-to-speech voice)
 * plus SSML {@code <break time="…"/>} pauses. Only an estimate; nothing is synthesised.
 */
final class SpokenDuration {

    private static final double WORDS_PER_SECOND = 2.5;
    private static final Pattern BREAK = Pattern.compile("<break\\s+time=\"(\\d+(?:\\.\\d+)?)(ms|s)\"\\s*/>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private SpokenDuration() {
    }

    static long ofText(String text) {
        String words = text.trim();
        if (words.isEmpty()) {
            return 0;
        }
        return Math.round(words.split("\\s+").length / WORDS_PER_SECOND * 1000);
    }

    static long ofSsml(String ssml) {
        long pauses = 0;
        Matcher breaks = BREAK.matcher(ssml);
        while (breaks.find()) {
            double amount = Double.parseDouble(breaks.group(1));
            pauses += Math.round("s".equals(breaks.group(2)) ? amount * 1000 : amount);
        }
        return pauses + ofText(TAG.matcher(ssml).replaceAll(" "));
    }
}
