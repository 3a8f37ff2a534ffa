package com.nomidio.connect.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command as ./simulate-call.sh runs it: options in, transcript (or JSON) and exit status out. */
class SimulateCallCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void execute_whenCallerHasOptedOut_printsTheTranscriptAndTheAttributes() {
        int status = execute("--caller", "+447700900007", "--logs", "none");

        assertThat(status).isZero();
        String transcript = out.toString(StandardCharsets.UTF_8);
        assertThat(transcript).contains("Simulated call ", "from ***007", ">> flow NOMIDIO-AUTHENTICATION-FLOW",
                "lambda  nomidioAction action=lookup", "say     \"Welcome to Simulated Bank.\"",
                "nomidio_status                   OPTED_OUT", "Queued on BasicQueue.");
        assertThat(transcript).doesNotContain("+447700900007");
    }

    @Test
    void execute_whenJsonIsAsked_printsTheResultAsJson() throws Exception {
        int status = execute("--caller", "+447700900999", "--keys", "1", "--json", "--logs", "none");

        assertThat(status).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(result.path("outcome").asText()).isEqualTo("QUEUED");
        assertThat(result.path("queue").asText()).isEqualTo("BasicQueue");
        assertThat(result.path("attributes").path("nomidio_status").asText()).isEqualTo("INVITATION_SENT");
        assertThat(result.path("transcript").findValuesAsText("kind")).contains("FLOW_ENTERED", "INPUT", "LAMBDA", "ENDED");
    }

    @Test
    void execute_whenTheAgentAsksForAChallenge_showsWhoHearsWhatAndQueuesBackToTheAgent() {
        int status = execute("--agent-challenge", "HIGH", "--logs", "none");

        assertThat(status).isZero();
        String transcript = out.toString(StandardCharsets.UTF_8);
        assertThat(transcript).contains("transfer", "the caller is on hold",
                "to agent \"Nomidio identity check. Leave the call now", "agent leaves (completes the transfer)",
                "keypad  caller presses 1", "nomidio_challenge_result         PASSED", "Queued on agent/agent-1.");
    }

    @Test
    void execute_whenAChatIsScripted_runsItThroughTheBotWithStandardVoiceAndChatByDefault() {
        int status = execute("--chat", "07700 900999 | yes", "--logs", "none");

        assertThat(status).isZero();
        String transcript = out.toString(StandardCharsets.UTF_8);
        assertThat(transcript).contains("Simulated chat ", "(Standard Voice + Chat)",
                ">> flow NOMIDIO-LEX-AUTHENTICATION-FLOW", "customer types \"yes\"", "lambda  nomidioLex (DialogCodeHook",
                "nomidio_status                   INVITATION_SENT", "Queued on BasicQueue.");
    }

    @Test
    void execute_whenLexVoiceAndChatIsAsked_takesTheSpokenMenuChoiceAsText() throws Exception {
        int status = execute("--interaction-configuration", "lex", "--caller", "+447700900999", "--keys", "opt out",
                "--json", "--logs", "none");

        assertThat(status).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(result.path("attributes").path("nomidio_status").asText()).isEqualTo("OPTED_OUT");
        assertThat(result.path("transcript").findValuesAsText("text")).contains("NOMIDIO-LEX-AUTHENTICATION-FLOW");
    }

    @Test
    void execute_whenTheChannelIsUnknown_refusesWithTheReason() {
        int status = execute("--channel", "EMAIL", "--logs", "none");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("EMAIL", "VOICE or CHAT");
    }

    @Test
    void execute_whenAnOptionIsUnknown_isAUsageError() {
        assertThat(execute("--colour", "blue")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option", "'--colour'");
    }

    @Test
    void execute_whenHelpIsAsked_listsTheOptionsAndTheSeededCallers() {
        assertThat(execute("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--say=WAV", "--gateway-down-after=ACTION",
                "${AuthenticationFlowArn}", "+447700900012   ENROLLED           enrolled, voice B");
    }

    private int execute(String... args) {
        return SimulateCallCommand.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }
}
