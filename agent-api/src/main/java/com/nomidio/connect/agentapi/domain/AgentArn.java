package com.nomidio.connect.agentapi.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent ARN the softphone sends ({@code X-Nomidio-Agent-Arn}, from Streams' {@code agent.getAgentARN()}):
 * {@code arn:<partition>:connect:<region>:<account>:instance/<instanceId>/agent/<agentId>}. Only a value of exactly
 * that shape is read; the agent and instance ids are Connect's UUIDs.
 */
public record AgentArn(String arn, String region, String account, String instanceId, String agentId) {

    private static final Pattern SHAPE = Pattern.compile(
            "arn:aws[a-z-]{0,20}:connect:([a-z0-9-]{1,30}):(\\d{12}):instance/([a-f0-9-]{36})/agent/([a-f0-9-]{36})");

    public static Optional<AgentArn> parse(String value) {
        if (value == null || value.length() > 256) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(value.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new AgentArn(value.trim(), matcher.group(1), matcher.group(2), matcher.group(3),
                matcher.group(4)));
    }
}
