#pragma once

#include "World.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Dps::Sandbox::Devices {

inline const QString kHubType = QStringLiteral("IotHubs");
inline const QString kDpsType = QStringLiteral("ProvisioningServices");

// Resource ids as ARM spells them (resourceGroups / providers / Microsoft.Devices / {type} / {name}).
QString resourceId(const QString &subscriptionId, const QString &rg, const QString &type, const QString &name);

// A complete IoT hub as the RP returns it (provisioningState etc. set by the caller).
QJsonObject hubBody(const QString &subscriptionId, const QString &rg, const QString &name,
                    const QString &location, const QString &sku, qint64 capacity, int partitions,
                    const QJsonObject &tags);
// A complete DPS as the RP returns it.
QJsonObject dpsBody(const QString &subscriptionId, const QString &rg, const QString &name,
                    const QString &location, qint64 capacity, const QJsonObject &tags);

// Default shared access policies with fresh random keys.
QJsonArray defaultHubKeys();
QJsonArray defaultDpsKeys();
QString newIdScope();
QString hubTier(const QString &sku); // Free, Basic, Standard

QString connectionString(const QString &hostName, const QString &keyName, const QString &key);
// Parses "HostName=..;SharedAccessKeyName=..;SharedAccessKey=.." (keys case-insensitive). False when a part is missing.
bool parseConnectionString(const QString &text, QString *hostName, QString *keyName, QString *key);

// Builds a resource in `world` without LROs (worlds and tests).
Resource &addHub(World &world, const QString &subscriptionId, const QString &rg, const QString &name,
                 const QString &location, const QString &sku = QStringLiteral("S1"), int partitions = 4);
Resource &addDps(World &world, const QString &subscriptionId, const QString &rg, const QString &name,
                 const QString &location);
// Links `hub` to `dps` with its iothubowner key (what a completed link PUT leaves behind).
void linkHub(Resource &dps, const Resource &hub, int weight = 1, bool applyAllocationPolicy = true);

} // namespace Dps::Sandbox::Devices
