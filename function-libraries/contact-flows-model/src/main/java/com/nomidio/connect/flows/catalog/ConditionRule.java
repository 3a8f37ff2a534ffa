package com.nomidio.connect.flows.catalog;

import java.util.Set;

/** Which {@code Conditions} an action type accepts. */
public enum ConditionRule {
    /** No conditions at all. */
    NONE,
    /** Any number of conditions with the comparison operators ({@link #OPERATORS}). */
    COMPARISONS,
    /** Exactly two: Equals ContinueLooping and Equals DoneLooping (the Loop action). */
    LOOP,
    /** Equals WaitCompleted, plus one Equals per listed event (the Wait action). */
    WAIT,
    /** Any number of conditions, Equals only, one operand each (ConnectParticipantWithLexBot: the intent name). */
    EQUALS;

    /** The comparison operators of the flow language's Compare / GetParticipantInput conditions. */
    public static final Set<String> OPERATORS = Set.of("Equals", "TextStartsWith", "TextEndsWith", "TextContains",
            "NumberGreaterThan", "NumberGreaterOrEqualTo", "NumberLessThan", "NumberLessOrEqualTo");
}
