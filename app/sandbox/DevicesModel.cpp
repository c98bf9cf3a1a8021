#include "DevicesModel.h"

#include <QRandomGenerator>

namespace Dps::Sandbox::Devices {

QString resourceId(const QString &subscriptionId, const QString &rg, const QString &type, const QString &name)
{
    return QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.Devices/%3/%4")
        .arg(subscriptionId, rg, type, name);
}

QString hubTier(const QString &sku)
{
    const QString s = sku.toUpper();
    if (s == QLatin1String("F1"))
        return QStringLiteral("Free");
    if (s.startsWith(QLatin1Char('B')))
        return QStringLiteral("Basic");
    return QStringLiteral("Standard");
}

QJsonObject hubBody(const QString &subscriptionId, const QString &rg, const QString &name,
                    const QString &location, const QString &sku, qint64 capacity, int partitions,
                    const QJsonObject &tags)
{
    QJsonArray partitionIds;
    for (int i = 0; i < partitions; ++i)
        partitionIds.append(QString::number(i));
    const QString suffix = QString::number(QRandomGenerator::global()->bounded(100000, 999999));
    const QJsonObject events{{QStringLiteral("retentionTimeInDays"), 1},
                             {QStringLiteral("partitionCount"), partitions},
                             {QStringLiteral("partitionIds"), partitionIds},
                             {QStringLiteral("path"), name.toLower()},
                             {QStringLiteral("endpoint"), QStringLiteral("sb://iothub-ns-%1-%2.servicebus.windows.net/").arg(name.toLower().left(20), suffix)}};
    const QJsonObject properties{
        {QStringLiteral("state"), QStringLiteral("Active")},
        {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")},
        {QStringLiteral("ipFilterRules"), QJsonArray()},
        {QStringLiteral("hostName"), QStringLiteral("%1.azure-devices.net").arg(name.toLower())},
        {QStringLiteral("eventHubEndpoints"), QJsonObject{{QStringLiteral("events"), events}}},
        {QStringLiteral("routing"),
         QJsonObject{{QStringLiteral("endpoints"),
                      QJsonObject{{QStringLiteral("serviceBusQueues"), QJsonArray()},
                                  {QStringLiteral("serviceBusTopics"), QJsonArray()},
                                  {QStringLiteral("eventHubs"), QJsonArray()},
                                  {QStringLiteral("storageContainers"), QJsonArray()}}},
                     {QStringLiteral("routes"), QJsonArray()},
                     {QStringLiteral("fallbackRoute"),
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("$fallback")},
                                  {QStringLiteral("source"), QStringLiteral("DeviceMessages")},
                                  {QStringLiteral("condition"), QStringLiteral("true")},
                                  {QStringLiteral("endpointNames"), QJsonArray{QStringLiteral("events")}},
                                  {QStringLiteral("isEnabled"), true}}}}},
        {QStringLiteral("storageEndpoints"),
         QJsonObject{{QStringLiteral("$default"),
                      QJsonObject{{QStringLiteral("sasTtlAsIso8601"), QStringLiteral("PT1H")},
                                  {QStringLiteral("connectionString"), QString()},
                                  {QStringLiteral("containerName"), QString()}}}}},
        {QStringLiteral("messagingEndpoints"),
         QJsonObject{{QStringLiteral("fileNotifications"),
                      QJsonObject{{QStringLiteral("lockDurationAsIso8601"), QStringLiteral("PT1M")},
                                  {QStringLiteral("ttlAsIso8601"), QStringLiteral("PT1H")},
                                  {QStringLiteral("maxDeliveryCount"), 10}}}}},
        {QStringLiteral("enableFileUploadNotifications"), false},
        {QStringLiteral("cloudToDevice"),
         QJsonObject{{QStringLiteral("maxDeliveryCount"), 10},
                     {QStringLiteral("defaultTtlAsIso8601"), QStringLiteral("PT1H")},
                     {QStringLiteral("feedback"),
                      QJsonObject{{QStringLiteral("lockDurationAsIso8601"), QStringLiteral("PT1M")},
                                  {QStringLiteral("ttlAsIso8601"), QStringLiteral("PT1H")},
                                  {QStringLiteral("maxDeliveryCount"), 10}}}}},
        {QStringLiteral("features"), QStringLiteral("None")},
        {QStringLiteral("disableLocalAuth"), false},
        {QStringLiteral("allowedFqdnList"), QJsonArray()},
        {QStringLiteral("enableDataResidency"), false},
        {QStringLiteral("locations"), QJsonArray{QJsonObject{{QStringLiteral("location"), location}, {QStringLiteral("role"), QStringLiteral("primary")}}}},
    };
    return QJsonObject{{QStringLiteral("id"), resourceId(subscriptionId, rg, kHubType, name)},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("type"), QStringLiteral("Microsoft.Devices/IotHubs")},
                       {QStringLiteral("location"), location},
                       {QStringLiteral("tags"), tags},
                       {QStringLiteral("subscriptionid"), subscriptionId},
                       {QStringLiteral("resourcegroup"), rg},
                       {QStringLiteral("etag"), etagNow()},
                       {QStringLiteral("properties"), properties},
                       {QStringLiteral("sku"), QJsonObject{{QStringLiteral("name"), sku.toUpper()},
                                                           {QStringLiteral("tier"), hubTier(sku)},
                                                           {QStringLiteral("capacity"), double(capacity)}}},
                       {QStringLiteral("identity"), QJsonObject{{QStringLiteral("type"), QStringLiteral("None")}}}};
}

QJsonObject dpsBody(const QString &subscriptionId, const QString &rg, const QString &name,
                    const QString &location, qint64 capacity, const QJsonObject &tags)
{
    const QJsonObject properties{
        {QStringLiteral("state"), QStringLiteral("Active")},
        {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")},
        {QStringLiteral("publicNetworkAccess"), QStringLiteral("Enabled")},
        {QStringLiteral("ipFilterRules"), QJsonArray()},
        {QStringLiteral("privateEndpointConnections"), QJsonArray()},
        {QStringLiteral("iotHubs"), QJsonArray()},
        {QStringLiteral("allocationPolicy"), QStringLiteral("Hashed")},
        {QStringLiteral("serviceOperationsHostName"), QStringLiteral("%1.azure-devices-provisioning.net").arg(name.toLower())},
        {QStringLiteral("deviceProvisioningHostName"), QStringLiteral("global.azure-devices-provisioning.net")},
        {QStringLiteral("idScope"), newIdScope()},
        {QStringLiteral("authorizationPolicies"), QJsonArray()},
        {QStringLiteral("enableDataResidency"), false},
        {QStringLiteral("portalOperationsHostName"), QStringLiteral("%1.services.azure-devices-provisioning.net").arg(name.toLower())},
    };
    return QJsonObject{{QStringLiteral("id"), resourceId(subscriptionId, rg, kDpsType, name)},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("type"), QStringLiteral("Microsoft.Devices/ProvisioningServices")},
                       {QStringLiteral("location"), location},
                       {QStringLiteral("tags"), tags},
                       {QStringLiteral("resourcegroup"), rg},
                       {QStringLiteral("subscriptionid"), subscriptionId},
                       {QStringLiteral("etag"), etagNow()},
                       {QStringLiteral("properties"), properties},
                       {QStringLiteral("sku"), QJsonObject{{QStringLiteral("name"), QStringLiteral("S1")},
                                                           {QStringLiteral("tier"), QStringLiteral("Standard")},
                                                           {QStringLiteral("capacity"), double(capacity)}}}};
}

namespace {
QJsonObject rule(const QString &name, const QString &rights)
{
    return QJsonObject{{QStringLiteral("keyName"), name},
                       {QStringLiteral("primaryKey"), randomKeyBase64()},
                       {QStringLiteral("secondaryKey"), randomKeyBase64()},
                       {QStringLiteral("rights"), rights}};
}
} // namespace

QJsonArray defaultHubKeys()
{
    return QJsonArray{rule(QStringLiteral("iothubowner"), QStringLiteral("RegistryWrite, ServiceConnect, DeviceConnect")),
                      rule(QStringLiteral("service"), QStringLiteral("ServiceConnect")),
                      rule(QStringLiteral("device"), QStringLiteral("DeviceConnect")),
                      rule(QStringLiteral("registryRead"), QStringLiteral("RegistryRead")),
                      rule(QStringLiteral("registryReadWrite"), QStringLiteral("RegistryWrite"))};
}

QJsonArray defaultDpsKeys()
{
    return QJsonArray{rule(QStringLiteral("provisioningserviceowner"),
                           QStringLiteral("ServiceConfig, DeviceConnect, EnrollmentWrite"))};
}

QString newIdScope()
{
    // Real ID scopes look like "0ne" followed by 8 upper-case hex digits, e.g. 0ne00A1B2C3.
    return QStringLiteral("0ne%1").arg(QRandomGenerator::global()->generate() & 0xffffffffu, 8, 16, QLatin1Char('0')).toUpper().replace(QStringLiteral("0NE"), QStringLiteral("0ne"));
}

QString connectionString(const QString &hostName, const QString &keyName, const QString &key)
{
    return QStringLiteral("HostName=%1;SharedAccessKeyName=%2;SharedAccessKey=%3").arg(hostName, keyName, key);
}

bool parseConnectionString(const QString &text, QString *hostName, QString *keyName, QString *key)
{
    QString h, n, k;
    const auto parts = text.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const auto &part : parts) {
        const int eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return false;
        const QString name = part.left(eq).trimmed().toLower();
        const QString value = part.mid(eq + 1).trimmed();
        if (name == QLatin1String("hostname"))
            h = value;
        else if (name == QLatin1String("sharedaccesskeyname"))
            n = value;
        else if (name == QLatin1String("sharedaccesskey"))
            k = value;
    }
    if (h.isEmpty() || n.isEmpty() || k.isEmpty())
        return false;
    *hostName = h;
    *keyName = n;
    *key = k;
    return true;
}

Resource &addHub(World &world, const QString &subscriptionId, const QString &rg, const QString &name,
                 const QString &location, const QString &sku, int partitions)
{
    Resource r;
    r.subscriptionId = subscriptionId;
    r.resourceGroup = rg;
    r.type = kHubType;
    r.name = name;
    r.body = hubBody(subscriptionId, rg, name, location, sku, 1, sku == QLatin1String("F1") ? 2 : partitions, {});
    r.keys = defaultHubKeys();
    const QString key = World::resourceKey(subscriptionId, rg, kHubType, name);
    world.resources.insert(key, r);
    return world.resources[key];
}

Resource &addDps(World &world, const QString &subscriptionId, const QString &rg, const QString &name,
                 const QString &location)
{
    Resource r;
    r.subscriptionId = subscriptionId;
    r.resourceGroup = rg;
    r.type = kDpsType;
    r.name = name;
    r.body = dpsBody(subscriptionId, rg, name, location, 1, {});
    r.keys = defaultDpsKeys();
    const QString key = World::resourceKey(subscriptionId, rg, kDpsType, name);
    world.resources.insert(key, r);
    return world.resources[key];
}

void linkHub(Resource &dps, const Resource &hub, int weight, bool applyAllocationPolicy)
{
    const QString hostName = hub.body.value(QStringLiteral("properties")).toObject().value(QStringLiteral("hostName")).toString();
    QString ownerKey;
    for (const auto &k : hub.keys) {
        if (k.toObject().value(QStringLiteral("keyName")).toString() == QLatin1String("iothubowner"))
            ownerKey = k.toObject().value(QStringLiteral("primaryKey")).toString();
    }
    QJsonObject props = dps.body.value(QStringLiteral("properties")).toObject();
    QJsonArray hubs = props.value(QStringLiteral("iotHubs")).toArray();
    hubs.append(QJsonObject{{QStringLiteral("connectionString"), connectionString(hostName, QStringLiteral("iothubowner"), ownerKey)},
                            {QStringLiteral("location"), hub.body.value(QStringLiteral("location")).toString()},
                            {QStringLiteral("name"), hostName},
                            {QStringLiteral("applyAllocationPolicy"), applyAllocationPolicy},
                            {QStringLiteral("allocationWeight"), weight}});
    props.insert(QStringLiteral("iotHubs"), hubs);
    dps.body.insert(QStringLiteral("properties"), props);
}

} // namespace Dps::Sandbox::Devices
