package io.shizheng.cases.internal;

import java.util.Map;

/**
 * A new case as an agent, a counter clerk or an Open311 client gives it. Citizen fields are optional (anonymous
 * reports); {@code reply} closes an enquiry answered at first contact; {@code duplicateOf} links instead of dispatching.
 */
public record IntakeForm(String type, String channel, String category, String description, Double lon, Double lat,
                  String address, String name, String idNumber, String phone, String email, String citizenAddress,
                  String replyBy, String relatedCaseNo, String duplicateOf, String reply, Map<String, String> attributes,
                  String mediaUrl) {

    IntakeForm withChannel(String c) {
        return new IntakeForm(type, c, category, description, lon, lat, address, name, idNumber, phone, email,
                citizenAddress, replyBy, relatedCaseNo, duplicateOf, reply, attributes, mediaUrl);
    }
}
