// Microsoft.Devices: IoT hubs (HUB-SPEC 2023-06-30) and Device Provisioning Services (DPS-SPEC 2022-12-12,
// plus the 2026-08-31 linked-hub fields), with their long-running operations (azure-arm.md sections 2, 3, 5).
//
//   PUT {resource} --> 201/200 + Azure-AsyncOperation (.../operationResults/{op}?asyncinfo)
//                                + Location (.../operationResults/{op}) + Retry-After
//        |                 GET status URL: {"status": "Running"} ... {"status": "Succeeded"|"Failed"}
//        |                 GET Location:    202 ... then the final resource (or the error)
//        +--> the World's Operation settles at its doneAtMs; GET {resource} then shows the final state.
//
// Errors: ARM-level failures (auth, missing group, unregistered namespace, bad location) use ARM's wrapped
// shape; the resource provider's own validation uses its flat shape: numeric `code` for DPS (its spec says
// int32), string `code` for IoT Hub (its spec says string).
#include "ArmSupport.h"
#include "DevicesModel.h"
#include "Sandbox.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace Dps::Sandbox {

namespace {

using namespace Devices;

const QString kDevices = QStringLiteral("Microsoft.Devices");
const QString kLatestDps = QStringLiteral("2026-08-31");

struct Kind
{
    QString type;       // IotHubs / ProvisioningServices
    QString family;     // hub / dps
    QString statusPath; // operationResults / operationresults
    bool isDps() const { return family == QLatin1String("dps"); }
};

const Kind kHub{kHubType, QStringLiteral("hub"), QStringLiteral("operationResults")};
const Kind kDps{kDpsType, QStringLiteral("dps"), QStringLiteral("operationresults")};

// DPS resource-provider error codes (numeric, as the DPS spec types them).
enum DpsCode {
    DpsInvalidName = 400201,
    DpsInvalidSku = 400202,
    DpsInvalidCapacity = 400203,
    DpsInvalidAllocationPolicy = 400204,
    DpsInvalidConnectionString = 400205,
    DpsLinkedHubNotFound = 400206,
    DpsLinkedHubUnauthorized = 400207,
    DpsLinkedHubMissingRights = 400208,
    DpsLinkedHubLocationRequired = 400209,
    DpsDuplicateLinkedHub = 400210,
    DpsReadOnlyProperty = 400211,
    DpsInvalidBody = 400212,
    DpsLinkedHubNotActive = 400213,
    DpsInvalidWeight = 400214,
    DpsLocationImmutable = 400215,
    DpsHostNameRequired = 400309, // "hostName is required when connectionString is not provided" (azure-arm.md 2.8)
    DpsResourceNotFound = 404001,
    DpsKeyNotFound = 404201,
    DpsNameNotAvailable = 409201,
    DpsOperationInProgress = 409202,
};

Response rpError(const Kind &kind, int status, int dpsCode, const QString &hubCode, const QString &message)
{
    if (kind.isDps())
        return Response::flatError(status, dpsCode, message);
    return Response::flatError(status, hubCode, message);
}

Response notFound(const Kind &kind, const QString &name, const QString &rg);

bool validName(const QString &name)
{
    // Spec regex for both types: 3-50 characters, letters, digits and hyphens, no leading hyphen,
    // ending with a letter or digit, not all digits.
    static const QRegularExpression re(QStringLiteral("^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{2,49}[a-zA-Z0-9]$"));
    return re.match(name).hasMatch();
}

QString typeLabel(const Kind &kind)
{
    return kind.isDps() ? QStringLiteral("Microsoft.Devices/provisioningServices") : QStringLiteral("Microsoft.Devices/IotHubs");
}

QString basePath(const QString &sub, const QString &rg, const Kind &kind, const QString &name)
{
    return QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.Devices/%3/%4")
        .arg(sub, rg, kind.isDps() ? QStringLiteral("provisioningServices") : QStringLiteral("IotHubs"), name);
}

QString maskConnectionString(const QString &cs)
{
    QString host, keyName, key;
    if (!parseConnectionString(cs, &host, &keyName, &key))
        return cs;
    return connectionString(host, keyName, QStringLiteral("****"));
}

bool hasRight(const QString &rights, const QString &right)
{
    const auto parts = rights.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const auto &p : parts) {
        if (p.trimmed().compare(right, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// The body GET returns: linked hub keys masked, fields of newer api-versions only for them.
QJsonObject present(const Resource &r, const QString &apiVersion)
{
    QJsonObject body = r.body;
    if (r.type == kDpsType) {
        QJsonObject props = body.value(QStringLiteral("properties")).toObject();
        QJsonArray hubs;
        const bool latest = apiVersion >= kLatestDps && !apiVersion.contains(QLatin1String("preview"));
        for (const auto &v : props.value(QStringLiteral("iotHubs")).toArray()) {
            QJsonObject hub = v.toObject();
            if (hub.contains(QStringLiteral("connectionString")))
                hub.insert(QStringLiteral("connectionString"), maskConnectionString(hub.value(QStringLiteral("connectionString")).toString()));
            if (latest) {
                if (!hub.contains(QStringLiteral("authenticationType")))
                    hub.insert(QStringLiteral("authenticationType"), QStringLiteral("KeyBased"));
                hub.insert(QStringLiteral("hostName"), hub.value(QStringLiteral("name")));
            } else {
                hub.remove(QStringLiteral("authenticationType"));
                hub.remove(QStringLiteral("hostName"));
                hub.remove(QStringLiteral("selectedUserAssignedIdentityResourceId"));
                if (!hub.contains(QStringLiteral("connectionString")))
                    hub.insert(QStringLiteral("connectionString"), QString());
            }
            hubs.append(hub);
        }
        props.insert(QStringLiteral("iotHubs"), hubs);
        body.insert(QStringLiteral("properties"), props);
    }
    return body;
}

QJsonObject operationStatus(const Operation &op, qint64 now, const QString &idPath)
{
    const bool done = op.doneAtMs <= now;
    QJsonObject o{{QStringLiteral("id"), idPath},
                  {QStringLiteral("name"), op.id},
                  {QStringLiteral("status"), done ? op.outcome : QStringLiteral("Running")},
                  {QStringLiteral("startTime"), Arm::isoTime(op.startMs)}};
    if (done) {
        o.insert(QStringLiteral("endTime"), Arm::isoTime(op.doneAtMs));
        if (op.outcome == QLatin1String("Failed"))
            o.insert(QStringLiteral("error"), op.error);
    }
    return o;
}

void setRetryHeaders(Response &r, qint64 remainingMs)
{
    // Whole seconds in Retry-After (RPC), the exact wait in retry-after-ms (which azure-core prefers).
    const qint64 clamped = std::max<qint64>(0, remainingMs);
    r.setHeader("Retry-After", QByteArray::number(clamped == 0 ? 0 : std::clamp<qint64>((clamped + 999) / 1000, 1, 15)));
    r.setHeader("retry-after-ms", QByteArray::number(std::min<qint64>(clamped, 15000)));
}

void setLroHeaders(Response &r, const Request &req, const Operation &op, const Kind &kind, const QString &resourcePath, qint64 now)
{
    const QString statusPath = resourcePath + QLatin1Char('/') + kind.statusPath + QLatin1Char('/') + op.id;
    QUrlQuery asyncQuery;
    asyncQuery.addQueryItem(QStringLiteral("api-version"), op.apiVersion);
    asyncQuery.addQueryItem(QStringLiteral("asyncinfo"), QString());
    QUrlQuery locationQuery;
    locationQuery.addQueryItem(QStringLiteral("api-version"), op.apiVersion);
    r.setHeader("Azure-AsyncOperation", req.absoluteUrl(statusPath, asyncQuery).toString(QUrl::FullyEncoded).toLatin1());
    r.setHeader("Location", req.absoluteUrl(statusPath, locationQuery).toString(QUrl::FullyEncoded).toLatin1());
    setRetryHeaders(r, op.doneAtMs - now);
}

Operation &startOperation(Sandbox &sb, const Request &req, Resource &r, const QString &kindName, int durationMs)
{
    Operation op;
    op.id = newGuid();
    op.kind = kindName;
    op.subscriptionId = r.subscriptionId;
    op.resourceGroup = r.resourceGroup;
    op.resourceType = r.type;
    op.resourceName = r.name;
    op.apiVersion = req.apiVersion();
    op.startMs = sb.world().nowMs();
    op.doneAtMs = op.startMs + std::max(0, durationMs);
    if (sb.takeLroFailure(req)) {
        op.outcome = QStringLiteral("Failed");
        op.error = QJsonObject{{QStringLiteral("code"), QStringLiteral("InternalServerError")},
                               {QStringLiteral("message"), QStringLiteral("The operation failed in the service (injected by the sandbox). Retry the operation.")}};
    }
    r.activeOperationId = op.id;
    sb.world().scheduleSettle(op.doneAtMs);
    sb.world().operations.insert(op.id, op);
    return sb.world().operations[op.id];
}

void setInFlight(Resource &r, const QString &provisioningState, const QString &state)
{
    QJsonObject props = r.body.value(QStringLiteral("properties")).toObject();
    props.insert(QStringLiteral("provisioningState"), provisioningState);
    props.insert(QStringLiteral("state"), state);
    r.body.insert(QStringLiteral("properties"), props);
}

// Common prelude of every Microsoft.Devices call scoped to a subscription: rights and registration.
std::optional<Response> devicesPrelude(Sandbox &sb, const Request &req, const QString &action, Subscription **sub)
{
    if (auto e = Arm::checkSubscription(sb, req, req.params[0], action, sub))
        return e;
    return Arm::checkRegistered(**sub, kDevices);
}

std::optional<Response> resolve(Sandbox &sb, const Request &req, const Kind &kind, const QString &verb, Resource **out)
{
    Subscription *sub = nullptr;
    if (auto e = devicesPrelude(sb, req, QStringLiteral("%1/%2").arg(typeLabel(kind), verb), &sub))
        return e;
    if (!sb.world().resourceGroup(sub->subscriptionId, req.params[1]))
        return Arm::resourceGroupNotFound(req.params[1]);
    Resource *r = sb.world().resource(sub->subscriptionId, req.params[1], kind.type, req.params[2]);
    if (!r)
        return notFound(kind, req.params[2], req.params[1]);
    *out = r;
    return std::nullopt;
}

std::optional<Response> checkTags(const Kind &kind, const QJsonValue &tags)
{
    if (tags.isUndefined() || tags.isNull())
        return std::nullopt;
    bool ok = tags.isObject();
    for (const auto &t : tags.toObject())
        ok = ok && t.isString();
    if (!ok)
        return rpError(kind, 400, DpsInvalidBody, QStringLiteral("InvalidTags"), QStringLiteral("Tags must be an object whose values are strings."));
    return std::nullopt;
}

// JSON types of the writable properties (HUB-SPEC / DPS-SPEC): the services can't deserialize a value of
// another type and answer 400. Stored as sent, it would break every client that reads the resource back.
std::optional<Response> checkPropertyTypes(const Kind &kind, const QJsonObject &body)
{
    auto given = [](const QJsonValue &v) { return !v.isUndefined() && !v.isNull(); };
    auto wrong = [&kind](const QString &field, const QString &expected) {
        return rpError(kind, 400, DpsInvalidBody, QStringLiteral("InvalidRequestBody"),
                       QStringLiteral("The request body is invalid: '%1' must be %2.").arg(field, expected));
    };
    const QJsonValue properties = body.value(QStringLiteral("properties"));
    if (given(properties) && !properties.isObject())
        return wrong(QStringLiteral("properties"), QStringLiteral("an object"));
    if (!kind.isDps() && given(body.value(QStringLiteral("identity"))) && !body.value(QStringLiteral("identity")).isObject())
        return wrong(QStringLiteral("identity"), QStringLiteral("an object"));
    struct Field
    {
        const char *name;
        QJsonValue::Type type;
        bool hubOnly;
    };
    static const Field fields[] = {
        {"enableDataResidency", QJsonValue::Bool, false}, {"publicNetworkAccess", QJsonValue::String, false},
        {"ipFilterRules", QJsonValue::Array, false}, {"privateEndpointConnections", QJsonValue::Array, false},
        {"authorizationPolicies", QJsonValue::Array, false},
        {"disableLocalAuth", QJsonValue::Bool, true}, {"disableDeviceSAS", QJsonValue::Bool, true},
        {"disableModuleSAS", QJsonValue::Bool, true}, {"restrictOutboundNetworkAccess", QJsonValue::Bool, true},
        {"enableFileUploadNotifications", QJsonValue::Bool, true}, {"minTlsVersion", QJsonValue::String, true},
        {"comments", QJsonValue::String, true}, {"features", QJsonValue::String, true},
        {"allowedFqdnList", QJsonValue::Array, true}, {"eventHubEndpoints", QJsonValue::Object, true},
        {"routing", QJsonValue::Object, true}, {"storageEndpoints", QJsonValue::Object, true},
        {"messagingEndpoints", QJsonValue::Object, true}, {"cloudToDevice", QJsonValue::Object, true},
        {"networkRuleSets", QJsonValue::Object, true}, {"rootCertificate", QJsonValue::Object, true},
        {"deviceStreams", QJsonValue::Object, true}, {"encryption", QJsonValue::Object, true}};
    const QJsonObject props = properties.toObject();
    for (const auto &f : fields) {
        if (f.hubOnly && kind.isDps())
            continue;
        const QString name = QLatin1String(f.name);
        const QJsonValue v = props.value(name);
        if (!given(v))
            continue;
        if (v.type() != f.type) {
            const QString expected = f.type == QJsonValue::Bool ? QStringLiteral("true or false")
                                     : f.type == QJsonValue::String ? QStringLiteral("a string")
                                     : f.type == QJsonValue::Array ? QStringLiteral("a list") : QStringLiteral("an object");
            return wrong(QStringLiteral("properties.") + name, expected);
        }
        for (const auto &item : v.toArray()) {
            const bool ok = name == QLatin1String("allowedFqdnList") ? item.isString() : item.isObject();
            if (!ok)
                return wrong(QStringLiteral("properties.%1[]").arg(name), name == QLatin1String("allowedFqdnList") ? QStringLiteral("a string") : QStringLiteral("an object"));
        }
    }
    const QJsonValue events = props.value(QStringLiteral("eventHubEndpoints")).toObject().value(QStringLiteral("events"));
    if (!kind.isDps() && given(events) && !events.isObject())
        return wrong(QStringLiteral("properties.eventHubEndpoints.events"), QStringLiteral("an object"));
    if (kind.isDps()) {
        const QJsonValue policy = props.value(QStringLiteral("allocationPolicy"));
        if (given(policy) && !policy.isString())
            return wrong(QStringLiteral("properties.allocationPolicy"), QStringLiteral("a string"));
        static const QStringList strings{QStringLiteral("connectionString"), QStringLiteral("location"), QStringLiteral("name"),
                                         QStringLiteral("authenticationType"), QStringLiteral("hostName"),
                                         QStringLiteral("selectedUserAssignedIdentityResourceId")};
        for (const auto &hub : props.value(QStringLiteral("iotHubs")).toArray()) {
            const QJsonObject h = hub.toObject();
            for (const QString &field : strings) {
                if (given(h.value(field)) && !h.value(field).isString())
                    return wrong(QStringLiteral("properties.iotHubs[].") + field, QStringLiteral("a string"));
            }
        }
    }
    return std::nullopt;
}

// Read-only fields may be echoed back unchanged (a GET body re-PUT); a changed value is an error (RPC).
std::optional<Response> checkReadOnly(const Kind &kind, const QJsonObject &given, const QJsonObject &current, const QStringList &fields)
{
    for (const auto &f : fields) {
        if (!given.contains(f) || given.value(f).isNull())
            continue;
        if (given.value(f) != current.value(f))
            return rpError(kind, 400, DpsReadOnlyProperty, QStringLiteral("ReadOnlyPropertyChanged"),
                           QStringLiteral("The property '%1' is read-only and cannot be changed.").arg(f));
    }
    return std::nullopt;
}

// A missing hub or DPS in an existing group is the provider's answer, in its flat shape (both specs'
// `default` response); a missing subscription or group is ARM's, wrapped.
Response notFound(const Kind &kind, const QString &name, const QString &rg)
{
    return rpError(kind, 404, DpsResourceNotFound, QStringLiteral("ResourceNotFound"),
                   QStringLiteral("The %1 '%2' does not exist in resource group '%3'.")
                       .arg(kind.isDps() ? QStringLiteral("provisioning service") : QStringLiteral("IoT hub"), name.left(100), rg.left(100)));
}

Response locationNotAvailable(const Kind &kind, const QString &location)
{
    QStringList names;
    for (const auto &r : Arm::regions())
        names.append(r.displayName);
    return Response::armError(400, QStringLiteral("LocationNotAvailableForResourceType"),
                              QStringLiteral("The provided location '%1' is not available for resource type '%2'. List of available regions for the resource type is '%3'.")
                                  .arg(location.left(100), typeLabel(kind), names.join(QLatin1Char(',')).toLower().remove(QLatin1Char(' '))));
}

Response operationInProgress(const Kind &kind, const QString &name)
{
    return rpError(kind, 409, DpsOperationInProgress, QStringLiteral("AnotherOperationInProgress"),
                   QStringLiteral("Another operation is in progress on '%1'. Wait until it completes, then retry.").arg(name));
}

// ---- IoT hub -------------------------------------------------------------------------------

// What every PUT of a hub or DPS checks first, in ARM's order: rights and registration, the group,
// the body, the name, the location, tags and field types.
struct PutContext
{
    Subscription *sub = nullptr;
    const ResourceGroup *group = nullptr;
    QJsonObject body;
    const Arm::Region *region = nullptr;
    QString rg;
    QString name;
};

std::optional<Response> putPrelude(Sandbox &sb, Request &req, const Kind &kind, PutContext *c)
{
    if (auto e = devicesPrelude(sb, req, QStringLiteral("%1/write").arg(typeLabel(kind)), &c->sub))
        return e;
    c->rg = req.params[1];
    c->name = req.params[2];
    c->group = sb.world().resourceGroup(c->sub->subscriptionId, c->rg);
    if (!c->group)
        return Arm::resourceGroupNotFound(c->rg);
    if (auto e = Arm::parseJsonBody(req, &c->body))
        return e;
    if (!validName(c->name))
        return rpError(kind, 400, DpsInvalidName, QStringLiteral("InvalidIotHubName"),
                       QStringLiteral("The %1 name '%2' is invalid. It must be 3-50 characters of letters, numbers and hyphens, must not start with a hyphen, must end with a letter or number, and must not be all numbers.")
                           .arg(kind.isDps() ? QStringLiteral("provisioning service") : QStringLiteral("IoT hub"), c->name.left(100)));
    const QJsonValue location = c->body.value(QStringLiteral("location"));
    if (!location.isString() || location.toString().isEmpty())
        return Response::armError(400, QStringLiteral("LocationRequired"), QStringLiteral("The location property is required for this definition."));
    c->region = Arm::findRegion(location.toString());
    if (!c->region)
        return locationNotAvailable(kind, location.toString());
    if (auto e = checkTags(kind, c->body.value(QStringLiteral("tags"))))
        return e;
    return checkPropertyTypes(kind, c->body);
}

Response putHub(Sandbox &sb, Request &req)
{
    const Kind &kind = kHub;
    PutContext c;
    if (auto e = putPrelude(sb, req, kind, &c))
        return *e;
    Subscription *sub = c.sub;
    const ResourceGroup *group = c.group;
    const QJsonObject &body = c.body;
    const Arm::Region *region = c.region;
    const QString &rg = c.rg, &name = c.name;
    const QJsonObject skuIn = body.value(QStringLiteral("sku")).toObject();
    const QString skuName = skuIn.value(QStringLiteral("name")).toString().toUpper();
    static const QStringList skus{QStringLiteral("F1"), QStringLiteral("S1"), QStringLiteral("S2"), QStringLiteral("S3"),
                                  QStringLiteral("B1"), QStringLiteral("B2"), QStringLiteral("B3")};
    if (!skus.contains(skuName))
        return rpError(kind, 400, 0, QStringLiteral("InvalidSku"),
                       QStringLiteral("The SKU '%1' is not valid. Valid SKUs are F1, B1, B2, B3, S1, S2 and S3.").arg(skuIn.value(QStringLiteral("name")).toString().left(20)));
    const QJsonValue capacityValue = skuIn.value(QStringLiteral("capacity"));
    const double capacityD = capacityValue.isUndefined() || capacityValue.isNull() ? 1 : capacityValue.toDouble(-1);
    // Clamp before converting: a huge double to an integer would be undefined behaviour.
    const qint64 capacity = qint64(std::clamp(capacityD, -1.0, 1e6));
    const qint64 maxUnits = skuName == QLatin1String("F1") ? 1 : skuName == QLatin1String("S3") || skuName == QLatin1String("B3") ? 10 : 200;
    if (!capacityValue.isUndefined() && !capacityValue.isNull() && (!capacityValue.isDouble() || capacityD != std::floor(capacityD)))
        return rpError(kind, 400, 0, QStringLiteral("InvalidCapacity"), QStringLiteral("sku.capacity must be a whole number of units."));
    if (capacity < 1 || capacity > maxUnits)
        return rpError(kind, 400, 0, QStringLiteral("InvalidCapacity"),
                       QStringLiteral("%1 hubs can have 1 to %2 units; %3 was requested.").arg(skuName).arg(maxUnits).arg(capacity));

    const QJsonObject propsIn = body.value(QStringLiteral("properties")).toObject();
    const QJsonObject eventsIn = propsIn.value(QStringLiteral("eventHubEndpoints")).toObject().value(QStringLiteral("events")).toObject();
    int partitions = skuName == QLatin1String("F1") ? 2 : 4;
    if (eventsIn.contains(QStringLiteral("partitionCount"))) {
        const double p = eventsIn.value(QStringLiteral("partitionCount")).toDouble(-1);
        partitions = int(std::clamp(p, -1.0, 1e6));
        const bool free = skuName == QLatin1String("F1");
        if (p != std::floor(p) || (free && partitions != 2) || (!free && (partitions < 2 || partitions > 128)))
            return rpError(kind, 400, 0, QStringLiteral("InvalidPartitionCount"),
                           free ? QStringLiteral("Free (F1) hubs have exactly 2 partitions.")
                                : QStringLiteral("The partition count must be between 2 and 128; %1 was requested.").arg(eventsIn.value(QStringLiteral("partitionCount")).toVariant().toString().left(20)));
    }
    int retention = 1;
    if (eventsIn.contains(QStringLiteral("retentionTimeInDays"))) {
        retention = eventsIn.value(QStringLiteral("retentionTimeInDays")).toInt(-1);
        if (retention < 1 || retention > 7)
            return rpError(kind, 400, 0, QStringLiteral("InvalidRetentionTime"), QStringLiteral("retentionTimeInDays must be between 1 and 7."));
    }

    Resource *existing = sb.world().resource(sub->subscriptionId, rg, kHubType, name);
    const QByteArray ifMatch = req.header("if-match");
    const qint64 now = sb.world().nowMs();
    if (!existing) {
        if (Resource *taken = sb.world().resourceByGlobalName(kHubType, name); taken)
            return rpError(kind, 409, 0, QStringLiteral("IotHubNameNotAvailable"),
                           QStringLiteral("IotHub name '%1' is not available. Hub names are global; choose another name.").arg(name));
        if (!ifMatch.isEmpty() && ifMatch != "*")
            return rpError(kind, 412, 0, QStringLiteral("PreconditionFailed"),
                           QStringLiteral("If-Match was sent for IoT hub '%1', which does not exist. Don't send If-Match when creating a hub.").arg(name));
        const auto hubs = sb.world().resourcesOf(sub->subscriptionId, QString(), kHubType);
        if (hubs.size() >= 50)
            return rpError(kind, 400, 0, QStringLiteral("IotHubQuotaExceeded"),
                           QStringLiteral("The subscription already has 50 IoT hubs, the maximum. Delete a hub or use another subscription."));
        if (skuName == QLatin1String("F1")) {
            for (const Resource *h : hubs) {
                if (h->body.value(QStringLiteral("sku")).toObject().value(QStringLiteral("name")).toString() == QLatin1String("F1"))
                    return rpError(kind, 400, 0, QStringLiteral("FreeIotHubLimitExceeded"),
                                   QStringLiteral("The subscription already has a free (F1) IoT hub, '%1'; only one is allowed per subscription. Choose a paid tier such as S1 or B1, or delete the existing free hub.").arg(h->name));
            }
        }
        Resource r;
        r.subscriptionId = sub->subscriptionId;
        r.resourceGroup = group->name;
        r.type = kHubType;
        r.name = name;
        r.body = hubBody(sub->subscriptionId, group->name, name, region->name, skuName, capacity, partitions,
                         body.value(QStringLiteral("tags")).toObject());
        QJsonObject props = r.body.value(QStringLiteral("properties")).toObject();
        static const QStringList readOnly{QStringLiteral("hostName"), QStringLiteral("state"), QStringLiteral("provisioningState"),
                                          QStringLiteral("locations"), QStringLiteral("eventHubEndpoints"), QStringLiteral("authorizationPolicies")};
        for (auto it = propsIn.begin(); it != propsIn.end(); ++it) {
            if (!readOnly.contains(it.key()))
                props.insert(it.key(), it.value());
        }
        QJsonObject events = props.value(QStringLiteral("eventHubEndpoints")).toObject().value(QStringLiteral("events")).toObject();
        events.insert(QStringLiteral("retentionTimeInDays"), retention);
        props.insert(QStringLiteral("eventHubEndpoints"), QJsonObject{{QStringLiteral("events"), events}});
        r.body.insert(QStringLiteral("properties"), props);
        if (body.contains(QStringLiteral("identity")))
            r.body.insert(QStringLiteral("identity"), body.value(QStringLiteral("identity")));
        r.body.insert(QStringLiteral("systemData"), QJsonObject{{QStringLiteral("createdAt"), Arm::isoTime(now)}});
        r.keys = defaultHubKeys();
        if (propsIn.contains(QStringLiteral("authorizationPolicies"))) {
            // Caller-defined policies: keep given keys, generate the missing ones.
            QJsonArray keys;
            for (const auto &v : propsIn.value(QStringLiteral("authorizationPolicies")).toArray()) {
                QJsonObject k = v.toObject();
                if (k.value(QStringLiteral("keyName")).toString().isEmpty())
                    return rpError(kind, 400, 0, QStringLiteral("InvalidAuthorizationPolicy"), QStringLiteral("Every authorization policy needs a keyName."));
                if (k.value(QStringLiteral("primaryKey")).toString().isEmpty())
                    k.insert(QStringLiteral("primaryKey"), randomKeyBase64());
                if (k.value(QStringLiteral("secondaryKey")).toString().isEmpty())
                    k.insert(QStringLiteral("secondaryKey"), randomKeyBase64());
                keys.append(k);
            }
            r.keys = keys;
        }
        setInFlight(r, QStringLiteral("Accepted"), QStringLiteral("Activating"));
        const QString key = World::resourceKey(r.subscriptionId, r.resourceGroup, r.type, r.name);
        sb.world().resources.insert(key, r);
        Resource &stored = sb.world().resources[key];
        Operation &op = startOperation(sb, req, stored, QStringLiteral("create"), sb.options().lroHubMs);
        Response resp = Response::json(201, present(stored, req.apiVersion()));
        setLroHeaders(resp, req, op, kind, basePath(r.subscriptionId, r.resourceGroup, kind, r.name), now);
        return resp;
    }

    // Update: If-Match is required ("required to update an existing hub", HUB-SPEC).
    if (!existing->activeOperationId.isEmpty())
        return operationInProgress(kind, existing->name);
    const QString etag = existing->body.value(QStringLiteral("etag")).toString();
    if (ifMatch.isEmpty())
        return rpError(kind, 412, 0, QStringLiteral("PreconditionFailed"),
                       QStringLiteral("IoT hub '%1' already exists. To update it, send If-Match with its current ETag (GET the hub first).").arg(existing->name));
    QByteArray wanted = ifMatch;
    if (wanted.startsWith("W/"))
        wanted = wanted.mid(2);
    if (wanted != "*" && QString::fromLatin1(wanted).remove(QLatin1Char('"')) != etag)
        return rpError(kind, 412, 0, QStringLiteral("PreconditionFailed"),
                       QStringLiteral("The ETag in If-Match does not match IoT hub '%1'; it was changed since you read it. GET it again and retry.").arg(existing->name));
    const QJsonObject current = existing->body.value(QStringLiteral("properties")).toObject();
    if (region->name != existing->body.value(QStringLiteral("location")).toString())
        return rpError(kind, 400, 0, QStringLiteral("IotHubLocationCannotBeChanged"),
                       QStringLiteral("The location of IoT hub '%1' cannot be changed.").arg(existing->name));
    const QString currentSku = existing->body.value(QStringLiteral("sku")).toObject().value(QStringLiteral("name")).toString();
    if ((currentSku == QLatin1String("F1")) != (skuName == QLatin1String("F1")))
        return rpError(kind, 400, 0, QStringLiteral("IotHubSkuTierChangeNotAllowed"),
                       QStringLiteral("A free (F1) hub cannot be changed to or from a paid tier."));
    const int currentPartitions = current.value(QStringLiteral("eventHubEndpoints")).toObject().value(QStringLiteral("events")).toObject().value(QStringLiteral("partitionCount")).toInt();
    if (eventsIn.contains(QStringLiteral("partitionCount")) && partitions != currentPartitions)
        return rpError(kind, 400, 0, QStringLiteral("PartitionCountCannotBeChanged"),
                       QStringLiteral("The partition count of IoT hub '%1' is fixed at creation (%2).").arg(existing->name).arg(currentPartitions));
    if (auto e = checkReadOnly(kind, propsIn, current, {QStringLiteral("hostName")}))
        return *e;
    if (propsIn.contains(QStringLiteral("provisioningState")) && propsIn.value(QStringLiteral("provisioningState")) != current.value(QStringLiteral("provisioningState")))
        return rpError(kind, 400, 0, QStringLiteral("ReadOnlyPropertyChanged"), QStringLiteral("The property 'provisioningState' is read-only and cannot be changed."));

    const QJsonObject previous = existing->body;
    QJsonObject props = hubBody(existing->subscriptionId, existing->resourceGroup, existing->name, region->name, skuName,
                                capacity, currentPartitions, {}).value(QStringLiteral("properties")).toObject();
    static const QStringList keep{QStringLiteral("hostName"), QStringLiteral("eventHubEndpoints"), QStringLiteral("locations")};
    for (const auto &k : keep)
        props.insert(k, current.value(k));
    static const QStringList readOnly{QStringLiteral("hostName"), QStringLiteral("state"), QStringLiteral("provisioningState"),
                                      QStringLiteral("locations"), QStringLiteral("eventHubEndpoints"), QStringLiteral("authorizationPolicies")};
    for (auto it = propsIn.begin(); it != propsIn.end(); ++it) {
        if (!readOnly.contains(it.key()))
            props.insert(it.key(), it.value());
    }
    if (eventsIn.contains(QStringLiteral("retentionTimeInDays"))) {
        QJsonObject events = props.value(QStringLiteral("eventHubEndpoints")).toObject().value(QStringLiteral("events")).toObject();
        events.insert(QStringLiteral("retentionTimeInDays"), retention);
        props.insert(QStringLiteral("eventHubEndpoints"), QJsonObject{{QStringLiteral("events"), events}});
    }
    if (propsIn.contains(QStringLiteral("authorizationPolicies"))) {
        QJsonArray keys;
        for (const auto &v : propsIn.value(QStringLiteral("authorizationPolicies")).toArray()) {
            QJsonObject k = v.toObject();
            const QString keyName = k.value(QStringLiteral("keyName")).toString();
            if (keyName.isEmpty())
                return rpError(kind, 400, 0, QStringLiteral("InvalidAuthorizationPolicy"), QStringLiteral("Every authorization policy needs a keyName."));
            QJsonObject old;
            for (const auto &o : std::as_const(existing->keys)) {
                if (o.toObject().value(QStringLiteral("keyName")).toString() == keyName)
                    old = o.toObject();
            }
            for (const QString &field : {QStringLiteral("primaryKey"), QStringLiteral("secondaryKey")}) {
                if (k.value(field).toString().isEmpty())
                    k.insert(field, old.value(field).toString().isEmpty() ? randomKeyBase64() : old.value(field).toString());
            }
            keys.append(k);
        }
        existing->keys = keys;
    }
    existing->body.insert(QStringLiteral("properties"), props);
    existing->body.insert(QStringLiteral("sku"), QJsonObject{{QStringLiteral("name"), skuName}, {QStringLiteral("tier"), hubTier(skuName)}, {QStringLiteral("capacity"), double(capacity)}});
    if (body.contains(QStringLiteral("tags")))
        existing->body.insert(QStringLiteral("tags"), body.value(QStringLiteral("tags")).toObject());
    if (body.contains(QStringLiteral("identity")))
        existing->body.insert(QStringLiteral("identity"), body.value(QStringLiteral("identity")));
    setInFlight(*existing, QStringLiteral("Updating"), QStringLiteral("Transitioning"));
    Operation &op = startOperation(sb, req, *existing, QStringLiteral("update"), sb.options().lroUpdateMs);
    op.previousBody = previous;
    Response resp = Response::json(200, present(*existing, req.apiVersion()));
    setLroHeaders(resp, req, op, kind, basePath(existing->subscriptionId, existing->resourceGroup, kind, existing->name), now);
    return resp;
}

// ---- DPS -----------------------------------------------------------------------------------

// Validates and resolves the linked hubs of a DPS PUT (what DPS checks before accepting the link).
std::optional<Response> resolveLinkedHubs(Sandbox &sb, const Request &req, const QJsonArray &given, const QJsonArray &current,
                                          QJsonArray *out)
{
    const Kind &kind = kDps;
    const bool latest = req.apiVersion() == kLatestDps;
    QSet<QString> seen;
    QJsonArray result;
    for (const auto &v : given) {
        if (!v.isObject())
            return rpError(kind, 400, DpsInvalidBody, QString(), QStringLiteral("Each entry of iotHubs must be an object."));
        const QJsonObject in = v.toObject();
        QJsonObject entry;
        const QString authType = latest ? in.value(QStringLiteral("authenticationType")).toString() : QString();
        const bool identityBased = authType.compare(QLatin1String("UserAssigned"), Qt::CaseInsensitive) == 0
                                   || authType.compare(QLatin1String("SystemAssigned"), Qt::CaseInsensitive) == 0;
        if (latest && !authType.isEmpty() && !identityBased && authType.compare(QLatin1String("KeyBased"), Qt::CaseInsensitive) != 0)
            return rpError(kind, 400, DpsInvalidBody, QString(),
                           QStringLiteral("authenticationType '%1' is not valid. Valid values: KeyBased, UserAssigned, SystemAssigned.").arg(authType.left(40)));
        const QString connection = in.value(QStringLiteral("connectionString")).toString();
        QString host, keyName, key;
        if (connection.isEmpty()) {
            if (!identityBased) {
                return rpError(kind, 400, latest ? DpsHostNameRequired : DpsInvalidConnectionString, QString(),
                               latest ? QStringLiteral("hostName is required when connectionString is not provided; a key-based link needs the hub's connection string.")
                                      : QStringLiteral("The linked IoT hub needs a connectionString (HostName=...;SharedAccessKeyName=...;SharedAccessKey=...)."));
            }
            host = in.value(QStringLiteral("hostName")).toString();
            if (host.isEmpty())
                return rpError(kind, 400, DpsHostNameRequired, QString(), QStringLiteral("hostName is required when connectionString is not provided."));
        } else if (!parseConnectionString(connection, &host, &keyName, &key)) {
            return rpError(kind, 400, DpsInvalidConnectionString, QString(),
                           QStringLiteral("The connection string of a linked IoT hub is not valid. Expected HostName=<hub>.azure-devices.net;SharedAccessKeyName=<policy>;SharedAccessKey=<key>."));
        }
        host = host.toLower();
        if (seen.contains(host))
            return rpError(kind, 400, DpsDuplicateLinkedHub, QString(),
                           QStringLiteral("The IoT hub '%1' is linked more than once. Each hub can be linked to a provisioning service only once.").arg(host));
        seen.insert(host);
        const QString location = in.value(QStringLiteral("location")).toString();
        if (location.isEmpty())
            return rpError(kind, 400, DpsLinkedHubLocationRequired, QString(),
                           QStringLiteral("The location of the linked IoT hub '%1' is required.").arg(host));
        const Arm::Region *region = Arm::findRegion(location);
        if (!region)
            return rpError(kind, 400, DpsLinkedHubLocationRequired, QString(),
                           QStringLiteral("The location '%1' of the linked IoT hub '%2' is not a valid region.").arg(location.left(60), host));
        // Find the hub by its host name, in any subscription (DPS reaches hubs by key, not by ARM).
        const QString hubName = host.section(QLatin1Char('.'), 0, 0);
        Resource *hub = host.endsWith(QLatin1String(".azure-devices.net")) ? sb.world().resourceByGlobalName(kHubType, hubName) : nullptr;
        if (!hub)
            return rpError(kind, 400, DpsLinkedHubNotFound, QString(),
                           QStringLiteral("The IoT hub '%1' could not be reached. Check the host name in the connection string.").arg(host));
        const QJsonObject hubProps = hub->body.value(QStringLiteral("properties")).toObject();
        if (hubProps.value(QStringLiteral("provisioningState")).toString() != QLatin1String("Succeeded")
            || hubProps.value(QStringLiteral("state")).toString() != QLatin1String("Active"))
            return rpError(kind, 400, DpsLinkedHubNotActive, QString(),
                           QStringLiteral("The IoT hub '%1' is not active yet (state %2). Wait for its creation to finish, then link it.")
                               .arg(host, hubProps.value(QStringLiteral("state")).toString()));
        if (!connection.isEmpty()) {
            QString effective = connection;
            if (key == QLatin1String("****")) {
                // A GET body sent back: accepted for hubs this DPS already links with that policy.
                effective.clear();
                for (const auto &c : current) {
                    QString h, n, k;
                    if (parseConnectionString(c.toObject().value(QStringLiteral("connectionString")).toString(), &h, &n, &k)
                        && h.compare(host, Qt::CaseInsensitive) == 0 && n == keyName)
                        effective = c.toObject().value(QStringLiteral("connectionString")).toString();
                }
                if (effective.isEmpty())
                    return rpError(kind, 400, DpsLinkedHubUnauthorized, QString(),
                                   QStringLiteral("The connection string for IoT hub '%1' has a masked key ('****'). Send the real key of policy '%2'.").arg(host, keyName));
                parseConnectionString(effective, &host, &keyName, &key);
                host = host.toLower();
            }
            QJsonObject policy;
            for (const auto &p : std::as_const(hub->keys)) {
                if (p.toObject().value(QStringLiteral("keyName")).toString() == keyName)
                    policy = p.toObject();
            }
            if (policy.isEmpty() || (policy.value(QStringLiteral("primaryKey")).toString() != key
                                     && policy.value(QStringLiteral("secondaryKey")).toString() != key))
                return rpError(kind, 400, DpsLinkedHubUnauthorized, QString(),
                               QStringLiteral("The IoT hub '%1' rejected the key of policy '%2' (unauthorized). Copy a current key of the policy and retry.").arg(host, keyName));
            const QString rights = policy.value(QStringLiteral("rights")).toString();
            if (!hasRight(rights, QStringLiteral("RegistryWrite")) || !hasRight(rights, QStringLiteral("ServiceConnect")))
                return rpError(kind, 400, DpsLinkedHubMissingRights, QString(),
                               QStringLiteral("The policy '%1' of IoT hub '%2' has rights '%3'; linking needs RegistryWrite and ServiceConnect (iothubowner has both).")
                                   .arg(keyName, host, rights));
            entry.insert(QStringLiteral("connectionString"), connectionString(hubProps.value(QStringLiteral("hostName")).toString(), keyName, key));
        }
        if (in.contains(QStringLiteral("allocationWeight")) && !in.value(QStringLiteral("allocationWeight")).isNull()) {
            const double w = in.value(QStringLiteral("allocationWeight")).toDouble(-1);
            if (w != std::floor(w) || w < 0 || w > 1000)
                return rpError(kind, 400, DpsInvalidWeight, QString(),
                               QStringLiteral("allocationWeight of IoT hub '%1' must be a whole number from 0 to 1000.").arg(host));
            entry.insert(QStringLiteral("allocationWeight"), int(w));
        }
        if (in.contains(QStringLiteral("applyAllocationPolicy")) && !in.value(QStringLiteral("applyAllocationPolicy")).isNull()) {
            if (!in.value(QStringLiteral("applyAllocationPolicy")).isBool())
                return rpError(kind, 400, DpsInvalidBody, QString(), QStringLiteral("applyAllocationPolicy must be true or false."));
            entry.insert(QStringLiteral("applyAllocationPolicy"), in.value(QStringLiteral("applyAllocationPolicy")));
        }
        entry.insert(QStringLiteral("location"), region->name);
        entry.insert(QStringLiteral("name"), hubProps.value(QStringLiteral("hostName")).toString());
        if (latest) {
            if (!authType.isEmpty())
                entry.insert(QStringLiteral("authenticationType"), authType);
            if (in.contains(QStringLiteral("selectedUserAssignedIdentityResourceId")))
                entry.insert(QStringLiteral("selectedUserAssignedIdentityResourceId"), in.value(QStringLiteral("selectedUserAssignedIdentityResourceId")));
        }
        result.append(entry);
    }
    *out = result;
    return std::nullopt;
}

Response putDps(Sandbox &sb, Request &req)
{
    const Kind &kind = kDps;
    PutContext c;
    if (auto e = putPrelude(sb, req, kind, &c))
        return *e;
    Subscription *sub = c.sub;
    const ResourceGroup *group = c.group;
    const QJsonObject &body = c.body;
    const Arm::Region *region = c.region;
    const QString &rg = c.rg, &name = c.name;
    if (!body.value(QStringLiteral("sku")).isObject())
        return rpError(kind, 400, DpsInvalidSku, QString(), QStringLiteral("The sku property is required; use {\"name\": \"S1\", \"capacity\": 1}."));
    const QJsonObject skuIn = body.value(QStringLiteral("sku")).toObject();
    if (skuIn.value(QStringLiteral("name")).toString().toUpper() != QLatin1String("S1"))
        return rpError(kind, 400, DpsInvalidSku, QString(),
                       QStringLiteral("The SKU '%1' is not valid for a provisioning service; the only SKU is S1.").arg(skuIn.value(QStringLiteral("name")).toString().left(20)));
    const QJsonValue capacityValue = skuIn.value(QStringLiteral("capacity"));
    const double capacity = capacityValue.isUndefined() || capacityValue.isNull() ? 1 : capacityValue.toDouble(-1);
    if (capacity != std::floor(capacity) || capacity < 1 || capacity > 10)
        return rpError(kind, 400, DpsInvalidCapacity, QString(), QStringLiteral("sku.capacity must be a whole number of units from 1 to 10."));
    if (!body.value(QStringLiteral("properties")).isUndefined() && !body.value(QStringLiteral("properties")).isObject())
        return rpError(kind, 400, DpsInvalidBody, QString(), QStringLiteral("properties must be an object."));
    const QJsonObject propsIn = body.value(QStringLiteral("properties")).toObject();

    QString policy = QStringLiteral("Hashed");
    if (propsIn.contains(QStringLiteral("allocationPolicy")) && !propsIn.value(QStringLiteral("allocationPolicy")).isNull()) {
        const QString given = propsIn.value(QStringLiteral("allocationPolicy")).toString();
        policy.clear();
        for (const QString &p : {QStringLiteral("Hashed"), QStringLiteral("GeoLatency"), QStringLiteral("Static")}) {
            if (p.compare(given, Qt::CaseInsensitive) == 0)
                policy = p;
        }
        if (policy.isEmpty())
            return rpError(kind, 400, DpsInvalidAllocationPolicy, QString(),
                           QStringLiteral("The allocation policy '%1' is not valid. Valid values: Hashed, GeoLatency, Static.").arg(given.left(40)));
    }
    if (!propsIn.value(QStringLiteral("iotHubs")).isUndefined() && !propsIn.value(QStringLiteral("iotHubs")).isNull()
        && !propsIn.value(QStringLiteral("iotHubs")).isArray())
        return rpError(kind, 400, DpsInvalidBody, QString(), QStringLiteral("iotHubs must be an array."));

    Resource *existing = sb.world().resource(sub->subscriptionId, rg, kDpsType, name);
    const qint64 now = sb.world().nowMs();
    if (!existing && sb.world().resourceByGlobalName(kDpsType, name))
        return rpError(kind, 409, DpsNameNotAvailable, QString(),
                       QStringLiteral("The provisioning service name '%1' is not available. Names are global; choose another name.").arg(name));
    if (existing && !existing->activeOperationId.isEmpty())
        return operationInProgress(kind, existing->name);
    const QJsonObject current = existing ? existing->body.value(QStringLiteral("properties")).toObject() : QJsonObject();
    if (existing) {
        if (region->name != existing->body.value(QStringLiteral("location")).toString())
            return rpError(kind, 400, DpsLocationImmutable, QString(),
                           QStringLiteral("The location of provisioning service '%1' cannot be changed.").arg(existing->name));
        if (auto e = checkReadOnly(kind, propsIn, current,
                                   {QStringLiteral("idScope"), QStringLiteral("serviceOperationsHostName"), QStringLiteral("deviceProvisioningHostName"),
                                    QStringLiteral("provisioningState"), QStringLiteral("state")}))
            return *e;
    }
    QJsonArray linked;
    if (auto e = resolveLinkedHubs(sb, req, propsIn.value(QStringLiteral("iotHubs")).toArray(),
                                   current.value(QStringLiteral("iotHubs")).toArray(), &linked))
        return *e;

    // Shared access policies: a non-empty list replaces them (what `az iot dps policy create` sends after
    // listkeys); an empty one, as GET shows it, changes nothing. Missing keys are generated.
    QJsonArray policies = existing ? existing->keys : defaultDpsKeys();
    const QJsonArray policiesIn = propsIn.value(QStringLiteral("authorizationPolicies")).toArray();
    if (!policiesIn.isEmpty()) {
        static const QStringList rights{QStringLiteral("ServiceConfig"), QStringLiteral("EnrollmentRead"), QStringLiteral("EnrollmentWrite"),
                                        QStringLiteral("DeviceConnect"), QStringLiteral("RegistrationStatusRead"), QStringLiteral("RegistrationStatusWrite")};
        QJsonArray replaced;
        QSet<QString> names;
        for (const auto &v : policiesIn) {
            QJsonObject k = v.toObject();
            const QString keyName = k.value(QStringLiteral("keyName")).toString();
            static const QRegularExpression keyNameRe(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
            if (!keyNameRe.match(keyName).hasMatch() || names.contains(keyName.toLower()))
                return rpError(kind, 400, DpsInvalidBody, QString(),
                               QStringLiteral("Each authorization policy needs a unique keyName of 1-64 letters, digits, '-', '_' or '.'."));
            names.insert(keyName.toLower());
            const auto given = k.value(QStringLiteral("rights")).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
            if (given.isEmpty())
                return rpError(kind, 400, DpsInvalidBody, QString(), QStringLiteral("The policy '%1' needs rights.").arg(keyName));
            for (const auto &r : given) {
                if (!rights.contains(r.trimmed()))
                    return rpError(kind, 400, DpsInvalidBody, QString(),
                                   QStringLiteral("'%1' is not a valid right. Valid rights: %2.").arg(r.trimmed().left(40), rights.join(QStringLiteral(", "))));
            }
            QJsonObject old;
            for (const auto &o : std::as_const(policies)) {
                if (o.toObject().value(QStringLiteral("keyName")).toString() == keyName)
                    old = o.toObject();
            }
            for (const QString &field : {QStringLiteral("primaryKey"), QStringLiteral("secondaryKey")}) {
                if (k.value(field).toString().isEmpty())
                    k.insert(field, old.value(field).toString().isEmpty() ? randomKeyBase64() : old.value(field).toString());
            }
            replaced.append(k);
        }
        policies = replaced;
    }

    const QJsonObject previous = existing ? existing->body : QJsonObject();
    QJsonObject fresh = dpsBody(sub->subscriptionId, group->name, existing ? existing->name : name, region->name, qint64(capacity),
                                body.value(QStringLiteral("tags")).toObject());
    QJsonObject props = fresh.value(QStringLiteral("properties")).toObject();
    static const QStringList settable{QStringLiteral("publicNetworkAccess"), QStringLiteral("ipFilterRules"),
                                      QStringLiteral("enableDataResidency"), QStringLiteral("privateEndpointConnections")};
    for (const auto &k : settable) {
        if (propsIn.contains(k))
            props.insert(k, propsIn.value(k));
    }
    props.insert(QStringLiteral("allocationPolicy"), policy);
    props.insert(QStringLiteral("iotHubs"), linked);
    if (existing) {
        props.insert(QStringLiteral("idScope"), current.value(QStringLiteral("idScope")));
        fresh.insert(QStringLiteral("etag"), existing->body.value(QStringLiteral("etag")));
        if (!body.contains(QStringLiteral("tags")))
            fresh.insert(QStringLiteral("tags"), existing->body.value(QStringLiteral("tags")));
        fresh.insert(QStringLiteral("properties"), props);
        existing->body = fresh;
        existing->keys = policies;
        setInFlight(*existing, QStringLiteral("Updating"), QStringLiteral("Transitioning"));
        Operation &op = startOperation(sb, req, *existing, QStringLiteral("update"), sb.options().lroUpdateMs);
        op.previousBody = previous;
        Response resp = Response::json(200, present(*existing, req.apiVersion()));
        setLroHeaders(resp, req, op, kind, basePath(existing->subscriptionId, existing->resourceGroup, kind, existing->name), now);
        return resp;
    }
    fresh.insert(QStringLiteral("properties"), props);
    Resource r;
    r.subscriptionId = sub->subscriptionId;
    r.resourceGroup = group->name;
    r.type = kDpsType;
    r.name = name;
    r.body = fresh;
    r.keys = policies;
    setInFlight(r, QStringLiteral("Accepted"), QStringLiteral("Activating"));
    const QString key = World::resourceKey(r.subscriptionId, r.resourceGroup, r.type, r.name);
    sb.world().resources.insert(key, r);
    Resource &stored = sb.world().resources[key];
    Operation &op = startOperation(sb, req, stored, QStringLiteral("create"), sb.options().lroDpsMs);
    Response resp = Response::json(201, present(stored, req.apiVersion()));
    setLroHeaders(resp, req, op, kind, basePath(r.subscriptionId, r.resourceGroup, kind, r.name), now);
    return resp;
}

// ---- operations shared by both types ------------------------------------------------------------

Response getResource(Sandbox &sb, Request &req, const Kind &kind)
{
    Resource *r = nullptr;
    if (auto e = resolve(sb, req, kind, QStringLiteral("read"), &r))
        return *e;
    return Response::json(200, present(*r, req.apiVersion()));
}

Response patchTags(Sandbox &sb, Request &req, const Kind &kind)
{
    Resource *r = nullptr;
    if (auto e = resolve(sb, req, kind, QStringLiteral("write"), &r))
        return *e;
    QJsonObject body;
    if (auto e = Arm::parseJsonBody(req, &body))
        return *e;
    if (auto e = checkTags(kind, body.value(QStringLiteral("tags"))))
        return *e;
    if (body.contains(QStringLiteral("tags"))) {
        r->body.insert(QStringLiteral("tags"), body.value(QStringLiteral("tags")).toObject());
        r->body.insert(QStringLiteral("etag"), etagNow());
    }
    return Response::json(200, present(*r, req.apiVersion()));
}

Response deleteResource(Sandbox &sb, Request &req, const Kind &kind)
{
    Subscription *sub = nullptr;
    if (auto e = devicesPrelude(sb, req, QStringLiteral("%1/delete").arg(typeLabel(kind)), &sub))
        return *e;
    if (!sb.world().resourceGroup(sub->subscriptionId, req.params[1]))
        return Arm::resourceGroupNotFound(req.params[1]);
    Resource *r = sb.world().resource(sub->subscriptionId, req.params[1], kind.type, req.params[2]);
    if (!r)
        return notFound(kind, req.params[2], req.params[1]);
    const qint64 now = sb.world().nowMs();
    Operation *op = nullptr;
    if (!r->activeOperationId.isEmpty()) {
        Operation &running = sb.world().operations[r->activeOperationId];
        if (running.kind != QLatin1String("delete"))
            return operationInProgress(kind, r->name);
        op = &running; // a repeated DELETE joins the running one
    } else {
        setInFlight(*r, QStringLiteral("Deleting"), QStringLiteral("Deleting"));
        op = &startOperation(sb, req, *r, QStringLiteral("delete"), sb.options().lroUpdateMs);
    }
    // IoT Hub answers with the hub in its transitional state (HUB-SPEC 202: IotHubDescription); DPS with no body.
    Response resp = kind.isDps() ? Response::empty(202) : Response::json(202, present(*r, req.apiVersion()));
    setLroHeaders(resp, req, *op, kind, basePath(r->subscriptionId, r->resourceGroup, kind, r->name), now);
    return resp;
}

Response listResources(Sandbox &sb, Request &req, const Kind &kind, bool byGroup)
{
    Subscription *sub = nullptr;
    if (auto e = devicesPrelude(sb, req, QStringLiteral("%1/read").arg(typeLabel(kind)), &sub))
        return *e;
    if (byGroup && !sb.world().resourceGroup(sub->subscriptionId, req.params[1]))
        return Arm::resourceGroupNotFound(req.params[1]);
    QJsonArray all;
    for (const Resource *r : sb.world().resourcesOf(sub->subscriptionId, byGroup ? req.params[1] : QString(), kind.type))
        all.append(present(*r, req.apiVersion()));
    QJsonObject page;
    if (auto e = Arm::page(sb, req, all, &page))
        return *e;
    return Response::json(200, page);
}

Response checkName(Sandbox &sb, Request &req, const Kind &kind)
{
    Subscription *sub = nullptr;
    if (auto e = devicesPrelude(sb, req, QStringLiteral("%1/checkNameAvailability/action").arg(typeLabel(kind)), &sub))
        return *e;
    QJsonObject body;
    if (auto e = Arm::parseJsonBody(req, &body))
        return *e;
    if (!body.value(QStringLiteral("name")).isString())
        return rpError(kind, 400, DpsInvalidBody, QStringLiteral("InvalidRequestBody"), QStringLiteral("The request body needs a 'name' string."));
    const QString name = body.value(QStringLiteral("name")).toString();
    if (!validName(name))
        return Response::json(200, QJsonObject{{QStringLiteral("nameAvailable"), false},
                                               {QStringLiteral("reason"), QStringLiteral("Invalid")},
                                               {QStringLiteral("message"), QStringLiteral("The name '%1' is invalid: use 3-50 letters, numbers or hyphens, not starting with a hyphen, ending with a letter or number.").arg(name.left(100))}});
    if (sb.world().resourceByGlobalName(kind.type, name))
        return Response::json(200, QJsonObject{{QStringLiteral("nameAvailable"), false},
                                               {QStringLiteral("reason"), QStringLiteral("AlreadyExists")},
                                               {QStringLiteral("message"), kind.isDps() ? QStringLiteral("Name '%1' is already taken.").arg(name)
                                                                                        : QStringLiteral("IotHub name '%1' is not available").arg(name)}});
    // As the real services do, `reason` is sent even when the name is available (azure-arm.md 2.6).
    return Response::json(200, QJsonObject{{QStringLiteral("nameAvailable"), true},
                                           {QStringLiteral("reason"), QStringLiteral("Invalid")},
                                           {QStringLiteral("message"), kind.isDps() ? QStringLiteral("name is valid") : QString()}});
}

Response listKeys(Sandbox &sb, Request &req, const Kind &kind)
{
    Resource *r = nullptr;
    if (auto e = resolve(sb, req, kind, QStringLiteral("listkeys/action"), &r))
        return *e;
    if (req.method == "GET" && !req.hasQuery(QStringLiteral("$skiptoken")))
        return Response::armError(405, QStringLiteral("MethodNotAllowed"), QStringLiteral("The requested resource does not support http method 'GET'."));
    QJsonObject page;
    if (auto e = Arm::page(sb, req, r->keys, &page))
        return *e;
    return Response::json(200, page);
}

Response keyForName(Sandbox &sb, Request &req, const Kind &kind)
{
    Resource *r = nullptr;
    if (auto e = resolve(sb, req, kind, QStringLiteral("listkeys/action"), &r))
        return *e;
    for (const auto &k : std::as_const(r->keys)) {
        if (k.toObject().value(QStringLiteral("keyName")).toString() == req.params[3])
            return Response::json(200, k.toObject());
    }
    return rpError(kind, 404, DpsKeyNotFound, QStringLiteral("KeyNameNotFound"),
                   QStringLiteral("The shared access policy '%1' does not exist on '%2'.").arg(req.params[3].left(100), r->name));
}

Response skus(Sandbox &sb, Request &req, const Kind &kind)
{
    Resource *r = nullptr;
    if (auto e = resolve(sb, req, kind, QStringLiteral("read"), &r))
        return *e;
    QJsonArray all;
    if (kind.isDps()) {
        all.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("S1")}});
    } else {
        const QString current = r->body.value(QStringLiteral("sku")).toObject().value(QStringLiteral("name")).toString();
        QStringList names{QStringLiteral("S1"), QStringLiteral("S2"), QStringLiteral("S3")};
        if (current == QLatin1String("F1"))
            names = {QStringLiteral("F1")};
        else if (current.startsWith(QLatin1Char('B')))
            names = QStringList{QStringLiteral("B1"), QStringLiteral("B2"), QStringLiteral("B3")} + names;
        for (const auto &n : names) {
            const int max = n == QLatin1String("F1") ? 1 : (n == QLatin1String("S3") || n == QLatin1String("B3")) ? 10 : 200;
            all.append(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Microsoft.Devices/IotHubs")},
                                   {QStringLiteral("sku"), QJsonObject{{QStringLiteral("name"), n}, {QStringLiteral("tier"), hubTier(n)}}},
                                   {QStringLiteral("capacity"), QJsonObject{{QStringLiteral("minimum"), 1},
                                                                            {QStringLiteral("maximum"), max},
                                                                            {QStringLiteral("default"), 1},
                                                                            {QStringLiteral("scaleType"), n == QLatin1String("F1") ? QStringLiteral("None") : QStringLiteral("Manual")}}}});
        }
    }
    QJsonObject page;
    if (auto e = Arm::page(sb, req, all, &page))
        return *e;
    return Response::json(200, page);
}

Response operationResult(Sandbox &sb, Request &req, const Kind &kind)
{
    Subscription *sub = nullptr;
    if (auto e = devicesPrelude(sb, req, QStringLiteral("%1/read").arg(typeLabel(kind)), &sub))
        return *e;
    auto it = sb.world().operations.find(req.params[3]);
    if (it == sb.world().operations.end() || it->resourceType != kind.type
        || it->subscriptionId.compare(sub->subscriptionId, Qt::CaseInsensitive) != 0
        || it->resourceName.compare(req.params[2], Qt::CaseInsensitive) != 0)
        return rpError(kind, 404, 404002, QStringLiteral("OperationNotFound"),
                       QStringLiteral("The operation '%1' was not found.").arg(req.params[3].left(100)));
    const Operation op = *it;
    const qint64 now = sb.world().nowMs();
    const bool done = op.doneAtMs <= now;
    if (req.hasQuery(QStringLiteral("asyncinfo"))) {
        // Azure-AsyncOperation: always 200 with the status.
        Response resp = Response::json(200, operationStatus(op, now, req.path));
        if (!done)
            setRetryHeaders(resp, op.doneAtMs - now);
        return resp;
    }
    // Location: 202 while running, then what the operation would have answered synchronously.
    if (!done) {
        Response resp = Response::empty(202);
        resp.setHeader("Location", req.absoluteUrl(req.path, req.query).toString(QUrl::FullyEncoded).toLatin1());
        setRetryHeaders(resp, op.doneAtMs - now);
        return resp;
    }
    if (op.outcome == QLatin1String("Failed"))
        return Response::json(400, QJsonObject{{QStringLiteral("error"), op.error}});
    if (op.kind == QLatin1String("delete"))
        return Response::empty(204);
    Resource *r = sb.world().resource(op.subscriptionId, op.resourceGroup, op.resourceType, op.resourceName);
    if (!r)
        return notFound(kind, op.resourceName, op.resourceGroup);
    return Response::json(200, present(*r, req.apiVersion()));
}

Response usages(Sandbox &sb, Request &req)
{
    Subscription *sub = nullptr;
    if (auto e = devicesPrelude(sb, req, QStringLiteral("Microsoft.Devices/usages/read"), &sub))
        return *e;
    const auto hubs = sb.world().resourcesOf(sub->subscriptionId, QString(), kHubType);
    int free = 0;
    for (const Resource *h : hubs)
        free += h->body.value(QStringLiteral("sku")).toObject().value(QStringLiteral("name")).toString() == QLatin1String("F1");
    const QString base = QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/usages/").arg(sub->subscriptionId);
    const QJsonArray value{
        QJsonObject{{QStringLiteral("id"), base + QStringLiteral("TotalLocationSpecificIoTHubs")},
                    {QStringLiteral("type"), QStringLiteral("Microsoft.Devices/usages")},
                    {QStringLiteral("unit"), QStringLiteral("count")},
                    {QStringLiteral("currentValue"), hubs.size()},
                    {QStringLiteral("limit"), 50},
                    {QStringLiteral("name"), QJsonObject{{QStringLiteral("value"), QStringLiteral("TotalLocationSpecificIoTHubs")},
                                                         {QStringLiteral("localizedValue"), QStringLiteral("Total number of IoT hubs")}}}},
        QJsonObject{{QStringLiteral("id"), base + QStringLiteral("FreeIoTHubs")},
                    {QStringLiteral("type"), QStringLiteral("Microsoft.Devices/usages")},
                    {QStringLiteral("unit"), QStringLiteral("count")},
                    {QStringLiteral("currentValue"), free},
                    {QStringLiteral("limit"), 1},
                    {QStringLiteral("name"), QJsonObject{{QStringLiteral("value"), QStringLiteral("FreeIoTHubs")},
                                                         {QStringLiteral("localizedValue"), QStringLiteral("Free IoT hubs")}}}}};
    return Response::json(200, QJsonObject{{QStringLiteral("value"), value}});
}

void add(Sandbox &sandbox, const char *method, const QString &pattern, const QString &operationId, const Kind &kind, Handler handler)
{
    Route r;
    r.method = method;
    r.pattern = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    r.kind = RouteKind::Arm;
    r.operationId = operationId;
    r.apiVersions = kind.isDps() ? Arm::dpsApiVersions() : Arm::hubApiVersions();
    r.apiFamily = kind.family;
    r.handler = std::move(handler);
    sandbox.addRoute(std::move(r));
}

} // namespace

void registerDevicesRoutes(Sandbox &sandbox)
{
    Sandbox *sb = &sandbox;
    const QString sub = QStringLiteral("/subscriptions/{}/providers/Microsoft.Devices/");
    const QString rg = QStringLiteral("/subscriptions/{}/resourceGroups/{}/providers/Microsoft.Devices/");
    for (const Kind *k : {&kHub, &kDps}) {
        const Kind &kind = *k;
        const QString t = kind.isDps() ? QStringLiteral("provisioningServices") : QStringLiteral("IotHubs");
        const QString p = kind.isDps() ? QStringLiteral("IotDpsResource_") : QStringLiteral("IotHubResource_");
        const QString one = rg + t + QStringLiteral("/{}");
        add(sandbox, "PUT", one, p + QStringLiteral("CreateOrUpdate"), kind,
            [sb, &kind](Request &req) { return kind.isDps() ? putDps(*sb, req) : putHub(*sb, req); });
        add(sandbox, "GET", one, p + QStringLiteral("Get"), kind, [sb, &kind](Request &req) { return getResource(*sb, req, kind); });
        add(sandbox, "PATCH", one, p + QStringLiteral("Update"), kind, [sb, &kind](Request &req) { return patchTags(*sb, req, kind); });
        add(sandbox, "DELETE", one, p + QStringLiteral("Delete"), kind, [sb, &kind](Request &req) { return deleteResource(*sb, req, kind); });
        add(sandbox, "GET", sub + t, p + QStringLiteral("ListBySubscription"), kind,
            [sb, &kind](Request &req) { return listResources(*sb, req, kind, false); });
        add(sandbox, "GET", rg + t, p + QStringLiteral("ListByResourceGroup"), kind,
            [sb, &kind](Request &req) { return listResources(*sb, req, kind, true); });
        add(sandbox, "POST", one + QStringLiteral("/listkeys"), p + QStringLiteral("ListKeys"), kind,
            [sb, &kind](Request &req) { return listKeys(*sb, req, kind); });
        // nextLink of listkeys: the SDKs follow it with GET, our client with POST; both work.
        add(sandbox, "GET", one + QStringLiteral("/listkeys"), p + QStringLiteral("ListKeys"), kind,
            [sb, &kind](Request &req) { return listKeys(*sb, req, kind); });
        add(sandbox, "POST", one + (kind.isDps() ? QStringLiteral("/keys/{}/listkeys") : QStringLiteral("/IotHubKeys/{}/listkeys")),
            p + (kind.isDps() ? QStringLiteral("ListKeysForKeyName") : QStringLiteral("GetKeysForKeyName")), kind,
            [sb, &kind](Request &req) { return keyForName(*sb, req, kind); });
        add(sandbox, "GET", one + QStringLiteral("/skus"), p + (kind.isDps() ? QStringLiteral("listValidSkus") : QStringLiteral("GetValidSkus")), kind,
            [sb, &kind](Request &req) { return skus(*sb, req, kind); });
        add(sandbox, "GET", one + QLatin1Char('/') + kind.statusPath + QStringLiteral("/{}"), p + QStringLiteral("GetOperationResult"), kind,
            [sb, &kind](Request &req) { return operationResult(*sb, req, kind); });
    }
    add(sandbox, "POST", sub + QStringLiteral("checkNameAvailability"), QStringLiteral("IotHubResource_CheckNameAvailability"), kHub,
        [sb](Request &req) { return checkName(*sb, req, kHub); });
    add(sandbox, "POST", sub + QStringLiteral("checkProvisioningServiceNameAvailability"),
        QStringLiteral("IotDpsResource_CheckProvisioningServiceNameAvailability"), kDps,
        [sb](Request &req) { return checkName(*sb, req, kDps); });
    add(sandbox, "GET", sub + QStringLiteral("usages"), QStringLiteral("ResourceProviderCommon_GetSubscriptionQuota"), kHub,
        [sb](Request &req) { return usages(*sb, req); });
}

} // namespace Dps::Sandbox
