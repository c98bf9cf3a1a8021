#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

// Typed views of the ARM resources the app works with. Parsing tolerates unknown and missing fields;
// `raw` keeps the whole body (for re-PUTs that must not drop what we don't model).
namespace Dps::Arm {

struct Tenant
{
    QString tenantId;
    QString displayName;
    QString defaultDomain;
    QString category; // Home, ProjectedBy, ManagedBy
    static Tenant fromJson(const QJsonObject &json);
};

struct Subscription
{
    QString subscriptionId;
    QString tenantId;
    QString displayName;
    QString state; // Enabled, Warned, PastDue, Disabled, Deleted
    bool isEnabled() const { return state == QLatin1String("Enabled"); }
    static Subscription fromJson(const QJsonObject &json);
};

struct Location
{
    QString name;        // westeurope
    QString displayName; // West Europe
    QString regionalDisplayName;
    QString geographyGroup;
    static Location fromJson(const QJsonObject &json);
};

struct ResourceGroup
{
    QString id;
    QString name;
    QString location;
    QString provisioningState;
    QMap<QString, QString> tags;
    static ResourceGroup fromJson(const QJsonObject &json);
};

struct ProviderState
{
    QString ns;
    QString registrationState; // NotRegistered, Registering, Registered, Unregistering
    QMap<QString, QStringList> locationsByType; // resource type -> region display names
    bool isRegistered() const { return registrationState == QLatin1String("Registered"); }
    // Region display names of one resource type, matched case-insensitively ("IotHubs", "ProvisioningServices").
    QStringList locationsOf(const QString &resourceType) const;
    static ProviderState fromJson(const QJsonObject &json);
};

struct AccessPolicy
{
    QString keyName;
    QString rights;     // "RegistryWrite, ServiceConnect, DeviceConnect"
    QString primaryKey; // only from listkeys; hold only as long as needed
    QString secondaryKey;
    bool hasRight(const QString &right) const;
    bool canLinkToDps() const { return hasRight(QStringLiteral("RegistryWrite")) && hasRight(QStringLiteral("ServiceConnect")); }
    static AccessPolicy fromJson(const QJsonObject &json);
};

struct LinkedHub
{
    QString hostName;         // `name`, e.g. myhub.azure-devices.net
    QString connectionString; // masked on GET (SharedAccessKey=****)
    QString location;
    int allocationWeight = 1;
    bool applyAllocationPolicy = true;
    static LinkedHub fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

// "Hashed", "GeoLatency" or "Static" for any case of them (and surrounding spaces); empty otherwise.
QString canonicalAllocationPolicy(const QString &policy);

struct ProvisioningService
{
    QString id;
    QString name;
    QString subscriptionId;
    QString resourceGroup;
    QString location;
    QString skuName;
    qint64 capacity = 1;
    QString state;             // Active, Activating, ...
    QString provisioningState; // Succeeded, Accepted, ...
    QString allocationPolicy;  // Hashed, GeoLatency, Static
    QString idScope;
    QString serviceOperationsHostName;
    QString deviceProvisioningHostName; // global.azure-devices-provisioning.net
    QString etag;
    QList<LinkedHub> linkedHubs;
    QJsonObject raw;
    bool isActive() const { return state == QLatin1String("Active") && provisioningState == QLatin1String("Succeeded"); }
    static ProvisioningService fromJson(const QJsonObject &json);
};

struct IotHub
{
    QString id;
    QString name;
    QString subscriptionId;
    QString resourceGroup;
    QString location;
    QString skuName;  // F1, B1-B3, S1-S3
    QString skuTier;  // Free, Basic, Standard
    qint64 capacity = 1;
    int partitionCount = 0;
    QString hostName;
    QString state;
    QString provisioningState;
    QString etag;
    bool disableLocalAuth = false;
    QJsonObject raw;
    bool isActive() const { return state == QLatin1String("Active") && provisioningState == QLatin1String("Succeeded"); }
    static IotHub fromJson(const QJsonObject &json);
};

struct NameAvailability
{
    bool available = false;
    QString reason;
    QString message;
    static NameAvailability fromJson(const QJsonObject &json);
};

// "HostName=...;SharedAccessKeyName=...;SharedAccessKey=..."; never logged.
QString hubConnectionString(const QString &hostName, const AccessPolicy &policy);
// The HostName part of a (possibly masked) connection string; empty if there is none.
QString connectionStringHostName(const QString &connectionString);

} // namespace Dps::Arm

Q_DECLARE_METATYPE(Dps::Arm::ProvisioningService)
Q_DECLARE_METATYPE(Dps::Arm::IotHub)
