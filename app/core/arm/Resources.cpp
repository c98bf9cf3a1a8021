#include "Resources.h"

#include "ResourceId.h"

#include <QJsonArray>

namespace Dps::Arm {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

qint64 int64(const QJsonObject &o, const char *key, qint64 fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isDouble())
        return qint64(v.toDouble());
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        return ok ? n : fallback;
    }
    return fallback;
}

bool boolean(const QJsonObject &o, const char *key, bool fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isBool())
        return v.toBool();
    if (v.isString())
        return v.toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    return fallback;
}

// The real services add lower-case `subscriptionid` / `resourcegroup`; fall back to the id.
void locate(const QJsonObject &json,
            const QString &id,
            QString *subscriptionId,
            QString *resourceGroup)
{
    *subscriptionId = str(json, "subscriptionid");
    *resourceGroup = str(json, "resourcegroup");
    ResourceId parsed;
    if (ResourceId::parse(id, &parsed)) {
        if (subscriptionId->isEmpty())
            *subscriptionId = parsed.subscriptionId;
        if (resourceGroup->isEmpty())
            *resourceGroup = parsed.resourceGroup;
    }
}

// Connection strings are "Key=Value;Key=Value"; values may themselves contain '=' (base64 keys).
QString connectionStringValue(const QString &connectionString, const QString &key)
{
    const auto parts = connectionString.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const auto &part : parts) {
        const int eq = part.indexOf(QLatin1Char('='));
        if (eq > 0 && part.left(eq).trimmed().compare(key, Qt::CaseInsensitive) == 0)
            return part.mid(eq + 1).trimmed();
    }
    return {};
}

} // namespace

Tenant Tenant::fromJson(const QJsonObject &json)
{
    Tenant t;
    t.tenantId = str(json, "tenantId");
    if (t.tenantId.isEmpty())
        t.tenantId = str(json, "id").section(QLatin1Char('/'), -1);
    t.displayName = str(json, "displayName");
    t.defaultDomain = str(json, "defaultDomain");
    if (t.defaultDomain.isEmpty())
        t.defaultDomain = json.value(QLatin1String("domains")).toArray().at(0).toString();
    t.category = str(json, "tenantCategory");
    return t;
}

Subscription Subscription::fromJson(const QJsonObject &json)
{
    Subscription s;
    s.subscriptionId = str(json, "subscriptionId");
    if (s.subscriptionId.isEmpty())
        s.subscriptionId = str(json, "id").section(QLatin1Char('/'), -1);
    s.tenantId = str(json, "tenantId");
    s.displayName = str(json, "displayName");
    s.state = str(json, "state");
    return s;
}

Location Location::fromJson(const QJsonObject &json)
{
    Location l;
    l.name = str(json, "name");
    l.displayName = str(json, "displayName");
    l.regionalDisplayName = str(json, "regionalDisplayName");
    l.geographyGroup = str(obj(json, "metadata"), "geographyGroup");
    return l;
}

ResourceGroup ResourceGroup::fromJson(const QJsonObject &json)
{
    ResourceGroup g;
    g.id = str(json, "id");
    g.name = str(json, "name");
    g.location = str(json, "location");
    g.provisioningState = str(obj(json, "properties"), "provisioningState");
    const QJsonObject tags = obj(json, "tags");
    for (auto it = tags.begin(); it != tags.end(); ++it)
        g.tags.insert(it.key(), it.value().toString());
    return g;
}

ProviderState ProviderState::fromJson(const QJsonObject &json)
{
    ProviderState p;
    p.ns = str(json, "namespace");
    p.registrationState = str(json, "registrationState");
    const QJsonArray types = json.value(QLatin1String("resourceTypes")).toArray();
    for (const auto &t : types) {
        const QJsonObject type = t.toObject();
        QStringList locations;
        for (const auto &l : type.value(QLatin1String("locations")).toArray()) {
            if (l.isString())
                locations.append(l.toString());
        }
        p.locationsByType.insert(str(type, "resourceType"), locations);
    }
    return p;
}

QStringList ProviderState::locationsOf(const QString &resourceType) const
{
    for (auto it = locationsByType.begin(); it != locationsByType.end(); ++it) {
        if (it.key().compare(resourceType, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return {};
}

bool AccessPolicy::hasRight(const QString &right) const
{
    const auto parts = rights.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const auto &p : parts) {
        if (p.trimmed().compare(right, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

AccessPolicy AccessPolicy::fromJson(const QJsonObject &json)
{
    AccessPolicy p;
    p.keyName = str(json, "keyName");
    p.rights = str(json, "rights");
    p.primaryKey = str(json, "primaryKey");
    p.secondaryKey = str(json, "secondaryKey");
    return p;
}

LinkedHub LinkedHub::fromJson(const QJsonObject &json)
{
    LinkedHub h;
    h.connectionString = str(json, "connectionString");
    h.hostName = str(json, "name");
    if (h.hostName.isEmpty())
        h.hostName = str(json, "hostName");
    if (h.hostName.isEmpty())
        h.hostName = connectionStringValue(h.connectionString, QStringLiteral("HostName"));
    h.location = str(json, "location");
    h.allocationWeight = int(int64(json, "allocationWeight", 1));
    h.applyAllocationPolicy = boolean(json, "applyAllocationPolicy", true);
    return h;
}

QJsonObject LinkedHub::toJson() const
{
    // `name` is read-only (DPS fills it in from the connection string): not sent (azure-arm.md 2.4).
    return QJsonObject{{QStringLiteral("connectionString"), connectionString},
                       {QStringLiteral("location"), location},
                       {QStringLiteral("allocationWeight"), allocationWeight},
                       {QStringLiteral("applyAllocationPolicy"), applyAllocationPolicy}};
}

ProvisioningService ProvisioningService::fromJson(const QJsonObject &json)
{
    ProvisioningService d;
    d.raw = json;
    d.id = str(json, "id");
    d.name = str(json, "name");
    locate(json, d.id, &d.subscriptionId, &d.resourceGroup);
    d.location = str(json, "location");
    const QJsonObject sku = obj(json, "sku");
    d.skuName = str(sku, "name");
    d.capacity = int64(sku, "capacity", 1);
    d.etag = str(json, "etag");
    const QJsonObject props = obj(json, "properties");
    d.state = str(props, "state");
    d.provisioningState = str(props, "provisioningState");
    if (d.provisioningState.isEmpty() && !props.isEmpty())
        d.provisioningState = QStringLiteral(
            "Succeeded"); // RPC: absent means Succeeded (azure-arm.md 5)
    d.allocationPolicy = str(props, "allocationPolicy");
    d.idScope = str(props, "idScope");
    d.serviceOperationsHostName = str(props, "serviceOperationsHostName");
    d.deviceProvisioningHostName = str(props, "deviceProvisioningHostName");
    for (const auto &h : props.value(QLatin1String("iotHubs")).toArray()) {
        if (h.isObject())
            d.linkedHubs.append(LinkedHub::fromJson(h.toObject()));
    }
    return d;
}

IotHub IotHub::fromJson(const QJsonObject &json)
{
    IotHub h;
    h.raw = json;
    h.id = str(json, "id");
    h.name = str(json, "name");
    locate(json, h.id, &h.subscriptionId, &h.resourceGroup);
    h.location = str(json, "location");
    const QJsonObject sku = obj(json, "sku");
    h.skuName = str(sku, "name");
    h.skuTier = str(sku, "tier");
    h.capacity = int64(sku, "capacity", 1);
    h.etag = str(json, "etag");
    const QJsonObject props = obj(json, "properties");
    h.partitionCount = int(
        int64(obj(obj(props, "eventHubEndpoints"), "events"), "partitionCount", 0));
    h.hostName = str(props, "hostName");
    h.state = str(props, "state");
    h.provisioningState = str(props, "provisioningState");
    if (h.provisioningState.isEmpty() && !props.isEmpty())
        h.provisioningState = QStringLiteral("Succeeded");
    h.disableLocalAuth = boolean(props, "disableLocalAuth", false);
    return h;
}

NameAvailability NameAvailability::fromJson(const QJsonObject &json)
{
    NameAvailability n;
    // Only nameAvailable counts: `reason` is sent even for available names (azure-arm.md 2.6).
    n.available = boolean(json, "nameAvailable", false);
    n.reason = str(json, "reason");
    n.message = str(json, "message");
    return n;
}

QString hubConnectionString(const QString &hostName, const AccessPolicy &policy)
{
    return QStringLiteral("HostName=%1;SharedAccessKeyName=%2;SharedAccessKey=%3")
        .arg(hostName, policy.keyName, policy.primaryKey);
}

QString connectionStringHostName(const QString &connectionString)
{
    return connectionStringValue(connectionString, QStringLiteral("HostName"));
}

QString canonicalAllocationPolicy(const QString &policy)
{
    for (const QString &p : {QStringLiteral("Hashed"), QStringLiteral("GeoLatency"), QStringLiteral("Static")}) {
        if (p.compare(policy.trimmed(), Qt::CaseInsensitive) == 0)
            return p;
    }
    return {};
}

} // namespace Dps::Arm
