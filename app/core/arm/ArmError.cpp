#include "ArmError.h"

#include "ResourceId.h"
#include "http/Policies.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QRegularExpression>

#include <cmath>

namespace Dps::Arm {

namespace {

QByteArray headerValue(const QList<QPair<QByteArray, QByteArray>> &headers, const char *name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

// DPS types `code` as an integer, IoT Hub as a string; both arrive (azure-arm.md 7.2).
QString codeToString(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == std::floor(d) && std::abs(d) < 1e15)
            return QString::number(qint64(d));
        return QString::number(d);
    }
    return {};
}

QJsonArray detailsOf(const QJsonValue &v)
{
    if (v.isArray())
        return v.toArray();
    if (v.isObject())
        return QJsonArray{v};
    if (v.isString() && !v.toString().isEmpty())
        return QJsonArray{v}; // the RP's flat shape: details is a string
    return {};
}

QString messageOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isObject()) // OData style {"message": {"lang": "en", "value": "..."}}
        return v.toObject().value(QLatin1String("value")).toString();
    return {};
}

QString statusName(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("BadRequest");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("NotFound");
    case 405:
        return QStringLiteral("MethodNotAllowed");
    case 408:
        return QStringLiteral("RequestTimeout");
    case 409:
        return QStringLiteral("Conflict");
    case 412:
        return QStringLiteral("PreconditionFailed");
    case 413:
        return QStringLiteral("RequestEntityTooLarge");
    case 415:
        return QStringLiteral("UnsupportedMediaType");
    case 429:
        return QStringLiteral("TooManyRequests");
    case 500:
        return QStringLiteral("InternalServerError");
    case 502:
        return QStringLiteral("BadGateway");
    case 503:
        return QStringLiteral("ServiceUnavailable");
    case 504:
        return QStringLiteral("GatewayTimeout");
    default:
        return QStringLiteral("Http%1").arg(status);
    }
}

// The subscription of an ARM path (a resource id or a collection under a subscription).
QString subscriptionOf(const QString &path)
{
    static const QRegularExpression re(QStringLiteral("^/?subscriptions/([^/?]+)"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(path);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString firstCapture(const QString &text, const QString &pattern, int group = 1)
{
    const QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(group) : QString();
}

bool isOneOf(const QString &code, std::initializer_list<const char *> codes)
{
    for (const char *c : codes) {
        if (code.compare(QLatin1String(c), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

ArmError ArmError::fromResponse(const Http::HttpResponse &response, const QString &scope)
{
    if (response.isTransportError()) {
        ArmError e = transport(response);
        e.scope = scope;
        return e;
    }
    ArmError e;
    e.kind = Kind::Http;
    e.httpStatus = response.status;
    e.scope = scope;
    e.requestId = QString::fromLatin1(headerValue(response.headers, "x-ms-request-id"));
    e.correlationId = QString::fromLatin1(
        headerValue(response.headers, "x-ms-correlation-request-id"));
    e.clientRequestId = QString::fromLatin1(headerValue(response.headers, "x-ms-client-request-id"));
    // retry-after-ms, x-ms-retry-after-ms, Retry-After in seconds or as an HTTP-date: the retry policy's reading.
    const qint64 waitMs = Http::RetryPolicy::serverDelayMs(response,
                                                           QDateTime::currentMSecsSinceEpoch());
    e.retryAfterSeconds = waitMs < 0 ? -1 : int(std::min<qint64>((waitMs + 999) / 1000, 24 * 3600));
    e.subscriptionId = subscriptionOf(scope);

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        const QJsonValue wrapped = o.value(QLatin1String("error")).isObject()
                                       ? o.value(QLatin1String("error"))
                                       : o.value(QLatin1String("odata.error"));
        if (wrapped.isObject()) {
            // ARM's envelope {"error": {code, message, target, details, additionalInfo}} (azure-arm.md 7.1).
            const QJsonObject err = wrapped.toObject();
            e.code = codeToString(err.value(QLatin1String("code")));
            e.message = messageOf(err.value(QLatin1String("message")));
            e.target = err.value(QLatin1String("target")).toString();
            e.details = detailsOf(err.value(QLatin1String("details")));
        } else {
            // The resource provider's flat {code, httpStatusCode, message, details} (azure-arm.md 7.2).
            e.code = codeToString(o.contains(QLatin1String("code"))
                                      ? o.value(QLatin1String("code"))
                                      : o.value(QLatin1String("Code")));
            e.message = messageOf(o.contains(QLatin1String("message"))
                                      ? o.value(QLatin1String("message"))
                                      : o.value(QLatin1String("Message")));
            e.target = o.value(QLatin1String("target")).toString();
            e.details = detailsOf(o.value(QLatin1String("details")));
        }
    } else if (!response.body.trimmed().isEmpty()) {
        // Not JSON (a proxy's HTML page, say): keep a readable start of it.
        e.message = QString::fromUtf8(response.body.left(300)).simplified();
    }
    if (e.code.isEmpty() || e.code == QLatin1String("0"))
        e.code = statusName(response.status);
    if (e.message.isEmpty())
        e.message
            = QStringLiteral("HTTP %1 %2").arg(response.status).arg(statusName(response.status));
    return e;
}

ArmError ArmError::transport(const Http::HttpResponse &response)
{
    ArmError e;
    e.httpStatus = 0;
    if (response.cancelled) {
        e = cancelled();
    } else if (response.timedOut || response.networkError == QNetworkReply::TimeoutError) {
        e.kind = Kind::Timeout;
        e.code = QStringLiteral("Timeout");
    } else if (response.networkError == QNetworkReply::AuthenticationRequiredError) {
        // The bearer policy got no token: errorCode is Entra's error, errorString its translated advice.
        e.kind = Kind::Authentication;
        e.code = response.errorCode.isEmpty() ? QStringLiteral("authentication_failed")
                                              : response.errorCode;
    } else {
        e.kind = Kind::Transport;
        const QMetaEnum names = QMetaEnum::fromType<QNetworkReply::NetworkError>();
        const char *name = names.valueToKey(response.networkError);
        e.code = !response.errorCode.isEmpty() ? response.errorCode
                 : name                        ? QString::fromLatin1(name)
                                               : QStringLiteral("NetworkError");
    }
    if (!response.errorString.isEmpty())
        e.message = response.errorString;
    else if (e.message.isEmpty())
        e.message = e.code;
    e.clientRequestId = QString::fromLatin1(headerValue(response.headers, "x-ms-client-request-id"));
    return e;
}

ArmError ArmError::cancelled()
{
    ArmError e;
    e.kind = Kind::Cancelled;
    e.code = QStringLiteral("Cancelled");
    e.message = QStringLiteral("The operation was cancelled.");
    return e;
}

ArmError ArmError::validation(const QString &code, const QString &message)
{
    ArmError e;
    e.kind = Kind::Validation;
    e.code = code;
    e.message = message;
    return e;
}

ArmError ArmError::protocol(const QString &message)
{
    ArmError e;
    e.kind = Kind::Protocol;
    e.code = QStringLiteral("UnexpectedResponse");
    e.message = message;
    return e;
}

bool ArmError::isNameTaken() const
{
    if (isOneOf(code,
                {"AlreadyExists",
                 "NameNotAvailable",
                 "IotHubNameNotAvailable",
                 "409201",
                 "ProvisioningServiceNameNotAvailable",
                 "NameAlreadyExists",
                 "ResourceNameNotAvailable"}))
        return true;
    // Some providers answer a plain 409 whose message says the name is taken.
    return httpStatus == 409
           && (message.contains(QLatin1String("not available"), Qt::CaseInsensitive)
               || message.contains(QLatin1String("already taken"), Qt::CaseInsensitive)
               || message.contains(QLatin1String("already exists"), Qt::CaseInsensitive));
}

bool ArmError::isMissingRegistration() const
{
    return code.compare(QLatin1String("MissingSubscriptionRegistration"), Qt::CaseInsensitive) == 0;
}

QString ArmError::expectedTenantId() const
{
    // "... It must match the tenant 'https://sts.windows.net/{tenant}/' associated with this subscription."
    QString tenant = firstCapture(message,
                                  QStringLiteral(
                                      "must match the tenant '(?:https?://[^/']+/)?([^/']+)/?'"));
    if (tenant.isEmpty())
        tenant
            = firstCapture(message,
                           QStringLiteral(
                               "tenant "
                               "'?(?:https?://[^/']+/"
                               ")?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"));
    return tenant;
}

QString ArmError::userMessage() const
{
    switch (kind) {
    case Kind::Cancelled:
        return QCoreApplication::translate("Dps::Arm::ArmError", "The operation was cancelled.");
    case Kind::Timeout:
        if (code == QLatin1String("ProviderRegistrationTimeout"))
            return QCoreApplication::translate(
                       "Dps::Arm::ArmError",
                       "Microsoft.Devices is still registering in subscription %1. Registration "
                       "can take a while; try again in a few minutes.")
                .arg(subscriptionId);
        return QCoreApplication::translate(
            "Dps::Arm::ArmError",
            "Azure did not answer in time. Check your network connection, then try again.");
    case Kind::Validation:
        return message; // written (and translated) by the app itself
    case Kind::Authentication:
        if (message.isEmpty() || message == code)
            return QCoreApplication::translate("Dps::Arm::ArmError",
                                               "Signing in failed (%1). Sign in again.")
                .arg(code);
        return message; // the identity layer's translated advice
    case Kind::Protocol:
        return QCoreApplication::translate(
                   "Dps::Arm::ArmError",
                   "Azure sent an answer the app did not expect (%1). Try again; if it keeps "
                   "happening, copy the details and report it.")
            .arg(message);
    case Kind::Transport: {
        const QString c = code;
        if (c == QLatin1String("HttpsRequired"))
            return message; // the pipeline's translated refusal
        if (c.startsWith(QLatin1String("Ssl")))
            return QCoreApplication::translate(
                       "Dps::Arm::ArmError",
                       "The secure (TLS) connection to Azure failed: %1. Check the computer's date "
                       "and time and any proxy that inspects traffic; the app never ignores "
                       "certificate errors.")
                .arg(message);
        if (c == QLatin1String("HostNotFoundError") || c == QLatin1String("ProxyNotFoundError"))
            return QCoreApplication::translate(
                       "Dps::Arm::ArmError",
                       "Azure could not be reached: the server name was not found (%1). Check your "
                       "internet connection, DNS and proxy settings, and the cloud you selected.")
                .arg(message);
        if (c == QLatin1String("ConnectionRefusedError"))
            return QCoreApplication::translate(
                       "Dps::Arm::ArmError",
                       "The connection to Azure was refused (%1). Check the endpoint of the cloud "
                       "you selected and your proxy settings.")
                .arg(message);
        return QCoreApplication::translate("Dps::Arm::ArmError",
                                           "The connection to Azure failed: %1. Check your network "
                                           "connection, then try again.")
            .arg(message);
    }
    case Kind::Http:
        break;
    }

    ResourceId id;
    ResourceId::parse(scope, &id);
    const QString sub = !subscriptionId.isEmpty() ? subscriptionId : subscriptionOf(scope);
    const QString quoted = firstCapture(message, QStringLiteral("'([^']+)'"));

    // Authentication (401).
    if (isOneOf(code, {"InvalidAuthenticationTokenTenant"})) {
        const QString tenant = expectedTenantId();
        if (!tenant.isEmpty())
            return QCoreApplication::translate(
                       "Dps::Arm::ArmError",
                       "This subscription belongs to another directory (tenant %1). Sign in to "
                       "that tenant, then try again.")
                .arg(tenant);
        return QCoreApplication::translate(
            "Dps::Arm::ArmError",
            "This subscription belongs to another directory (tenant). Sign in to the "
            "subscription's tenant, then try again.");
    }
    if (isOneOf(code, {"ExpiredAuthenticationToken"}))
        return QCoreApplication::translate("Dps::Arm::ArmError",
                                           "Your sign-in has expired. Sign in again.");
    if (isOneOf(code,
                {"InvalidAuthenticationToken",
                 "InvalidAuthenticationTokenAudience",
                 "AuthenticationFailed"})
        || (httpStatus == 401 && code == QLatin1String("Unauthorized")))
        return QCoreApplication::translate("Dps::Arm::ArmError",
                                           "Azure did not accept your sign-in. Sign in again.");

    // Authorization (403).
    if (isOneOf(code, {"AuthorizationFailed"})) {
        const QString action = firstCapture(message, QStringLiteral("perform action '([^']+)'"));
        const QString onScope = firstCapture(message, QStringLiteral("over scope '([^']+)'"));
        if (!action.isEmpty() && !onScope.isEmpty())
            return QCoreApplication::translate(
                       "Dps::Arm::ArmError",
                       "You don't have permission to perform \"%1\" on \"%2\". Ask an owner of the "
                       "subscription or resource group for a role that allows it (for example "
                       "Contributor), then sign in again.")
                .arg(action, onScope);
        return QCoreApplication::translate(
                   "Dps::Arm::ArmError",
                   "You don't have permission for this operation. Ask an owner of the subscription "
                   "for a role that allows it (for example Contributor), then sign in again. Azure "
                   "said: %1")
            .arg(message);
    }
    if (isOneOf(code, {"LinkedAuthorizationFailed"})) {
        const QString action
            = firstCapture(message,
                           QStringLiteral(
                               "perform action(?:\\(s\\))? '([^']+)' on the linked scope"));
        const QString onScope = firstCapture(message,
                                             QStringLiteral("linked scope(?:\\(s\\))? '([^']+)'"));
        if (!action.isEmpty() && !onScope.isEmpty())
            return QCoreApplication::translate(
                       "Dps::Arm::ArmError",
                       "You don't have permission to perform \"%1\" on \"%2\", which this request "
                       "refers to. Ask for access to that resource, then try again.")
                .arg(action, onScope);
        return QCoreApplication::translate(
                   "Dps::Arm::ArmError",
                   "You don't have permission on another resource that this request refers to. Ask "
                   "for access to it, then try again. Azure said: %1")
            .arg(message);
    }
    if (isOneOf(code, {"RequestDisallowedByPolicy"}))
        return QCoreApplication::translate(
                   "Dps::Arm::ArmError",
                   "An Azure Policy of your organization forbids this request: %1 Choose values "
                   "the policy allows (for example another region), or ask your administrator.")
            .arg(message);

    // Subscription state and registration.
    if (isMissingRegistration()) {
        const QString ns = firstCapture(message, QStringLiteral("namespace '([^']+)'"));
        const QString provider = ns.isEmpty() ? QStringLiteral("Microsoft.Devices") : ns;
        if (!sub.isEmpty())
            return QCoreApplication::translate("Dps::Arm::ArmError",
                                               "%1 is not registered in subscription %2; register "
                                               "it (in the app with Register Microsoft.Devices, on the command line with "
                                               "--register-provider), then try again.")
                .arg(provider, sub);
        return QCoreApplication::translate("Dps::Arm::ArmError",
                                           "%1 is not registered in this subscription; register it "
                                           "(in the app with Register Microsoft.Devices, on the command line with "
                                           "--register-provider), then try again.")
            .arg(provider);
    }
    if (isOneOf(code, {"SubscriptionNotFound", "InvalidSubscriptionId"})) {
        const QString which = sub.isEmpty()
                                  ? firstCapture(message, QStringLiteral("subscription '([^']+)'"))
                                  : sub;
        return QCoreApplication::translate(
                   "Dps::Arm::ArmError",
                   "Subscription %1 was not found, or your account cannot see it. Check the "
                   "subscription ID and that you signed in to the right directory.")
            .arg(which);
    }
    if (isOneOf(code,
                {"ReadOnlyDisabledSubscription", "SubscriptionNotEnabled", "DisabledSubscription"})) {
        const QString which = sub.isEmpty()
                                  ? firstCapture(message, QStringLiteral("subscription '([^']+)'"))
                                  : sub;
        return QCoreApplication::translate(
                   "Dps::Arm::ArmError",
                   "Subscription %1 is disabled and read-only. Re-enable it in the Azure portal "
                   "(for example by settling billing), or choose another subscription.")
            .arg(which);
    }

    // Throttling (429).
    if (httpStatus == 429
        || isOneOf(code,
                   {"TooManyRequests",
                    "SubscriptionRequestsThrottled",
                    "TenantRequestsThrottled",
                    "ResourceRequestsThrottled"})) {
        if (retryAfterSeconds >= 0)
            return QCoreApplication::translate(
                       "Dps::Arm::ArmError",
                       "Azure is throttling requests; waiting %1 s before trying again.")
                .arg(retryAfterSeconds);
        return QCoreApplication::translate(
            "Dps::Arm::ArmError", "Azure is throttling requests; wait a little, then try again.");
    }

    // Names.
    if (isNameTaken()) {
        const QString name = !id.name.isEmpty() ? id.name : quoted;
        return QCoreApplication::translate("Dps::Arm::ArmError",
                                           "The name \"%1\" is already taken. DPS and IoT hub "
                                           "names are global across Azure; choose another name.")
            .arg(name);
    }
    if (isOneOf(code, {"FreeIotHubLimitExceeded"}))
        return QCoreApplication::translate(
            "Dps::Arm::ArmError",
            "The subscription already has a free (F1) IoT hub, and only one is allowed per "
            "subscription. Choose a paid tier such as S1 or B1, or delete the existing free hub.");
    if (isOneOf(code, {"IotHubQuotaExceeded"}))
        return QCoreApplication::translate(
            "Dps::Arm::ArmError",
            "The subscription has reached its limit of IoT hubs. Delete a hub you no longer need, "
            "or use another subscription.");

    // Missing things (404).
    if (isOneOf(code, {"ResourceGroupNotFound"})) {
        const QString rg = firstCapture(message, QStringLiteral("resource group '([^']+)'"));
        return QCoreApplication::translate("Dps::Arm::ArmError",
                                           "The resource group \"%1\" does not exist. Create it "
                                           "first, or choose an existing one.")
            .arg(rg.isEmpty() ? id.resourceGroup : rg);
    }
    if (isOneOf(code, {"ResourceNotFound", "404001", "NotFound", "IotHubNotFound"})
        || (httpStatus == 404
            && !isOneOf(code,
                        {"KeyNameNotFound",
                         "404201",
                         "OperationNotFound",
                         "404002",
                         "InvalidResourceType",
                         "InvalidResourceNamespace"}))) {
        const QString name = !id.name.isEmpty() ? id.name : quoted;
        if (!name.isEmpty())
            return QCoreApplication::translate("Dps::Arm::ArmError",
                                               "\"%1\" was not found. It may have been deleted, or "
                                               "it is in another resource group or subscription.")
                .arg(name);
        return QCoreApplication::translate("Dps::Arm::ArmError",
                                           "The resource was not found. It may have been deleted, "
                                           "or it is in another resource group or subscription.");
    }
    if (isOneOf(code, {"KeyNameNotFound", "404201"}))
        return QCoreApplication::translate("Dps::Arm::ArmError",
                                           "The shared access policy %1 does not exist. Choose an "
                                           "existing policy, such as iothubowner.")
            .arg(quoted.isEmpty() ? QString() : QStringLiteral("\"%1\"").arg(quoted));
    if (isOneOf(code, {"OperationNotFound", "404002"}))
        return QCoreApplication::translate(
            "Dps::Arm::ArmError",
            "Azure no longer knows the operation the app was following. Reload the resource to see "
            "its current state.");

    // API versions and providers (400).
    if (isOneOf(code,
                {"InvalidApiVersionParameter",
                 "MissingApiVersionParameter",
                 "NoRegisteredProviderFound",
                 "InvalidResourceType",
                 "InvalidResourceNamespace"}))
        return QCoreApplication::translate(
                   "Dps::Arm::ArmError",
                   "This Azure environment does not support the API version or resource type the "
                   "app uses (%1). Check that you chose the right cloud, or update the app. Azure "
                   "said: %2")
            .arg(code, message);
    if (isOneOf(code,
                {"LocationNotAvailableForResourceType",
                 "LocationNotAvailableForResourceGroup",
                 "LocationRequired",
                 "InvalidResourceLocation"}))
        return QCoreApplication::translate("Dps::Arm::ArmError",
                                           "The chosen region is not available for this kind of "
                                           "resource. Choose another region. Azure said: %1")
            .arg(message);

    // Concurrency (409, 412).
    if (isOneOf(code, {"Conflict", "AnotherOperationInProgress", "409202", "OperationInProgress"}))
        return QCoreApplication::translate("Dps::Arm::ArmError",
                                           "Another change to this resource is still running. Wait "
                                           "until it finishes, then try again.");
    if (isOneOf(code, {"ResourceGroupBeingDeleted"})) {
        const QString rg = firstCapture(message, QStringLiteral("resource group '([^']+)'"));
        return QCoreApplication::translate(
                   "Dps::Arm::ArmError",
                   "The resource group \"%1\" is being deleted. Wait until the deletion finishes, "
                   "or choose another resource group.")
            .arg(rg.isEmpty() ? id.resourceGroup : rg);
    }
    if (isOneOf(code, {"InvalidResourceGroupLocation"}))
        return QCoreApplication::translate("Dps::Arm::ArmError",
                                           "The resource group already exists in another region: "
                                           "%1 Choose that region or another resource group.")
            .arg(message);
    if (httpStatus == 412 || isOneOf(code, {"PreconditionFailed"}))
        return QCoreApplication::translate("Dps::Arm::ArmError",
                                           "The resource was changed by someone else since the app "
                                           "read it. Reload it, then try again.");

    // DPS linked hubs (the DPS resource provider's numeric codes).
    if (isOneOf(code, {"400205"}))
        return QCoreApplication::translate("Dps::Arm::ArmError",
                                           "The IoT hub's connection string is not valid. Choose "
                                           "the hub and its access policy again.");
    if (isOneOf(code, {"400206"}))
        return QCoreApplication::translate(
            "Dps::Arm::ArmError",
            "The provisioning service could not reach the IoT hub. Check that the hub exists and "
            "that its host name is right.");
    if (isOneOf(code, {"400207"}))
        return QCoreApplication::translate(
            "Dps::Arm::ArmError",
            "The IoT hub rejected the access key (unauthorized). The key may have been "
            "regenerated: choose the access policy again so the app uses its current key.");
    if (isOneOf(code, {"400208"}))
        return QCoreApplication::translate(
            "Dps::Arm::ArmError",
            "The access policy lacks the rights to link the hub. Choose a policy with "
            "RegistryWrite and ServiceConnect (iothubowner has both).");
    if (isOneOf(code, {"400209"}))
        return QCoreApplication::translate(
            "Dps::Arm::ArmError",
            "The linked IoT hub's region is missing or not valid. Choose the hub again.");
    if (isOneOf(code, {"400210"}))
        return QCoreApplication::translate(
            "Dps::Arm::ArmError", "This IoT hub is already linked to the provisioning service.");
    if (isOneOf(code, {"400211", "ReadOnlyPropertyChanged"}))
        return QCoreApplication::translate("Dps::Arm::ArmError",
                                           "The request tried to change a read-only property: %1 "
                                           "Reload the resource, then try again.")
            .arg(message);
    if (isOneOf(code, {"400213"}))
        return QCoreApplication::translate(
            "Dps::Arm::ArmError",
            "The IoT hub is not active yet. Wait until its creation has finished, then link it.");
    if (isOneOf(code, {"400214"}))
        return QCoreApplication::translate(
            "Dps::Arm::ArmError", "The allocation weight must be a whole number from 0 to 1000.");
    if (isOneOf(code, {"400202", "InvalidSku"}))
        return QCoreApplication::translate("Dps::Arm::ArmError", "The pricing tier is not valid: %1")
            .arg(message);
    if (isOneOf(code, {"400203", "InvalidCapacity"}))
        return QCoreApplication::translate("Dps::Arm::ArmError",
                                           "The number of units is not valid: %1")
            .arg(message);
    if (isOneOf(code, {"400204"}))
        return QCoreApplication::translate(
            "Dps::Arm::ArmError",
            "The allocation policy is not valid. Choose Hashed (evenly weighted), GeoLatency "
            "(lowest latency) or Static.");
    if (isOneOf(code, {"400215", "IotHubLocationCannotBeChanged"}))
        return QCoreApplication::translate("Dps::Arm::ArmError",
                                           "The region of an existing resource cannot be changed.");
    if (isOneOf(code,
                {"400201", "InvalidIotHubName", "InvalidResourceName", "InvalidResourceGroupName"}))
        return QCoreApplication::translate(
                   "Dps::Arm::ArmError",
                   "The name is not valid: %1 Use 3-50 letters, digits and hyphens, starting with "
                   "a letter or digit and ending with a letter or digit.")
            .arg(message);

    // Other validation (400).
    if (isOneOf(code,
                {"InvalidParameter",
                 "BadRequest",
                 "InvalidRequestContent",
                 "InvalidRequestBody",
                 "400212",
                 "InvalidTemplate",
                 "InvalidPartitionCount",
                 "InvalidRetentionTime",
                 "MissingRequiredParameter"})
        || httpStatus == 400)
        return QCoreApplication::translate(
                   "Dps::Arm::ArmError",
                   "Azure rejected the request as invalid: %1 Correct the value, then try again.")
            .arg(message);

    // Server side.
    if (httpStatus >= 500)
        return QCoreApplication::translate(
                   "Dps::Arm::ArmError",
                   "Azure had a temporary problem (%1). Try again in a few minutes.")
            .arg(code);

    return QCoreApplication::translate("Dps::Arm::ArmError", "Azure reported an error (%1): %2")
        .arg(code, message);
}

QString ArmError::technicalDetails() const
{
    // For support: plain, untranslated, no secrets (bodies of errors never carry keys).
    QStringList lines;
    static const char *const kinds[]
        = {"Http", "Transport", "Timeout", "Cancelled", "Protocol", "Validation", "Authentication"};
    lines << QStringLiteral("Kind: %1").arg(QLatin1String(kinds[int(kind)]));
    if (httpStatus)
        lines << QStringLiteral("HTTP status: %1").arg(httpStatus);
    lines << QStringLiteral("Code: %1").arg(code);
    lines << QStringLiteral("Message: %1").arg(message);
    if (!target.isEmpty())
        lines << QStringLiteral("Target: %1").arg(target);
    if (!details.isEmpty())
        lines << QStringLiteral("Details: %1")
                     .arg(QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
    if (!scope.isEmpty())
        lines << QStringLiteral("Scope: %1").arg(scope);
    if (!subscriptionId.isEmpty())
        lines << QStringLiteral("Subscription: %1").arg(subscriptionId);
    if (retryAfterSeconds >= 0)
        lines << QStringLiteral("Retry-After: %1 s").arg(retryAfterSeconds);
    if (!requestId.isEmpty())
        lines << QStringLiteral("x-ms-request-id: %1").arg(requestId);
    if (!correlationId.isEmpty())
        lines << QStringLiteral("x-ms-correlation-request-id: %1").arg(correlationId);
    if (!clientRequestId.isEmpty())
        lines << QStringLiteral("x-ms-client-request-id: %1").arg(clientRequestId);
    lines << QStringLiteral("Time: %1").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    return lines.join(QLatin1Char('\n'));
}

} // namespace Dps::Arm
