#pragma once

#include "http/HttpTypes.h"

#include <QJsonArray>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Dps::Arm {

// One error value for everything ARM and the resource providers answer: the ARM-wrapped shape
// {"error": {code, message, target, details}} and the RP's flat shape {code (string or number),
// httpStatusCode, message, details}; plus transport failures. Fields follow azure-core's exception.hpp.
class ArmError
{
public:
    // Authentication: no token could be had (the sign-in failed before ARM was asked; code holds the
    // Entra error, message its translated explanation).
    enum class Kind { Http, Transport, Timeout, Cancelled, Protocol, Validation, Authentication };

    Kind kind = Kind::Http;
    int httpStatus = 0;
    QString code;           // "ResourceGroupNotFound", "400201", ...
    QString message;        // as the service said it
    QString target;
    QJsonArray details;
    QString requestId;      // x-ms-request-id
    QString correlationId;  // x-ms-correlation-request-id
    QString clientRequestId;
    int retryAfterSeconds = -1; // for throttling
    QString subscriptionId;     // context, when known
    QString scope;              // the resource path the call was about

    static ArmError fromResponse(const Http::HttpResponse &response, const QString &scope = {});
    static ArmError transport(const Http::HttpResponse &response);
    static ArmError cancelled();
    static ArmError validation(const QString &code, const QString &message);
    static ArmError protocol(const QString &message);

    bool isNotFound() const { return httpStatus == 404; }
    bool isCancelled() const { return kind == Kind::Cancelled; }
    bool isThrottled() const { return httpStatus == 429; }
    bool isNameTaken() const; // AlreadyExists / NameNotAvailable / 409 name conflicts
    bool isMissingRegistration() const; // MissingSubscriptionRegistration: offer to register Microsoft.Devices
    // InvalidAuthenticationTokenTenant: the subscription's tenant, parsed from the message (empty if unknown).
    QString expectedTenantId() const;
    // Translated text saying what happened and what to do about it (ARM error codes of azure-arm.md 7).
    QString userMessage() const;
    // Everything support needs: code, message, status, request and correlation ids (no secrets).
    QString technicalDetails() const;
};

} // namespace Dps::Arm

Q_DECLARE_METATYPE(Dps::Arm::ArmError)
