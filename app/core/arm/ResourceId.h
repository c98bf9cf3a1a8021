#pragma once

#include <QString>

namespace Dps::Arm {

// /subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/{type}/{name}, parsed case-insensitively.
struct ResourceId
{
    QString subscriptionId;
    QString resourceGroup;
    QString providerNamespace; // Microsoft.Devices
    QString type;              // IotHubs, provisioningServices
    QString name;

    static bool parse(const QString &id, ResourceId *out);
    QString toString() const; // canonical path
    static QString resourceGroupPath(const QString &subscriptionId, const QString &rg);
    static QString hubPath(const QString &subscriptionId, const QString &rg, const QString &name);
    static QString dpsPath(const QString &subscriptionId, const QString &rg, const QString &name);
    bool isValid() const { return !subscriptionId.isEmpty(); }
};

} // namespace Dps::Arm
