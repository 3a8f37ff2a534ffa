package com.nomidio.connect.upload.adapters;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.kinesisvideomedia.KinesisVideoMediaClient;

/**
 * One KinesisVideoMediaClient per GET_MEDIA data endpoint, kept across warm invocations (a stream's endpoint
 * rarely changes, and building a client costs more than a request).
 */
public final class MediaClients implements Function<String, KinesisVideoMediaClient> {

    private final Function<String, KinesisVideoMediaClient> factory;
    private final Map<String, KinesisVideoMediaClient> clients = new ConcurrentHashMap<>();

    public MediaClients(Function<String, KinesisVideoMediaClient> factory) {
        this.factory = factory;
    }

    /** Clients on {@code http} pointed at each endpoint, with the default region and credentials. */
    public static MediaClients over(SdkHttpClient http) {
        return new MediaClients(endpoint -> KinesisVideoMediaClient.builder()
                .httpClient(http)
                .endpointOverride(URI.create(endpoint))
                .build());
    }

    @Override
    public KinesisVideoMediaClient apply(String endpoint) {
        return clients.computeIfAbsent(endpoint, factory);
    }
}
