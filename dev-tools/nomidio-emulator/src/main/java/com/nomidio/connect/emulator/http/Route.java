package com.nomidio.connect.emulator.http;

import com.nomidio.connect.emulator.state.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A method and path template ({@code /v1/challenges/{challengeId}/result}) with its handler. Contract routes
 * carry the OpenAPI operationId and the error codes they may answer with (besides SERVER_ERROR); admin routes
 * ({@code /_emulator/...}) carry neither.
 */
public record Route(String operationId, String method, String template, Set<ErrorCode> errors, boolean authenticated,
                    Handler handler, Pattern pattern, List<String> parameterNames) {

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request);
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

    public static Route contract(String operationId, String method, String template, Set<ErrorCode> errors,
                                 boolean authenticated, Handler handler) {
        return create(operationId, method, template, Set.copyOf(errors), authenticated, handler);
    }

    public static Route admin(String method, String template, Handler handler) {
        return create(null, method, template, Set.of(), false, handler);
    }

    private static Route create(String operationId, String method, String template, Set<ErrorCode> errors,
                                boolean authenticated, Handler handler) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder("^");
        Matcher m = PARAMETER.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append('$');
        return new Route(operationId, method, template, errors, authenticated, handler,
                Pattern.compile(regex.toString()), List.copyOf(names));
    }

    public boolean isContract() {
        return operationId != null;
    }

    /** The raw (still percent-encoded) path parameters when {@code path} fits the template. */
    Optional<Map<String, String>> match(String rawPath) {
        Matcher m = pattern.matcher(rawPath);
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < parameterNames.size(); i++) {
            values.put(parameterNames.get(i), m.group(i + 1));
        }
        return Optional.of(values);
    }
}
