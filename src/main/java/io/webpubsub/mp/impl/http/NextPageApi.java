package io.webpubsub.mp.impl.http;

import java.io.Closeable;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.webpubsub.mp.rest.GroupMemberPagedValues;

/**
 * Fetches a further page of {@code ListConnectionsInGroup} from the URL of the previous page's {@code nextLink},
 * exactly as the service gave it: {@link NextLinkFilter} replaces the request URL with the header's value before the
 * request is signed.
 */
@Path("/api")
public interface NextPageApi extends Closeable {

    /** The request header carrying the absolute URL of the page; removed before the request is sent. */
    String NEXT_LINK = "X-WebPubSub-Next-Link";

    /**
     * @param url the absolute URL of the page (already checked to be on the service's host)
     * @return the page
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    GroupMemberPagedValues page(@HeaderParam(NEXT_LINK) String url);
}
